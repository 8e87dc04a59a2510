"""The pages and their JSON twins under /api; every page renders the same data its twin returns."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from wirecoder.records import PLOVER_TYPES
from wirecoder.web import data
from wirecoder.web.data import Desk, jsonable

Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]  # empty: a blank form field
PloverType = Annotated[str | None, Query(alias="type", pattern=r"^[A-Za-z]{0,20}$")]
HTML = {"response_class": HTMLResponse, "include_in_schema": False}


def filters(actor: Text = None, type_: PloverType = None, place: Text = None, since: Day = None,
            until: Day = None) -> dict:
    """The event filters shared by the timeline, the map and their APIs."""
    return {k: v for k, v in dict(actor=actor, type=type_, place=place, since=since, until=until).items() if v}


Filters = Annotated[dict, Depends(filters)]


def _found(value, what: str):
    if value is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return value


def register(app: FastAPI, desk: Desk, tpl: Jinja2Templates) -> None:
    """Add every page and API route."""
    def page(request: Request, template: str, **ctx) -> HTMLResponse:
        return tpl.TemplateResponse(request, template, {"plover_types": PLOVER_TYPES, **ctx})

    _overview_articles(app, desk, page)
    _events(app, desk, page)
    _actors_quotes(app, desk, page)


def _overview_articles(app: FastAPI, desk: Desk, page) -> None:
    @app.get("/api/overview", tags=["overview"])
    def api_overview() -> dict:
        """Counts, latest clusters, top actors and clusters per day."""
        return jsonable(data.overview(desk))

    @app.get("/", **HTML)
    def overview_page(request: Request):
        return page(request, "index.html", **data.overview(desk))

    @app.get("/api/articles", tags=["articles"])
    def api_articles(q: Text = None, outlet: Text = None, since: Day = None, until: Day = None,
                     page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1) -> dict:
        """Articles matching full-text words (FTS5), an outlet and dates, newest first, 50 a page."""
        return jsonable(data.articles(desk, q, outlet, since, until, page_no))

    @app.get("/articles", **HTML)
    def articles_page(request: Request, q: Text = None, outlet: Text = None, since: Day = None, until: Day = None,
                      page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
        return page(request, "articles.html", q=q or "", outlet=outlet or "", since=since or "", until=until or "",
                    **data.articles(desk, q, outlet, since, until, page_no))

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def api_article(article_id: str) -> dict:
        """An article, every record with its span, and the text cut into highlighted segments."""
        return jsonable(_found(data.article(desk, article_id), "article"))

    @app.get("/articles/{article_id:path}", **HTML)
    def article_page(request: Request, article_id: str):
        return page(request, "article.html", **_found(data.article(desk, article_id), "article"))


def _events(app: FastAPI, desk: Desk, page) -> None:
    @app.get("/api/timeline", tags=["events"])
    def api_timeline(f: Filters) -> dict:
        """Event clusters per day, one series per PLOVER type."""
        return jsonable(data.timeline(desk, f))

    @app.get("/api/timeline/{day}", tags=["events"])
    def api_day(day: Annotated[str, PathParam(pattern=r"^\d{4}-\d{2}-\d{2}$")], f: Filters) -> list:
        """The clusters of one day with their sources."""
        return jsonable(data.day_clusters(desk, day, f))

    @app.get("/timeline", **HTML)
    def timeline_page(request: Request, f: Filters):
        return page(request, "timeline.html", filters=f)

    @app.get("/api/map", tags=["events"])
    def api_map(f: Filters) -> list:
        """Placed event clusters: coordinates, type and number of reports."""
        return jsonable(data.map_points(desk, f))

    @app.get("/map", **HTML)
    def map_page(request: Request, f: Filters):
        return page(request, "map.html", filters=f)

    @app.get("/api/clusters/{cluster_id}", tags=["events"])
    def api_cluster(cluster_id: str) -> dict:
        """One real-world event with every report, outlet and evidence sentence."""
        return jsonable(_found(data.cluster(desk, cluster_id), "cluster"))

    @app.get("/clusters/{cluster_id}", **HTML)
    def cluster_page(request: Request, cluster_id: str):
        return page(request, "cluster.html", c=_found(data.cluster(desk, cluster_id), "cluster"))


def _actors_quotes(app: FastAPI, desk: Desk, page) -> None:
    @app.get("/api/actors", tags=["actors"])
    def api_actors() -> dict:
        """The actor network (edges: events between actors, membership) and the most reported actors."""
        return jsonable({"network": data.network(desk), "actors": desk.corpus.actors()[:200]})

    @app.get("/actors", **HTML)
    def actors_page(request: Request):
        return page(request, "actors.html", actors=desk.corpus.actors()[:200])

    @app.get("/api/actors/{name:path}", tags=["actors"])
    def api_actor(name: str) -> dict:
        """An actor by any alias: profile, quotes, events as actor and as target, events per day."""
        return jsonable(_found(data.actor(desk, name), "actor"))

    @app.get("/actors/{name:path}", **HTML)
    def actor_page(request: Request, name: str):
        return page(request, "actor.html", **jsonable(_found(data.actor(desk, name), "actor")))

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(speaker: Text = None, anonymous: Annotated[str | None, Query(pattern="^(yes|no|)$")] = None,
                   q: Text = None) -> dict:
        """Quotes by speaker (any alias), anonymity (yes/no) and words; at most 200."""
        return jsonable(data.quotes(desk, speaker, anonymous, q))

    @app.get("/quotes", **HTML)
    def quotes_page(request: Request, speaker: Text = None,
                    anonymous: Annotated[str | None, Query(pattern="^(yes|no|)$")] = None, q: Text = None):
        return page(request, "quotes.html", speaker=speaker or "", anonymous=anonymous or "", q=q or "",
                    **data.quotes(desk, speaker, anonymous, q))


class ArticleIn(BaseModel):
    """An article to analyse and store."""

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=200_000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(None, max_length=2000)


def register_ingest(app: FastAPI, desk: Desk) -> None:
    """POST /api/ingest: analyse and store one article (only with --allow-ingest)."""
    @app.post("/api/ingest", tags=["ingest"])
    def api_ingest(article: ArticleIn) -> dict:
        """Analyse one article and store it in the corpus."""
        import json
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "article.jsonl"
            src.write_text(json.dumps(article.model_dump(exclude_none=True)) + "\n", encoding="utf-8")
            report = desk.corpus.ingest([src])
        desk.forget()
        return {"ingested": report.ingested, "updated": report.updated, "unchanged": report.unchanged,
                "failures": [reason for _, reason in report.failures]}
