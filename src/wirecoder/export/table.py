"""Tables: an ACLED-style CSV (one row per event cluster) and Parquet files that pandas, Polars, DuckDB read."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from wirecoder.export.common import TIME_PRECISION, arrested

ACLED_FIELDS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                "actor1", "actor2", "country", "location", "latitude", "longitude", "geo_precision",
                "source", "notes", "fatalities", "injuries", "arrested", "reports", "articles", "sourcing",
                "anonymous_only", "first_reported", "last_reported")


def acled_rows(corpus, **filters) -> list[dict]:
    """One ACLED-style row per event cluster."""
    rows = []
    for c in corpus.clusters(**filters):
        day = c["date"] or c["first_reported"]
        rows.append({
            "event_id_cnty": c["cluster_id"], "event_date": day, "year": day[:4] if day else None,
            "time_precision": TIME_PRECISION.get(c["date_precision"] or "", 3 if c["date"] is None else 1),
            "event_type": c["type"], "sub_event_type": c["mode"], "actor1": c["actor"], "actor2": c["target"],
            "country": c["country"], "location": c["location"], "latitude": c["lat"], "longitude": c["lon"],
            "geo_precision": 1 if c["lat"] is not None else None,
            "source": "; ".join(c["outlets"]), "notes": c["evidence"][0]["sentence"],
            "fatalities": c["fatalities"], "injuries": c["injuries"], "arrested": arrested(corpus.conn, c),
            "reports": c["reports"], "articles": c["articles"], "sourcing": c["sourcing"],
            "anonymous_only": c["anonymous_only"], "first_reported": c["first_reported"],
            "last_reported": c["last_reported"],
        })
    return rows


def write_csv(corpus, out: Path, **filters) -> Path:
    """Write the ACLED-style CSV."""
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=ACLED_FIELDS)
        w.writeheader()
        w.writerows(acled_rows(corpus, **filters))
    return out


def _flat(rows: list[dict]) -> list[dict]:
    """Nested values as JSON text, so every column has one Arrow type."""
    return [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}
            for r in rows]


def write_parquet(corpus, out: Path, **filters) -> Path:
    """Write a folder of Parquet tables (articles, events, clusters, quotes, actors, claims, places), filtered,
    and in corpus/ every corpus table unfiltered, in the schema of the Dask engine's shards."""
    from wirecoder.corpus.parquet import write_tables

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles": corpus.articles(**filters),
        "events": corpus.events(**filters),
        "clusters": corpus.clusters(**filters),
        "quotes": corpus.quotes(**filters),
        "actors": corpus.actors(),
        "claims": corpus.claims(),
        "places": [dict(r) for r in corpus.conn.execute("SELECT * FROM places ORDER BY article_id, idx")],
    }
    for name, rows in tables.items():
        frame = pd.DataFrame(_flat(rows))
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), out / f"{name}.parquet")
    write_tables(corpus.conn, out / "corpus")
    return out
