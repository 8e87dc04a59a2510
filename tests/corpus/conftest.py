"""Fixtures of the corpus tests."""
from __future__ import annotations

import json

import pytest

from corpus_builders import short_articles


@pytest.fixture
def jsonl_articles(tmp_path):
    """Write n generated articles to a JSON Lines file and return its path."""
    def make(n: int, name: str = "articles.jsonl"):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in short_articles(n)), encoding="utf-8")
        return path
    return make
