"""Train the speaker-candidate ranker (models/speaker_ranker.json) on PolNeAR's train compartment.

`python -m wirecoder.train.speakers [--limit N] [--cache FILE]`. Every article of
../shared/devsets/polnear-train is analysed; each quote the rules find is matched to a gold
attribution the way score.py matches them, and each of its candidates is labelled by score.py's own
speaker rule. Gold speakers that are documents ('the statement', 'the ad': PolNeAR's convention, not
ours) are left out, as are pronouns PolNeAR left unresolved; speakers resolved by automatic
coreference count half. Gradient-boosted trees (fixed seed) are cross-validated by article
(GroupKFold) and the per-quote accuracy of the rules, of the ranker alone and of the two combined at
the Settings thresholds is printed before the model is fitted on everything and written as JSON."""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from wirecoder.train.gold import REPO, SHARED, gold_articles, scorer, write_model

SEED = 13
OUT = REPO / "src" / "wirecoder" / "models" / "speaker_ranker.json"
PARAMS = {"n_estimators": 200, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8, "min_samples_leaf": 20}
RESOLVED_WEIGHT = 0.5  # PolNeAR's automatic pronoun resolution is wrong about one time in five
FOLDS = 5


def _is_document_source(g: dict) -> bool:
    """A gold source that is a document ('the statement', 'The piece'), not who issued it."""
    from wirecoder.extract.speakers import lexicon

    words = (g.get("source_span") or g.get("speaker") or "").lower().replace("’", "'").split()
    return bool(words) and words[-1].strip(".,'s") in lexicon()["document_nouns"]


def collect(folder: Path, limit: int | None) -> list[dict]:
    """One row per matched quote: the article, weight, whether the rules were right, and candidates."""
    from wirecoder.extract.actors import extract_actors
    from wirecoder.extract.places import extract_places
    from wirecoder.extract.quotes import attributions
    from wirecoder.pipeline import nlp_for
    from dataclasses import replace

    from wirecoder.settings import DEFAULT

    rules_only = replace(DEFAULT, speaker_ranker=False)  # the features describe the rules' choice, not a model's
    sc = scorer()
    golds = gold_articles(folder)[:limit]
    nlp = nlp_for(DEFAULT)
    rows, skipped = [], {"document": 0, "pronoun": 0}
    for g, doc in zip(golds, nlp.pipe((g["text"] for g in golds), batch_size=16)):
        actors = extract_actors(doc, places=extract_places(doc, DEFAULT), settings=DEFAULT)
        atts = attributions(doc, actors, rules_only, with_candidates=True)
        preds = [{"text": a.found.text} for a in atts]
        for gi, pi in sc.match(g["quotes"], preds, sc.quote_score):
            gq, a = g["quotes"][gi], atts[pi]
            if gq.get("speaker_is_pronoun") or _is_document_source(gq):
                skipped["pronoun" if gq.get("speaker_is_pronoun") else "document"] += 1
                continue
            ok = [sc.speaker_ok(gq, {"speaker": c.speaker.name, "anonymous": c.speaker.anonymous})
                  for c in a.candidates]
            rule_ok = a.rule is not None and sc.speaker_ok(gq, {"speaker": a.rule.name, "anonymous": a.rule.anonymous})
            rows.append({"article": g["id"], "weight": RESOLVED_WEIGHT if gq.get("speaker_resolved_by") else 1.0,
                         "rule_ok": rule_ok, "rule_empty": a.rule is None or not a.rule.name,
                         "cands": [[c.features, int(y), c.speaker.name] for c, y in zip(a.candidates, ok)]})
    print(f"{len(golds)} articles, {len(rows)} matched quotes; left out {skipped}")
    return rows


def _matrix(rows: list[dict], names: list[str]):
    """Candidate feature matrix, labels, weights and the quote each candidate belongs to."""
    import numpy as np

    index = {k: i for i, k in enumerate(names)}
    X, y, w, q = [], [], [], []
    for qi, r in enumerate(rows):
        for feats, label, _ in r["cands"]:
            x = np.zeros(len(names))
            for k, v in feats.items():
                if k in index:
                    x[index[k]] = v
            X.append(x)
            y.append(label)
            w.append(r["weight"])
            q.append(qi)
    return np.array(X), np.array(y), np.array(w), np.array(q)


def _decide(rows_p: list[tuple[dict, list[float]]], fill: float, override: float | None) -> dict[str, int]:
    """Per-quote outcomes of rules and ranker combined as extract/quotes/ranker.choose combines them."""
    out = {"quotes": 0, "rules_right": 0, "ranker_right": 0, "combined_right": 0, "filled": 0,
           "overridden": 0, "made_wrong": 0, "oracle": 0}
    for r, probs in rows_p:
        out["quotes"] += 1
        out["rules_right"] += r["rule_ok"]
        labels = [c[1] for c in r["cands"]]
        out["oracle"] += r["rule_ok"] or any(labels)
        if not probs:
            out["combined_right"] += r["rule_ok"]
            continue
        best = max(range(len(probs)), key=lambda i: probs[i])
        out["ranker_right"] += labels[best]
        rule_i = next((i for i, c in enumerate(r["cands"]) if c[0].get("rule_choice")), None)
        rule_p = probs[rule_i] if rule_i is not None else 0.0
        right = r["rule_ok"]
        if r["rule_empty"] and probs[best] >= fill:
            right, out["filled"] = bool(labels[best]), out["filled"] + 1
        elif override is not None and not r["rule_empty"] and best != rule_i and probs[best] >= override and probs[best] - rule_p >= override - fill:
            right, out["overridden"] = bool(labels[best]), out["overridden"] + 1
        out["made_wrong"] += bool(r["rule_ok"] and not right)
        out["combined_right"] += right
    return out


def _fit(X, y, w):
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(random_state=SEED, **PARAMS).fit(X, y, sample_weight=w)


def cross_validate(rows: list[dict], names: list[str], fill: float, override: float | None) -> dict:
    """Grouped (by article) cross-validated per-quote outcomes at a few thresholds."""
    from sklearn.model_selection import GroupKFold

    X, y, w, q = _matrix(rows, names)
    groups = [rows[i]["article"] for i in q]
    probs = [[] for _ in rows]
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(X, y, groups)):
        model = _fit(X[tr], y[tr], w[tr])
        for i, p in zip(te, model.predict_proba(X[te])[:, 1]):
            probs[q[i]].append(float(p))
    paired = list(zip(rows, probs))
    grid = {}
    for f_ in (0.4, 0.5, 0.6, 0.7, 0.8):
        for o_ in (0.8, 0.9, 0.95, 1.01):
            res = _decide(paired, f_, o_)
            grid[f"{f_}/{o_}"] = res
    chosen = _decide(paired, fill, override)
    print(f"cross-validated by article ({FOLDS} folds), {chosen['quotes']} quotes:")
    print(f"  rules right {chosen['rules_right'] / chosen['quotes']:.3f}; ranker alone (top-1) "
          f"{chosen['ranker_right'] / chosen['quotes']:.3f}; right speaker among candidates or rules "
          f"{chosen['oracle'] / chosen['quotes']:.3f}")
    for key, res in grid.items():
        mark = " <- Settings" if key == f"{fill}/{override if override is not None else 1.01}" else ""
        print(f"  fill {key.split('/')[0]} override {key.split('/')[1]}: combined {res['combined_right'] / res['quotes']:.3f} "
              f"(filled {res['filled']}, overridden {res['overridden']}, right made wrong {res['made_wrong']}){mark}")
    return {"quotes": chosen["quotes"], "rules_acc": round(chosen["rules_right"] / chosen["quotes"], 3),
            "ranker_top1_acc": round(chosen["ranker_right"] / chosen["quotes"], 3),
            "combined_acc": round(chosen["combined_right"] / chosen["quotes"], 3),
            "filled": chosen["filled"], "overridden": chosen["overridden"], "made_wrong": chosen["made_wrong"]}


def export(model, names: list[str], card: dict) -> dict:
    """The fitted trees as flat arrays (no pickle): children, split feature, threshold, leaf value."""
    import math

    prior = float(model.init_.class_prior_[1])
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append({"l": t.children_left.tolist(), "r": t.children_right.tolist(),
                      "f": [max(int(v), 0) for v in t.feature], "t": [round(float(v), 6) for v in t.threshold],
                      "v": [round(float(v), 6) for v in t.value[:, 0, 0]]})
    return {"card": card, "features": names, "init": math.log(prior / (1 - prior)),
            "learning_rate": model.learning_rate, "trees": trees}


def _check(model, data: dict, rows: list[dict], names: list[str]) -> None:
    """The exported trees give sklearn's probabilities (the runtime never imports sklearn)."""
    from wirecoder.extract.quotes.ranker import Ranker

    X, _, _, _ = _matrix(rows, names)
    ranker = Ranker(data)
    ours = [ranker.probability(c[0]) for r in rows for c in r["cands"]]
    theirs = model.predict_proba(X)[:, 1] if len(X) else []
    assert all(abs(a - b) < 1e-4 for a, b in zip(ours, theirs)), "exported trees disagree with the model"


def main(argv: list[str] | None = None) -> None:
    """Collect, cross-validate, fit and write the ranker."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick check)")
    ap.add_argument("--cache", type=Path, default=None, help="reuse or write the collected rows here")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    from wirecoder.settings import DEFAULT

    started = time.time()
    if args.cache and args.cache.is_file():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        rows = collect(SHARED / "devsets" / "polnear-train", args.limit)
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    print(f"collected in {time.time() - started:.0f} s")
    names = sorted({k for r in rows for c in r["cands"] for k in c[0]})
    cv = cross_validate(rows, names, DEFAULT.speaker_fill_threshold, DEFAULT.speaker_override_threshold)
    X, y, w, _ = _matrix(rows, names)
    model = _fit(X, y, w)
    card = {"model": "gradient-boosted trees over speaker candidates (wirecoder.extract.quotes.ranker)",
            "trained_by": "python -m wirecoder.train.speakers", "seed": SEED, "params": PARAMS,
            "data": "PolNeAR v1.0.0 train compartment (../shared/devsets/polnear-train); document sources "
                    "and unresolved pronouns left out, automatically resolved pronouns weighted "
                    f"{RESOLVED_WEIGHT}", "candidates": int(len(y)), "positives": int(y.sum()),
            "cross_validated": cv}
    data = export(model, names, card)
    _check(model, data, rows[:50], names)
    write_model(args.out, data, "speaker ranker", started)


if __name__ == "__main__":
    main()
