#!/bin/sh
# Rebuild kvstore and regenerate every expected output listed in
# ../../kvstore.toml by running the original program. Each workload runs in a
# fresh copy of the built source directory, as the refactor harness does.
set -eu

SRC=$(cd "$(dirname "$0")/.." && pwd)
TOML="$SRC/../kvstore.toml"

cd "$SRC"
make clean >/dev/null
make

python3 - "$SRC" "$TOML" <<'PY'
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

src, toml_path = Path(sys.argv[1]), Path(sys.argv[2])
target = tomllib.loads(toml_path.read_text(encoding="utf-8"))
failed = False
for wl in target["workloads"]:
    with tempfile.TemporaryDirectory() as tmp:
        run_dir = Path(tmp) / "run"
        shutil.copytree(src, run_dir, symlinks=True)
        stdin = (run_dir / wl["stdin"]).read_bytes() if wl.get("stdin") else b""
        proc = subprocess.run(wl["command"], cwd=run_dir, input=stdin,
                              capture_output=True, timeout=wl.get("timeout", 60))
        if wl.get("expected_stdout"):
            (src / wl["expected_stdout"]).write_bytes(proc.stdout)
        if wl.get("expected_stderr"):
            (src / wl["expected_stderr"]).write_bytes(proc.stderr)
        for produced, expected in wl.get("outputs", {}).items():
            shutil.copyfile(run_dir / produced, src / expected)
    status = "ok"
    if proc.returncode != wl.get("expected_status", 0):
        status = f"MISMATCH: exit {proc.returncode}, toml says {wl.get('expected_status', 0)}"
        failed = True
    print(f"{wl['name']}: exit {proc.returncode} ({status})")
sys.exit(1 if failed else 0)
PY

make clean >/dev/null
