"""thucydides: political event data from news text, coded in CAMEO and PLOVER.

    >>> from thucydides import Pipeline
    >>> pipeline = Pipeline.load()
    >>> events = pipeline.code_text("Russia attacked Ukraine on Monday.", "2025-06-03")
    >>> frame = thucydides.code_frame(df, text="text", id="id", date="date")   # a pandas DataFrame

The public API is re-exported here; everything else is internal.
"""

import sys

from .errors import DataError, Errors, InputError, SettingsError, StoreError, ThucydidesError
from .frame import code_frame, code_texts, to_arrow, to_frame
from .models import Actor, Article, CodedArticle, Event, Explanation, Location, Plover, Rejection, Span
from .pipeline import Pipeline, PipelineConfig
from .readers import read_paths
from .records import event_from_record, full_record
from .run import Summary, code_paths
from .version import __version__

if "spacy" in sys.modules:  # spaCy is in use: register the "thucydides_events" factory now
    from . import spacy_component  # noqa: F401

from .writers import Writer, event_record

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "DataError",
    "Errors",
    "Event",
    "Explanation",
    "InputError",
    "Location",
    "Pipeline",
    "PipelineConfig",
    "Plover",
    "Rejection",
    "SettingsError",
    "Span",
    "StoreError",
    "Summary",
    "ThucydidesError",
    "Writer",
    "__version__",
    "code_frame",
    "code_paths",
    "code_texts",
    "event_from_record",
    "event_record",
    "full_record",
    "read_paths",
    "to_arrow",
    "to_frame",
]
