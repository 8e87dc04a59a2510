"""Fixtures of the web tests: the app over the fixture corpus, in process and on a loopback port."""
from __future__ import annotations

import socket
import threading
import time

import pytest


@pytest.fixture(scope="session")
def client(fixture_corpus):
    """A TestClient over the read-only app."""
    from fastapi.testclient import TestClient

    from wirecoder.web import create_app

    with TestClient(create_app(fixture_corpus)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(fixture_corpus):
    """The read-only app served by uvicorn on a loopback port; yields its base URL."""
    import uvicorn

    from wirecoder.web import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(fixture_corpus), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)
