"""`wirecoder serve` as a command: it starts on loopback, answers, and refuses a busy port in one line."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from wirecoder.cli import app



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_read_only_on_loopback(fixture_corpus):
    port = free_port()
    exe = str(Path(sys.executable).with_name("wirecoder"))
    proc = subprocess.Popen([exe, "serve", "--db", str(fixture_corpus), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        answer = None
        for _ in range(200):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=10, trust_env=False)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert answer is not None and answer.status_code == 200 and answer.json()["stats"]["articles"] == 12
        rebound = httpx.get(f"http://127.0.0.1:{port}/api/overview", headers={"Host": "evil.example"},
                            trust_env=False)
        assert rebound.status_code == 400
        post = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={"id": "x", "text": "y"}, trust_env=False)
        assert post.status_code in (404, 405)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out and "read-only" in out


def test_serve_refuses_a_busy_port_in_one_line(fixture_corpus):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = CliRunner().invoke(app, ["serve", "--db", str(fixture_corpus), "--port", str(port)])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1 and "--port" in res.output


HEAVY = ("spacy", "thinc", "pandas", "matplotlib", "pyarrow", "dask")


def test_serving_imports_no_nlp_and_no_dataframes(fixture_corpus):
    # start-up time is the import of these libraries: the read-only server and its clusters need none of them
    code = ("import sys, wirecoder.cli\n"
            "from fastapi.testclient import TestClient\n"
            "from wirecoder.web import create_app\n"
            f"c = TestClient(create_app({str(fixture_corpus)!r}))\n"
            "assert c.get('/api/overview').json()['clusters'] > 0 and c.get('/timeline').status_code == 200\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
