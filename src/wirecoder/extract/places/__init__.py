"""Places: toponyms found by the model and by the gazetteer, resolved offline by article context.

Candidates come from the model's GPE/LOC/FAC entities and from a scan of capitalised token runs
against the gazetteer (the small model calls many Arabic place names PERSON or ORG); a name the
model did not tag as a place must pass stricter checks (`candidates`, `context`). Each candidate's
entries are then scored (`resolve`): a prior by kind and population, plus the countries and states
the rest of the article names, plus hints in the text ("Hasakah city", "Kirkuk province",
"Springfield, Ill."). `output` turns the chosen entries into `Place` records."""
from __future__ import annotations

import importlib

# The extractor needs spaCy; the package's spaCy-free modules (identity, kinds, lexicons) are imported by
# the corpus and the web app, which must not pay for spaCy, so the extractor loads on first use (PEP 562).
__all__ = ["country_of_demonym", "extract_places", "feature_of", "km", "resolution_of", "unique_places"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("wirecoder.extract.places.extractor"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
