"""The NLP stage: builds the spaCy Language with newsgraph's components."""

from newsgraph.nlp.pipeline import build_nlp, load_model

__all__ = ["build_nlp", "load_model"]
