"""The analyser: parse once, then run every extractor on the Doc in dependency order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from wirecoder.errors import ExtractionError, WirecoderError
from wirecoder.extract.actors import extract_actors
from wirecoder.extract.events import extract_events
from wirecoder.extract.places import extract_places
from wirecoder.extract.quantities import extract_quantities
from wirecoder.extract.quotes import extract_quotes
from wirecoder.extract.time import extract_dates
from wirecoder.ingest.text import article_from_text, parse_published
from wirecoder.nlp.loader import get_nlp
from wirecoder.records import Analysis, Article, Span
from wirecoder.settings import DEFAULT, Settings


def nlp_for(settings: Settings = DEFAULT):
    """The shared pipeline these settings ask for."""
    return get_nlp(settings.model, tuple(str(p) for p in settings.extra_registries))


def extract_all(doc: Doc, article: Article, settings: Settings = DEFAULT) -> Analysis:
    """Run every extractor on a parsed Doc of `article.text`."""
    doc._.wc_article = article
    doc._.wc_published = article.published
    places = extract_places(doc, settings)
    doc._.wc_places = places
    index = extract_actors(doc, places=places, settings=settings)
    doc._.wc_actors = index
    dates = extract_dates(doc, article.published, settings)
    doc._.wc_dates = dates
    quantities = extract_quantities(doc, settings)
    doc._.wc_quantities = quantities
    quotes = extract_quotes(doc, index, settings)
    doc._.wc_quotes = quotes
    events = extract_events(doc, index, places, dates, quantities, settings)
    doc._.wc_events = events
    sentences = tuple(Span(start=s.start_char, end=s.end_char, text=s.text) for s in doc.sents)
    return Analysis(article=article, actors=index.actors, quotes=quotes, dates=dates, places=places,
                    quantities=quantities, events=events, sentences=sentences)


def analyze(text: str | Article, *, published=None, settings: Settings = DEFAULT, **meta) -> Analysis:
    """Analyse one article given as text (with optional metadata) or as an Article record."""
    if isinstance(text, Article):
        article = text if published is None else text.model_copy(update={"published": parse_published(published)})
    else:
        article = article_from_text(text, published=published, settings=settings, **meta)
    doc = nlp_for(settings)(article.text)
    return extract_all(doc, article, settings)


def analyze_many(items: Iterable[Article | WirecoderError], *, settings: Settings = DEFAULT,
                 batch_size: int = 16) -> Iterator[Analysis | WirecoderError]:
    """Analyse a stream of articles with nlp.pipe; errors pass through in order, never stop the run."""
    nlp = nlp_for(settings)

    def texts() -> Iterator[tuple[str, Article | WirecoderError]]:
        for item in items:
            yield (item.text if isinstance(item, Article) else ""), item

    for doc, item in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        if isinstance(item, WirecoderError):
            yield item
            continue
        try:
            yield extract_all(doc, item, settings)
        except WirecoderError as exc:
            yield exc
        except Exception as exc:  # a bug on one article must not cost the rest of the batch
            yield ExtractionError(f"extraction failed ({type(exc).__name__}: {exc})".splitlines()[0]
                                  + "; please report this with the article", source=item.source or item.id)
