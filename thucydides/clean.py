"""Clean stage: split an article into paragraphs and normalise characters for the parser.

Cleaning never changes the length of the text: curly quotes become straight ones,
odd spaces become plain spaces, single line breaks (hard-wrapped text) become
spaces. Every offset computed on the cleaned text is therefore an offset into the
article text as read, which is what the output promises.

A paragraph longer than :data:`MAX_PARAGRAPH_CHARS` (a table flattened into text, a
page without line breaks) is cut after a sentence near that length: the parser's memory
grows with the length of what it reads at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .models import Article

# One character in, one character out.
_TRANSLATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\r": " ",
        "\f": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2013": "-",
        "\u2011": "-",
        "\u2012": "-",
    }
)

MAX_PARAGRAPH_CHARS = 5_000
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\u00a0]*\n\s*")

# A wire dateline before the first sentence: "TOKYO, June 3 - ", "MOSCOW (Reuters) - ",
# "GAZA CITY, Palestinian Territories: ", "WASHINGTON — ", "BOGOTÁ, May 2 - ". Left in the sentence, the parser
# takes it for the subject ("MOSCOW (Reuters) - Russia accused ..."), so it becomes a
# paragraph of its own. The place is in capitals; a colon needs a region, a date or an agency.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # with the accented capitals: "BRASÍLIA", "BOGOTÁ"
_CAPS = rf"[{_UPPER}][{_UPPER}'.\-]{{2,}}(?:(?: ?/ ?| )[{_UPPER}][{_UPPER}'.\-]+)*"  # "JERUSALEM/DUBAI" too
# a region's words may be joined by small words: "Bosnia and Herzegovina", "St Vincent and the Grenadines"
_JOINERS = r"(?: (?:and|of|the|de|del|da|do|du|des|la|le|al|el))*"
_REGION = rf"[A-Z][A-Za-z'.\-]+(?:{_JOINERS} [A-Z][A-Za-z'.\-]+)*"
_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}"
_AGENCY = r"\([A-Za-z .&\-]{2,30}\)"
_DATELINE = re.compile(
    rf"(?P<line>{_CAPS}(?:(?P<extra>,\s*(?:{_DATE}|{_REGION})(?:,\s*{_DATE})?)|\s*(?P<agency>{_AGENCY}))*)"
    rf"\s*(?:(?P<dash>-{{1,2}}|\u2014|\u2013)|:)\s+(?=[A-Z\"'])"
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article: its cleaned text and where it starts in the article."""

    start: int
    text: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    article: Article
    paragraphs: tuple[Paragraph, ...]


def normalise(text: str) -> str:
    """Replace typographic characters with plain ones, keeping every offset in place."""
    cleaned = text.translate(_TRANSLATION)
    return cleaned.replace("\n", " ")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place words of a wire dateline ("AL-ULA, Saudi Arabia, Jan 5 (Wire) -"): the town, what
    qualifies it, and where the town's name lies in the article."""

    town: str
    qualifier: str
    start: int
    end: int
    line_end: int = -1  # where the whole dateline ("JERUSALEM/DUBAI, June 13 (Wire) -") ends in the article


def dateline(text: str) -> Dateline | None:
    """The dateline at the head of a story, in its first paragraph or the one after a headline or byline."""
    position = 0
    for _ in range(2):
        chunk = text[position:]
        stripped = chunk.lstrip()
        offset = position + len(chunk) - len(stripped)
        found = _DATELINE.match(stripped)
        if found is not None and (found["dash"] or found["extra"] or found["agency"]):
            places = _dateline_places(found["line"], offset)
            return replace(places, line_end=offset + found.end()) if places is not None else None
        brk = _PARAGRAPH_BREAK.search(text, position)
        if brk is None:
            return None
        position = brk.end()
    return None


def _dateline_places(line: str, offset: int) -> Dateline | None:
    """The town (the first of "JERUSALEM/DUBAI") and a qualifier that is not a date or an agency."""
    parts = [p.strip() for p in re.sub(_AGENCY, "", line).split(",")]
    town = re.split(r"\s*/\s*", parts[0])[0].strip()
    if not town:
        return None
    qualifier = next((p for p in parts[1:] if p and not re.fullmatch(_DATE + r"(?:\s*\d{4})?", p)), "")
    return Dateline(town=town, qualifier=qualifier, start=offset, end=offset + len(town))


def clean(article: Article) -> CleanArticle:
    """Split ``article`` at blank lines and normalise each paragraph."""
    text = article.text
    paragraphs: list[Paragraph] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add(paragraphs, text, position, match.start())
        position = match.end()
    _add(paragraphs, text, position, len(text))
    return CleanArticle(article=article, paragraphs=tuple(paragraphs))


def _add(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.lstrip()
    start += len(chunk) - len(stripped)
    stripped = stripped.rstrip()
    if not stripped:
        return
    dateline = _DATELINE.match(stripped)  # usually the story's first paragraph, or the one after its headline
    if dateline is not None and (dateline["dash"] or dateline["extra"] or dateline["agency"]):
        paragraphs.append(Paragraph(start=start, text=normalise(dateline["line"])))
        start += dateline.end()
        stripped = stripped[dateline.end() :]
    while len(stripped) > MAX_PARAGRAPH_CHARS:
        cut = _cut(stripped)
        paragraphs.append(Paragraph(start=start, text=normalise(stripped[:cut].rstrip())))
        start += cut
        stripped = stripped[cut:]
    paragraphs.append(Paragraph(start=start, text=normalise(stripped)))


def _cut(text: str) -> int:
    """Where to cut a long paragraph: after the last sentence ending in its second half-limit, else at a space."""
    window = text[MAX_PARAGRAPH_CHARS // 2 : MAX_PARAGRAPH_CHARS]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return MAX_PARAGRAPH_CHARS // 2 + ends[-1]
    space = window.rfind(" ")
    return MAX_PARAGRAPH_CHARS // 2 + space + 1 if space >= 0 else MAX_PARAGRAPH_CHARS
