"""Shared fixtures: the real pipeline (loaded once) and the ../shared gold folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fixture_articles import fixture_records

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
