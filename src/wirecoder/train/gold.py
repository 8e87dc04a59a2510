"""Gold articles in the format of ../shared/eval/README.md, and matching predictions to them."""
from __future__ import annotations

import json
import os
from pathlib import Path

# the shared folder beside the checkout; WIRECODER_SHARED moves it
SHARED = Path(os.environ.get("WIRECODER_SHARED") or Path(__file__).resolve().parents[3].parent / "shared")
REPO = Path(__file__).resolve().parents[3]
ARTICLES = REPO / "training" / "articles"


def gold_articles(folder: Path) -> list[dict]:
    """Every gold article (a JSON file with `text`) in `folder`, sorted by file name."""
    out = []
    for f in sorted(Path(folder).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(d, dict) and "text" in d:
            out.append(d)
    return out


def scorer():
    """../shared/eval/score.py as a module: training labels use the very rules the scores use."""
    import importlib.util

    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: training and evaluation need ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("wc_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def match_events(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Predicted index -> gold index, one-to-one, best overlap first, same type and overlap >= 0.5."""
    sc = scorer()
    return {pi: gi for gi, pi in sc.match(gold, pred, sc.event_score)}


def write_model(path: Path, data: dict, label: str, started: float) -> None:
    """Write a trained model's JSON compactly and say where it went, how big and how long it took."""
    import time

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{label} -> {path} ({path.stat().st_size / 1024:.0f} KB) in {time.time() - started:.0f} s")
