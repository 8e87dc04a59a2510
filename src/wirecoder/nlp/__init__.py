"""Loading the spaCy pipeline once, the Doc extensions and the component factories."""
from wirecoder.nlp.loader import get_nlp, load_pipeline

__all__ = ["get_nlp", "load_pipeline"]
