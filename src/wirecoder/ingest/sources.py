"""Walk inputs (a file, a folder, JSON Lines) and yield Articles, or the error for each bad one."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from wirecoder.errors import InputError, InputTooLargeError, JsonLineError, WirecoderError
from wirecoder.ingest.html import article_from_html, looks_like_html
from wirecoder.ingest.text import article_from_text, decode
from wirecoder.records import Article
from wirecoder.settings import DEFAULT, Settings

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
MAX_FILE_BYTES = 20 * 1024 * 1024


def article_from_record(rec: dict, source: str, settings: Settings = DEFAULT, published=None) -> Article:
    """One JSON Lines object (`id`, `text` or `html`, optional metadata) to an Article."""
    if not isinstance(rec, dict):
        raise JsonLineError("the line is not a JSON object", source=source)
    ident = rec.get("id")
    ident = str(ident) if ident not in (None, "") else None
    src = f"{source} (id {ident})" if ident else source
    meta = {k: rec.get(k) for k in ("url", "outlet", "title")}
    pub = published if published is not None else rec.get("published")
    if isinstance(rec.get("text"), str):
        return article_from_text(rec["text"], id=ident, source=src, published=pub, settings=settings,
                                 byline=rec.get("byline"), **meta)
    if isinstance(rec.get("html"), str):
        return article_from_html(rec["html"], id=ident, source=src, published=pub, settings=settings, **meta)
    raise JsonLineError("the object has neither a 'text' nor an 'html' string", source=src)


def iter_jsonl(path: Path, settings: Settings = DEFAULT, published=None,
               lines: tuple[int, int] | None = None) -> Iterator[Article | WirecoderError]:
    """Articles from a JSON Lines file (only lines first..last when `lines` is given); a broken line
    yields its error and the rest go on."""
    first, last = lines or (1, None)
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            if n < first:
                continue
            if last is not None and n > last:
                break
            source = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield InputError("the line is not valid UTF-8", source=source)
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield JsonLineError(f"broken JSON ({exc.msg} at column {exc.colno})", source=source)
                continue
            try:
                yield article_from_record(rec, source, settings, published)
            except WirecoderError as exc:
                yield exc


def iter_parquet(path: Path, settings: Settings = DEFAULT, published=None,
                 rows: tuple[int, int] | None = None) -> Iterator[Article | WirecoderError]:
    """Articles from a Parquet file with the JSON Lines columns (`id`, `text` or `html`, metadata), one per
    row (only rows first..last, counted from 1, when `rows` is given); a bad row yields its error."""
    import pyarrow.parquet as pq

    first, last = rows or (1, None)
    try:
        batches = pq.ParquetFile(path).iter_batches(batch_size=256)
        n = 0
        for batch in batches:
            for rec in batch.to_pylist():
                n += 1
                if n < first or (last is not None and n > last):
                    continue
                try:
                    yield article_from_record(rec, f"{path}:{n}", settings, published)
                except WirecoderError as exc:
                    yield exc
            if last is not None and n >= last:
                return
    except (OSError, ValueError) as exc:  # pyarrow's errors for a file that is not Parquet or is cut short
        yield InputError(f"cannot read the Parquet file ({type(exc).__name__})", source=str(path))


def parquet_rows(path: Path) -> int:
    """How many rows a Parquet file holds (0 when it cannot be read)."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError):
        return 0


def read_path(path: Path, settings: Settings = DEFAULT, published=None) -> Article:
    """One text or HTML file to an Article (the id is the file name without suffix)."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from None
    if size > MAX_FILE_BYTES:
        raise InputTooLargeError(f"the file is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB cap",
                                 source=source)
    text = decode(path.read_bytes(), source)
    if path.suffix.lower() in HTML_SUFFIXES or (path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(text)) \
            or looks_like_html(text):
        return article_from_html(text, id=path.stem, source=source, published=published, settings=settings)
    return article_from_text(text, id=path.stem, source=source, published=published, settings=settings)


def iter_articles(inputs, settings: Settings = DEFAULT, published=None) -> Iterator[Article | WirecoderError]:
    """Articles from files, folders (recursively, sorted) and JSON Lines files, with errors in line."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        if str(item) == "-":  # standard input: one article of text or HTML
            import sys

            try:
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                reader = article_from_html if looks_like_html(text) else article_from_text
                yield reader(text, id="stdin", source="<stdin>", published=published, settings=settings)
            except WirecoderError as exc:
                yield exc
            continue
        path = Path(item)
        if not path.exists():
            yield InputError("no such file or folder", source=str(path))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) \
            if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES:
                yield from iter_jsonl(f, settings, published)
                continue
            if f.suffix.lower() in PARQUET_SUFFIXES:
                yield from iter_parquet(f, settings, published)
                continue
            try:
                yield read_path(f, settings, published)
            except WirecoderError as exc:
                yield exc
