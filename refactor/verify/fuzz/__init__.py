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

Structures may hold pointers: to structures (generated NULL or fresh, a bounded number
of levels deep, so lists and trees are finite), `char *` strings, single scalars; `void
*` and function pointers are NULL. Inputs are allocated with malloc in each runner (a
callee may free them). After the call pointers are followed, and the values and the
shape of the pointer graph are compared, never addresses; freed blocks are recognised.

Modules: `cdecls`, `shapes` and `signatures` (C declarations -> `model`), `strategies`
(inputs), `runner` (the child process) with `marshal`, `heap` and `wire`, `session` (the
orchestrator's side of the runners), `compare`, `build` (the C library) and `engine`
(`fuzz_functions`).
"""

from refactor.verify.fuzz.engine import fuzz_functions
from refactor.verify.fuzz.verdict import FuzzVerdict

__all__ = ["FuzzVerdict", "fuzz_functions"]
