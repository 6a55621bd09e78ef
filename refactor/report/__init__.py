"""The report stage: what the ledger says was secured, as `report.json` (DESIGN.md)."""

from refactor.report.json_report import REPORT_SCHEMA_VERSION, build_report, write_report
from refactor.report.outcomes import Outcome, unit_outcomes

__all__ = ["REPORT_SCHEMA_VERSION", "Outcome", "build_report", "unit_outcomes", "write_report"]
