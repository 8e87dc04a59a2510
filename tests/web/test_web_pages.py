"""Every page and its /api twin over the fixture corpus: content, filters, limits, headers and escaping."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from fixture_articles import HOSTILE
from wirecoder.cli import app

PAGES = ["/", "/articles", "/articles/wc-iraq-bases-01", "/timeline", "/map", "/actors", "/actors/KH", "/quotes"]
APIS = ["/api/overview", "/api/articles", "/api/articles/wc-iraq-bases-01", "/api/timeline", "/api/map",
        "/api/actors", "/api/actors/KH", "/api/quotes"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_html_with_a_strict_policy(client, url):
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert 'href="/timeline"' in r.text and "<script>" not in r.text


@pytest.mark.parametrize("url", APIS)
def test_api_twins_answer_json_and_are_documented(client, url):
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    path = url.replace("wc-iraq-bases-01", "{article_id}").replace("/KH", "/{name}")
    assert path in client.get("/openapi.json").json()["paths"]


def test_docs_page_uses_packaged_swagger_without_inline_script(client):
    page = client.get("/docs").text
    assert '<script src="/vendor/swagger/swagger-ui-bundle.js">' in page and "<script>" not in page
    assert client.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs.js").status_code == 200


def test_assets_are_served_from_the_package(client):
    assert "plotly" in client.get("/vendor/plotly.min.js").text[:2000].lower()
    world = client.get("/vendor/world.geojson").json()
    assert len(world["features"]) > 150 and "Natural Earth" in world["metadata"]["source"]
    assert client.get("/static/app.css").status_code == 200


def test_articles_search_outlet_and_dates(client):
    everything = client.get("/api/articles").json()
    assert everything["total"] == 12
    drone = client.get("/api/articles", params={"q": "drone"}).json()
    assert 0 < drone["total"] < everything["total"]
    outlet = client.get("/api/articles", params={"outlet": "Coastline Press"}).json()
    assert outlet["total"] >= 1 and {a["outlet"] for a in outlet["articles"]} == {"Coastline Press"}
    feb = client.get("/api/articles", params={"since": "2024-02-01", "until": "2024-02-29"}).json()
    assert feb["total"] and all("2024-02" in a["published"] for a in feb["articles"])
    assert "Coastline Press" in client.get("/articles", params={"outlet": "Coastline Press"}).text


def test_article_page_highlights_every_facet_with_linked_panel(client):
    page = client.get("/articles/wc-iraq-bases-01").text
    for facet in ("event", "quote", "actor", "place", "date", "quantity"):
        assert f'class="f-{facet}' in page or f" f-{facet}" in page, facet
    data = client.get("/api/articles/wc-iraq-bases-01").json()
    first_quote = next(r for r in data["records"] if r["facet"] == "quote")
    assert f'href="#{first_quote["id"]}"' in page and f'id="{first_quote["id"]}"' in page
    assert "".join(s["text"] for s in data["segments"]) == data["article"]["text"]
    assert client.get("/articles/no-such-article").status_code == 404


def test_timeline_filters_and_day_clusters(client):
    full = client.get("/api/timeline").json()
    assault = client.get("/api/timeline", params={"type": "ASSAULT"}).json()
    assert [s["type"] for s in assault["series"]] == ["ASSAULT"] and len(full["series"]) > 1
    kh = client.get("/api/timeline", params={"actor": "KH"}).json()
    assert 0 < sum(map(sum, (s["counts"] for s in kh["series"]))) < sum(map(sum, (s["counts"] for s in full["series"])))
    day = client.get("/api/timeline/2024-01-24").json()
    assert day and all(c["date"] == "2024-01-24" and c["sources"] for c in day)
    assert client.get("/api/timeline/not-a-day").status_code == 422


def test_map_points_and_place_filter(client):
    points = client.get("/api/map").json()
    assert points and all(p["lat"] is not None for p in points)
    iraq = client.get("/api/map", params={"place": "Iraq"}).json()
    assert iraq and len(iraq) < len(points) and all(p["country"] in ("IQ", None) or p["location"] for p in iraq)
    assert client.get("/api/map", params={"place": "Antarctica"}).json() == []


def test_cluster_page_lists_every_report(client):
    cid = client.get("/api/map").json()[0]["cluster_id"]
    c = client.get(f"/api/clusters/{cid}").json()
    page = client.get(f"/clusters/{cid}").text
    assert c["evidence"] and all(e["article_id"] in page for e in c["evidence"])
    assert client.get("/clusters/ev-000000000000").status_code == 404


def test_actor_pages_know_aliases(client):
    kh = client.get("/api/actors/KH").json()
    assert "Kataib Hezbollah" in kh["names"] and (kh["as_actor"] or kh["as_target"] or kh["quotes"])
    assert "Kataib Hezbollah" in client.get("/actors/KH").text
    net = client.get("/api/actors").json()["network"]
    assert net["nodes"] and net["edges"]
    assert client.get("/api/actors/Nobody At All").status_code == 404


def test_quotes_by_speaker_anonymity_and_words(client):
    allq = client.get("/api/quotes").json()
    anon = client.get("/api/quotes", params={"anonymous": "yes"}).json()
    named = client.get("/api/quotes", params={"anonymous": "no"}).json()
    assert anon["total"] and named["total"] and anon["total"] + named["total"] == allq["total"]
    assert all(q["anonymous"] for q in anon["quotes"])
    kh = client.get("/api/quotes", params={"speaker": "KH"}).json()
    assert kh["total"] and {q["speaker"] for q in kh["quotes"]} == {"Kataib Hezbollah"}


def test_read_only_and_bounded(client):
    assert client.post("/api/ingest", json={"id": "x", "text": "y"}).status_code in (404, 405)
    assert client.get("/api/overview").status_code == 200
    big = client.post("/api/ingest", content=b"x" * 1_100_000, headers={"content-type": "application/json"})
    assert big.status_code == 413
    assert client.get("/api/articles", params={"q": "x" * 500}).status_code == 422
    assert client.get("/api/articles", params={"q": "x" * 50}).status_code == 200


def test_hostile_text_is_escaped_everywhere(client):
    page = client.get(f"/articles/{HOSTILE['id']}").text
    assert "<script>window.__pwned" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page and "original</a>" not in page
    listing = client.get("/articles").text
    assert "&lt;b onmouseover=alert(3)&gt;Evil Wire&lt;/b&gt;" in listing and "<b onmouseover" not in listing


def test_ingest_only_when_allowed(fixture_corpus, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from wirecoder.web import create_app

    db = tmp_path / "copy.sqlite"
    shutil.copy(fixture_corpus, db)
    c = TestClient(create_app(db, allow_ingest=True))
    chunked = c.post("/api/ingest", content=(b"x" * 100_000 for _ in range(12)),
                     headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    r = c.post("/api/ingest", json={"id": "new-1", "text": "Rockets hit a base near Erbil on Monday, police said.",
                                    "published": "2024-03-01", "outlet": "Wire"})
    assert r.status_code == 200 and r.json()["ingested"] == 1
    assert c.get("/api/articles/new-1").status_code == 200
    assert c.post("/api/ingest", json={"id": "bad", "text": ""}).status_code == 422


def test_serve_refuses_a_missing_corpus_in_one_line(tmp_path):
    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1 and "no corpus" in res.output
    assert not (tmp_path / "none.sqlite").exists()
