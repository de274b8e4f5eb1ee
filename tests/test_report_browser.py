"""The HTML report in a real browser: headless Chromium opens it from disk, with no console
error and no network request, shows every section and draws each chart; a full-page
screenshot goes to a temporary folder.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it when it can), driven by
Playwright's Python package with ``executable_path`` (Playwright downloads no browser here).
Without Chromium the test is skipped, saying so, except in CI (``CI=true``), where it must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.report_corpus import make_corpus, run

SECTIONS = ("summary", "steps", "rules", "metadata", "removed", "changes", "errors")
CHART_SECTIONS = ("steps", "rules", "metadata", "removed")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() == "true"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def need(condition: bool, reason: str) -> None:
    """Skip for ``reason`` unless ``condition``; in CI, fail instead: the test must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (the browser test must run in CI)")
    pytest.skip(reason)


# Size of each chart and its drawn data marks (bars, steps: shapes in the charts' colours
# with an area; the background and the axes are neither), from inside the page.
CHART_SCRIPT = """
(id) => Array.from(document.querySelectorAll(`section#${id} figure.chart svg`)).map(svg => {
    const box = svg.getBoundingClientRect();
    const colours = ['rgb(59, 110, 168)', 'rgb(192, 57, 43)'];
    const marks = Array.from(svg.querySelectorAll('path')).filter(p => {
        const b = p.getBBox();
        return b.width > 0 && b.height > 0 && colours.includes(getComputedStyle(p).fill);
    });
    return {width: box.width, height: box.height, marks: marks.length};
})
"""


def test_the_report_opens_offline_and_draws_every_chart(tmp_path: Path) -> None:
    chromium = find_chromium()
    need(chromium is not None, "no Chromium found (install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Playwright's Python package is not installed (pip install -e '.[dev]')")
        return
    corpus = make_corpus(tmp_path / "corpus", per_shard=60)
    run(corpus, tmp_path / "out.jsonl", html=True)
    page_path = tmp_path / "out.jsonl.report.html"
    url = page_path.resolve().as_uri()
    screenshot = tmp_path / "shots" / "report.png"
    screenshot.parent.mkdir()

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=chromium,
            headless=True,
            args=FLAGS,
            viewport={"width": 1200, "height": 900},
        )
        try:
            page = context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="load")
            # The page draws its charts from their specifications once its scripts have run,
            # and says when: "drawn" when every chart is, "failed" when one could not be.
            page.wait_for_selector("body[data-charts]", state="attached", timeout=30_000)
            assert page.evaluate("document.body.dataset.charts") == "drawn"
            for name in SECTIONS:
                assert page.locator(f"section#{name} h2").is_visible(), name
            for name in CHART_SECTIONS:
                charts = page.evaluate(CHART_SCRIPT, name)
                assert charts, f"no chart in {name}"
                for chart in charts:
                    assert chart["width"] > 100 and chart["height"] > 50, (name, chart)
                    assert chart["marks"] >= 1, (name, chart)
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            context.close()
    assert problems == []
    assert requests == [url]  # the page itself, nothing else
    assert screenshot.stat().st_size > 10_000
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
