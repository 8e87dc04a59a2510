"""Turn inputs (text, HTML, folders, JSON Lines) into Article records, one failure per bad input."""
from wirecoder.ingest.sources import iter_articles, read_path
from wirecoder.ingest.text import article_from_text

__all__ = ["article_from_text", "iter_articles", "read_path"]
