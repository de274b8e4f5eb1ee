"""The scripts inlined into the page: Vega and Vega-Lite (vendored in ``static/``), the few
lines that draw each chart, and the Content-Security-Policy that lets exactly these run.

The page loads nothing: the bundles are part of it, the chart specifications are JSON in a
``<script type="application/json">`` element (not run), and the policy allows only scripts
whose SHA-256 is listed, so no text of the corpus could ever run as a script. Vega compiles
its chart expressions with ``Function``, hence ``'unsafe-eval'``; only the listed scripts can
reach it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

#: The vendored bundles, in load order (see ``static/README.md`` for versions and licences).
BUNDLES = ("vega.min.js", "vega-lite.min.js")


def _text(folder: str, name: str) -> str:
    return resources.files("textfix.report").joinpath(folder).joinpath(name).read_text("utf-8")


def _without_source_map(script: str) -> str:
    """The script less its ``//# sourceMappingURL=`` line: a browser with developer tools
    open would try to fetch the map.

    >>> _without_source_map("f();\\n//# sourceMappingURL=f.js.map\\n")
    'f();\\n'
    """
    lines = script.splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("//# sourceMappingURL="))


@lru_cache(maxsize=1)
def page_scripts() -> tuple[str, ...]:
    """The page's scripts, in order: the bundles, then the drawing code.

    >>> scripts = page_scripts()
    >>> len(scripts), "sourceMappingURL" in "".join(scripts), "vega.View" in scripts[-1]
    (3, False, True)
    """
    bundles = tuple(_without_source_map(_text("static", name)) for name in BUNDLES)
    return (*bundles, _text("templates", "draw.js"))


def _digest(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@lru_cache(maxsize=1)
def content_security_policy() -> str:
    """No source for anything, inline styles, and the page's own scripts by their hash.

    >>> policy = content_security_policy()
    >>> policy.startswith("default-src 'none'") and policy.count("'sha256-") == 3
    True
    """
    hashes = " ".join(_digest(script) for script in page_scripts())
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {hashes} 'unsafe-eval'"
    )


def json_for_script(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&``
    escaped, so that no text in it (a rule id, a metadata key) can end the element.

    >>> json_for_script({"label": "</script><b>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    >>> json.loads(json_for_script(["a & b"]))
    ['a & b']
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
