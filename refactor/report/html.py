"""The dashboard page: one self-contained HTML file (inline CSS, JS and SVG, the data as an
embedded JSON script), the same for `index.html` and for `refactor dashboard`.

Everything is drawn in the browser from the embedded data, so the live dashboard re-renders
from `/data.json` with the very code that draws the static page. A Content-Security-Policy
allows only this page's own script and style (by hash), so the page cannot load anything
from the network; live pages may also fetch their own origin.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

# Characters that must not appear raw inside <script>: `</script>`, `<!--` and HTML entities
# (`<`, `>`, `&`), and the two line separators older JavaScript parsers reject.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})
_JS_FILES = ("charts.js", "dashboard.js")  # one scope, in this order


def render_html(data: dict[str, Any], *, live: bool = False, poll_seconds: float = 5.0) -> str:
    """The dashboard for `data` (`refactor.report.data.dashboard_data`). `live` pages poll
    `data.json` beside them every `poll_seconds` and re-render when it changed."""
    css, js = _assets()
    totals = data.get("totals", {})
    headline = (f"{int(totals.get('loc_secured', 0)):,} of {int(data.get('goal_loc', 0)):,} "
                "lines secured")
    return _environment().get_template("dashboard.html.j2").render(
        css=Markup(css), js=Markup(js), data_json=Markup(embed_json(data)),
        csp=_csp(css, js, live), live=live, poll_seconds=f"{poll_seconds:g}",
        headline=headline, generated_at=data.get("generated_at", ""))


def embed_json(data: object) -> str:
    """`data` as JSON that is safe inside an HTML <script> element (and still valid JSON)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_ESCAPES)


def _csp(css: str, js: str, live: bool) -> str:
    return "; ".join([
        "default-src 'none'", f"script-src '{_sha256(js)}'", f"style-src '{_sha256(css)}'",
        "img-src data:", "connect-src 'self'" if live else "connect-src 'none'",
        "base-uri 'none'", "form-action 'none'"])


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("refactor.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       keep_trailing_newline=True)


@cache
def _assets() -> tuple[str, str]:
    folder = resources.files("refactor.report") / "templates"
    css = (folder / "dashboard.css").read_text("utf-8")
    body = "\n".join((folder / name).read_text("utf-8") for name in _JS_FILES)
    return css, f'(function () {{\n"use strict";\n{body}\n}})();\n'
