"""End to end through the command line, on our own texts and on the gold fixtures with score floors."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OWN_FIXTURES = ROOT / "tests" / "fixtures"

SAMPLE = ROOT / "src" / "wirecoder" / "sample" / "sample-article.txt"

# Floors sit a little under what the current code reaches, so a regression fails the build. They gate
# who-did-what-to-whom (event_who_f1) and argument accuracy as well as F1. heldout..heldout4 were
# written before a rules tuning round and then tuned on; heldout5 was never tuned on by the rules but
# is training data for the event judge; heldout6 was written for issue #7 before any change, scored
# once untouched (event F1 0.609) and is read neither by rules nor by training: the honest estimate;
# heldout7 likewise for issue #8 (speakers and places; untouched quote F1 0.817, place 161 km 0.824;
# after the speaker work: quote F1 0.882, attribution accuracy 0.894 -> 0.965); heldout8 was written
# blind at the end of session 3 and scored once (event F1 0.750, quote F1 0.737, place 161 km 0.897);
# heldout9 likewise at the start of session 5 (event F1 0.769, who 0.569, quote F1 0.787).
SEED_FLOORS = {"quote_f1": 0.95, "attribution_acc": 0.95,
               "event_f1": 0.80, "place_f1": 0.95, "event_who_f1": 0.58, "event_actor_acc": 0.83}
OWN_FLOORS = {
    "": {"quote_f1": 0.89, "event_f1": 0.88, "place_f1": 0.96, "event_who_f1": 0.42, "event_actor_acc": 0.73},
    "heldout": {"quote_f1": 0.92, "event_f1": 0.89, "place_f1": 0.95, "event_who_f1": 0.40, "event_actor_acc": 0.74},
    "heldout2": {"quote_f1": 0.89, "event_f1": 0.93, "place_f1": 0.96, "event_who_f1": 0.48, "event_actor_acc": 0.78},
    "heldout3": {"quote_f1": 0.80, "event_f1": 0.87, "place_f1": 0.85, "event_who_f1": 0.32, "event_actor_acc": 0.67},
    "heldout4": {"quote_f1": 0.79, "event_f1": 0.73, "place_f1": 0.86, "event_who_f1": 0.27, "event_actor_acc": 0.63},
    "heldout5": {"quote_f1": 0.77, "event_f1": 0.79, "place_f1": 0.78, "event_who_f1": 0.22, "event_actor_acc": 0.53},
    "heldout6": {"quote_f1": 0.72, "event_f1": 0.72, "place_f1": 0.87, "event_who_f1": 0.40, "event_actor_acc": 0.66,
                 "event_target_acc": 0.66},
    "heldout7": {"quote_f1": 0.86, "attribution_acc": 0.94,
                 "event_f1": 0.66, "place_f1": 0.87, "event_who_f1": 0.48, "event_actor_acc": 0.85,
                 "event_target_acc": 0.74, "place_country_acc": 0.94, "place_161km": 0.79},
    "heldout8": {"quote_f1": 0.70, "event_f1": 0.72, "place_f1": 0.89, "event_who_f1": 0.39, "event_actor_acc": 0.68,
                 "event_target_acc": 0.67, "place_country_acc": 0.96, "place_161km": 0.87},
    "heldout9": {"quote_f1": 0.75, "attribution_acc": 0.85, "event_f1": 0.74, "place_f1": 0.89, "event_who_f1": 0.53,
                 "event_actor_acc": 0.84, "event_target_acc": 0.68, "place_country_acc": 0.96, "place_161km": 0.83},
    "dedup": {"quote_f1": 0.87, "event_f1": 0.72, "event_who_f1": 0.35, "event_actor_acc": 0.59},
    # short items (issue #7's short-item judge): untouched 0.718 with one event per item; 0.800 with the
    # shipped policy, chosen after seeing it (so partly a fit)
    "alerts": {"event_f1": 0.75, "event_who_f1": 0.58, "event_actor_acc": 0.88, "event_target_acc": 0.68},
}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


def gold_to_jsonl(folder: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted(folder.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps({k: d.get(k) for k in ("id", "text", "url", "outlet", "published")}) + "\n")


def score(shared: Path, gold: Path, pred: Path) -> dict[str, float]:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred)],
                         capture_output=True, text=True, check=True)
    summary = res.stdout.strip().splitlines()[-1]
    got = {k: float(v) for k, v in re.findall(r"(\w+_(?:f1|acc|161km))=([\d.]+)", summary)}
    # the share of found quotes given the right speaker (not on the SUMMARY line)
    attribution = re.search(r"^attribution accuracy\s+([\d.]+)", res.stdout, flags=re.M)
    if attribution:
        got["attribution_acc"] = float(attribution.group(1))
    return got


def test_cli_analyze_text_report_on_sample():
    res = run_cli("analyze", str(SAMPLE), "--published", "2024-01-12", "--format", "text")
    assert res.returncode == 0, res.stderr
    assert "Actors" in res.stdout and "Quotes by speaker" in res.stdout


def test_cli_analyze_jsonl_contract(tmp_path):
    res = run_cli("analyze", str(SAMPLE), "--published", "2024-01-12", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    (line,) = res.stdout.strip().splitlines()
    out = json.loads(line)
    assert out["id"] == "sample-article" and out["published"] == "2024-01-12"
    for key in ("actors", "quotes", "events", "places", "quantities"):
        assert isinstance(out[key], list)
    text = SAMPLE.read_text(encoding="utf-8")
    for q in out["quotes"]:
        assert {"text", "speaker", "anonymous", "kind", "start", "end"} <= q.keys()
        assert text[q["start"]:q["end"]] == q["text"] or q["text"] in text[q["start"]:q["end"]]


def test_cli_bad_input_is_one_line_and_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    res = run_cli("analyze", str(tmp_path), "--format", "jsonl")
    assert res.returncode == 0
    assert len(res.stdout.strip().splitlines()) == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2 and all("Traceback" not in ln for ln in res.stderr.splitlines())
    assert "1 analysed, 2 failed" in res.stderr


def test_cli_missing_input_exits_1_with_one_line(tmp_path):
    res = run_cli("analyze", str(tmp_path / "nope.txt"))
    assert res.returncode == 1
    assert "no such file" in res.stderr and "Traceback" not in res.stderr


def test_cli_bad_published_date_exits_1():
    res = run_cli("analyze", str(SAMPLE), "--published", "yesterday")
    assert res.returncode == 1 and "YYYY-MM-DD" in res.stderr


def test_cli_every_command_help_ends_with_example():
    res = run_cli("--help")
    commands = re.findall(r"^│ (\w[\w-]*) ", res.stdout, flags=re.M)
    assert "analyze" in commands
    for cmd in commands:
        help_text = run_cli(cmd, "--help").stdout
        assert "Example:" in help_text, cmd


def test_cli_scores_on_shared_gold_fixtures(shared_dir, tmp_path):
    gold_to_jsonl(shared_dir / "fixtures", tmp_path / "in.jsonl")
    res = run_cli("analyze", str(tmp_path / "in.jsonl"), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    (tmp_path / "out.jsonl").write_text(res.stdout, encoding="utf-8")
    got = score(shared_dir, shared_dir / "fixtures", tmp_path / "out.jsonl")
    for key, floor in SEED_FLOORS.items():
        assert got[key] >= floor, (key, got)


@pytest.mark.parametrize("folder", sorted(OWN_FLOORS))
def test_cli_scores_on_own_fixtures(shared_dir, tmp_path, folder):
    gold = OWN_FIXTURES / folder
    if not list(gold.glob("*.json")):
        pytest.skip(f"no fixtures in {gold}")
    gold_to_jsonl(gold, tmp_path / "in.jsonl")
    res = run_cli("analyze", str(tmp_path / "in.jsonl"), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    (tmp_path / "out.jsonl").write_text(res.stdout, encoding="utf-8")
    got = score(shared_dir, gold, tmp_path / "out.jsonl")
    for key, floor in OWN_FLOORS[folder].items():
        assert got[key] >= floor, (folder, key, got)


def test_cli_analyze_reads_stdin():
    res = run_cli("analyze", "-", "--format", "jsonl", "--published", "2024-01-12",
                  stdin='Police chief Omar Saleh said "the road is closed" on Monday.')
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["id"] == "stdin" and out["quotes"][0]["speaker"] == "Omar Saleh"
