"""Data passed between stages: plain, typed, picklable values."""

from refactor.model.target import Target, TargetError, load_target
from refactor.model.units import (
    GOAL_LOC,
    SCAN_SCHEMA_VERSION,
    EdgeKind,
    FileScan,
    Language,
    Reference,
    Skip,
    UnitKind,
    UnitRecord,
    Warning_,
    unit_id,
)

__all__ = [
    "GOAL_LOC",
    "SCAN_SCHEMA_VERSION",
    "EdgeKind",
    "FileScan",
    "Language",
    "Reference",
    "Skip",
    "Target",
    "TargetError",
    "UnitKind",
    "UnitRecord",
    "Warning_",
    "load_target",
    "unit_id",
]
