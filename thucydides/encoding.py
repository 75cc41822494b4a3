"""How every text file given to thucydides is decoded: UTF-8, with a byte-order mark at its start ignored.

Some editors and spreadsheet programs (Notepad, Excel's "CSV UTF-8") write the three
bytes ``EF BB BF`` at the start of a UTF-8 file. They are not text: a reader that kept
them would see a first JSONL line that is not JSON, or a first CSV column named
``\\ufeffid``. So a byte-order mark at the very start of a file is dropped, and only
there (one inside the text is kept, as the character it encodes). Readers that open a
file as text use :data:`TEXT_ENCODING`; readers that work on bytes call
:func:`without_bom` on the file's first bytes.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import IO, BinaryIO

BOM = codecs.BOM_UTF8
# Python's name for UTF-8 that drops a byte-order mark at the start of the stream, and only there.
TEXT_ENCODING = "utf-8-sig"


def without_bom(data: bytes) -> bytes:
    """``data`` (the start of a file) without a leading UTF-8 byte-order mark."""
    return data[len(BOM) :] if data.startswith(BOM) else data


def open_text(path: Path, newline: str | None = None, errors: str = "strict") -> IO[str]:
    """Open ``path`` for reading as UTF-8 text, a leading byte-order mark dropped."""
    return open(path, encoding=TEXT_ENCODING, newline=newline, errors=errors)


def read_text(path: Path, errors: str = "strict") -> str:
    """The whole of ``path`` as UTF-8 text, a leading byte-order mark dropped."""
    return path.read_text(encoding=TEXT_ENCODING, errors=errors)


def wrap_text(handle: BinaryIO | IO[bytes], newline: str | None = None) -> io.TextIOWrapper:
    """A binary stream (a member of a zip archive, say) read as UTF-8 text, a leading byte-order mark dropped."""
    return io.TextIOWrapper(handle, encoding=TEXT_ENCODING, newline=newline)
