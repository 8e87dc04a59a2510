"""Every page in a real headless Chromium (Debian's, driven by playwright) against uvicorn on a loopback port:
no console errors, highlights, charts and the map render, a timeline click lists its clusters, filters change
what is shown, hostile text never executes. Screenshots go to docs/screenshots/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixture_articles import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright's Python package is not installed")
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is absent (apt-get install -y chromium); browser tests skipped")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
                              args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors and dialogs."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str, ready: str | None = None):
        self.page.goto(url, wait_until="networkidle")
        if ready:
            self.page.wait_for_selector(f"{ready}[data-ready='1']", timeout=15_000)
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.page.close()


PAGES = [("overview", "/", "#chart"), ("articles", "/articles", None),
         ("article", "/articles/wc-iraq-bases-01", None), ("timeline", "/timeline", "#chart"),
         ("map", "/map", "#map"), ("actors", "/actors", "#network"), ("actor", "/actors/KH", "#chart"),
         ("quotes", "/quotes", None), ("docs", "/docs", None)]


@pytest.mark.parametrize("name, path, ready", PAGES)
def test_page_loads_without_console_errors(server, watched, name, path, ready):
    page = watched.open(server + path, ready)
    if name == "docs":
        page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator("nav.top a").count() >= 6 or name == "docs"
    watched.shot(name)
    assert watched.errors == [] and watched.dialogs == []


def test_article_highlights_every_facet_and_panel_links_to_spans(server, watched):
    page = watched.open(server + "/articles/wc-iraq-bases-01")
    for facet in ("event", "quote", "actor", "place", "date", "quantity"):
        assert page.locator(f"#text .f-{facet}").count() > 0, facet
    link = page.locator("aside .records a").first
    target = link.get_attribute("href")[1:]
    assert page.locator(f"[id='{target}']").count() == 1
    quote = page.locator("#text .f-quote").first
    assert "quote" in quote.get_attribute("title")
    assert watched.errors == []


def test_timeline_click_opens_that_days_clusters(server, watched):
    page = watched.open(server + "/timeline", "#chart")
    bar = page.locator("#chart .barlayer .point path").first
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#day-clusters li a", timeout=10_000)
    assert page.locator("#day-clusters h2").inner_text().startswith("Clusters on ")
    first = page.locator("#day-clusters li a").first.get_attribute("href")
    assert first.startswith("/clusters/ev-")
    watched.shot("timeline-day")
    assert watched.errors == []


def test_timeline_and_article_filters_change_what_is_shown(server, watched):
    page = watched.open(server + "/timeline", "#chart")
    all_types = page.locator("#chart .barlayer .trace").count()
    page = watched.open(server + "/timeline?type=ASSAULT", "#chart")
    assert all_types > 1 and page.locator("#chart .barlayer .trace").count() == 1
    page = watched.open(server + "/articles")
    before = page.locator("a.article-link").count()
    page.fill("input[name=q]", "drone")
    page.click("form.filters button")
    page.wait_for_load_state("networkidle")
    assert 0 < page.locator("a.article-link").count() < before
    assert watched.errors == []


def test_map_renders_shapes_and_points(server, watched):
    page = watched.open(server + "/map", "#map")
    assert int(page.get_attribute("#map", "data-points")) > 0
    assert page.locator("#map .scatterlayer .trace").count() >= 2
    everywhere = int(page.get_attribute("#map", "data-points"))
    iraq = watched.open(server + "/map?place=Iraq", "#map")
    assert 0 < int(iraq.get_attribute("#map", "data-points")) < everywhere
    assert watched.errors == []


def hostile_cluster(server: str) -> str:
    import httpx

    days = httpx.get(server + "/api/timeline", trust_env=False).json()["days"]
    hits = [c for d in days for c in httpx.get(f"{server}/api/timeline/{d}", trust_env=False).json()
            if any(s["article_id"] == HOSTILE["id"] for s in c["sources"])]
    return f"/clusters/{hits[0]['cluster_id']}" if hits else "/"


@pytest.mark.parametrize("path", [f"/articles/{HOSTILE['id']}", "/articles", "/quotes", "/actors", "/timeline",
                                  "CLUSTER"])
def test_hostile_article_executes_nothing(server, watched, path):
    if path == "CLUSTER":
        path = hostile_cluster(server)
        assert path.startswith("/clusters/")
    page = watched.open(server + path)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []
    scripts = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert all(s and s.startswith(("/static/", "/vendor/")) for s in scripts)
    assert bool(scripts) == (path in ("/actors", "/timeline"))  # the chart pages do load their packaged scripts
    assert page.locator("[onerror], [onmouseover], a[href^='javascript:']").count() == 0
    if path.startswith("/articles/"):
        assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
        watched.shot("hostile-article")
    if path == "/articles":
        assert "<b onmouseover=alert(3)>Evil Wire</b>" in page.inner_text("table.list")


def click_point(page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_map_point_click_opens_its_cluster(server, watched):
    page = watched.open(server + "/map", "#map")
    click_point(page, "#map .scatterlayer .trace:nth-child(2) .point")
    page.wait_for_url("**/clusters/ev-*", timeout=10_000)
    assert page.locator("ol.evidence li").count() >= 1
    assert watched.errors == []


def test_network_node_click_opens_the_actor(server, watched):
    page = watched.open(server + "/actors", "#network")
    click_point(page, "#network .scatterlayer .trace:nth-child(2) .point")
    page.wait_for_url("**/actors/*", timeout=10_000)
    assert page.locator("h1").inner_text() and page.url != server + "/actors"
    assert watched.errors == []
