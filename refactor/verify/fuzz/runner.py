"""The runner: a persistent child that loads the libraries once and forks once per call.

    python -m refactor.verify.fuzz.runner

The first line on stdin says what to load: {"libs": [...], "timeout": s, "memory_mb": m}.
Every library but the last is loaded RTLD_GLOBAL, so on the Rust side (C library first,
then the Rust cdylib) the translation's calls to `extern "C"` functions resolve to the C
originals; functions and globals are looked up through the last library's handle.
The runner answers {"ok": true} or {"ok": false, "error": ...}, then one line per request:

    {"op": "probe", "names": [...]}                  -> {"present": [...]}
    {"op": "call", "sig": ..., "inputs": {...}, "globals": {name: type}}
        -> {"kind": "ok", "ret": ..., "after": {...}, "globals": {...}}
         | {"kind": "crash" | "timeout" | "exit" | "error", "detail": ..., "code": ...}

Each call runs in a fork (fresh library state) with stdin and stdout on /dev/null, its
stderr kept for a Rust panic message, an alarm against hangs and an address-space limit.
"""

from __future__ import annotations

import ctypes
import os
import resource
import select
import signal
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from refactor.verify.fuzz import marshal, wire
from refactor.verify.fuzz.heap import Heap
from refactor.verify.fuzz.model import from_json, type_from_json


def _panic_message(stderr: str) -> str | None:
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        if "panicked at" in line:
            where = line.split("panicked at", 1)[1].strip().rstrip(":")
            message = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return f"panicked: {message} ({where})"
    return None


def _mode(index: int, count: int) -> int:
    """dlopen flags: every library but the last RTLD_GLOBAL (its symbols serve the last
    one's undefined references); the last one, when it follows others, RTLD_DEEPBIND, so
    its references to what it defines itself (a translated global, a Rust function) stay
    inside it instead of being interposed by the C library's copies."""
    if index < count - 1:
        return ctypes.RTLD_GLOBAL
    return ctypes.RTLD_LOCAL | (os.RTLD_DEEPBIND if count > 1 else 0)


class Runner:
    def __init__(self, libs: list[str], timeout: float, memory_mb: int,
                 scratch: tuple[IO[bytes], IO[bytes]]) -> None:
        self.names = [Path(lib).name for lib in libs]
        self.handles = [ctypes.CDLL(lib, mode=_mode(i, len(libs))) for i, lib in enumerate(libs)]
        self.handle = self.handles[-1]
        self.timeout = timeout
        self.memory = memory_mb << 20
        self.result, self.errors = scratch  # the fork's result line and its stderr

    def probe(self, names: list[str]) -> dict[str, Any]:
        present = []
        for name in names:
            try:
                getattr(self.handle, name)
                present.append(name)
            except AttributeError:
                pass
        return {"present": present}

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        for f in (self.result, self.errors):
            f.seek(0)
            f.truncate()
        pid = os.fork()
        if pid == 0:
            self._child(request)  # never returns
        status = self._wait(pid)
        self.result.seek(0)
        line = self.result.read()
        if status is None:
            return {"kind": "timeout", "detail": f"hung (no result within {self.timeout} s)"}
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            if number == signal.SIGALRM:
                return {"kind": "timeout",
                        "detail": f"hung (no result within {self.timeout} s)"}
            self.errors.seek(0)
            panic = _panic_message(self.errors.read(16384).decode("utf-8", "replace"))
            try:
                name = signal.Signals(number).name
            except ValueError:
                name = f"signal {number}"
            return {"kind": "crash", "detail": panic or f"crashed with {name}"}
        code = os.WEXITSTATUS(status)
        if code == 0 and line:
            try:
                return dict(wire.loads(line))
            except ValueError:
                return {"kind": "error", "detail": "the call's result could not be read"}
        return {"kind": "exit", "code": code, "detail": f"exited with status {code}"}

    def _wait(self, pid: int) -> int | None:
        """The fork's wait status, or None after killing it when the alarm did not fire."""
        fd = os.pidfd_open(pid)
        try:
            ready, _, _ = select.select([fd], [], [], self.timeout * 2 + 1.0)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return None
            return os.waitpid(pid, 0)[1]
        finally:
            os.close(fd)

    def _child(self, request: dict[str, Any]) -> None:
        try:
            os.dup2(self.errors.fileno(), 2)
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = _vsize() + self.memory
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            signal.setitimer(signal.ITIMER_REAL, self.timeout)
            item = self._call(request)
        except BaseException as exc:  # a runner bug, never a verdict on the library
            item = {"kind": "error", "detail": f"the runner cannot make the call: {exc!r}"}
        try:
            os.write(self.result.fileno(), wire.dumps(item))
        finally:
            os._exit(0)

    def _call(self, request: dict[str, Any]) -> dict[str, Any]:
        sig = from_json(request["sig"])
        fn = getattr(self.handle, sig.name)
        marshal.prepare(fn, sig)
        heap = Heap(dict(sig.structs))
        args, blocks = marshal.arguments(sig, request["inputs"], heap)
        result = fn(*args)
        after = marshal.after(blocks, heap)
        ret = marshal.returned(sig, result, heap)
        globals_ = {name: marshal.read_global(self.handle, name, type_from_json(t),
                                              self.names[-1], heap)
                    for name, t in request.get("globals", {}).items()}
        return {"kind": "ok", "ret": ret, "after": after, "globals": globals_}


def _vsize() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


def main() -> None:
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the libraries' stdout must not mix in
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    stdin = sys.stdin.buffer
    with tempfile.TemporaryFile() as result, tempfile.TemporaryFile() as errors:
        try:
            setup = wire.loads(stdin.readline())
            runner = Runner(setup["libs"], float(setup["timeout"]), int(setup["memory_mb"]),
                            (result, errors))
        except (OSError, ValueError, KeyError) as exc:
            out.write(wire.dumps({"ok": False, "error": str(exc)}))
            return
        out.write(wire.dumps({"ok": True}))
        for line in stdin:
            request = wire.loads(line)
            if request.get("op") == "probe":
                reply = runner.probe(list(request["names"]))
            else:
                reply = runner.call(request)
            out.write(wire.dumps(reply))


if __name__ == "__main__":
    main()
