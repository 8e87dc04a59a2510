"""The offline gazetteer now lives in `wirecoder.extract.places.gazetteer`; this name stays for callers."""
from wirecoder.extract.places.gazetteer import Entry, Gazetteer, cache_dir, get_gazetteer, key, variants

__all__ = ["Entry", "Gazetteer", "cache_dir", "get_gazetteer", "key", "variants"]
