"""The `fuzzed` verification level: function-level differential testing.

    verdicts = fuzz_functions(c_files, include_dirs, defines, rust_cdylib, ["f", "g"], work)

All of the target's C files are compiled together into one shared library (the C
original). Two persistent runners, started in the sandbox, call each function with the
same inputs: the C side loads only the C library; the Rust side loads the C library
RTLD_GLOBAL first, then the Rust cdylib, and calls through the cdylib's handle, so the
translation's calls to `extern "C"` functions reach the C originals and each unit is
tested on its own. Inputs come from Hypothesis (derandomized); return values,
out-parameters, buffers (with a guard zone), named globals and crashes must agree. The
first disagreement is shrunk to a minimal counterexample.

Modules: `cdecls` and `signatures` (C declarations -> `model`), `strategies` (inputs),
`runner` (the child process) with `marshal` and `wire`, `session` (the orchestrator's side
of the runners), `compare`, `build` (the C library) and `engine` (`fuzz_functions`).
"""

from refactor.verify.fuzz.engine import fuzz_functions
from refactor.verify.fuzz.verdict import FuzzVerdict

__all__ = ["FuzzVerdict", "fuzz_functions"]
