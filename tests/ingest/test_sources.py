"""Ingest: text and HTML files, folders, JSON Lines, boilerplate, and one clear error per bad input."""
from __future__ import annotations

import json
from datetime import date

import pytest

from wirecoder.errors import (BinaryInputError, DateFormatError, EmptyInputError, EncodingError, JsonLineError,
                              LanguageError, WirecoderError)
from wirecoder.ingest import article_from_text, iter_articles
from wirecoder.ingest.text import clean_text

BODY = ("Security forces arrested six men on Tuesday after a rocket attack on the airport, "
        "the interior ministry said in a statement.\nThe ministry said the men were being questioned.")


def test_sources_byline_goes_to_metadata_and_offsets_stay():
    text = "By Our Baghdad Correspondent\n" + BODY
    art = article_from_text(text)
    assert art.byline == "Our Baghdad Correspondent"
    assert len(art.text) == len(text)  # offsets into the input stay valid
    assert art.text.index("Security") == text.index("Security")


def test_sources_reposting_boilerplate_is_removed():
    text = BODY + "\nShare this article\nNo comments:\nPost a Comment\n"
    cleaned, _ = clean_text(text)
    assert "No comments" not in cleaned and "Post a Comment" not in cleaned and "Share this" not in cleaned
    assert "questioned" in cleaned


def test_sources_published_date_parsed_and_checked():
    assert article_from_text(BODY, published="2024-01-12").published == date(2024, 1, 12)
    with pytest.raises(DateFormatError, match="YYYY-MM-DD"):
        article_from_text(BODY, published="12/01/2024")


def test_sources_non_english_is_refused():
    with pytest.raises(LanguageError, match="English"):
        article_from_text("Las fuerzas de seguridad detuvieron a seis hombres el martes tras un ataque "
                          "con cohetes contra el aeropuerto, según informó el ministerio del interior.")


@pytest.mark.parametrize("content,error", [
    (b"", EmptyInputError),
    (b"\x00\x01\x02binary\x00", BinaryInputError),
    ("caf\u00e9 attack".encode("latin-1") + b" more words here", EncodingError),
])
def test_sources_bad_files_each_get_a_one_line_error(tmp_path, content, error):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    items = list(iter_articles(tmp_path))
    errors = [i for i in items if isinstance(i, WirecoderError)]
    assert len(errors) == 1 and isinstance(errors[0], error)
    assert "bad.txt" in str(errors[0]) and "\n" not in str(errors[0])
    assert sum(not isinstance(i, WirecoderError) for i in items) == 1


def test_sources_jsonl_broken_lines_do_not_stop_the_rest(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a1", "text": BODY, "outlet": "Test Wire", "published": "2024-01-10"}),
             "{not json",
             json.dumps({"id": "a2"}),
             json.dumps({"id": "a3", "text": BODY})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles(f))
    ok = [i for i in items if not isinstance(i, WirecoderError)]
    errs = [i for i in items if isinstance(i, WirecoderError)]
    assert [a.id for a in ok] == ["a1", "a3"]
    assert ok[0].outlet == "Test Wire" and ok[0].published == date(2024, 1, 10)
    assert all(isinstance(e, JsonLineError) for e in errs) and len(errs) == 2
    assert "batch.jsonl:2" in str(errs[0])


def test_sources_html_body_title_and_date(tmp_path):
    html = f"""<!doctype html><html><head><title>Six held after airport attack</title>
    <meta property="article:published_time" content="2024-01-09T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Six held after airport attack</h1>
    <p>{BODY.splitlines()[0]}</p><p>{BODY.splitlines()[1]}</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    (art,) = list(iter_articles(page))
    assert not isinstance(art, WirecoderError), art
    assert "arrested six men" in art.text and "Subscribe" not in art.text and "Sport" not in art.text
    assert art.published == date(2024, 1, 9)
    assert art.title == "Six held after airport attack"


def test_sources_a_first_sentence_starting_with_by_is_not_a_byline():
    text = "By August 2023 militia fighters had seized the town.\n" + BODY
    art = article_from_text(text)
    assert art.byline is None and art.text.startswith("By August 2023")


def test_sources_parquet_rows_are_articles_and_a_bad_row_is_one_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wirecoder.errors import InputError, WirecoderError
    from wirecoder.ingest.sources import iter_articles, iter_parquet
    from wirecoder.records import Article

    rows = [{"id": "p1", "text": BODY, "html": None}, {"id": "p2", "text": None, "html": None},
            {"id": "p3", "text": BODY + " Officials gave no figure.", "html": None}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "batch.parquet")
    got = list(iter_articles(tmp_path / "batch.parquet"))
    assert [g.id for g in got if isinstance(g, Article)] == ["p1", "p3"]
    (bad,) = [g for g in got if isinstance(g, WirecoderError)]
    assert "batch.parquet:2" in str(bad) and "neither" in str(bad)
    assert [a.id for a in iter_parquet(tmp_path / "batch.parquet", rows=(2, 3)) if isinstance(a, Article)] == ["p3"]
    (tmp_path / "cut.parquet").write_bytes(b"PAR1 not really")
    (err,) = list(iter_articles(tmp_path / "cut.parquet"))
    assert isinstance(err, InputError) and "Parquet" in str(err)
