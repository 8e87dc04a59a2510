"""wirecoder: conflict reporting to sourced, structured intelligence.

    >>> import wirecoder
    >>> res = wirecoder.analyze("Kataeb Hezbollah (KH) vowed further attacks, a spokesman said.",
    ...                         published="2023-12-20")
    >>> line = wirecoder.to_contract(res)  # the JSON Lines output contract of DESIGN.md
"""
from wirecoder.contract import to_contract
from wirecoder.corpus import Corpus
from wirecoder.errors import WirecoderError
from wirecoder.pipeline import analyze, analyze_many
from wirecoder.records import Actor, Analysis, Article, DateRef, Event, Place, Quantity, Quote
from wirecoder.settings import Settings

__version__ = "0.1.0"
__all__ = ["Corpus", "Actor", "Analysis", "Article", "DateRef", "Event", "Place", "Quantity", "Quote", "Settings",
           "WirecoderError", "analyze", "analyze_many", "to_contract", "__version__"]
