"""RSS/Atom feeds: every entry's link fetched and extracted; one error per broken entry, the rest go on."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from urllib.parse import urljoin

from wirecoder.errors import FeedError, WirecoderError
from wirecoder.ingest.fetch import Page, fetch
from wirecoder.ingest.html import article_from_html
from wirecoder.ingest.text import article_from_text
from wirecoder.records import Article
from wirecoder.settings import DEFAULT, Settings

FEED_TYPES = ("rss", "atom", "rdf", "application/xml", "text/xml")


def looks_like_feed(page: Page) -> bool:
    """True when a fetched document is an RSS/Atom feed rather than a web page."""
    ctype = page.content_type.lower()
    if "html" in ctype:
        return False
    head = page.body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(t in ctype for t in FEED_TYPES):
        return True
    return head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf"))


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def iter_feed(page: Page, *, allow_private: bool = False, settings: Settings = DEFAULT,
              fetcher=fetch) -> Iterator[Article | WirecoderError]:
    """Articles of a fetched feed, each entry's link fetched and extracted with trafilatura."""
    import feedparser

    parsed = feedparser.parse(page.body)
    if not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield FeedError(f"not a readable RSS/Atom feed or it has no entries{why}".splitlines()[0], source=page.url)
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        src = f"{page.url}#entry-{n}"
        link = entry.get("link")
        if not link:
            yield FeedError("the feed entry has no link", source=src)
            continue
        link = urljoin(page.final_url, link)
        try:
            art = fetch_article(link, allow_private=allow_private, settings=settings, fetcher=fetcher,
                                outlet=outlet, title=entry.get("title") or None, published=_entry_date(entry))
        except WirecoderError as exc:
            yield exc
        else:
            yield art


def fetch_article(url: str, *, allow_private: bool = False, settings: Settings = DEFAULT, fetcher=fetch,
                  outlet: str | None = None, title: str | None = None, published=None,
                  page: Page | None = None) -> Article:
    """Fetch one web page (unless given) and extract its article; the URL is its id."""
    page = page or fetcher(url, allow_private=allow_private, settings=settings)
    text = page.text
    if "html" in page.content_type.lower() or "<" in text[:2000]:
        return article_from_html(text, id=url, source=url, url=url, outlet=outlet, title=title,
                                 published=published, settings=settings)
    return article_from_text(text, id=url, source=url, url=url, outlet=outlet, title=title,
                             published=published, settings=settings)


def iter_url(url: str, *, allow_private: bool = False, settings: Settings = DEFAULT,
             fetcher=fetch) -> Iterator[Article | WirecoderError]:
    """A URL as articles: the entries of a feed, or the one article of a web page."""
    try:
        page = fetcher(url, allow_private=allow_private, settings=settings)
    except WirecoderError as exc:
        yield exc
        return
    if looks_like_feed(page):
        yield from iter_feed(page, allow_private=allow_private, settings=settings, fetcher=fetcher)
        return
    try:
        yield fetch_article(url, page=page, allow_private=allow_private, settings=settings)
    except WirecoderError as exc:
        yield exc
