"""The runner's memory: inputs allocated with the C library's malloc, and the pointer graph
read back after the call without trusting it (runner side).

Every object an input points to is allocated with `malloc`, never as a ctypes-owned
buffer, so a callee may free or `realloc` it (the fork leaks the rest). After the call a
pointer is followed, not compared: what is compared is NULL or not, the value it leads
to, and the SHAPE of the graph. Each object gets a number the first time it is reached
(the pointer arguments first, in order, then what they lead to, the return value, the
globals), and a pointer to an object already numbered reads {"same as": n}. Equal
numbers on both sides mean the same sharing, whatever the raw addresses. The walk stops
at MAX_NODES objects or MAX_FOLLOW pointers deep ("..."); memory that cannot be read
reads "unreadable" (it is read through /proc/self/mem, so a wild pointer is a value, not
a crash of the runner).

A block the callee freed (`cJSON_Delete`) reads "freed": its bytes are the allocator's
bookkeeping, which differs between the two processes. glibc keeps a freed small block
(up to 1032 bytes) in the thread cache with its second word set to a per-process random
key; the runner learns the key by freeing a block of its own, and the sessions raise the
cache's count so that no small block skips it. Both sides are recognised alike, whoever
calls `free` (the C library, or the Rust cdylib directly). A larger freed block is read
as if live.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Mapping
from typing import Any

from refactor.verify.fuzz.model import CType

MAX_NODES = 200  # objects numbered in one call's outcome
MAX_FOLLOW = 32  # pointers followed in a chain
MAX_STRING = 4096  # bytes of a string read back
_PAGE = 4096


class Heap:
    """Allocation of the inputs and the walk of the outcome, for one call in one fork."""

    def __init__(self, structs: Mapping[str, CType]) -> None:
        self.structs = dict(structs)
        libc = ctypes.CDLL(None)
        self._malloc = libc.malloc
        self._malloc.restype = ctypes.c_void_p
        self._malloc.argtypes = [ctypes.c_size_t]
        probe = self.alloc(1000)
        libc.free.argtypes = [ctypes.c_void_p]
        libc.free(probe)
        self._key = ctypes.c_uint64.from_address(probe + 8).value  # the tcache key
        self.ids: dict[int, int] = {}
        self.depth = 0
        self._mem: int | None = None

    # ------------------------------------------------------------------ before the call

    def alloc(self, size: int) -> int:
        address = self._malloc(max(size, 1))
        if not address:
            raise MemoryError(f"malloc({size}) failed in the fuzz runner")
        return int(address)

    def place(self, obj: Any) -> int:
        """A malloc'ed copy of a ctypes object; its address."""
        size = ctypes.sizeof(obj)
        address = self.alloc(size)
        ctypes.memmove(address, ctypes.addressof(obj), size)
        return address

    def place_bytes(self, data: bytes) -> int:
        address = self.alloc(len(data))
        ctypes.memmove(address, data, len(data))
        return address

    # ------------------------------------------------------------------ after the call

    def freed(self, address: int) -> bool:
        """Whether the block at `address` sits freed in glibc's thread cache."""
        word = self.read(address + 8, 8)
        return self._key != 0 and word is not None and int.from_bytes(word, "little") == \
            self._key

    def read(self, address: int, size: int) -> bytes | None:
        """`size` bytes at `address`, or None when they are not all mapped."""
        if self._mem is None:
            self._mem = os.open("/proc/self/mem", os.O_RDONLY)
        try:
            data = os.pread(self._mem, size, address)
        except (OSError, OverflowError, ValueError):
            return None
        return data if len(data) == size else None

    def string(self, address: int) -> bytes | None:
        """The NUL-terminated bytes at `address` (at most MAX_STRING), None if unmapped."""
        out = b""
        while len(out) < MAX_STRING:
            at = address + len(out)
            chunk = self.read(at, min(_PAGE - at % _PAGE, MAX_STRING - len(out)))
            if chunk is None:
                return None
            end = chunk.find(b"\0")
            if end >= 0:
                return out + chunk[:end]
            out += chunk
        return out

    def number(self, address: int) -> None:
        """Give a pointer argument's block its number before anything is walked."""
        if address not in self.ids:
            self.ids[address] = len(self.ids)

    def follow(self, t: CType, address: int | None) -> Any:
        """What a pointer of type `t` leads to, as comparable data (see the docstring)."""
        from refactor.verify.fuzz.marshal import ctype_of, to_py

        if not address:
            return None
        if t.kind == "opaque":
            return "non-NULL"
        if address in self.ids:
            return {"same as": self.ids[address]}
        if self.freed(address):
            return "freed"
        if len(self.ids) >= MAX_NODES or self.depth >= MAX_FOLLOW:
            return "..."
        node = self.ids[address] = len(self.ids)
        if t.kind == "string":
            data = self.string(address)
            return "unreadable" if data is None else {"#": node, "string": data}
        assert t.element is not None
        target = t.element
        if target.kind == "ref":
            target = self.structs[target.tag]
        raw = self.read(address, ctypes.sizeof(ctype_of(target)))
        if raw is None:
            return "unreadable"
        self.depth += 1
        try:
            content = to_py(target, ctype_of(target).from_buffer_copy(raw), self)
        finally:
            self.depth -= 1
        return {"#": node, "value": content}
