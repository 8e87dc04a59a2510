"""Ingest runs: sources to articles, unchanged ones skipped before analysis, each article stored atomically."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.corpus import store
from wirecoder.errors import InputError, InputTooLargeError, WirecoderError
from wirecoder.ingest.sources import HTML_SUFFIXES, iter_articles
from wirecoder.records import Analysis, Article
from wirecoder.settings import DEFAULT, Settings


@dataclass
class IngestReport:
    """What a run did: counts and one line per failure."""

    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    @property
    def failed(self) -> int:
        """Number of inputs that failed."""
        return len(self.failures)

    @property
    def ok(self) -> int:
        """Inputs that are now in the corpus (new, updated or already there)."""
        return self.ingested + self.updated + self.unchanged


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [path]


def _is_big_html(path: Path, settings: Settings) -> bool:
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if size <= settings.max_html_bytes:
        return False
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    with path.open("rb") as fh:
        head = fh.read(2000).lower()
    return any(t in head for t in (b"<html", b"<!doctype html", b"<body", b"<div", b"<p>"))


def iter_sources(sources: Iterable[str | Path], *, settings: Settings = DEFAULT, allow_private: bool = False,
                 fetcher=None, exclude: frozenset[Path] = frozenset()) -> Iterator[tuple[str, Article | WirecoderError]]:
    """(origin, article or error) for files, folders, JSON Lines files, URLs and feed URLs."""
    from wirecoder.ingest.feeds import iter_url
    from wirecoder.ingest.fetch import is_url  # here: httpx is not needed by readers of the corpus (serve)

    for src in sources:
        origin = str(src)
        if is_url(origin):
            kw = {"fetcher": fetcher} if fetcher else {}
            for item in iter_url(origin, allow_private=allow_private, settings=settings, **kw):
                yield origin, item
            continue
        path = Path(origin)
        if not path.exists():
            yield origin, InputError("no such file, folder or URL", source=origin)
            continue
        for f in _files(path):
            if f.resolve() in exclude:  # the corpus database itself may sit in an ingested folder
                continue
            if _is_big_html(f, settings):
                # trafilatura takes minutes on pages this size; refuse before extraction.
                yield origin, InputTooLargeError(
                    f"the HTML file is {f.stat().st_size / 1e6:.1f} MB, over the "
                    f"{settings.max_html_bytes / 1e6:.1f} MB cap", source=str(f))
                continue
            for item in iter_articles([f], settings):
                yield origin, item


def _db_files(conn) -> frozenset[Path]:
    row = conn.execute("PRAGMA database_list").fetchone()
    if not row or not row[2]:
        return frozenset()
    db = Path(row[2]).resolve()
    return frozenset(db.with_name(db.name + s) for s in ("", "-wal", "-shm", "-journal"))


def run_ingest(conn, sources: Iterable[str | Path], *, settings: Settings = DEFAULT, allow_private: bool = False,
               retry_failed: bool = False, on_item: Callable[[str, str], None] | None = None,
               fetcher=None, batch_size: int = 16, jobs: int | None = 1,
               items: Iterable[tuple[str, Article | WirecoderError]] | None = None) -> IngestReport:
    """Ingest sources (or ready (origin, article or error) `items`) into an open corpus connection;
    failures are recorded and never stop the run."""
    sources = [str(s) for s in sources]
    if retry_failed:
        sources += [t for t in store.retry_targets(conn) if t not in sources]
    report = IngestReport()
    tick = on_item or (lambda kind, source: None)

    def fail(exc: WirecoderError, origin: str) -> None:
        store.record_failure(conn, exc, origin)
        report.failures.append((exc.source or origin, store.reason_of(exc)))
        tick("failed", exc.source or origin)

    def pending() -> Iterator[Article | WirecoderError]:
        stream = items if items is not None else iter_sources(
            sources, settings=settings, allow_private=allow_private, fetcher=fetcher, exclude=_db_files(conn))
        for origin, item in stream:
            if isinstance(item, WirecoderError):
                item.origin = origin
                yield item
                continue
            if store.article_status(conn, item) == "unchanged":
                store.clear_failure(conn, item.source)
                report.unchanged += 1
                tick("unchanged", item.source or item.id)
                continue
            yield item

    from wirecoder.runner import analyze_many  # the pipeline loads spaCy: only when ingesting

    for res in analyze_many(pending(), settings=settings, batch_size=batch_size, jobs=jobs):
        if isinstance(res, WirecoderError):
            fail(res, getattr(res, "origin", res.source or "?"))
            continue
        status = store.store_analysis(conn, res)
        if status == "ingested":
            report.ingested += 1
        elif status == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
        tick(status, res.article.source or res.article.id)
    return report

