"""A real local HTTP server speaking the OpenAI chat-completions protocol, with scripted
answers, for tests and benchmarks.

    with ScriptedServer([Reply("fn main() {}")]) as server:
        client = ChatClient("test-model", base_url=server.base_url)
        ...
        assert server.chat_requests == 1

A script is a list of `Reply` values consumed in order, or a function from the request's
JSON body to a `Reply` (answer depending on the prompt). Replies can be answers (text,
usage), HTTP errors (status, headers, e.g. 429 with `retry-after`) and can be delayed (to
measure concurrency, or to outlast a client timeout). The server records every request and
the peak number in flight.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True)
class Reply:
    """One scripted answer. `status` other than 200 makes it an OpenAI-style error."""

    content: str = "ok"
    prompt_tokens: int | None = 10  # None: the answer has no `usage`
    completion_tokens: int = 5
    finish_reason: str = "stop"
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    error_code: str | None = None  # `error.code` in an error body

    @classmethod
    def error(cls, status: int, message: str = "scripted error", *,
              headers: Mapping[str, str] | None = None, code: str | None = None,
              delay: float = 0.0) -> Reply:
        return cls(content=message, status=status, headers=dict(headers or {}),
                   error_code=code, delay=delay)


Script = Callable[[JSON], Reply]


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: JSON | None


class ScriptedServer:
    """Serves on 127.0.0.1 at an ephemeral port from a background thread."""

    def __init__(self, script: Sequence[Reply] | Script = (), *,
                 models: Iterable[str] = ("test-model",)) -> None:
        self.models = list(models)
        self.requests: list[Recorded] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._queue: deque[Reply] = deque()
        self._script: Script | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.set_script(script)
        self._httpd = _Httpd(("127.0.0.1", 0), _handler_for(self))
        self._thread: threading.Thread | None = None

    # -- the script ------------------------------------------------------------------
    def set_script(self, script: Sequence[Reply] | Script) -> None:
        with self._lock:
            if callable(script):
                self._script, self._queue = script, deque()
            else:
                self._script, self._queue = None, deque(script)

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def next_reply(self, body: JSON) -> Reply:
        with self._lock:
            if self._script is None:
                if self._queue:
                    return self._queue.popleft()
                return Reply.error(418, "scripted server: no reply left in the script")
            script = self._script
        return script(body)

    # -- what was seen ---------------------------------------------------------------
    @property
    def chat_requests(self) -> int:
        return sum(1 for r in self.requests if r.path.endswith("/chat/completions"))

    @property
    def chat_bodies(self) -> list[JSON]:
        return [r.body or {} for r in self.requests if r.path.endswith("/chat/completions")]

    def record(self, recorded: Recorded) -> None:
        with self._lock:
            self.requests.append(recorded)

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up at once when the server stops."""
        if seconds > 0:
            self._stopping.wait(seconds)

    # -- life cycle ------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> ScriptedServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="scripted-openai", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True  # a delayed answer never holds up shutdown
    request_queue_size = 128  # many clients connect at once in the concurrency tests


def completion_body(reply: Reply, model: str, number: int) -> JSON:
    body: JSON = {
        "id": f"chatcmpl-scripted-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": reply.content},
            "finish_reason": reply.finish_reason,
            "logprobs": None,
        }],
    }
    if reply.prompt_tokens is not None:
        body["usage"] = {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
    return body


def error_body(reply: Reply) -> JSON:
    return {"error": {"message": reply.content, "type": "scripted_error",
                      "param": None, "code": reply.error_code}}


def _handler_for(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

        def do_GET(self) -> None:
            server.record(Recorded("GET", self.path, self._headers(), None))
            if self.path.rstrip("/").endswith("/models"):
                data = [{"id": m, "object": "model", "created": 0, "owned_by": "scripted"}
                        for m in server.models]
                self._send(200, {"object": "list", "data": data})
            else:
                self._send(404, {"error": {"message": f"no route {self.path}"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                body = None
            server.record(Recorded("POST", self.path, self._headers(), body))
            if not self.path.rstrip("/").endswith("/chat/completions") or body is None:
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            server.enter()
            try:
                reply = server.next_reply(body)
                server.wait(reply.delay)
                if reply.status == 200:
                    self._send(200, completion_body(reply, str(body.get("model", "")),
                                                    len(server.requests)))
                else:
                    self._send(reply.status, error_body(reply), reply.headers)
            finally:
                server.leave()

        def _headers(self) -> dict[str, str]:
            return {name.lower(): value for name, value in self.headers.items()}

        def _send(self, status: int, body: JSON,
                  headers: Mapping[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (e.g. its timeout)

    return Handler
