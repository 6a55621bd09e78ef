"""SIGINT as a stop request: the first Ctrl-C lets the running items finish and be stored,
a second one interrupts at once."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class StopRequest:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.requested = False
        self._say = say

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self._say("stopping: the running work items finish and are stored, no new one "
                  "starts (Ctrl-C again to abort them)")


@contextmanager
def stop_on_sigint(say: Callable[[str], None]) -> Iterator[StopRequest]:
    """A stop request set by SIGINT while inside (main thread only; elsewhere it is never
    set)."""
    stop = StopRequest(say)
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = signal.signal(signal.SIGINT, stop._handle)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
