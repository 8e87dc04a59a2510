"""Exports parse back with the libraries their users use: json, csv, a GeoJSON check, pyarrow/pandas."""
from __future__ import annotations

import csv
import json

import pytest

from corpus_builders import build, event, quantity, quote
from wirecoder.corpus import Corpus
from wirecoder.errors import ExportError
from wirecoder.export import export

T1 = "Police arrested 13 men after a raid near Kirkuk on 9 April, a police source said."
T2 = "Thirteen suspects were detained in a Kirkuk raid on Tuesday, the interior ministry said."
T3 = "Rockets struck a base near Erbil on 11 April, wounding two guards."


@pytest.fixture
def corpus(tmp_path):
    c = Corpus(tmp_path / "c.sqlite")
    c.add(build("x1", T1, outlet="Wire A", published="2024-04-10",
                events=[event(T1, T1, type="COERCE", mode="arrest", actor="Iraqi Police", date="2024-04-09",
                              date_precision="day", location="Kirkuk", country="IQ", lat=35.47, lon=44.39)],
                quantities=[quantity(T1, "13 men", 13, "men", role="arrests")],
                quotes=[quote(T1, T1[:-1], speaker_text="a police source", anonymous=True)]))
    c.add(build("x2", T2, outlet="Wire B", published="2024-04-10",
                events=[event(T2, T2, type="COERCE", mode="arrest", actor="Iraqi Police", date="2024-04-09",
                              date_precision="day", location="Kirkuk", country="IQ", lat=35.47, lon=44.39)]))
    c.add(build("x3", T3, outlet="Wire A", published="2024-04-12",
                events=[event(T3, T3, type="ASSAULT", mode="rocket", date="2024-04-11", date_precision="day",
                              location="Erbil", country="IQ", lat=36.19, lon=44.01, injuries=2)]))
    c.add(build("x4", "Talks resumed somewhere.", events=[event("Talks resumed somewhere.",
                                                                "Talks resumed somewhere.", type="CONSULT")]))
    yield c
    c.close()


def test_export_plover_json(corpus, tmp_path):
    out = export(corpus, "plover", tmp_path / "events.json")
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert len(recs) == 3
    arrest = next(r for r in recs if r["event"] == "COERCE")
    for key in ("id", "date", "actor", "event", "mode", "recipient", "event_loc", "size", "event_text", "cite_info",
                "coder", "coded_date", "quad_code"):
        assert key in arrest
    assert arrest["actor"][0]["entity_name"] == "Iraqi Police" and arrest["mode"] == "arrest"
    assert arrest["size"]["arrested"] == 13 and arrest["quad_code"] == "material conflict"
    assert (arrest["event_loc"]["lat"], arrest["event_loc"]["lon"]) == (35.47, 44.39)
    assert len(arrest["cite_info"]) == 2 and arrest["anonymous_only"] is False
    text = arrest["text"]
    assert text["end"] > text["start"] >= 0


def test_export_acled_csv_one_row_per_cluster(corpus, tmp_path):
    out = export(corpus, "csv", tmp_path / "events.csv")
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3
    arrest = next(r for r in rows if r["event_type"] == "COERCE")
    assert arrest["source"] == "Wire A; Wire B" and arrest["reports"] == "2" and arrest["event_date"] == "2024-04-09"
    assert float(arrest["latitude"]) == 35.47 and arrest["sub_event_type"] == "arrest"


def test_export_geojson_is_a_valid_feature_collection(corpus, tmp_path):
    out = export(corpus, "geojson", tmp_path / "events.geojson")
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2  # the unlocated CONSULT is left out
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    erbil = next(f for f in fc["features"] if f["properties"]["location"] == "Erbil")
    assert erbil["geometry"]["coordinates"] == [44.01, 36.19]  # lon, lat


def test_export_parquet_tables_read_back(corpus, tmp_path):
    import pandas as pd
    import pyarrow.parquet as pq

    out = export(corpus, "parquet", tmp_path / "pq")
    assert pq.read_table(out / "events.parquet").num_rows == 4
    clusters = pd.read_parquet(out / "clusters.parquet")
    assert len(clusters) == 3 and set(clusters["type"]) == {"COERCE", "ASSAULT", "CONSULT"}
    assert json.loads(clusters.loc[clusters["type"] == "COERCE", "evidence"].iloc[0])[0]["article_id"] in {"x1", "x2"}
    assert len(pd.read_parquet(out / "articles.parquet")) == 4
    assert len(pd.read_parquet(out / "quotes.parquet")) == 1


def test_export_filters_and_unknown_format(corpus, tmp_path):
    out = export(corpus, "csv", tmp_path / "assaults.csv", type="ASSAULT")
    assert len(out.read_text().splitlines()) == 2
    with pytest.raises(ExportError, match="unknown export format"):
        export(corpus, "xlsx", tmp_path / "x.xlsx")
