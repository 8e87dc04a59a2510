"""JSON Lines output that every line reader splits right."""
from __future__ import annotations

import json

from wirecoder.jsonl import dumps


def test_jsonl_escapes_unicode_line_separators():
    obj = {"text": "a\u2028b\u2029c\x85d", "plain": "Zürich — “quoted”"}
    line = dumps(obj)
    assert len(line.splitlines()) == 1
    for raw in ("\u2028", "\u2029", "\x85"):
        assert raw not in line
    assert "\\u2028" in line and "\\u0085" in line
    assert json.loads(line) == obj
    assert "Zürich — “quoted”" in line  # other characters stay readable


def test_jsonl_indented_output_round_trips():
    obj = {"a": ["x\u2028y"]}
    assert json.loads(dumps(obj, indent=2)) == obj and "\u2028" not in dumps(obj, indent=2)
