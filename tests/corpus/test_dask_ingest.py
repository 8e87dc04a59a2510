"""The Dask engine: a 2-worker LocalCluster on loopback builds the same corpus as a local ingest."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from wirecoder.corpus import Corpus  # noqa: E402
from wirecoder.corpus.dask_ingest import partitions  # noqa: E402
from wirecoder.corpus.parquet import TABLES  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STAMPS = {"ingested_at", "failed_at"}  # when, not what


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(FIXTURES.glob("*.json"))[:6]:
        d = json.loads(f.read_text(encoding="utf-8"))
        (folder / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    shutil.copy(folder / f"{json.loads(sorted(FIXTURES.glob('*.json'))[0].read_text())['id']}.txt",
                folder / "zz-duplicate.txt")  # same content under another id: stored once
    lines = [json.dumps({"id": f"line{n}", "text": f"Gunmen killed {n + 3} villagers in Kaduna on Sunday, police said."})
             for n in range(4)]
    lines.insert(2, "{broken")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": f"row{n}", "text": f"Soldiers shelled {place} on Friday, residents said." if n != 1 else None}
            for n, place in enumerate(("Gao", "Mopti", "Timbuktu"))]
    pq.write_table(pa.Table.from_pylist(rows), folder / "rows.parquet")
    return folder


def _dump(db: Path) -> dict[str, list[tuple]]:
    with Corpus(db) as c:
        out = {}
        for table in TABLES:
            rows = [dict(r) for r in c.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
            out[table] = [tuple(v for k, v in r.items() if k not in STAMPS) for r in rows]
        out["fts"] = [tuple(r) for r in c.conn.execute("SELECT article_id, speaker, text FROM quotes_fts")]
        return out


def test_dask_ingest_two_local_workers_give_the_local_corpus(tmp_path, monkeypatch):
    import wirecoder.corpus.dask_ingest as engine

    monkeypatch.setattr(engine, "PARTITION_LINES", 2)  # the JSON Lines file spans three partitions
    folder = _inputs(tmp_path)
    with Corpus(tmp_path / "local.sqlite") as c:
        local = c.ingest([folder], jobs=1)
    with Corpus(tmp_path / "dask.sqlite") as c:
        dasked = c.ingest([folder], engine="dask", workers=2, shards=tmp_path / "shards")
    assert (local.ingested, local.unchanged, local.failed) == (dasked.ingested, dasked.unchanged, dasked.failed)
    assert local.ingested == 12 and local.failed == 4
    got, want = _dump(tmp_path / "dask.sqlite"), _dump(tmp_path / "local.sqlite")
    assert got == want and want["events"] and want["quotes"]
    assert sorted(p.name for p in (tmp_path / "shards" / "part-00000").iterdir()) == sorted(f"{t}.parquet"
                                                                                          for t in TABLES)


def test_dask_shards_merge_idempotently_and_share_the_export_schema(tmp_path):
    import pyarrow.parquet as pq

    from wirecoder.corpus.parquet import merge, read_tables
    from wirecoder.export import export

    folder = _inputs(tmp_path)
    with Corpus(tmp_path / "dask.sqlite") as c:
        c.ingest([folder], engine="dask", workers=1, shards=tmp_path / "shards")
        before = c.stats()
        shards = sorted((tmp_path / "shards").glob("part-*"))
        again = [merge(c.conn, read_tables(folder)) for folder in shards]
        assert len(shards) == 4 and sum(a["unchanged"] for a in again) == 12
        assert sum(a["ingested"] + a["updated"] for a in again) == 0
        assert c.stats()["articles"] == before["articles"] == 12
        out = export(c, "parquet", tmp_path / "pq")
    for table in TABLES:
        assert pq.read_schema(out / "corpus" / f"{table}.parquet") == \
            pq.read_schema(tmp_path / "shards" / "part-00000" / f"{table}.parquet"), table


def test_dask_partitions_keep_input_order_and_skip_the_database(tmp_path):
    folder = _inputs(tmp_path)
    db = folder / "c.sqlite"
    db.write_bytes(b"")
    parts = partitions([str(folder), "https://example.org/feed.xml"], frozenset({db.resolve()}), size=4, lines=2)
    units = [u for p in parts for _, u, _ in p]
    assert parts[0][0] == (str(folder), units[0], (1, 2))  # batch.jsonl sorts first
    assert units[-1] == "https://example.org/feed.xml" and str(db) not in units
    assert all(len(p) <= 4 for p in parts)
    slices = [r for p in parts for _, u, r in p if u.endswith("batch.jsonl")]
    assert slices == [(1, 2), (3, 4), (5, 5)]  # five lines, two per partition, each slice alone
    assert [r for p in parts for _, u, r in p if u.endswith("rows.parquet")] == [(1, 2), (3, 3)]


def test_dask_cli_refuses_scheduler_without_the_dask_engine(tmp_path):
    from typer.testing import CliRunner

    from wirecoder.cli import app

    res = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "c.sqlite"),
                                   "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 1 and "--engine dask" in res.output
    ok = CliRunner().invoke(app, ["ingest", "--help"])
    assert ok.exit_code == 0 and "--engine" in ok.output
