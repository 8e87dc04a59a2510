"""The report's charts as PNG images: clusters per day stacked by PLOVER type, and clusters on a world map."""
from __future__ import annotations

import base64
import functools
import io
import json
from collections import Counter

from wirecoder.settings import data_path


@functools.lru_cache(maxsize=1)
def world() -> dict:
    """The shipped Natural Earth 1:110m countries (public domain) as GeoJSON."""
    return json.loads(data_path("world.geojson").read_text(encoding="utf-8"))


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def timeline_png(clusters: list[dict]) -> str:
    """Base64 PNG: clusters per day, one stacked colour per PLOVER type."""
    return base64.b64encode(timeline_image(clusters)).decode("ascii")


def map_png(clusters: list[dict]) -> str:
    """Base64 PNG: the world's countries with each placed cluster as a point sized by its reports."""
    return base64.b64encode(map_image(clusters)).decode("ascii")


def timeline_image(clusters: list[dict]) -> bytes:
    """PNG bytes: clusters per day, one stacked colour per PLOVER type."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dated = [c for c in clusters if c.get("date")]
    days = sorted({c["date"][:10] for c in dated})
    types = sorted({c["type"] for c in dated})
    fig, ax = plt.subplots(figsize=(8, 3))
    bottom = [0] * len(days)
    colours = plt.get_cmap("tab20").colors
    for i, t in enumerate(types):
        n = Counter(c["date"][:10] for c in dated if c["type"] == t)
        vals = [n.get(d, 0) for d in days]
        ax.bar(days, vals, bottom=bottom, label=t, color=colours[i % len(colours)])
        bottom = [a + b for a, b in zip(bottom, vals)]
    ax.set_ylabel("event clusters")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    if types:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _png(fig)


def map_image(clusters: list[dict]) -> bytes:
    """PNG bytes: the world's countries with each placed cluster as a point sized by its reports."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    for feat in world()["features"]:
        for poly in feat["geometry"]["coordinates"]:
            xs, ys = zip(*poly[0])
            ax.fill(xs, ys, color="#e6e6e6", edgecolor="#999999", linewidth=0.3)
    placed = [c for c in clusters if c.get("lat") is not None]
    if placed:
        ax.scatter([c["lon"] for c in placed], [c["lat"] for c in placed],
                   s=[20 + 20 * c["reports"] for c in placed], color="#c0392b", alpha=0.7, zorder=3)
        lons, lats = [c["lon"] for c in placed], [c["lat"] for c in placed]
        ax.set_xlim(max(-180, min(lons) - 25), min(180, max(lons) + 25))
        ax.set_ylim(max(-90, min(lats) - 15), min(90, max(lats) + 15))
    ax.set_aspect("equal")
    ax.set_axis_off()
    return _png(fig)
