"""A real HTTP server on 127.0.0.1 serving the test pages and feeds in tests/data/web.

Routes: /pages/NAME (HTML; latin.html declares windows-1252 unless ?undeclared), /feeds/rss.xml
and /feeds/atom.xml ({BASE} becomes the server's address), /feeds/live.xml (items the test sets),
/redirect?to=URL, /loop (redirects forever), /big, /file.pdf, /flaky (503 twice, then a page),
anything else 404. Every request's path and User-Agent is recorded.
"""

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

WEB = Path(__file__).resolve().parent / "data" / "web"


@dataclass
class Site:
    base: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    live_items: list[tuple[str, str]] = field(default_factory=list)  # (guid, page name)
    flaky_left: int = 2

    def url(self, path: str) -> str:
        return self.base + path


def _live_feed(site: Site) -> bytes:
    entries = "".join(
        f"<item><title>{guid}</title><link>{site.base}/pages/{page}</link>"
        f"<guid isPermaLink='false'>{guid}</guid></item>"
        for guid, page in site.live_items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>'
        f"<link>{site.base}/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            path = parts.path
            if path.startswith("/pages/") and (WEB / path.removeprefix("/pages/")).is_file():
                kind = "text/html"
                if path.endswith("latin.html") and "undeclared" not in query:
                    kind += "; charset=windows-1252"
                self._send(200, kind, (WEB / path.removeprefix("/pages/")).read_bytes())
            elif path in {"/feeds/rss.xml", "/feeds/atom.xml"}:
                body = (WEB / path.removeprefix("/feeds/")).read_text("utf-8")
                kind = "application/rss+xml" if "rss" in path else "application/atom+xml"
                self._send(200, kind, body.replace("{BASE}", site.base).encode())
            elif path == "/feeds/live.xml":
                self._send(200, "application/rss+xml", _live_feed(site))
            elif path == "/redirect":
                self._redirect(query["to"][0])
            elif path == "/loop":
                self._redirect("/loop")
            elif path == "/big":
                self._send(200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>")
            elif path == "/file.pdf":
                self._send(200, "application/pdf", b"%PDF-1.4 not really")
            elif path == "/flaky":
                if site.flaky_left > 0:
                    site.flaky_left -= 1
                    self._send(503, "text/plain", b"busy")
                else:
                    self._send(200, "text/html", (WEB / "news.html").read_bytes())
            else:
                self._send(404, "text/plain", b"not found")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh local web server for one test."""
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
