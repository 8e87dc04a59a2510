"""Shared fixtures: the real pipeline (loaded once) and the ../shared gold folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared"))
OWN_FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The process-wide wirecoder pipeline (en_core_web_sm + paragraphs + registry ruler)."""
    from wirecoder.pipeline import nlp_for

    return nlp_for()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text with the real pipeline."""
    return nlp


@pytest.fixture(scope="session")
def analyze():
    """wirecoder.analyze, for tests that need every facet."""
    from wirecoder import analyze as run

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold fixtures, scorer, devsets); skips when a user's clone has none beside it."""
    if not (SHARED / "eval" / "score.py").is_file() or not (SHARED / "fixtures").is_dir():
        pytest.skip(f"{SHARED} is absent (it sits beside the repository in CI); gold scoring skipped")
    return SHARED


def load_gold(folder: Path) -> list[dict]:
    """Gold articles of a folder, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


HOSTILE = {
    "id": "wc-hostile-01", "outlet": "<b onmouseover=alert(3)>Evil Wire</b>", "published": "2024-02-15",
    "title": "<script>window.__pwned=1</script>Rockets hit Erbil<img src=x onerror=\"window.__pwned=2\">",
    "url": "javascript:window.__pwned=4",
    "text": ("Rockets struck a base near Erbil on Tuesday, killing 3 soldiers, police said. "
             "<script>window.__pwned=5</script> The governor said \"<img src=x onerror=window.__pwned=6> "
             "we will respond\" and <a href=\"javascript:window.__pwned=7\">click</a> officials added nothing."),
}


def fixture_records() -> list[dict]:
    """Our annotated fixture articles (with a made-up URL each) plus one hostile article."""
    out = []
    for path in sorted(OWN_FIXTURES.glob("wc-*.json")):
        r = json.loads(path.read_text(encoding="utf-8"))
        out.append({**r, "url": r.get("url") or f"https://example.org/{r['id']}"})
    return out + [HOSTILE]


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    """A corpus database of our fixture articles and a hostile one, ingested once with the real pipeline."""
    from wirecoder.corpus import Corpus

    folder = tmp_path_factory.mktemp("fixture-corpus")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in fixture_records()), encoding="utf-8")
    with Corpus(folder / "corpus.sqlite") as c:
        report = c.ingest([src])
    assert report.failed == 0
    return folder / "corpus.sqlite"
