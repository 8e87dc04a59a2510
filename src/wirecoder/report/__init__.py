"""Reports: the terminal view of one analysis, and the cited situation report of a corpus."""
from __future__ import annotations

from wirecoder.report.text import render_text

__all__ = ["render_text"]
