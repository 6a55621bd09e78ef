"""Data passed between stages: plain, typed, picklable values."""

from refactor.model.target import Target, TargetError, load_target
from refactor.model.translation import FileTranslation, UnitTranslation
from refactor.model.units import (
    GOAL_LOC,
    SCAN_SCHEMA_VERSION,
    EdgeKind,
    FileScan,
    FileUnits,
    Language,
    Reference,
    RefKind,
    Skip,
    UnitKind,
    UnitRecord,
    Warning_,
    group_refs,
)

__all__ = [
    "GOAL_LOC",
    "SCAN_SCHEMA_VERSION",
    "EdgeKind",
    "FileScan",
    "FileTranslation",
    "FileUnits",
    "Language",
    "RefKind",
    "Reference",
    "Skip",
    "Target",
    "TargetError",
    "UnitKind",
    "UnitRecord",
    "UnitTranslation",
    "Warning_",
    "group_refs",
    "load_target",
]
