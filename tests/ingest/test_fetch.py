"""Bounded fetching against a local HTTP server the test starts on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wirecoder.errors import FetchError, UnsafeURLError
from wirecoder.ingest.fetch import check_url, fetch
from wirecoder.settings import Settings

PAGE = b"<html><body><article><p>Police said the convoy was stopped near the bridge.</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/big":  # streamed without Content-Length so only the running count can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"x" * 16384)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE, "text/html")
        elif path == "/redirect":
            self._redirect("/page")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def _redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


SMALL = Settings(fetch_max_bytes=100_000, fetch_timeout=0.5, fetch_max_redirects=3)


def test_fetch_reads_a_page(server):
    page = fetch(f"{server}/page", allow_private=True)
    assert page.body == PAGE and "html" in page.content_type and "convoy" in page.text


def test_fetch_follows_redirects_and_rechecks_them(server):
    assert fetch(f"{server}/redirect", allow_private=True).final_url == f"{server}/page"
    with pytest.raises(UnsafeURLError, match="only http and https"):
        fetch(f"{server}/to-file", allow_private=True)
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(f"{server}/loop", allow_private=True, settings=SMALL)


def test_fetch_refuses_loopback_without_allow_private(server):
    with pytest.raises(UnsafeURLError, match="--allow-private"):
        fetch(f"{server}/page")


@pytest.mark.parametrize("url", ["http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/latest",
                                 "http://[::1]/", "http://192.168.0.10:8080/x", "http://0.0.0.0/"])
def test_fetch_check_url_blocks_private_addresses(url):
    with pytest.raises(UnsafeURLError, match="non-public address"):
        check_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"])
def test_fetch_check_url_blocks_other_schemes(url):
    with pytest.raises(UnsafeURLError):
        check_url(url)


def test_fetch_stops_at_the_size_cap(server):
    with pytest.raises(FetchError, match="cap"):
        fetch(f"{server}/big", allow_private=True, settings=SMALL)
    with pytest.raises(FetchError, match="50.0 MB"):
        fetch(f"{server}/declared-big", allow_private=True, settings=SMALL)


def test_fetch_times_out(server):
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", allow_private=True, settings=SMALL)


def test_fetch_reports_http_errors_and_unreachable_hosts(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", allow_private=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="cannot fetch") as info:
        fetch(f"http://127.0.0.1:{port}/", allow_private=True)
    assert "\n" not in str(info.value)
