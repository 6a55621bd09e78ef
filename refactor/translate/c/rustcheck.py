"""A type check of the generated module with the real rustc, when it is installed.

`translate-file` promises a module that compiles. A unit whose Rust rustc rejects is a
translator bug; rather than hand out a broken module, that unit is skipped with rustc's
message and the module is assembled again without it. `rustc --emit=metadata` runs the
full analysis (types, borrows) without code generation, so the check is quick.
Set REFACTOR_RUSTC_CHECK=0 to turn it off.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120


def rustc_errors(source: str) -> list[tuple[int, str]] | None:
    """(line, message) of each error rustc reports; None when no check was possible."""
    rustc = shutil.which("rustc")
    if rustc is None or os.environ.get("REFACTOR_RUSTC_CHECK", "1") == "0":
        return None
    with tempfile.TemporaryDirectory(prefix="refactor-rustc-") as tmp:
        src = Path(tmp) / "module.rs"
        src.write_text(source, encoding="utf-8")
        try:
            proc = subprocess.run(
                [rustc, "--edition", "2021", "--crate-type", "lib", "--emit=metadata",
                 "--error-format=json", "--crate-name", "module", "-o",
                 str(Path(tmp) / "module.rmeta"), str(src)],
                capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    if proc.returncode == 0:
        return []
    errors: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        try:
            diag = json.loads(line)
        except json.JSONDecodeError:
            continue
        if diag.get("level") != "error":
            continue
        spans = [s for s in diag.get("spans", []) if s.get("is_primary")]
        code = (diag.get("code") or {}).get("code") or ""
        message = f"{code + ': ' if code else ''}{diag.get('message', '')}"
        errors.append((spans[0]["line_start"] if spans else 0, message))
    return errors or [(0, "rustc failed without a diagnostic")]
