"""Exports of the corpus: PLOVER JSON, ACLED-style CSV, GeoJSON points and Parquet tables."""
from __future__ import annotations

from pathlib import Path

from wirecoder.errors import ExportError

FORMATS = ("plover", "csv", "geojson", "parquet")


def export(corpus, fmt: str, out: str | Path, **filters) -> Path:
    """Write the corpus (event clusters, filtered like the queries) in one format; return the path written."""
    from wirecoder.export import geojson, plover, table

    out = Path(out)
    writers = {"plover": plover.write, "csv": table.write_csv, "geojson": geojson.write, "parquet": table.write_parquet}
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}", source=str(out))
    try:
        if fmt != "parquet":
            out.parent.mkdir(parents=True, exist_ok=True)
        return writers[fmt](corpus, out, **filters)
    except OSError as exc:
        raise ExportError(f"cannot write the export ({exc.strerror or exc})", source=str(out)) from None


__all__ = ["FORMATS", "export"]
