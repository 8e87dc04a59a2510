"""JSON text that any line reader splits right: U+2028, U+2029 and U+0085 escaped."""
from __future__ import annotations

import json

_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def dumps(obj, *, indent: int | None = None) -> str:
    """json.dumps (UTF-8 kept readable) with the Unicode line separators escaped."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    if any(c in text for c in _LINE_BREAKS):
        for raw, esc in _LINE_BREAKS.items():
            text = text.replace(raw, esc)
    return text
