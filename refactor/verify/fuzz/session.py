"""The orchestrator's side of the runners: start them in the sandbox, exchange lines with
a bounded wait, and restart one that died.

A `Side` is one persistent runner (the C side loads the C library; the Rust side loads
the C library RTLD_GLOBAL and then the Rust cdylib). `exchange` sends one request to
both sides and waits for both replies together, so the two calls run in parallel.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import refactor
from refactor.verify import sandbox
from refactor.verify.fuzz import wire

TCACHE_COUNT = 65535  # glibc's maximum


class RunnerLost(Exception):
    """A runner did not answer in time or died; the message says which and how."""


class Side:
    def __init__(self, label: str, libs: list[Path], work: Path, limits: sandbox.Limits,
                 case_timeout: float) -> None:
        self.label, self.libs, self.work = label, libs, work
        self.limits, self.case_timeout = limits, case_timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.isolation = sandbox.isolation()
        self._buffer = b""
        self._stderr = b""

    @property
    def bound(self) -> float:
        """Longest wait for one reply: the fork's alarm, its kill, and slack."""
        return self.case_timeout * 3 + 10.0

    def start(self) -> None:
        """Start the runner and load the libraries; raises RunnerLost when it cannot."""
        root = str(Path(refactor.__file__).resolve().parents[1])
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": root,
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "RUST_BACKTRACE": "0",
               "LANG": "C.UTF-8", "HOME": str(self.work),
               # every small block the callee frees stays in the thread cache, where the
               # runner recognises it (heap.Heap.freed)
               "GLIBC_TUNABLES": f"glibc.malloc.tcache_count={TCACHE_COUNT}"}
        self.proc, self.isolation = sandbox.popen(
            [sys.executable, "-m", "refactor.verify.fuzz.runner"], self.work, self.limits,
            env=env)
        self._buffer = self._stderr = b""
        self.send({"libs": [str(p) for p in self.libs], "timeout": self.case_timeout,
                   "memory_mb": max(64, self.limits.memory_mb // 4)})
        reply = self.receive(time.monotonic() + 60.0)
        if not reply.get("ok"):
            self.stop()
            raise RunnerLost(f"{self.label} runner cannot load "
                             f"{', '.join(p.name for p in self.libs)}: {reply.get('error')}")

    def stop(self) -> None:
        if self.proc is not None:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()
            sandbox.kill(self.proc)
            self.proc = None

    def send(self, request: dict[str, Any]) -> None:
        if self.proc is None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(wire.dumps(request))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise self._lost(f"its stdin closed ({exc})") from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        """The next reply line; raises RunnerLost (after stopping the runner) on timeout
        or end of output."""
        assert self.proc is not None and self.proc.stdout is not None
        assert self.proc.stderr is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ, "out")
            sel.register(self.proc.stderr, selectors.EVENT_READ, "err")
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise self._lost(f"no reply within {self.bound:.0f} s")
                for key, _ in sel.select(left):
                    chunk = os.read(key.fd, 65536)
                    if key.data == "err":
                        self._stderr = (self._stderr + chunk)[-4000:]
                        if not chunk:
                            sel.unregister(key.fileobj)
                    elif not chunk:
                        raise self._lost("it exited")
                    else:
                        self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            return dict(wire.loads(line))
        except ValueError as exc:
            raise self._lost(f"it wrote an unreadable line ({exc})") from exc

    def _lost(self, why: str) -> RunnerLost:
        stderr = self._stderr.decode("utf-8", "replace").strip().splitlines()
        self.stop()
        tail = f"; its last stderr line: {stderr[-1]}" if stderr else ""
        return RunnerLost(f"the {self.label} runner was lost: {why}{tail}")


def exchange(sides: list[Side], request: dict[str, Any]) -> list[dict[str, Any]]:
    """Send `request` to every side, then collect one reply from each. When a runner is
    lost all are stopped (and restarted on the next exchange), so none is out of step."""
    try:
        for side in sides:
            side.send(request)
        deadline = time.monotonic() + max(side.bound for side in sides)
        return [side.receive(deadline) for side in sides]
    except RunnerLost:
        for side in sides:  # a reply left unread on the other side would answer the next call
            side.stop()
        raise
