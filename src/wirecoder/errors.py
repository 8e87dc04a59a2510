"""The exception catalogue: each message names the input and says what to fix."""
from __future__ import annotations


class WirecoderError(Exception):
    """Base of every error wirecoder reports; its message is one line meant for a person."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)

    def __reduce__(self):
        # keyword-only `source` and extra attributes (an ingest's `origin`) survive pickling to and from workers
        return _rebuild, (type(self), self.message, self.source, dict(self.__dict__))


def _rebuild(cls: type, message: str, source: str | None, state: dict) -> WirecoderError:
    exc = cls.__new__(cls)
    WirecoderError.__init__(exc, message, source=source)
    exc.__dict__.update(state)
    return exc


class InputError(WirecoderError):
    """An input article could not be read or is not usable."""


class EmptyInputError(InputError):
    """The input has no text."""


class BinaryInputError(InputError):
    """The input looks like a binary file, not text or HTML."""


class EncodingError(InputError):
    """The input bytes are not valid UTF-8."""


class LanguageError(InputError):
    """The text is not English."""


class JsonLineError(InputError):
    """A line of a JSON Lines file is broken or lacks the required keys."""


class DateFormatError(InputError):
    """A publication date is not in YYYY-MM-DD form."""


class InputTooLargeError(InputError):
    """The input is larger than the configured cap."""


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class ExtractionError(WirecoderError):
    """An extractor failed on one article (a bug: the message asks for a report)."""


class ClusterError(WirecoderError):
    """The Dask engine is not installed or its scheduler cannot be reached."""


class ModelNotFoundError(WirecoderError):
    """No usable spaCy pipeline is installed."""


class RegistryError(WirecoderError):
    """An actor registry file is malformed."""


class CorpusError(WirecoderError):
    """The corpus database cannot be opened or migrated."""


class ExportError(WirecoderError):
    """An export could not be written."""


class LexiconError(WirecoderError):
    """An event lexicon file is malformed (unknown PLOVER type or a badly shaped entry)."""


class GazetteerError(WirecoderError):
    """A gazetteer data file is missing or malformed."""


class UnsafeURLError(FetchError):
    """A URL is not http(s) or points at a private, loopback or link-local address."""


class FeedError(FetchError):
    """A feed, or one of its entries, cannot be read."""


class ReportError(WirecoderError):
    """A situation report cannot be written (unknown format or unwritable path)."""


class WebError(WirecoderError):
    """The web app cannot start: no corpus at the path, or the address cannot be bound."""
