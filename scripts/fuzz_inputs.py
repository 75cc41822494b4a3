"""Bad input files made from a seed, for the fuzz run of issue 12 (``scripts/fuzz.py``), and what both of its
halves share: the seeded generator of a case, the failure record, the numbered-code and strict-JSON checks.

Each generated file says what reading it should give, one outcome per article ("ok": coded, "bad":
rejected, "any"), so that the run can check the job's counts file by file.
"""

from __future__ import annotations

import io
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CODE = re.compile(r"^E\d{3}$")


@dataclass(frozen=True)
class Failure:
    """Something the fuzz run found wrong: in which half, which case (-1: a batch it could not pin down), what."""

    half: str  # "files" or "api"
    case: int
    what: str
    detail: str


def case_rng(seed: int, half: str, case: int) -> random.Random:
    """The generator of one case: the same case from the same seed, whatever ran before it."""
    return random.Random(f"{seed}:{half}:{case}")


def strict_json(text: str) -> Any:
    """``json.loads`` without NaN and Infinity, which JSON has not."""
    return json.loads(text, parse_constant=_no_constant)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


@dataclass(frozen=True)
class Made:
    """One generated input: its path in the case directory, its bytes, and what reading it should give.

    ``expect`` has one outcome per article read from the file: "ok" (coded), "bad" (rejected)
    or "any"; ``extra`` more reads that may come (a damaged Parquet file stops anywhere).
    Without ``data`` the file is a symbolic link to ``link`` (to nowhere, or to itself).
    """

    name: str
    kind: str
    data: bytes | None
    expect: tuple[str, ...]
    extra: int = 0
    link: str | None = None


SENTENCES = (
    "Japan signed a defence pact with NATO on Monday.",
    "Russian forces shelled Kyiv overnight, Ukrainian officials said.",
    "China criticised the United States over new tariffs.",
    "The Iranian foreign minister met his Saudi counterpart in Riyadh.",
    "Police clashed with protesters in Nairobi on Tuesday.",
    "Russia will hold talks with Ukraine next week.",
    "Yesterday the European Union offered aid to Sudan.",
    "Last year Turkey accused Greece of violating its airspace.",
)
ODD_CHARS = ("\u200b", "\u200f", "\u202e", "\ufeff", "\u00a0", "\u2028", "\u0301", "🇺🇦", "𝔘𝔫𝔦", "日本", "\u3000", "ﷺ")
ODD_STEMS = ("with space", "ünïcødé", "a:1", "new\nline", "-dash", "x" * 180, "%00", "日本語", "semi;colon", "a'quote")
TEXT_SUFFIXES = (".txt", ".md", ".text", "", ".TXT")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".JSONL")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".HTML")
OTHER_SUFFIXES = (".csv", ".pdf", ".docx", ".xml", ".gz", ".bin", ".rtf")
MAGIC = (b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"\x7fELF", b"PAR1")
GOOD_DATES = ("2025-06-03", "2025-06-03T10:00:00Z", "2025-06-03 12:00", "20250603", " 2025-06-03", "0001-01-01",
              "9999-12-31", "", None)  # fmt: skip
BAD_DATES = ("yesterday", "2025-13-45", "31/12/2025", "   ", "2025-02-30", "0000-00-00", "June 3, 2025")
Content = tuple[bytes, tuple[str, ...]]


def prose(rng: random.Random, n: int | None = None) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(n or rng.randint(1, 3)))


def oddly(rng: random.Random, text: str) -> str:
    """``text`` with odd characters (zero widths, direction marks, emoji, CJK) put between its words."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 6)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(ODD_CHARS))
    return " ".join(words)


def word_salad(rng: random.Random, chars: int) -> str:
    """One line of ``chars`` characters of words, without a full stop: one long sentence."""
    pool = " ".join(SENTENCES).replace(".", "").replace(",", "").split()
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(rng.choice(pool))
        size += len(out[-1]) + 1
    return " ".join(out)


def _ok(text: str) -> Content:
    return text.encode("utf-8"), ("ok",)


def _bad(data: bytes) -> Content:
    return data, ("bad",)


def _either(data: str | bytes) -> Content:
    return data if isinstance(data, bytes) else data.encode("utf-8"), ("any",)


CONTROLS = ("\x01", "\x1b", "\x7f", "\x0b")
BROKEN_UTF8 = (b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x82", b"\xff")  # a surrogate, an overlong form, a cut one, 0xff
LATIN_1 = "Le président a signé un accord à Genève. ".encode("latin-1")
TEXT_KINDS: dict[str, tuple[int, Callable[[random.Random], Content]]] = {
    "prose": (30, lambda r: _ok(prose(r))),
    "odd-unicode": (8, lambda r: _ok(oddly(r, prose(r)))),
    "cr-lines": (3, lambda r: _ok(r.choice(("\r\n", "\r", "\n\n\n")).join(r.choice(SENTENCES) for _ in range(3)))),
    "bom-prose": (3, lambda r: _ok("\ufeff" + prose(r))),
    "long-line": (3, lambda r: _ok(word_salad(r, r.randint(2_000, 12_000)))),
    "many-lines": (2, lambda r: _ok("\n".join(r.choice(SENTENCES) for _ in range(r.randint(20, 80))))),
    "nul-late": (1, lambda r: _ok(word_salad(r, 8_300) + "\x00 " + prose(r))),
    "few-controls": (3, lambda r: _ok(prose(r, 3).replace(" ", r.choice(CONTROLS), 2))),
    "many-controls": (3, lambda r: _bad("".join(r.choice(CONTROLS) for _ in range(300)).encode() + b"text")),
    "empty": (4, lambda r: _bad(b"")),
    "whitespace": (3, lambda r: _bad(bytes(r.choice(b" \t\r\n") for _ in range(r.randint(1, 50))))),
    "bom-only": (3, lambda r: _bad(b"\xef\xbb\xbf" + r.choice((b"", b" ", b"\r\n", b"\t \n")))),
    "unicode-space": (2, lambda r: _bad("".join(r.choice("\u00a0\u3000\u2003\u2029\n") for _ in range(9)).encode())),
    "random-bytes": (10, lambda r: _bad(r.randbytes(r.randint(64, 4096)))),
    "nul-early": (4, lambda r: _bad((prose(r) + "\x00" + prose(r)).encode())),
    "latin-1": (4, lambda r: _bad(LATIN_1 * r.randint(1, 5))),
    "utf-16": (3, lambda r: _bad(prose(r).encode(r.choice(("utf-16", "utf-16-le", "utf-32"))))),
    "binary-magic": (4, lambda r: _bad(r.choice(MAGIC) + r.randbytes(r.randint(64, 2048)))),
    "broken-utf8": (4, lambda r: _bad(prose(r).encode() + r.choice(BROKEN_UTF8))),
    "too-many-chars": (2, lambda r: _bad(b"a " * (100_001 + r.randint(0, 1000)))),
    "too-many-bytes": (1, lambda r: _bad(b"x" * ((8 << 20) + 1 + r.randint(0, 100)))),
}

# JSONL lines: made by a function (valid articles with odd parts) or picked from a list (lines that are wrong).
ODD_IDS = (10**100, -1, 3.5, True, [1], {"a": None}, "", "x" * 300, "../../etc/passwd")
ESCAPED = ("\x00", "\x1b", "\x85", "\ud800")  # written as \u escapes: valid JSON, odd text
BROKEN_JSON = ('{"text": "a"', "{'text': 'a'}", '{"text": "a",}', "{text: a}", '{"text": "a"}}', "}", "{",
               '{"text": "\\x"}', "NaNNN", '{"text": "a" "b"}', "\x1c")  # fmt: skip
NOT_OBJECTS = ("[1, 2]", '"text"', "42", "null", "true", "[]", '[{"text": "a"}]', "-0.0")
NO_TEXT = ("{}", '{"id": 1}', '{"text": ""}', '{"text": "   "}', '{"text": null}', '{"TEXT": "Japan"}',
           '{"text": "\\u3000\\n"}')  # fmt: skip
NOT_TEXT = (5, 1.5, True, ["a"], {"a": "b"}, float("nan"))
NOT_STRING: tuple[object, ...] = (1, [], {}, True)
NOT_DATE = (20250603, 0, ["2025"], {"y": 2025}, True, False, 1.5)
RAW_CONTROLS = ("\x00", "\t", "\x1b")  # unescaped in a JSON string: invalid


def _line(record: object, ensure_ascii: bool = True) -> str:
    return json.dumps(record, ensure_ascii=ensure_ascii)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _article(rng: random.Random, **fields: object) -> str:
    record: dict[str, object] = {"id": f"a{rng.randrange(10**6)}", "text": prose(rng)}
    for key in ("title", "url", "source"):
        if rng.random() < 0.5:
            record[key] = rng.choice(("<script>alert(1)</script>", "javascript:alert(1)", "\t\n\r x", oddly(rng, "x")))
    return _line(record | fields, ensure_ascii=rng.random() < 0.5)


def _nested(rng: random.Random, depth: int) -> object:
    value: object = rng.choice((None, 1, "x", 1.5e308, []))
    for _ in range(depth):
        value = {"k": value} if rng.random() < 0.5 else [value, rng.random()]
    return value


def _escaped(rng: random.Random) -> str:
    """A valid line whose text holds a control character or a lone surrogate, written as a \\u escape."""
    code = ord(rng.choice(ESCAPED))
    return '{"text": ' + json.dumps(prose(rng, 2)).replace(" ", f" \\u{code:04x} ", 1) + "}"


def _raw_control(rng: random.Random) -> str:
    return '{"text": "' + prose(rng).replace(" ", rng.choice(RAW_CONTROLS), 1) + '"}'


LINE_KINDS: dict[str, tuple[int, str, Callable[[random.Random], str | bytes]]] = {
    "full": (30, "ok", lambda r: _article(r, date=r.choice(GOOD_DATES[:5]))),
    "minimal": (8, "ok", lambda r: _line({"text": prose(r)})),
    "far-date": (4, "ok", lambda r: _article(r, date=r.choice(("0001-01-01", "9999-12-31")))),
    "odd-id": (5, "ok", lambda r: _article(r, id=r.choice(ODD_IDS))),
    "odd-date-form": (4, "ok", lambda r: _article(r, date=r.choice(GOOD_DATES))),
    "nested-junk": (4, "ok", lambda r: _article(r, meta=_nested(r, r.randint(1, 60)), tags=["a", 1, None])),
    "escaped": (5, "ok", _escaped),
    "duplicate-key": (2, "ok", lambda r: '{"text": 5, "text": ' + json.dumps(prose(r)) + "}"),
    "broken-json": (8, "bad", lambda r: r.choice(BROKEN_JSON)),
    "not-object": (5, "bad", lambda r: r.choice(NOT_OBJECTS)),
    "no-text": (6, "bad", lambda r: r.choice(NO_TEXT)),
    "text-type": (5, "bad", lambda r: _line({"text": r.choice(NOT_TEXT)})),
    "field-type": (4, "bad", lambda r: _article(r, **{r.choice(("title", "url", "source")): r.choice(NOT_STRING)})),
    "date-type": (4, "bad", lambda r: _article(r, date=r.choice(NOT_DATE))),
    "date-value": (5, "bad", lambda r: _article(r, date=r.choice(BAD_DATES))),
    "too-deep": (2, "bad", lambda r: _deep(r.randint(2_000, 50_000))),
    "deep-field": (1, "bad", lambda r: '{"text": "Japan signed a pact.", "x": ' + _deep(5_000) + "}"),
    "huge-int": (3, "bad", lambda r: '{"text": "Japan signed a pact.", "id": 1' + "0" * r.randint(4_300, 20_000) + "}"),
    "bad-utf8": (4, "bad", lambda r: b'{"text": "caf\xe9 ' + prose(r).encode() + b'"}'),
    "raw-control": (3, "bad", _raw_control),
    "too-long": (2, "bad", lambda r: _line({"text": "a " * 100_001})),
}
BLANKS = (b"", b"   ", b"\t", b"\r", b"\x0b \x0c")


def pick(rng: random.Random, kinds: dict[str, tuple[Any, ...]]) -> tuple[str, tuple[Any, ...]]:
    """A kind drawn by the weights that come first in the table's rows: (name, the rest of its row)."""
    names = list(kinds)
    name = rng.choices(names, weights=[kinds[n][0] for n in names])[0]
    return name, kinds[name][1:]


def jsonl_content(rng: random.Random) -> tuple[str, bytes, tuple[str, ...]]:
    """A JSONL file of 1 to 12 lines of random kinds, blank lines between them; or an empty or binary one."""
    shape = rng.random()
    if shape < 0.04:
        return "empty", rng.choice((b"", b"\n\n", b" \r\n\t\n")), ("bad",)
    if shape < 0.08:
        data = rng.randbytes(rng.randint(64, 2048))
        return "random-bytes", data, ("bad",) * (sum(1 for raw in data.split(b"\n") if raw.strip()) or 1)
    if shape < 0.09:
        huge = b'{"text": "' + b"a" * (8 << 20) + b'"}\n'
        return "oversized-line", huge + _line({"text": prose(rng)}).encode(), ("bad", "ok")
    lines: list[bytes] = []
    expect: list[str] = []
    for _ in range(rng.randint(1, 12)):
        if rng.random() < 0.15:
            lines.append(rng.choice(BLANKS))
        _, (outcome, make) = pick(rng, LINE_KINDS)
        raw = make(rng)
        lines.append(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
        expect.append(outcome)
    if rng.random() < 0.05:  # a byte-order mark before the first line (blank or not) changes nothing: it is ignored
        lines[0] = b"\xef\xbb\xbf" + lines[0]
    data = rng.choice((b"\n", b"\r\n")).join(lines) + rng.choice((b"", b"\n"))
    return "lines", data, tuple(expect)


HTML_PAGE = "<html><head><title>{title}</title>{head}</head><body><article><h1>Talks</h1>{body}</article></body></html>"
HEADS = (
    '<meta property="article:published_time" content="not-a-date">',
    '<meta name="date" content="99999-01-01">',
    '<script type="application/ld+json">{"datePublished": "2025-02-30"</script>',
    '<script type="application/ld+json">' + _deep(3_000) + "</script>",
    '<script type="application/ld+json">'
    + '{"a": ' * 200
    + '{"datePublished": "2025-06-03"}'
    + "}" * 200
    + "</script>",
    '<time datetime="9999-99-99" pubdate></time>',
    '<meta charset="latin-1">',
    "<base href='javascript:alert(1)'>",
)
ODD_TITLES = ("<script>alert(1)</script>", "&#0;", "x" * 5000)
NO_TEXT_PAGES = (
    b"<html><head><title>Only a title</title></head></html>",
    b"<html><body><script>var a = '<p>x</p>';</script><style>p {}</style></body></html>",
)
BROKEN_TAGS = ("<p", "<<p>>", "</div></div><p>", "<p <b>", "<!--", "<p><![CDATA[")
NOT_HTML = ("{}", "<", "<>", "<!DOCTYPE html>", "<svg onload=x>", "<?xml version='1.0'?><a/>", "<nav>Home</nav>")


def _page(rng: random.Random, head: str = "", title: str = "Talks") -> str:
    body = "".join(f"<p>{prose(rng, 2)}</p>" for _ in range(rng.randint(1, 4)))
    return HTML_PAGE.format(title=title, head=head, body=body)


HTML_KINDS: dict[str, tuple[int, Callable[[random.Random], Content]]] = {
    "article": (20, lambda r: _ok(_page(r))),
    "odd-head": (6, lambda r: _ok(_page(r, head=r.choice(HEADS)))),
    "odd-title": (3, lambda r: _ok(_page(r, title=r.choice(ODD_TITLES)))),
    "no-text": (10, lambda r: _bad(r.choice(NO_TEXT_PAGES))),
    "empty": (3, lambda r: _bad(r.choice((b"", b"  \n", b"\xef\xbb\xbf")))),
    "random-bytes": (4, lambda r: _bad(r.randbytes(r.randint(64, 2048)))),
    "latin-1": (3, lambda r: _bad(_page(r).replace("Talks", "Négociations à Genève").encode("latin-1"))),
    "broken-tags": (6, lambda r: _either(_page(r).replace("<p>", r.choice(BROKEN_TAGS)))),
    "deep": (2, lambda r: _either("<div>" * r.randint(300, 5_000) + f"<p>{prose(r)}</p>")),
    "huge-attribute": (2, lambda r: _either(_page(r).replace("<p>", '<p title="' + "x" * 200_000 + '">', 1))),
    "entities": (3, lambda r: _either(_page(r).replace("signed", "&#0; &#x110000; &#xD800; &bogus; signed"))),
    "xml-declaration": (2, lambda r: _either('<?xml version="1.0" encoding="ISO-8859-1"?>' + _page(r))),
    "not-html": (3, lambda r: _either(r.choice((prose(r), *NOT_HTML)))),
}


def _parquet_bytes(columns: dict[str, list[Any]], types: dict[str, Any] | None = None) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = {name: pa.array(values, type=(types or {}).get(name)) for name, values in columns.items()}
    buffer = io.BytesIO()
    pq.write_table(pa.table(arrays), buffer)
    return buffer.getvalue()


def parquet_rows(rng: random.Random) -> Content:
    """A real Parquet table whose rows are good or bad (empty text, a date that is no date); maybe no rows."""
    import pyarrow as pa

    rows = rng.randint(0, 8)
    texts = [rng.choice((prose(rng), prose(rng), "", "   ", None)) for _ in range(rows)]
    dates = [rng.choice((*GOOD_DATES[:2], None, *BAD_DATES[:3])) for _ in range(rows)]
    columns: dict[str, list[Any]] = {"id": [f"p{i}" for i in range(rows)], "text": texts}
    if with_dates := rng.random() < 0.5:
        columns["date"] = dates
    expect = tuple(
        "bad" if not (t or "").strip() or (with_dates and d in BAD_DATES) else "ok"
        for t, d in zip(texts, dates, strict=True)
    )
    return _parquet_bytes(columns, {"text": pa.string(), "date": pa.string()}), expect or ("bad",)  # no rows: E101


def parquet_typed(rng: random.Random) -> Content:
    """Columns of the wrong type: the text as numbers, bytes or lists; no text column; dates as numbers."""
    import pyarrow as pa

    rows = rng.randint(1, 5)
    texts = [prose(rng) for _ in range(rows)]
    tables: tuple[tuple[dict[str, list[Any]], dict[str, Any] | None], ...] = (
        ({"text": [rng.randint(0, 9) for _ in range(rows)]}, None),
        ({"text": [t.encode() for t in texts]}, {"text": pa.binary()}),
        ({"text": [[t] for t in texts]}, None),
        ({"id": list(range(rows)), "body": texts}, None),
        ({"text": texts, "date": [5] * rows}, None),
    )
    columns, types = rng.choice(tables)
    return _parquet_bytes(columns, types), ("bad",) * rows


def parquet_damaged(rng: random.Random) -> tuple[bytes, tuple[str, ...], int]:
    """A real Parquet file with bytes overwritten, mostly in its data pages (rows may stop anywhere), sometimes
    anywhere, the footer too: up to as many reads as the footer claims rows, and one more for the damage."""
    rows = rng.randint(1, 6)
    data = bytearray(_parquet_bytes({"id": [str(i) for i in range(rows)], "text": [prose(rng) for _ in range(rows)]}))
    end = len(data) if rng.random() < 0.3 else max(5, len(data) // 2)
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(4, end)] = rng.randrange(256)
    claimed = _claimed_rows(bytes(data))
    return bytes(data), ("bad",) if claimed is None else ("any",), claimed or 0


def _claimed_rows(data: bytes) -> int | None:
    """The rows a Parquet file's footer claims (in all, or in its row groups), or None when it cannot be opened."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(io.BytesIO(data)).metadata
        return max(meta.num_rows, sum(meta.row_group(i).num_rows for i in range(meta.num_row_groups)))
    except (OSError, ValueError, pa.ArrowException):
        return None


def parquet_content(rng: random.Random) -> tuple[str, bytes, tuple[str, ...], int]:
    shape = rng.random()
    if shape < 0.35:
        return "rows", *parquet_rows(rng), 0
    if shape < 0.5:
        return "typed", *parquet_typed(rng), 0
    if shape < 0.65:
        return "damaged", *parquet_damaged(rng)
    if shape < 0.8:
        data, _ = parquet_rows(rng)
        return "truncated", data[: rng.randrange(len(data))], ("bad",), 0
    not_parquet = (b"", prose(rng).encode(), rng.randbytes(300), b"PAR1" + rng.randbytes(100) + b"PAR1", b"PAR1")
    return "not-parquet", rng.choice(not_parquet), ("bad",), 0


def one_file(rng: random.Random, stem: str) -> Made:
    """One file of a random family (text, JSONL, HTML, Parquet, or a suffix the job does not read)."""
    family = rng.choices(("text", "jsonl", "html", "parquet", "other"), weights=(40, 30, 15, 10, 5))[0]
    if family == "text":
        kind, (make,) = pick(rng, TEXT_KINDS)
        data, expect = make(rng)
        return Made(stem + rng.choice(TEXT_SUFFIXES), f"text/{kind}", data, expect)
    if family == "jsonl":
        kind, data, expect = jsonl_content(rng)
        return Made(stem + rng.choice(JSONL_SUFFIXES), f"jsonl/{kind}", data, expect)
    if family == "html":
        kind, (make,) = pick(rng, HTML_KINDS)
        data, expect = make(rng)
        return Made(stem + rng.choice(HTML_SUFFIXES), f"html/{kind}", data, expect)
    if family == "parquet":
        kind, data, expect, extra = parquet_content(rng)
        return Made(stem + rng.choice((".parquet", ".PARQUET")), f"parquet/{kind}", data, expect, extra)
    _, (make,) = pick(rng, TEXT_KINDS)
    data, _ = make(rng)
    return Made(stem + rng.choice(OTHER_SUFFIXES), "other-suffix", data, ("any",))  # read only when named


def make_case(seed: int, case: int) -> list[Made]:
    """The files of one case: mostly one file, sometimes a tree of them with hidden parts and links."""
    rng = case_rng(seed, "files", case)
    shape = rng.random()
    if shape < 0.8:
        stem = rng.choice(ODD_STEMS) if rng.random() < 0.15 else "doc"
        return [one_file(rng, stem)]
    if shape < 0.97:
        return tree(rng)
    return [Made("empty-directory/", "empty-directory", b"", ())] if rng.random() < 0.4 else [stdin_case(rng)]


def tree(rng: random.Random) -> list[Made]:
    """A directory of 2 to 6 files in nested, sometimes hidden, folders; an empty folder; links to nowhere."""
    made = []
    for number in range(rng.randint(2, 6)):
        folder = "/".join(rng.choice(("a", "b", "deep", ".hidden", "ü")) for _ in range(rng.randint(0, 3)))
        stem = rng.choice((f"f{number}", f".f{number}"))
        one = one_file(rng, f"{folder}/{stem}" if folder else stem)
        made.append(one)
    if rng.random() < 0.3:
        made.append(Made("empty/", "empty-directory", b"", ()))
    if rng.random() < 0.3:
        made.append(Made("nowhere.txt", "broken-link", None, ("bad",), link="missing-target.txt"))
    if rng.random() < 0.2:
        made.append(Made("loop.jsonl", "link-loop", None, ("bad",), link="loop.jsonl"))
    return made


def stdin_case(rng: random.Random) -> Made:
    """Bytes for standard input ("-"): JSONL when its first line starts with '{', else one document."""
    one = one_file(rng, "stdin")
    data = one.data or b""
    lines = [raw for raw in data.split(b"\n") if raw.strip()]
    first = lines[0] if lines else b""
    if first.lstrip()[:1] == b"{" or len(first) > 8 << 20:
        expect = one.expect if one.kind.startswith("jsonl") else ("any",) * len(lines)
        return Made("-", f"stdin/{one.kind}", data, expect)
    return Made("-", f"stdin/{one.kind}", data, ("any",) if data.strip() else ("bad",))
