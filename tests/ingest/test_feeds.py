"""RSS/Atom feeds: entries fetched from a local server; a broken entry is reported, the rest ingest."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wirecoder.errors import FeedError, FetchError
from wirecoder.ingest.feeds import iter_url
from wirecoder.records import Article

STORY = ("<html><head><title>{t}</title></head><body><article><p>{t}: security forces said two rockets "
         "landed near the airport on Sunday and caused no casualties. Officials opened an inquiry into the "
         "launch site.</p></article></body></html>")


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate></item>"
        for t, p in (("First story", "/a1"), ("Gone story", "/gone"), ("Second story", "/a2")))
    items += "<item><title>No link at all</title></item>"
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{items}'
            "</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {"/feed.xml": (rss(base), "application/rss+xml"),
                  "/notafeed.xml": (b'<?xml version="1.0"?><rss><channel>', "application/rss+xml"),
                  "/a1": (STORY.format(t="First story").encode(), "text/html"),
                  "/a2": (STORY.format(t="Second story").encode(), "text/html"),
                  "/a3": (STORY.format(t="Third story").encode(), "text/html")}
        body, ctype = routes.get(self.path, (b"missing", "text/plain"))
        self.send_response(200 if self.path in routes else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_feeds_fetch_every_entry_and_report_broken_ones(server):
    items = list(iter_url(f"{server}/feed.xml", allow_private=True))
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if not isinstance(x, Article)]
    assert [a.title for a in arts] == ["First story", "Second story"]
    assert all(a.outlet == "Test Wire" and str(a.published) == "2024-01-08" for a in arts)
    assert arts[0].id == arts[0].url == f"{server}/a1" and "rockets" in arts[0].text
    assert len(errs) == 2
    assert isinstance(errs[0], FetchError) and "HTTP 404" in str(errs[0]) and errs[0].source == f"{server}/gone"
    assert isinstance(errs[1], FeedError) and errs[1].source.endswith("#entry-4")


def test_feeds_a_plain_page_url_is_one_article(server):
    (art,) = iter_url(f"{server}/a3", allow_private=True)
    assert art.title == "Third story" and art.url == f"{server}/a3"


def test_feeds_unreadable_feed_is_one_error(server):
    (err,) = iter_url(f"{server}/notafeed.xml", allow_private=True)
    assert isinstance(err, FeedError) and "feed" in str(err)


def test_feeds_private_entries_need_allow_private(server):
    (err,) = iter_url(f"{server}/feed.xml")
    assert "--allow-private" in str(err)
