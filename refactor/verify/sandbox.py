"""Running untrusted code: bounded in time, memory and output, and isolated when possible.

Every build and every run of generated or legacy code goes through `run`. Limits are
applied in the child before it starts (address space, file size, no core dumps, its own
process group so a timeout kills everything it started); output beyond the cap is
dropped and the run is marked truncated. When bubblewrap works on the machine the command
runs inside it: the whole file system read-only, a private /tmp, no network, and only
the work directory (and any directory passed in `writable`) writable. Which isolation was
used is part of every outcome, so the ledger can say it.
"""

from __future__ import annotations

import functools
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BWRAP = "bwrap"
RLIMITS = "rlimits"  # no bubblewrap: limits only, network and file system as the caller's


@dataclass(frozen=True)
class Limits:
    seconds: float = 60.0
    memory_mb: int = 4096  # address space; rustc and cargo need a few GB of it
    output_bytes: int = 4 << 20  # per stream
    file_mb: int = 512  # largest file the command may write


@dataclass(frozen=True)
class Outcome:
    argv: tuple[str, ...]
    status: int | None  # exit status, None when killed by a signal
    signal: int | None
    stdout: bytes
    stderr: bytes
    timed_out: bool
    truncated: bool
    isolation: str
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == 0 and not self.timed_out

    def describe(self) -> str:
        """One line: how the command ended."""
        if self.timed_out:
            return "timed out"
        if self.signal is not None:
            try:
                return f"killed by {signal.Signals(self.signal).name}"
            except ValueError:
                return f"killed by signal {self.signal}"
        return f"exit status {self.status}"


@functools.cache
def isolation() -> str:
    """`bwrap` when bubblewrap can run a command here, else `rlimits`."""
    if os.environ.get("REFACTOR_NO_BWRAP") or shutil.which("bwrap") is None:
        return RLIMITS
    try:
        probe = subprocess.run(
            ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
             "--unshare-net", "--die-with-parent", "true"],
            capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return RLIMITS
    return BWRAP if probe.returncode == 0 else RLIMITS


def _bwrap_prefix(workdir: Path, writable: Sequence[Path], network: bool,
                  readable: Sequence[Path] = ()) -> list[str]:
    argv = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--tmpfs", "/tmp", "--die-with-parent", "--new-session"]
    if not network:
        argv.append("--unshare-net")
    for path in (*readable, *_own_files()):  # visible again under the private /tmp
        real = str(Path(path).resolve())
        argv += ["--ro-bind", real, real]
    for path in (workdir, *writable):
        real = str(Path(path).resolve())
        argv += ["--bind", real, real]
    return [*argv, "--chdir", str(workdir.resolve()), "--"]


@functools.cache
def _own_files() -> tuple[Path, ...]:
    """This installation's interpreter environment and package, when they live under /tmp
    (a checkout or virtualenv there): sandboxed helpers run them, read-only."""
    import refactor

    mine = {Path(sys.prefix).resolve(), Path(refactor.__file__).resolve().parents[1]}
    return tuple(sorted(p for p in mine if p.is_relative_to("/tmp")))


def _limit_child(limits: Limits) -> None:  # runs in the child between fork and exec
    os.setpgid(0, 0)
    memory = limits.memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    size = limits.file_mb << 20
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _command(argv: Sequence[str], workdir: Path, writable: Sequence[Path],
             readable: Sequence[Path], network: bool, isolate: bool) -> tuple[list[str], str]:
    """The command line to start (inside bubblewrap when it works here) and the isolation."""
    mode = isolation() if isolate else RLIMITS
    prefix = _bwrap_prefix(workdir, writable, network, readable) if mode == BWRAP else []
    return [*prefix, *argv], mode


def run(argv: Sequence[str], workdir: Path, limits: Limits = Limits(), *,
        stdin: bytes | None = None, env: Mapping[str, str] | None = None,
        writable: Sequence[Path] = (), readable: Sequence[Path] = (),
        network: bool = False, isolate: bool = True) -> Outcome:
    """Run `argv` in `workdir` within `limits`; never raises for what the command does.
    `readable` names paths under /tmp the command must see (read-only)."""
    full, mode = _command(argv, workdir, writable, readable, network, isolate)
    started = time.monotonic()
    try:
        proc = subprocess.Popen(
            full, cwd=workdir, env=dict(env) if env is not None else None,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=functools.partial(_limit_child, limits))
    except OSError as exc:
        return Outcome(tuple(argv), 127, None, b"", f"{argv[0]}: {exc.strerror}".encode(),
                       False, False, mode)
    out, err, timed_out, truncated = _communicate(proc, stdin, limits)
    code = proc.returncode
    if mode == BWRAP and 128 < code < 128 + 32:
        code = -(code - 128)  # bwrap reports a child killed by signal N as status 128 + N
    return Outcome(tuple(argv), code if code >= 0 else None, -code if code < 0 else None,
                   out, err, timed_out, truncated, mode, time.monotonic() - started)


def popen(argv: Sequence[str], workdir: Path, limits: Limits = Limits(), *,
          env: Mapping[str, str] | None = None, writable: Sequence[Path] = (),
          isolate: bool = True) -> tuple[subprocess.Popen[bytes], str]:
    """Start a long-lived helper (pipes on all three streams) under the same isolation
    and limits as `run`, except time: the caller bounds each exchange and kills the
    process group (`kill`) when done. Returns the process and the isolation used."""
    full, mode = _command(argv, workdir, writable, (), False, isolate)
    proc = subprocess.Popen(
        full, cwd=workdir, env=dict(env) if env is not None else None,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=functools.partial(_limit_child, limits))
    return proc, mode


def kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill a process started by `popen` and everything it started."""
    _kill(proc)
    proc.wait()


def _communicate(proc: subprocess.Popen[bytes], stdin: bytes | None,
                 limits: Limits) -> tuple[bytes, bytes, bool, bool]:
    """Feed stdin, collect both streams up to the cap, kill the group on timeout."""
    deadline = time.monotonic() + limits.seconds
    chunks: dict[int, list[bytes]] = {1: [], 2: []}
    sizes = {1: 0, 2: 0}
    truncated = timed_out = False
    sel = selectors.DefaultSelector()
    assert proc.stdout is not None and proc.stderr is not None
    sel.register(proc.stdout, selectors.EVENT_READ, 1)
    sel.register(proc.stderr, selectors.EVENT_READ, 2)
    pending = memoryview(stdin) if stdin else None
    if proc.stdin is not None:
        if pending is not None:
            os.set_blocking(proc.stdin.fileno(), False)
            sel.register(proc.stdin, selectors.EVENT_WRITE, 0)
        else:
            proc.stdin.close()
    while sel.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        for key, _ in sel.select(min(left, 1.0)):
            if key.data == 0:
                try:
                    written = os.write(key.fd, pending[:65536]) if pending else 0
                except (BrokenPipeError, BlockingIOError) as exc:
                    written = 0 if isinstance(exc, BlockingIOError) else len(pending or b"")
                pending = pending[written:] if pending else None
                if not pending:
                    sel.unregister(key.fileobj)
                    key.fileobj.close()  # type: ignore[union-attr]
                continue
            data = os.read(key.fd, 65536)
            if not data:
                sel.unregister(key.fileobj)
                continue
            room = limits.output_bytes - sizes[key.data]
            if room <= 0:
                truncated = True
                continue
            chunks[key.data].append(data[:room])
            sizes[key.data] += min(len(data), room)
            truncated = truncated or len(data) > room
    if timed_out:
        _kill(proc)
    try:
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill(proc)
        proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None and not stream.closed:
            stream.close()
    return b"".join(chunks[1]), b"".join(chunks[2]), timed_out, truncated


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
