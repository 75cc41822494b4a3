"""The event store: articles, mentions and deduplicated events in one DuckDB file.

See docs/store.md. ``Store.open(path)`` opens (or creates) a store; ``store.ingest``
stores coded articles; :mod:`thucydides.analysis` asks questions of it.
"""

from .export import EXPORT_FORMATS, TABLES, export, export_text
from .gdelt import GDELT_MENTION_COLUMNS, import_gdelt
from .ingest import ingest, ingest_paths
from .rows import content_hash, event_key
from .store import DEFAULT_PATH, MEMORY, Store

__all__ = [
    "DEFAULT_PATH",
    "EXPORT_FORMATS",
    "GDELT_MENTION_COLUMNS",
    "MEMORY",
    "TABLES",
    "Store",
    "content_hash",
    "event_key",
    "export",
    "export_text",
    "import_gdelt",
    "ingest",
    "ingest_paths",
]
