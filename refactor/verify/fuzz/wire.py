"""The line protocol between the fuzzer and its runners: one JSON object per line.

JSON rather than pickle, because the runner executes untrusted code and whatever it
writes back must not be able to run code in the orchestrator. Bytes travel as
{"$hex": "..."}; NaN and the infinities as the tokens Python's json module reads back.
"""

from __future__ import annotations

import json
from typing import Any


def _default(obj: Any) -> Any:
    if isinstance(obj, bytes | bytearray):
        return {"$hex": bytes(obj).hex()}
    if isinstance(obj, tuple):
        return list(obj)
    raise TypeError(f"cannot send {type(obj).__name__} to a fuzz runner")


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$hex" in obj:
        return bytes.fromhex(obj["$hex"])
    return obj


def dumps(obj: Any) -> bytes:
    """One protocol line (with its newline)."""
    return json.dumps(obj, default=_default, separators=(",", ":")).encode() + b"\n"


def loads(line: bytes) -> Any:
    """The object of one protocol line; raises ValueError when it is not one."""
    return json.loads(line, object_hook=_hook)
