// Draws each chart of the page from its Vega-Lite specification, as SVG, with the Vega and
// Vega-Lite bundles inlined above; marks the page when every chart is drawn (or one failed).
(function () {
  "use strict";
  const specs = JSON.parse(document.getElementById("chart-specs").textContent);
  const drawn = Array.from(document.querySelectorAll("figure.chart[data-chart]"), (figure) => {
    const compiled = vegaLite.compile(specs[Number(figure.dataset.chart)]).spec;
    const view = new vega.View(vega.parse(compiled), {
      renderer: "svg",
      container: figure,
      hover: true,
    });
    return view.runAsync();
  });
  Promise.all(drawn).then(
    () => { document.body.dataset.charts = "drawn"; },
    (error) => { document.body.dataset.charts = "failed"; console.error(error); },
  );
})();
