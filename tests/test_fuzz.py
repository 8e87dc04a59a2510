"""Fuzzing ingest and analyze: whatever the input, no exception escapes, each bad input gets one error
and the rest of the batch goes on. The cheap layers (decoding, cleaning, JSON Lines, feeds) take the
bulk of the ≥ 10,000 generated inputs; the full parse and extraction a few hundred."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.errors import WirecoderError
from wirecoder.ingest.fetch import Page
from wirecoder.ingest.sources import iter_articles, iter_jsonl
from wirecoder.records import Analysis, Article

def fuzz(n: int):
    """Hypothesis settings for a fuzz test of n examples: reproducible, no deadline, no example database."""
    return settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                    database=None)
COUNT = {"inputs": 0}

NASTY = ['"', "“", "”", "„", "«", "»", "'", "‘", "’", "\u202e", "\u2066", "\u2069", "\u200f", "\x00", "\x85",
         "\u2028", "\u2029", "\ufeff", "\x1b", "\x07", "\r", "\n", "\t", " ", "said", "the army", "killed", "12",
         "in Kirkuk", "on Monday", "Hamas", ".", "—", "<p>", "</p>", "&amp;", "&#0;", "<!--", "-->", "\ud7ff"]
LEDE = "Militants attacked a checkpoint in Kirkuk on Monday, killing 12 soldiers, officials said."


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + LEDE + "</div>" * depth + "</body></html>"


texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(NASTY), max_size=60).map("".join),
    st.lists(st.sampled_from(NASTY), max_size=30).map(lambda parts: LEDE + "".join(parts) + LEDE),
    st.integers(0, 5000).map(_nested),
    st.integers(150_000, 260_000).map(lambda n: "word " * n),  # over the 1,000,000 character cap when long
    st.just(""),
)
raw_bytes = st.one_of(
    st.binary(max_size=300),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(texts, st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"])).map(
        lambda p: p[0].encode("utf-8", "surrogatepass")[:50] + p[1] + LEDE.encode()),
)
records = st.one_of(
    st.fixed_dictionaries({"id": st.one_of(st.none(), st.text(max_size=20), st.integers()), "text": texts}),
    st.fixed_dictionaries({"html": texts.map(lambda t: f"<p>{t}</p>")}),
    st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.integers(), st.text(max_size=20)), max_size=4),
    st.lists(st.integers(), max_size=3),
    st.fixed_dictionaries({"text": st.just(LEDE), "published": st.text(max_size=12)}),
)
jsonl_lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),
    records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    raw_bytes.map(lambda b: b.replace(b"\n", b" ")),
    st.just(b'{"text": "unterminated'),
)


def _check(results: list, expected: int) -> None:
    assert len(results) == expected
    assert all(isinstance(r, (Article, Analysis, WirecoderError)) for r in results)
    for r in results:
        if isinstance(r, WirecoderError):
            assert str(r) and "\n" not in str(r)  # one line for the person reading it
    COUNT["inputs"] += expected


@fuzz(110)
@given(lines=st.lists(jsonl_lines, min_size=60, max_size=60))
def test_fuzz_jsonl_each_line_is_one_article_or_one_error(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    expected = sum(1 for raw in path.read_bytes().split(b"\n") if raw.strip())
    _check(list(iter_jsonl(path)), expected)


@fuzz(90)
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".html", ".md", ""]), raw_bytes), min_size=40,
                      max_size=40))
def test_fuzz_files_each_file_is_one_article_or_one_error(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("files")
    for n, (suffix, data) in enumerate(files):
        (folder / f"f{n:03d}{suffix}").write_bytes(data)
    _check(list(iter_articles(folder)), len(files))


def _feed(entries: list[tuple[str, str | None]]) -> bytes:
    items = "".join(f"<item><title>{t}</title>" + (f"<link>{link}</link>" if link else "") + "</item>"
                    for t, link in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()


def _escape(text: str) -> str:
    return "".join(c for c in text if c.isprintable()).replace("&", "&amp;").replace("<", "&lt;")


@fuzz(200)
@given(entries=st.lists(st.tuples(texts.map(lambda t: _escape(t[:80])), st.one_of(st.none(), st.just("/a"),
                                                                                 st.just("/gone"))),
                        min_size=1, max_size=12),
       pages=st.lists(raw_bytes, min_size=12, max_size=12), broken=st.booleans())
def test_fuzz_feeds_each_entry_is_one_article_or_one_error(entries, pages, broken):
    from wirecoder.errors import FetchError
    from wirecoder.ingest.feeds import iter_url

    body = _feed(entries)
    body = body[: len(body) // 2] if broken else body
    served = iter(pages)

    def fetcher(url, **kw):
        if url.endswith("/gone"):
            raise FetchError("HTTP 404", source=url)
        if url.endswith("feed.xml"):
            return Page(url, url, "application/rss+xml", body)
        return Page(url, url, "text/html", next(served, b""))

    results = list(iter_url("http://news.test/feed.xml", fetcher=fetcher))
    assert len(results) == (len(entries) if not broken else len(results)) and results
    _check(results, len(results))


@fuzz(40)
@given(batch=st.lists(texts, min_size=8, max_size=8))
def test_fuzz_analyze_one_result_per_input_and_the_batch_goes_on(batch):
    from wirecoder.ingest.text import article_from_text
    from wirecoder.runner import analyze_many

    def items():
        for n, text in enumerate(batch + [LEDE]):
            try:
                yield article_from_text(text, id=f"t{n}", source=f"t{n}")
            except WirecoderError as exc:
                yield exc

    results = list(analyze_many(items(), jobs=1))
    _check(results, len(batch) + 1)
    assert isinstance(results[-1], Analysis) and results[-1].events  # the good article after the bad ones


@fuzz(8)
@given(files=st.lists(raw_bytes, min_size=6, max_size=6))
def test_fuzz_ingest_records_every_bad_input_and_stores_the_rest(tmp_path_factory, files):
    from wirecoder.corpus import Corpus

    folder = tmp_path_factory.mktemp("ingest")
    for n, data in enumerate(files):
        (folder / f"f{n}.txt").write_bytes(data)
    (folder / "good.txt").write_text(LEDE, encoding="utf-8")
    with Corpus(folder.parent / f"{folder.name}.sqlite") as corpus:
        report = corpus.ingest([folder], jobs=1)
        assert report.ok + report.failed == len(files) + 1
        assert corpus.stats()["articles"] >= 1 and report.failed == corpus.stats()["failures"]
    COUNT["inputs"] += len(files) + 1


def test_fuzz_ran_at_least_ten_thousand_inputs():
    if COUNT["inputs"] == 0:
        import pytest

        pytest.skip("run together with the fuzz tests above")
    assert COUNT["inputs"] >= 10_000, COUNT
