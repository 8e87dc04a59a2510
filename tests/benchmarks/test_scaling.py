"""The scaling benchmark runs end to end on a tiny input and reports every row (no timing asserted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_scaling_benchmark_runs_on_a_tiny_input():
    pytest.importorskip("distributed")
    res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scaling.py"), "--limit", "2", "--repeat", "1",
                          "--dask", "1"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    for row in ("bare parse (nlp.pipe)", "analyze --jobs 1", "analyze --jobs 2", "ingest --engine dask, 1 worker",
                "analyze --jobs 1 / bare parse", "--jobs 2 speedup", "peak RSS", "cores usable"):
        assert row in out, row
    assert "2 workers over 1" not in out  # only the Dask sizes asked for are run
