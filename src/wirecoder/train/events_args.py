"""Train the argument ranker: which party the sentence names is the event's actor, which its target.

    python -m wirecoder.train.events_args [--out PATH]

For every candidate event the rules propose on a gold article that the gold also codes (same
sentence), each option the sentence offers is labelled by the gold actor/target with score.py's
own name agreement. Sources: our annotated articles (`training/articles`, heldout5), the older
fixtures the rules were tuned on, and PLV train's actor/target spans. A binary logistic
regression scores options; cross-validation is grouped by article and reports, per collection,
how often the rules and the ranker pick a right party where the gold names one."""
from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirecoder.train.events_judge import sources
from wirecoder.train.gold import REPO, gold_articles, scorer, write_model

SEED = 13
MODEL = REPO / "src" / "wirecoder" / "models" / "event_args.json"
WEIGHTS = {"ours": 1.0, "tuned": 0.5, "plv": 0.5}


@dataclass
class Choice:
    """One role of one matched event: its options, which are right, and what the rules chose."""

    group: str
    source: str
    role: str
    gold: str | None
    options: list  # of Option
    right: list[bool]
    rules_ok: bool


def _pairs(sc, gold: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """Gold-prediction pairs: by type and sentence, then by sentence alone for retyped ones."""
    pairs = sc.match(gold, preds, sc.event_score)
    used_g, used_p = {g for g, _ in pairs}, {p for _, p in pairs}
    rest_g = [i for i in range(len(gold)) if i not in used_g]
    rest_p = [i for i in range(len(preds)) if i not in used_p]
    more = sc.match([gold[i] for i in rest_g], [preds[i] for i in rest_p],
                    lambda g, p: sc.event_score(g, {**p, "type": g.get("type")}))
    return pairs + [(rest_g[g], rest_p[p]) for g, p in more]


def collect(folder: Path, source: str) -> list[Choice]:
    """The labelled argument choices of every gold article in `folder`."""
    from wirecoder.errors import WirecoderError
    from wirecoder.extract.events import argument_options, candidate_events
    from wirecoder.ingest.text import article_from_text
    from wirecoder.pipeline import extract_all, nlp_for
    from wirecoder.settings import Settings

    sc, settings = scorer(), Settings(event_judge=False, event_args=False)
    nlp = nlp_for(settings)
    pairs = []
    for g in gold_articles(folder):
        if "events" not in (g.get("facets") or ["events"]) or not g.get("events"):
            continue
        try:
            pairs.append((article_from_text(g["text"], published=g.get("published"), settings=settings, id=g["id"],
                                            outlet=g.get("outlet"), title=g.get("title")), g))
        except WirecoderError:
            continue
    out: list[Choice] = []
    for doc, (art, g) in nlp.pipe(((a.text, (a, g)) for a, g in pairs), as_tuples=True, batch_size=32):
        extract_all(doc, art, settings)
        cands = candidate_events(doc, doc._.wc_actors, doc._.wc_places or (), doc._.wc_dates or (),
                                 doc._.wc_quantities or (), settings)
        preds = [c.event.model_dump(mode="json", exclude={"evidence"}) for c in cands]
        matched = _pairs(sc, g["events"], preds)
        chosen = [cands[p] for _, p in matched]
        for (gi, pi), opts in zip(matched, argument_options(chosen, doc._.wc_actors, settings)):
            for role, role_opts in opts.items():
                want = g["events"][gi].get(role)
                right = [(not o.text) if not want else sc.same_name(str(want), o.text or None) for o in role_opts]
                rules_ok = not want or sc.same_name(str(want), preds[pi].get(role))
                out.append(Choice(g["id"], source, role, want, role_opts, right, bool(rules_ok)))
    return out


def _fit(choices: list[Choice], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = [], [], []
    for ch in choices:
        if not any(ch.right):
            continue  # the right party is not among the options: nothing to rank
        for o, ok in zip(ch.options, ch.right):
            rows.append(o.features)
            labels.append(int(ok))
            weights.append(WEIGHTS[ch.source])
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(vec.fit_transform(rows), labels, sample_weight=weights)
    return vec, model


def _picks(vec, model, choices: list[Choice]) -> list[int]:
    out = []
    for ch in choices:
        scores = model.decision_function(vec.transform([o.features for o in ch.options]))
        out.append(int(max(range(len(ch.options)), key=lambda i: scores[i])))
    return out


def cross_validate(choices: list[Choice], c: float, folds: int = 5) -> list[int]:
    """Out-of-fold picks (index into each choice's options), folds grouped by article."""
    from sklearn.model_selection import GroupKFold

    picks = [0] * len(choices)
    split = GroupKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train, test in split.split(choices, groups=[ch.group for ch in choices]):
        vec, model = _fit([choices[i] for i in train], c)
        for i, p in zip(test, _picks(vec, model, [choices[i] for i in test])):
            picks[i] = p
    return picks


def report(choices: list[Choice], picks: list[int]) -> dict:
    """Accuracy where the gold names a party, rules vs ranker, per collection and role."""
    out = {}
    for src in sorted({ch.source for ch in choices}):
        for role in ("actor", "target"):
            idx = [i for i, ch in enumerate(choices) if ch.source == src and ch.role == role and ch.gold]
            if not idx:
                continue
            rules = sum(choices[i].rules_ok for i in idx) / len(idx)
            model = sum(choices[i].right[picks[i]] for i in idx) / len(idx)
            reach = sum(any(choices[i].right) for i in idx) / len(idx)
            out[f"{src}/{role}"] = {"n": len(idx), "rules": round(rules, 3), "ranker": round(model, 3),
                                    "in_options": round(reach, 3)}
            print(f"  {src:6s} {role:6s} n={len(idx):4d}  rules {rules:.3f}  ranker {model:.3f}  "
                  f"(right party among the options {reach:.3f})", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    """Collect, cross-validate, fit and write the ranker with its card."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args(argv)
    t0 = time.time()
    print("argument ranker: collecting options of the rules' matched events", flush=True)
    choices: list[Choice] = []
    for folder, name in sources():
        got = collect(folder, name)
        choices += got
        print(f"  {name:6s} {folder.name}: {len(got)} role choices", flush=True)
    scores = {}
    for c in (0.1, 0.3, 1.0):
        picks = cross_validate(choices, c)
        ours = [i for i, ch in enumerate(choices) if ch.source == "ours" and ch.gold]
        scores[c] = (sum(choices[i].right[picks[i]] for i in ours) / max(1, len(ours)), picks)
        print(f"  C={c}: accuracy on our articles {scores[c][0]:.3f}", flush=True)
    c = max(scores, key=lambda k: scores[k][0])
    print(f"argument ranker: grouped 5-fold cross-validation, C={c}")
    cv = report(choices, scores[c][1])
    vec, model = _fit(choices, c)
    weights = {n: round(float(w), 4) for n, w in zip(vec.feature_names_, model.coef_[0]) if abs(w) >= 1e-3}
    card = {"model": "logistic regression over argument options (wirecoder.extract.events.argrank)",
            "trained_by": "python -m wirecoder.train.events_args", "seed": SEED, "C": c,
            "sample_weights": WEIGHTS, "choices": dict(Counter(ch.source for ch in choices)),
            "cross_validated": cv, "weights": len(weights)}
    write_model(args.out, {"card": card, "weights": dict(sorted(weights.items()))},
                f"argument ranker: {len(weights)} weights", t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
