"""The analyser, wired in one place: parse once, then run every extraction stage on the Doc in order.

`STAGES` is the single wiring: `extract_all` runs it after the parse, and the spaCy factories in
`wirecoder.nlp.factories` wrap the same stage functions for users' own pipelines."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from wirecoder.errors import ExtractionError, WirecoderError
from wirecoder.ingest.text import article_from_text, parse_published
from wirecoder.nlp import extensions  # noqa: F401  (registers Doc extensions)
from wirecoder.nlp.loader import get_nlp
from wirecoder.records import Analysis, Article, Span
from wirecoder.settings import DEFAULT, Settings


def nlp_for(settings: Settings = DEFAULT):
    """The shared pipeline these settings ask for."""
    return get_nlp(settings.model, tuple(str(p) for p in settings.extra_registries))


def stage_places(doc: Doc, settings: Settings) -> None:
    """Toponyms resolved offline into doc._.wc_places."""
    from wirecoder.extract.places import extract_places

    doc._.wc_places = extract_places(doc, settings)


def stage_actors(doc: Doc, settings: Settings) -> None:
    """Canonical actors (an ActorIndex) into doc._.wc_actors."""
    from wirecoder.extract.actors import extract_actors

    doc._.wc_actors = extract_actors(doc, places=doc._.wc_places or (), settings=settings)


def stage_dates(doc: Doc, settings: Settings) -> None:
    """Temporal expressions resolved against doc._.wc_published into doc._.wc_dates."""
    from wirecoder.extract.time import extract_dates

    doc._.wc_dates = extract_dates(doc, doc._.wc_published, settings)


def stage_quantities(doc: Doc, settings: Settings) -> None:
    """Counts with qualifiers and units into doc._.wc_quantities."""
    from wirecoder.extract.quantities import extract_quantities

    doc._.wc_quantities = extract_quantities(doc, settings)


def stage_quotes(doc: Doc, settings: Settings) -> None:
    """Direct and indirect quotes with speakers into doc._.wc_quotes (actors found first if absent)."""
    from wirecoder.extract.quotes import extract_quotes

    if doc._.wc_actors is None:
        stage_actors(doc, settings)
    doc._.wc_quotes = extract_quotes(doc, doc._.wc_actors, settings)


def stage_events(doc: Doc, settings: Settings) -> None:
    """PLOVER events from the actors, places, dates and quantities already on the Doc."""
    from wirecoder.extract.events import extract_events

    if doc._.wc_actors is None:
        stage_actors(doc, settings)
    doc._.wc_events = extract_events(doc, doc._.wc_actors, doc._.wc_places or (), doc._.wc_dates or (),
                                     doc._.wc_quantities or (), settings)


# (spaCy component name, stage): the order every analysis runs them in.
STAGES: tuple[tuple[str, Callable[[Doc, Settings], None]], ...] = (
    ("wc_places", stage_places),
    ("wc_actors", stage_actors),
    ("wc_dates", stage_dates),
    ("wc_quantities", stage_quantities),
    ("wc_quotes", stage_quotes),
    ("wc_events", stage_events),
)


def extract_all(doc: Doc, article: Article, settings: Settings = DEFAULT) -> Analysis:
    """Run every extraction stage on a parsed Doc of `article.text`."""
    doc._.wc_article = article
    doc._.wc_published = article.published
    for name in ("wc_actors", "wc_places", "wc_dates", "wc_quantities", "wc_quotes", "wc_events"):
        setattr(doc._, name, None)
    for _name, stage in STAGES:
        stage(doc, settings)
    sentences = tuple(Span(start=s.start_char, end=s.end_char, text=s.text) for s in doc.sents)
    return Analysis(article=article, actors=doc._.wc_actors.actors, quotes=doc._.wc_quotes, dates=doc._.wc_dates,
                    places=doc._.wc_places, quantities=doc._.wc_quantities, events=doc._.wc_events,
                    sentences=sentences)


def analyze(text: str | Article, *, published=None, settings: Settings = DEFAULT, **meta) -> Analysis:
    """Analyse one article given as text (with optional metadata) or as an Article record."""
    if isinstance(text, Article):
        article = text if published is None else text.model_copy(update={"published": parse_published(published)})
    else:
        article = article_from_text(text, published=published, settings=settings, **meta)
    doc = nlp_for(settings)(article.text)
    return extract_all(doc, article, settings)


def extract_or_error(doc: Doc, item: Article, settings: Settings) -> Analysis | WirecoderError:
    """extract_all, with any failure turned into the article's one error."""
    try:
        return extract_all(doc, item, settings)
    except WirecoderError as exc:
        return exc
    except Exception as exc:  # a bug on one article must not cost the rest of the batch
        return ExtractionError(f"extraction failed ({type(exc).__name__}: {exc})".splitlines()[0]
                               + "; please report this with the article", source=item.source or item.id)


def analyze_stream(items: Iterable[Article | WirecoderError], *, settings: Settings = DEFAULT,
                   batch_size: int = 16) -> Iterator[Analysis | WirecoderError]:
    """Analyse a stream of articles in this process with nlp.pipe; errors pass through in order."""
    nlp = nlp_for(settings)

    def texts() -> Iterator[tuple[str, Article | WirecoderError]]:
        for item in items:
            yield (item.text if isinstance(item, Article) else ""), item

    for doc, item in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        yield item if isinstance(item, WirecoderError) else extract_or_error(doc, item, settings)


def analyze_many(items: Iterable[Article | WirecoderError], *, settings: Settings = DEFAULT,
                 batch_size: int = 16, jobs: int | None = 1) -> Iterator[Analysis | WirecoderError]:
    """Analyse a stream of articles (in `jobs` processes); errors pass through in order, never stop the run."""
    from wirecoder.runner import analyze_many as run

    return run(items, settings=settings, batch_size=batch_size, jobs=jobs)
