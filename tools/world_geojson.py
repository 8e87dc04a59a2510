"""Build data/world.geojson from the Natural Earth 1:110m countries (public domain) that the
geopandas 0.14.4 wheel ships as geopandas/datasets/naturalearth_lowres/*.shp/.dbf.

    pip download --no-deps geopandas==0.14.4 && unzip -o geopandas-0.14.4-*.whl 'geopandas/datasets/naturalearth_lowres/*'
    python tools/world_geojson.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres src/wirecoder/data/world.geojson
"""
from __future__ import annotations

import json
import struct
import sys


def read_dbf(path: str) -> list[dict]:
    """The records of a dBase III file as dicts of stripped strings."""
    data = open(path, "rb").read()
    n, header_len, rec_len = struct.unpack("<xxxxIHH", data[:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode()
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n):
        rec, off, row = data[header_len + i * rec_len + 1: header_len + (i + 1) * rec_len], 0, {}
        for name, size in fields:
            row[name] = rec[off:off + size].decode("utf-8", "replace").strip()
            off += size
        rows.append(row)
    return rows


def read_polygons(path: str) -> list[list[list[list[float]]]]:
    """Each shape of a polygon shapefile as a list of rings of [lon, lat] rounded to 2 decimals."""
    data, pos, shapes = open(path, "rb").read(), 100, []
    while pos < len(data):
        length = struct.unpack(">I", data[pos + 4:pos + 8])[0] * 2
        body = data[pos + 8:pos + 8 + length]
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44:44 + 4 * nparts])) + [npoints]
        pts = struct.unpack(f"<{2 * npoints}d", body[44 + 4 * nparts:44 + 4 * nparts + 16 * npoints])
        shapes.append([[[round(pts[2 * j], 2), round(pts[2 * j + 1], 2)] for j in range(parts[k], parts[k + 1])]
                       for k in range(nparts)])
        pos += 8 + length
    return shapes


def main(stem: str, out: str) -> None:
    """Write the countries as a GeoJSON FeatureCollection with name and ISO A3 properties."""
    feats = [{"type": "Feature", "properties": {"name": r["name"], "iso_a3": r["iso_a3"]},
              "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]}}
             for r, rings in zip(read_dbf(stem + ".dbf"), read_polygons(stem + ".shp"))]
    meta = {"source": "Natural Earth 1:110m Admin 0 countries (public domain), via the geopandas 0.14.4 wheel"}
    json.dump({"type": "FeatureCollection", "metadata": meta, "features": feats}, open(out, "w"), separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
