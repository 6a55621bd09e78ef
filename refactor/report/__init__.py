"""The report stage: what the ledgers say was secured, as `report.json`, `summary.md` and a
self-contained `index.html`."""

from refactor.report.data import (
    GOAL_LOC,
    REPORT_SCHEMA_VERSION,
    dashboard_data,
    report_json,
    write_report_json,
)
from refactor.report.outcomes import Outcome, unit_outcomes
from refactor.report.summary import render_summary

__all__ = ["GOAL_LOC", "REPORT_SCHEMA_VERSION", "Outcome", "dashboard_data",
           "render_summary", "report_json", "unit_outcomes",
           "write_report_json"]
