"""The one runner: every way of analysing many articles (in process, `--jobs N`, Dask) calls `analyze_many`.

Input and output stream: at most a small window of chunks is in flight, results come back in input
order, and a worker process that dies (killed, out of memory, a crash in native code) costs no
article: its chunks are re-run one at a time, and only an article that kills a worker by itself
is reported, as that article's error."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from wirecoder.errors import ExtractionError, WirecoderError
from wirecoder.records import Analysis, Article
from wirecoder.settings import DEFAULT, Settings

Item = Article | WirecoderError
Result = Analysis | WirecoderError
CHUNK_SIZE = 4  # articles per task sent to a worker
WINDOW_PER_JOB = 4  # chunks in flight per worker: bounds memory, keeps workers busy


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_many(items: Iterable[Item], *, settings: Settings = DEFAULT, batch_size: int = 16,
                 jobs: int | None = None, chunk_size: int = CHUNK_SIZE) -> Iterator[Result]:
    """Analyse a stream of articles in `jobs` processes (None: all cores); results in input order."""
    from wirecoder.pipeline import analyze_stream

    jobs = default_jobs() if jobs is None else max(1, int(jobs))
    if jobs == 1:
        return analyze_stream(items, settings=settings, batch_size=batch_size)
    return _parallel(iter(items), jobs, settings, batch_size, chunk_size)


def _parallel(items: Iterator[Item], jobs: int, settings: Settings, batch_size: int,
              chunk_size: int) -> Iterator[Result]:
    """Worker processes, unless the whole input fits in one chunk (then this process is quicker)."""
    from wirecoder.pipeline import analyze_stream

    head = list(islice(items, chunk_size + 1))
    if len(head) <= chunk_size:
        yield from analyze_stream(head, settings=settings, batch_size=batch_size)
        return
    yield from _Pool(jobs, settings, batch_size).run(chain(head, items), chunk_size)


def analyze_chunk(articles: list[Article], settings: Settings, batch_size: int = 16) -> list[Result]:
    """Analyse a list of articles in this process (the task a worker runs)."""
    from wirecoder.pipeline import analyze_stream

    return list(analyze_stream(articles, settings=settings, batch_size=batch_size))


def _warm(settings: Settings) -> None:
    from wirecoder.pipeline import nlp_for

    nlp_for(settings)


def _context():
    # fork shares the parent's loaded pipeline copy-on-write; spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _merge(chunk: list[Item], results: list[Result]) -> list[Result]:
    """Put a worker's results for the chunk's articles back between the chunk's pass-through errors."""
    it = iter(results)
    return [item if isinstance(item, WirecoderError) else next(it) for item in chunk]


def _lost(article: Article, exc: Exception) -> ExtractionError:
    what = "the worker process died" if isinstance(exc, BrokenProcessPool) else \
        f"the worker failed ({type(exc).__name__}: {exc})".splitlines()[0]
    return ExtractionError(f"{what} while analysing this article; please report this with the article",
                           source=article.source or article.id)


class _Pool:
    """A process pool that keeps input order and survives the death of a worker."""

    def __init__(self, jobs: int, settings: Settings, batch_size: int) -> None:
        self.jobs, self.settings, self.batch_size = jobs, settings, batch_size
        self.executor: ProcessPoolExecutor | None = None
        self.broken = True

    def _start(self) -> None:
        if not self.broken:
            return
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.broken = False
        self.executor = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_warm,
                                            initargs=(self.settings,))

    def _submit(self, chunk: list[Item]) -> Future | None:
        arts = [a for a in chunk if isinstance(a, Article)]
        if not arts:
            return None
        return self.executor.submit(analyze_chunk, arts, self.settings, self.batch_size)

    def run(self, items: Iterable[Item], chunk_size: int) -> Iterator[Result]:
        """Stream results in input order."""
        source = iter(items)
        chunks = iter(lambda: list(islice(source, chunk_size)), [])
        window: deque[tuple[list[Item], Future | None]] = deque()
        _warm(self.settings)  # loaded once here, shared with forked workers
        self._start()
        try:
            while True:
                while len(window) < self.jobs * WINDOW_PER_JOB and (chunk := next(chunks, None)) is not None:
                    window.append((chunk, self._submit(chunk)))
                if not window:
                    return
                chunk, future = window.popleft()
                try:
                    yield from _merge(chunk, future.result() if future else [])
                except BrokenProcessPool:
                    self.broken = True
                    yield from self._recover([chunk] + [c for c, _ in window])
                    window.clear()
                except Exception:  # the chunk's task failed in the worker: its articles one by one
                    yield from self._recover([chunk])
        finally:
            if self.executor is not None:
                self.executor.shutdown(wait=False, cancel_futures=True)

    def _recover(self, chunks: list[list[Item]]) -> Iterator[Result]:
        """Re-run the chunks that were in flight when a worker died, one at a time, in order."""
        for chunk in chunks:
            yield from self._isolated(chunk, split=True)

    def _isolated(self, chunk: list[Item], split: bool) -> Iterator[Result]:
        self._start()
        future = self._submit(chunk)
        try:
            yield from _merge(chunk, future.result() if future else [])
        except Exception as exc:
            broken = isinstance(exc, BrokenProcessPool)
            self.broken = self.broken or broken
            if split and len(chunk) > 1:
                for item in chunk:
                    yield from self._isolated([item], split=True)
            elif split and broken:  # one article: try once more before blaming it
                yield from self._isolated(chunk, split=False)
            else:
                yield from (item if isinstance(item, WirecoderError) else _lost(item, exc) for item in chunk)
