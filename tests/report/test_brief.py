"""The situation report: every sentence cites listed sources, and each cited source holds the fact."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.corpus import Corpus
from wirecoder.report.brief import Brief, Line, Section, Source, build_brief
from wirecoder.report.render import to_html, to_markdown

QUOTED = re.compile(r"“[^”]*”")
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]]{2}\.)\s+(?=[A-Z])")


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def brief(fixture_corpus):
    with Corpus(fixture_corpus) as c:
        return build_brief(c)


@pytest.fixture(scope="module")
def texts(fixture_corpus):
    with Corpus(fixture_corpus) as c:
        return {r["id"]: r["text"] for r in c.conn.execute("SELECT id, text FROM articles")}


def body_and_sources(md: str) -> tuple[list[str], dict[int, str]]:
    body, _, tail = md.partition("\n## Sources\n")
    lines = [ln[2:] for ln in body.splitlines() if ln.startswith("- ")]
    sources = {int(m.group(1)): ln for ln in tail.splitlines() if (m := re.match(r"\[(\d+)\] ", ln))}
    return lines, sources


def test_markdown_every_sentence_cites_a_listed_source(brief):
    md = to_markdown(brief)
    lines, sources = body_and_sources(md)
    assert len(lines) >= 10 and len(sources) >= 5
    assert [s for s in md.split("## ")[1:] if s.startswith("Key developments")]
    for line in lines:
        for sentence in SENTENCE_END.split(QUOTED.sub("“…”", line)):
            cited = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
            assert cited, f"uncited sentence: {sentence!r}"
            assert set(cited) <= set(sources), sentence
    assert all(re.match(r"\[\d+\] ", ln) for ln in md.partition("## Sources")[2].strip().splitlines())


def test_every_cited_source_really_contains_the_fact(brief, texts):
    numbers = {s.n: s.article_id for s in brief.sources}
    checked = 0
    for sec in brief.sections:
        for line in sec.lines:
            assert line.facts and line.cites
            for aid, fact in line.facts:
                assert numbers[next(n for n in line.cites if numbers[n] == aid)] == aid
                assert squash(fact) in squash(texts[aid]), (line.text, aid)
                checked += 1
            for quoted in QUOTED.findall(line.text):  # what the Markdown quotes is in a cited article
                words = squash(quoted[1:-1].rstrip("…"))
                assert any(words in squash(texts[numbers[n]]) for n in line.cites), line.text
    assert checked >= 20


def test_markdown_sources_name_outlet_date_and_url(brief):
    _, sources = body_and_sources(to_markdown(brief))
    line = next(v for v in sources.values() if "wc-iraq-bases-01" in v)
    assert "Wirecoder Test Wire" in line and "2024-01-24" in line and "https://example.org/wc-iraq-bases-01" in line
    assert "javascript:" not in to_markdown(brief) and "https://" in line


def test_html_links_each_citation_to_the_sources_and_embeds_charts(brief):
    page = to_html(brief)
    assert page.count("data:image/png;base64,") == 2
    for s in brief.sources:
        assert f'id="src-{s.n}"' in page
    assert 'href="#src-1"' in page and "<script" not in page


def test_html_escapes_hostile_text_and_drops_script_urls():
    src = Source(1, "x", "<b onmouseover=alert(1)>W</b>", "<script>alert(1)</script>", "2024-01-01",
                 "javascript:alert(1)")
    ok = Source(2, "y", "Wire", "Fine", "2024-01-02", "https://example.org/a")
    brief = Brief("t", [Section("S", [Line("<img src=x onerror=alert(1)> said [1][2].", [1, 2])])], [src, ok], [])
    page = to_html(brief)
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;" in page and 'href="https://example.org/a"' in page


def test_cli_report_writes_markdown_and_html_with_filters(fixture_corpus, tmp_path):
    run = CliRunner().invoke
    full = run(app, ["report", "--db", str(fixture_corpus), "--out", str(tmp_path / "all.md")])
    assert full.exit_code == 0, full.output
    kh = run(app, ["report", "--db", str(fixture_corpus), "--actor", "KH", "--out", str(tmp_path / "kh.md")])
    assert kh.exit_code == 0, kh.output
    _, all_sources = body_and_sources((tmp_path / "all.md").read_text())
    kh_lines, kh_sources = body_and_sources((tmp_path / "kh.md").read_text())
    assert kh_lines and 0 < len(kh_sources) < len(all_sources)
    html = run(app, ["report", "--db", str(fixture_corpus), "--since", "2024-02-01", "--out", str(tmp_path / "r.html")])
    assert html.exit_code == 0 and (tmp_path / "r.html").read_text().startswith("<!doctype html>")


def test_cli_report_errors_are_one_line(fixture_corpus, tmp_path):
    bad = CliRunner().invoke(app, ["report", "--db", str(fixture_corpus), "--out", str(tmp_path / "r.pdf")])
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1 and ".md or .html" in bad.output
    none = str(tmp_path / "none.sqlite")
    missing = CliRunner().invoke(app, ["report", "--db", none, "--out", str(tmp_path / "r.md")])
    assert missing.exit_code == 1 and "no corpus" in missing.output and not (tmp_path / "none.sqlite").exists()
    good = CliRunner().invoke(app, ["report", "--db", str(fixture_corpus), "--out", str(tmp_path / "r.md")])
    assert good.exit_code == 0 and (tmp_path / "r.md").is_file()


def test_cli_markdown_report_writes_its_charts_beside_it_and_links_them(fixture_corpus, tmp_path):
    from urllib.parse import unquote

    out = tmp_path / "weekly brief.md"  # a space: the links must still resolve
    res = CliRunner().invoke(app, ["report", "--db", str(fixture_corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    md = out.read_text()
    links = re.findall(r"^!\[[^\]]+\]\(([^)]+)\)$", md, re.M)
    assert [unquote(x) for x in links] == ["weekly brief-timeline.png", "weekly brief-map.png"]
    for name in ("weekly brief-timeline.png", "weekly brief-map.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    positions = [md.index(x) for x in ("## Timeline", links[0], "## Map", links[1], "## Sources")]
    assert positions == sorted(positions)
    assert "weekly brief-map.png" in res.output
