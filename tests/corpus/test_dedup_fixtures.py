"""Cross-article dedup end to end: differently worded reports of the same events by several outlets."""
from __future__ import annotations

from pathlib import Path

import pytest

DEDUP = Path(__file__).resolve().parents[1] / "fixtures" / "dedup"


@pytest.mark.slow
def test_dedup_fixture_merges_real_reports_and_keeps_the_distractor_apart(shared_dir, tmp_path):
    from wirecoder.train.dedup_eval import clusters_for, dedup_score

    got = dedup_score(DEDUP)
    assert got["gold_pairs"] >= 15
    assert got["merged"] >= 5  # same-event pairs across outlets put in one cluster (6 of 17 today)
    assert got["wrong_merges"] <= 1 and got["wrong_merges"] <= got["merged"]
    clusters = clusters_for(DEDUP, tmp_path / "c.sqlite")
    strike = [c for c in clusters if c["type"] == "ASSAULT" and {"wc-dedup-01", "wc-dedup-04"}
              <= {e["article_id"] for e in c["evidence"]}]
    assert len(strike) == 1 and strike[0]["outlets"] and len(strike[0]["outlets"]) >= 2
    # the rocket attack on another base the same Sunday (wc-dedup-05) stays its own cluster
    assert not any("wc-dedup-05" in {e["article_id"] for e in c["evidence"]} for c in strike)
    assert any(e["article_id"] == "wc-dedup-05" for c in clusters for e in c["evidence"])
