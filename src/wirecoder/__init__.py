"""wirecoder: conflict reporting to sourced, structured intelligence.

    >>> import wirecoder
    >>> res = wirecoder.analyze("Kataeb Hezbollah (KH) vowed further attacks, a spokesman said.",
    ...                         published="2023-12-20")
    >>> line = wirecoder.to_contract(res)  # the JSON Lines output contract of DESIGN.md
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Every `import wirecoder.x` runs this file first; the names load on first use (PEP 562) so that commands
# which never analyse (serve, report, the corpus queries) do not import spaCy and the pipeline.
_HOMES = {"to_contract": "wirecoder.contract", "Corpus": "wirecoder.corpus", "WirecoderError": "wirecoder.errors",
          "analyze": "wirecoder.pipeline", "analyze_many": "wirecoder.pipeline", "Settings": "wirecoder.settings",
          **{n: "wirecoder.records" for n in ("Actor", "Analysis", "Article", "DateRef", "Event", "Place",
                                              "Quantity", "Quote")}}
__all__ = ["Corpus", "Actor", "Analysis", "Article", "DateRef", "Event", "Place", "Quantity", "Quote", "Settings",
           "WirecoderError", "analyze", "analyze_many", "to_contract", "__version__"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
