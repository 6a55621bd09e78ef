"""Compiler wrapper for the `tested` level: installed as `gcc` and `cc` first on PATH.

Runs as a stand-alone script (no package imports, started with `python -S`) inside the
target's own build. Every compile gets `--coverage`, so the original's workload runs say
which functions they executed; every link step also gets it and is logged (working
directory and arguments, one JSON line) so the program can be re-linked later with
translated units substituted, without re-running the build.

Environment: REFACTOR_REAL_CC (the real compiler), REFACTOR_LINK_LOG (the log file).
"""

import json
import os
import sys

_NO_LINK = {"-c", "-S", "-E", "-M", "-MM"}


def main() -> None:
    real = os.environ["REFACTOR_REAL_CC"]
    args = sys.argv[1:]
    if not _NO_LINK.intersection(args) and args and args != ["--version"]:
        with open(os.environ["REFACTOR_LINK_LOG"], "a", encoding="utf-8") as log:
            log.write(json.dumps({"cwd": os.getcwd(), "argv": args}) + "\n")
    os.execv(real, [real, "--coverage", *args])


main()
