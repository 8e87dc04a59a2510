"""GeoJSON: one Point feature per located event cluster (RFC 7946: lon, lat order; WGS 84)."""
from __future__ import annotations

import json
from pathlib import Path


def feature_collection(corpus, **filters) -> dict:
    """A FeatureCollection of the located event clusters with flat, QGIS-friendly properties."""
    feats = []
    for c in corpus.clusters(**filters):
        if c["lat"] is None or c["lon"] is None:
            continue
        props = {k: c[k] for k in ("cluster_id", "type", "mode", "actor", "target", "date", "date_precision",
                                   "location", "country", "fatalities", "injuries", "reports", "articles",
                                   "first_reported", "last_reported", "sourcing", "anonymous_only")}
        props["outlets"] = "; ".join(c["outlets"])
        props["evidence"] = c["evidence"][0]["sentence"]
        feats.append({"type": "Feature", "id": c["cluster_id"],
                      "geometry": {"type": "Point", "coordinates": [round(c["lon"], 6), round(c["lat"], 6)]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def write(corpus, out: Path, **filters) -> Path:
    """Write the FeatureCollection to a .geojson file."""
    out.write_text(json.dumps(feature_collection(corpus, **filters), ensure_ascii=False), encoding="utf-8")
    return out
