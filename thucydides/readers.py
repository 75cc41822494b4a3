"""Read stage: turn paths (files, directories, ``-`` for stdin) into articles.

Plain text files hold one article each; JSONL files one article per line
(``id``, ``text``, optional ``date``, ``title``, ``url``, ``source``); HTML files are
reduced to their main text with trafilatura. Anything that cannot be read becomes a
:class:`Rejection` naming the file and line; reading goes on. So does a document too
large to be one article (more than :data:`MAX_DOCUMENT_BYTES` of input or
:data:`MAX_ARTICLE_CHARS` of text): coding it would take minutes and gigabytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .encoding import TEXT_ENCODING, without_bom
from .errors import Errors, InputError
from .models import Article, Rejection

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
# One article: a file, an HTML page or a JSONL line of at most this many bytes, and at most this
# much text (a long feature is 60,000 characters). Coding the largest article takes well under 1 GB.
MAX_DOCUMENT_BYTES = 8 << 20
MAX_ARTICLE_CHARS = 200_000
# A JSON escape such as \ud800 that is half of a pair: Python keeps it, but UTF-8 cannot encode it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Item = Article | Rejection


def read_paths(paths: Iterable[str], default_date: dt.date | None = None) -> Iterator[Item]:
    """Yield an :class:`Article` or :class:`Rejection` for every article in ``paths``.

    A directory is walked recursively (hidden files skipped, files in name order);
    ``-`` reads standard input, whose format is guessed from its first character.
    """
    for name in paths:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", default_date)
            continue
        path = Path(name)
        if path.is_dir():
            for child in _walk(path):
                yield from read_file(child, default_date)
        else:
            yield from read_file(path, default_date)


def _walk(directory: Path) -> Iterator[Path]:
    for child in sorted(directory.rglob("*")):
        relative = child.relative_to(directory).parts
        if any(part.startswith(".") for part in relative) or not child.is_file():
            continue
        if child.suffix.lower() in READABLE_SUFFIXES:
            yield child


def read_file(path: Path, default_date: dt.date | None = None) -> Iterator[Item]:
    """Read one file, choosing the reader by its suffix."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _reject(InputError(Errors.E106, origin=origin, detail=err.strerror or str(err)))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_bytes(data, origin, default_date)
    else:
        yield read_document(data, origin, default_date)


def read_document(data: bytes, name: str, default_date: dt.date | None = None) -> Item:
    """One whole file's bytes as one article: HTML by its suffix (``.html``), else plain text.

    Never raises: whatever goes wrong becomes a :class:`Rejection` naming the file.
    """
    stem = Path(name).stem
    if len(data) > MAX_DOCUMENT_BYTES:
        return too_large(name, len(data))
    try:
        if Path(name).suffix.lower() in HTML_SUFFIXES:
            return _read_html_bytes(data, name, stem, default_date)
        return _read_text_bytes(data, name, stem, default_date)
    except Exception as err:  # one bad document never stops a batch
        return _reject(InputError(Errors.E120, origin=name, detail=describe(err)))


def too_large(origin: str, size: int, unit: str = "bytes") -> Rejection:
    """E122 for a document of ``size`` bytes (or characters of text, ``unit="characters"``)."""
    if unit == "bytes":
        shown, limit = f"{size / 2**20:,.1f} MB", f"{MAX_DOCUMENT_BYTES / 2**20:,.0f} MB"
    else:
        shown, limit = f"{size:,} characters", f"{MAX_ARTICLE_CHARS:,}"
    return _reject(InputError(Errors.E122, origin=origin, size=shown, limit=limit))


def describe(err: BaseException) -> str:
    """An exception as one line: its type and its whole message."""
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def read_stream(stream: BinaryIO, origin: str, default_date: dt.date | None = None) -> Iterator[Item]:
    """Read a whole stream; JSONL if it starts with ``{``, HTML if with ``<``, else one text article.

    A byte-order mark at the start is ignored (:mod:`thucydides.encoding`).
    """
    data = without_bom(stream.read())
    head = data.lstrip()[:1]
    if head == b"{":
        yield from _read_jsonl_bytes(data, origin, default_date)
    elif head == b"<":
        yield _read_html_bytes(data, origin, "stdin", default_date)
    else:
        yield _read_text_bytes(data, origin, "stdin", default_date)


def _reject(err: InputError) -> Rejection:
    return Rejection(origin=str(err.fields.get("origin", "")), code=err.code, message=err.message)


def _decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise InputError(Errors.E101, origin=origin)
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E102, origin=origin)
    try:
        text = data.decode(TEXT_ENCODING)
    except UnicodeDecodeError as err:
        raise InputError(Errors.E103, origin=origin, detail=f"byte {err.start}") from None
    if _looks_binary(text):
        raise InputError(Errors.E102, origin=origin)
    if not text.strip():  # a byte-order mark or Unicode spaces alone
        raise InputError(Errors.E101, origin=origin)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control > max(8, len(sample) // 50)


def _read_text_bytes(data: bytes, origin: str, stem: str, default_date: dt.date | None) -> Item:
    try:
        text = _decode(data, origin)
    except InputError as err:
        return _reject(err)
    if len(text) > MAX_ARTICLE_CHARS:
        return too_large(origin, len(text), "characters")
    return Article(id=stem, text=text, date=default_date, origin=origin)


def _read_html_bytes(data: bytes, origin: str, stem: str, default_date: dt.date | None) -> Item:
    try:
        html = _decode(data, origin)
    except InputError as err:
        return _reject(err)
    from .html import extract_html

    extracted = extract_html(html)
    if extracted is None or not extracted.text.strip():
        return _reject(InputError(Errors.E108, origin=origin))
    if len(extracted.text) > MAX_ARTICLE_CHARS:
        return too_large(origin, len(extracted.text), "characters")
    return Article(
        id=stem,
        text=extracted.text,
        date=extracted.date or default_date,
        title=extracted.title,
        url=extracted.url,
        origin=origin,
    )


def _read_jsonl_bytes(data: bytes, origin: str, default_date: dt.date | None) -> Iterator[Item]:
    data = without_bom(data)
    if not data.strip():
        yield _reject(InputError(Errors.E101, origin=origin))
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        yield jsonl_item(raw, where, default_date)


def jsonl_item(raw: bytes, where: str, default_date: dt.date | None = None) -> Item:
    """One JSONL line as an article, or a :class:`Rejection` naming ``where``; never raises."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        return too_large(where, len(raw))
    try:
        return parse_jsonl_line(raw, where, default_date)
    except InputError as err:
        return _reject(err)
    except Exception as err:  # one bad line never stops a batch
        return _reject(InputError(Errors.E120, origin=where, detail=describe(err)))


def parse_jsonl_line(raw: bytes | str, where: str, default_date: dt.date | None = None) -> Article:
    """Parse one JSONL line into an article; raise :class:`InputError` naming ``where``."""
    try:
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as err:
        raise InputError(Errors.E103, origin=where, detail=f"byte {err.start}") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(Errors.E104, origin=where, detail=str(err)) from None
    except RecursionError:
        raise InputError(Errors.E104, origin=where, detail="nested too deeply") from None
    except ValueError:  # an integer of more than 4,300 digits, which Python refuses to convert
        raise InputError(Errors.E104, origin=where, detail="a number has too many digits") from None
    if not isinstance(record, dict):
        raise InputError(Errors.E109, origin=where)
    date = record.get("date")
    if date is not None and not isinstance(date, str):
        raise InputError(Errors.E110, origin=where, name="date", kind=type(date).__name__)
    return article_from_fields(record, where, parse_date(date, where) if date else default_date)


def article_from_fields(record: dict[str, Any], where: str, date: dt.date | None) -> Article:
    """An article from a JSON object or a table row; ``where`` names it in errors. The id defaults to a text hash.

    Lone surrogates (from JSON escapes) become U+FFFD, one character for one, so that offsets hold.
    """
    fields: dict[str, str | None] = {}
    for key in ("text", "title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(Errors.E110, origin=where, name=key, kind=type(value).__name__)
        fields[key] = LONE_SURROGATE.sub("\ufffd", value) if value else value
    text = fields["text"]
    if not text or not text.strip():
        raise InputError(Errors.E105, origin=where)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(Errors.E122, origin=where, size=f"{len(text):,} characters", limit=f"{MAX_ARTICLE_CHARS:,}")
    raw_id = record.get("id")
    article_id = "" if raw_id is None else LONE_SURROGATE.sub("\ufffd", str(raw_id))
    if article_id == "":
        article_id = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return Article(
        id=article_id,
        text=text,
        date=date,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        origin=where,
    )


def parse_date(value: str, where: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(Errors.E107, origin=where, value=value) from None
