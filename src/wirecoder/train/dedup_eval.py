"""Cross-article dedup against gold: `python -m wirecoder.train.dedup_eval [DIR]` (default tests/fixtures/dedup).

Gold events that tell one real-world event carry the same `story` label in different articles.
A gold pair is merged when both are found (matched as score.py matches) and land in one cluster;
a wrong merge is a pair of clustered reports, both matched to gold events, whose stories differ or
are none (a distractor). A report that matches no gold event (say, told in another sentence than the
gold chose) is left out of both counts and reported as unverified."""
from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from wirecoder.train.gold import REPO, gold_articles, scorer


def clusters_for(folder: Path, db: Path) -> list[dict]:
    """Analyse the gold articles of `folder` into a fresh corpus and return its event clusters."""
    from wirecoder.corpus import Corpus
    from wirecoder.ingest.text import article_from_text
    from wirecoder.pipeline import analyze_many

    arts = [article_from_text(g["text"], published=g.get("published"), id=g["id"], outlet=g.get("outlet"),
                              title=g.get("title")) for g in gold_articles(folder)]
    with Corpus(db) as corpus:
        for res in analyze_many(arts):
            corpus.add(res)
        return corpus.clusters()


UNMATCHED = "?"


def story_of(golds: dict[str, dict], clusters: list[dict]) -> dict[tuple[str, int], str | None]:
    """(article, sentence start) of every clustered report -> its gold story (None: not a story event or no match)."""
    sc = scorer()
    out = {}
    by_article: dict[str, list[dict]] = {}
    for cl in clusters:
        for ev in cl["evidence"]:
            by_article.setdefault(ev["article_id"], []).append({**ev, "type": cl["type"]})
    for aid, evs in by_article.items():
        gold = golds[aid].get("events") or []
        pairs = dict((pi, gi) for gi, pi in sc.match(gold, evs, sc.event_score))
        for pi, ev in enumerate(evs):
            out[(aid, ev["start"])] = gold[pairs[pi]].get("story") if pi in pairs else UNMATCHED
    return out


def dedup_score(folder: Path) -> dict[str, int]:
    """Gold same-event pairs, how many were merged, and how many wrong merges the clusters hold."""
    golds = {g["id"]: g for g in gold_articles(folder)}
    with tempfile.TemporaryDirectory() as tmp:
        clusters = clusters_for(folder, Path(tmp) / "dedup.sqlite")
    stories = story_of(golds, clusters)
    gold_pairs = 0
    tagged = [(aid, e["story"]) for aid, g in golds.items() for e in g.get("events") or [] if e.get("story")]
    for (a1, s1), (a2, s2) in itertools.combinations(tagged, 2):
        gold_pairs += a1 != a2 and s1 == s2
    merged = wrong = unverified = 0
    for cl in clusters:
        keys = [(e["article_id"], e["start"]) for e in cl["evidence"]]
        for k1, k2 in itertools.combinations(keys, 2):
            if k1[0] == k2[0]:
                continue
            s1, s2 = stories.get(k1), stories.get(k2)
            if UNMATCHED in (s1, s2):
                unverified += 1
            elif s1 is not None and s1 == s2:
                merged += 1
            else:
                wrong += 1
    return {"gold_pairs": gold_pairs, "merged": merged, "wrong_merges": wrong, "unverified": unverified,
            "clusters": len(clusters)}


def main(argv: list[str] | None = None) -> int:
    """Print the dedup figures of a story-labelled gold folder."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path, default=REPO / "tests" / "fixtures" / "dedup")
    args = ap.parse_args(argv)
    print(" ".join(f"{k}={v}" for k, v in dedup_score(args.folder).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
