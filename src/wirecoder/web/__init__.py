"""The analyst's desk: a local, offline web app over a corpus (FastAPI, Jinja2, packaged Plotly)."""
from __future__ import annotations

from wirecoder.web.app import create_app

__all__ = ["create_app"]
