"""Writing the report's three files into one directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from refactor.report.data import write_report_json
from refactor.report.html import render_html
from refactor.report.summary import render_summary

FILES = ("report.json", "summary.md", "index.html")


def write_reports(directory: Path, data: dict[str, Any]) -> tuple[Path, str]:
    """report.json, summary.md and index.html from dashboard data; the path of
    report.json and the summary's text (a CI job summary shows it)."""
    path = write_report_json(directory, data)
    markdown = render_summary(data)
    (directory / "summary.md").write_text(markdown, "utf-8")
    (directory / "index.html").write_text(render_html(data), "utf-8")
    return path, markdown
