"""The runner: --jobs N gives --jobs 1's output byte for byte, in input order, and survives a killed worker."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

from wirecoder.errors import InputError, WirecoderError
from wirecoder.records import Analysis, Article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _fixtures_jsonl(out: Path) -> Path:
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted(FIXTURES.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps({k: d.get(k) for k in ("id", "text", "published")}) + "\n")
        fh.write("{broken json\n")  # one bad line in the middle of the stream keeps its place
        fh.write(json.dumps({"id": "last", "text": "Rebels shelled the town of Goma on Monday, officials said."}) + "\n")
    return out


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", *args], capture_output=True, text=True, timeout=900)


def test_runner_jobs_2_output_equals_jobs_1_byte_for_byte(tmp_path):
    src = _fixtures_jsonl(tmp_path / "in.jsonl")
    one = _cli("analyze", str(src), "--format", "jsonl", "--jobs", "1")
    two = _cli("analyze", str(src), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    ids = [json.loads(line)["id"] for line in two.stdout.splitlines()]
    assert ids[-1] == "last" and len(ids) == len(list(FIXTURES.glob("*.json"))) + 1
    assert two.stderr.count("broken JSON") == 1


def _articles(n: int) -> list[Article | WirecoderError]:
    items: list[Article | WirecoderError] = []
    for i in range(n):
        items.append(Article(id=f"a{i:03d}", source=f"a{i:03d}",
                             text=f"Militants attacked a checkpoint in Kirkuk on Monday, killing {i + 2} soldiers."))
        if i == 5:
            items.append(InputError("the input is empty", source="bad"))
    return items


def test_runner_keeps_input_order_and_passes_errors_through():
    from wirecoder.runner import analyze_many

    items = _articles(12)
    got = list(analyze_many(items, jobs=2, chunk_size=3))
    assert [g.article.id if isinstance(g, Analysis) else g.source for g in got] == \
        [i.id if isinstance(i, Article) else i.source for i in items]
    assert isinstance(got[6], InputError) and isinstance(got[0], Analysis)


def test_runner_a_worker_killed_mid_run_loses_no_article():
    from wirecoder.runner import analyze_many

    items = _articles(40)
    results, killed = [], False
    for res in analyze_many(items, jobs=2, chunk_size=2):
        results.append(res)
        if not killed:
            workers = multiprocessing.active_children()
            assert workers
            os.kill(workers[0].pid, signal.SIGKILL)
            killed = True
    assert killed
    analysed = [r.article.id for r in results if isinstance(r, Analysis)]
    assert analysed == [i.id for i in items if isinstance(i, Article)]
    assert sum(isinstance(r, WirecoderError) for r in results) == 1  # only the input's own error


def test_runner_jobs_1_and_a_single_chunk_run_in_this_process():
    from wirecoder.runner import analyze_many

    before = {p.pid for p in multiprocessing.active_children()}
    got = list(analyze_many(_articles(2)[:2], jobs=1)) + list(analyze_many(_articles(3)[:3], jobs=2, chunk_size=4))
    assert all(isinstance(g, Analysis) for g in got) and len(got) == 5
    assert {p.pid for p in multiprocessing.active_children()} <= before  # no worker started


def _fail_on_boom(articles, settings, batch_size=16):
    if any("BOOM" in a.text for a in articles):
        raise RuntimeError("native crash stand-in")
    from wirecoder.pipeline import analyze_stream

    return list(analyze_stream(articles, settings=settings, batch_size=batch_size))


def test_runner_a_task_that_raises_costs_only_its_own_article(monkeypatch):
    import wirecoder.runner as runner

    monkeypatch.setattr(runner, "analyze_chunk", _fail_on_boom)  # forked workers see the patched module
    items = _articles(8)
    items[3] = Article(id="boom", source="boom", text="BOOM " + items[3].text)
    got = list(runner.analyze_many(items, jobs=2, chunk_size=2))
    assert [g.article.id if isinstance(g, Analysis) else g.source for g in got] == \
        [i.id if isinstance(i, Article) else i.source for i in items]
    (failed,) = [g for g in got if isinstance(g, WirecoderError) and g.source == "boom"]
    assert "RuntimeError" in str(failed) and sum(isinstance(g, Analysis) for g in got) == 7
