"""HTML pages: the article body by trafilatura, its date by htmldate, title and byline."""
from __future__ import annotations

from datetime import date

from wirecoder.errors import EmptyInputError
from wirecoder.ingest.text import article_from_text
from wirecoder.records import Article
from wirecoder.settings import DEFAULT, Settings


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document or fragment rather than plain text."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<body", "<article", "<p>", "<div", "<head")
    )


def article_from_html(html: str, *, id: str | None = None, source: str = "<html>", url: str | None = None,
                      outlet: str | None = None, title: str | None = None, published=None,
                      settings: Settings = DEFAULT) -> Article:
    """Extract the main text and metadata of an HTML page into an Article."""
    import trafilatura
    from htmldate import find_date

    body = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    # (deduplicate shares a process-wide cache: the same page read twice would come out empty)
    if not body or not body.strip():
        raise EmptyInputError("no article text found in the HTML page", source=source)
    meta = trafilatura.extract_metadata(html, default_url=url)
    found = None
    if published is None:
        try:
            found = find_date(html, outputformat="%Y-%m-%d", original_date=True, extensive_search=False)
        except Exception:  # htmldate raises on odd markup; a missing date is not an error
            found = None
    return article_from_text(
        body, id=id, source=source, url=url or (meta.url if meta else None),
        outlet=outlet or (meta.sitename if meta else None),
        title=title or (meta.title if meta else None),
        byline=meta.author if meta and meta.author else None,
        published=published if published is not None else (date.fromisoformat(found) if found else None),
        settings=settings,
    )
