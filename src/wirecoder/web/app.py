"""The FastAPI application: security headers, bounded requests, packaged assets, and the pages with their APIs."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from wirecoder.report.render import safe_url
from wirecoder.settings import data_path
from wirecoder.web.data import Desk

HERE = Path(__file__).parent
MAX_BODY = 1_000_000  # bytes a request may send
MAX_URL = 4_000  # characters of path and query
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}


def templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping and the filters pages use."""
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.filters["seg"] = lambda s: quote(str(s), safe="")
    t.env.filters["safe_url"] = safe_url
    return t


def _guard(app: FastAPI) -> None:
    @app.middleware("http")
    async def bounded_and_headed(request: Request, call_next):
        size = request.headers.get("content-length")
        if (size and (not size.isdigit() or int(size) > MAX_BODY)) or len(str(request.url)) > MAX_URL:
            resp = JSONResponse({"detail": "request too large"}, status_code=413)
        else:
            resp = await call_next(request)
        for k, v in HEADERS.items():
            resp.headers.setdefault(k, v)
        return resp


def _assets(app: FastAPI) -> None:
    import plotly
    import swagger_ui_bundle

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/vendor/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_min_js() -> FileResponse:
        return FileResponse(plotly_js, media_type="text/javascript")

    @app.get("/vendor/world.geojson", include_in_schema=False)
    def world_geojson() -> FileResponse:
        return FileResponse(data_path("world.geojson"), media_type="application/geo+json")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse((HERE / "templates" / "docs.html").read_text(encoding="utf-8"))


def create_app(db: Path, *, allow_ingest: bool = False, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over one corpus database; read-only unless `allow_ingest`; only `allowed_hosts` if given."""
    from wirecoder.web import routes

    app = FastAPI(title="wirecoder", version="0.1.0", docs_url=None, redoc_url=None, max_body_size=MAX_BODY,
                  description="The analyst's desk: a corpus's articles, events, actors and quotes.")
    app.openapi_version = "3.0.3"  # the packaged Swagger UI (4.15) reads OpenAPI 3.0 documents
    desk = Desk(Path(db), writes=allow_ingest)
    app.state.desk = desk
    _guard(app)
    _assets(app)
    routes.register(app, desk, templates())
    if allow_ingest:
        routes.register_ingest(app, desk)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app
