import datetime as dt
import io
import json
from pathlib import Path

import pytest

from thucydides.models import Article, Rejection
from thucydides.readers import MAX_ARTICLE_CHARS, MAX_DOCUMENT_BYTES, read_paths, read_stream

DAY = dt.date(2025, 6, 3)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_text_file_is_one_article_with_default_date(tmp_path: Path) -> None:
    _write(tmp_path / "story.txt", b"Japan met NATO.")
    (item,) = read_paths([str(tmp_path / "story.txt")], DAY)
    assert isinstance(item, Article)
    assert (item.id, item.text, item.date) == ("story", "Japan met NATO.", DAY)


def test_jsonl_reads_fields_and_own_date_beats_default(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "One.", "date": "2024-01-02", "title": "T", "url": "http://x", "source": "Wire"},
        {"id": "b", "text": "Two."},
    ]
    path = _write(tmp_path / "in.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    a, b = read_paths([str(path)], DAY)
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.date == dt.date(2024, 1, 2) and a.title == "T" and a.url == "http://x" and a.source == "Wire"
    assert b.date == DAY and b.origin.endswith("in.jsonl:2")


def test_malformed_jsonl_line_is_rejected_with_file_and_line_and_rest_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", b'{"id": "a", "text": "One."}\n{not json\n{"id": "c", "text": "Three."}\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    bad = items[1]
    assert isinstance(bad, Rejection) and bad.code == "E104" and "in.jsonl:2" in bad.message


def test_jsonl_line_without_text_and_bad_date_are_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", b'{"id": "a"}\n{"id": "b", "text": "x", "date": "June 3"}\n[1, 2]\n')
    codes = [i.code for i in read_paths([str(path)]) if isinstance(i, Rejection)]
    assert codes == ["E105", "E107", "E109"]


def test_empty_binary_and_non_utf8_files_are_rejected(tmp_path: Path) -> None:
    _write(tmp_path / "empty.txt", b"   \n")
    _write(tmp_path / "binary.txt", b"\x00\x01\x02PNG\x00" * 50)
    _write(tmp_path / "latin.txt", "Caf\u00e9 talks".encode("latin-1"))
    _write(tmp_path / "good.txt", b"Fine text.")
    items = list(read_paths([str(tmp_path)]))
    by_origin = {Path(i.origin).name: i for i in items}
    assert isinstance(by_origin["good.txt"], Article)
    assert by_origin["empty.txt"].code == "E101"  # type: ignore[union-attr]
    assert by_origin["binary.txt"].code == "E102"  # type: ignore[union-attr]
    assert by_origin["latin.txt"].code == "E103"  # type: ignore[union-attr]


def test_directory_is_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    _write(tmp_path / "b.txt", b"B.")
    _write(tmp_path / "sub" / "a.txt", b"A.")
    _write(tmp_path / ".hidden" / "c.txt", b"C.")
    _write(tmp_path / "notes.pdf", b"%PDF")
    texts = [i.text for i in read_paths([str(tmp_path)]) if isinstance(i, Article)]
    assert texts == ["B.", "A."]


def test_missing_file_is_rejected_not_raised(tmp_path: Path) -> None:
    (item,) = read_paths([str(tmp_path / "nope.txt")])
    assert isinstance(item, Rejection) and item.code == "E106"


def test_stdin_guesses_jsonl_or_text() -> None:
    items = list(read_stream(io.BytesIO(b'{"id": "x", "text": "Hi."}\n'), "<stdin>"))
    assert isinstance(items[0], Article) and items[0].id == "x"
    (text,) = read_stream(io.BytesIO(b"Plain words."), "<stdin>")
    assert isinstance(text, Article) and text.text == "Plain words."


def test_html_main_text_is_extracted_without_boilerplate(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraph {i}: Japanese Defence Minister Gen Nakatani met NATO Secretary General Mark Rutte "
        "in Tokyo on Tuesday.</p>"
        for i in range(3)
    )
    html = (
        "<html><head><title>Japan and NATO</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Japan and NATO</h1>{body}<script>alert('x')</script></article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>"
    )
    _write(tmp_path / "page.html", html.encode())
    (item,) = read_paths([str(tmp_path / "page.html")], DAY)
    assert isinstance(item, Article)
    assert "Mark Rutte in Tokyo" in item.text
    assert "alert" not in item.text and "Copyright" not in item.text and "Home | World" not in item.text
    assert "\n\n" in item.text


def test_an_html_page_whose_extraction_fails_is_rejected_and_the_folder_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import thucydides.html

    def broken(_html: str) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    monkeypatch.setattr(thucydides.html, "extract_html", broken)
    _write(tmp_path / "a.txt", b"Japan met NATO.")
    _write(tmp_path / "b.html", b"<html><body><p>Words.</p></body></html>")
    _write(tmp_path / "c.txt", b"China criticised NATO.")
    items = list(read_paths([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    bad = items[1]
    assert isinstance(bad, Rejection) and bad.code == "E120"
    assert "b.html" in bad.message and "lxml_html_clean" in bad.message


def test_a_document_too_large_for_one_article_is_rejected_with_its_size(tmp_path: Path) -> None:
    _write(tmp_path / "huge.txt", b"Russia attacked Ukraine. " * (MAX_DOCUMENT_BYTES // 25 + 10))
    _write(tmp_path / "long.txt", b"Russia attacked Ukraine. " * (MAX_ARTICLE_CHARS // 25 + 10))
    _write(tmp_path / "ok.txt", b"Russia attacked Ukraine.")
    huge, long, ok = read_paths([str(tmp_path)])
    assert isinstance(huge, Rejection) and huge.code == "E122" and "MB" in huge.message
    assert isinstance(long, Rejection) and long.code == "E122" and "characters" in long.message
    assert "split it into articles" in long.message
    assert isinstance(ok, Article)


def test_a_jsonl_line_with_a_text_too_long_is_rejected_by_line(tmp_path: Path) -> None:
    lines = [{"id": "a", "text": "x " * MAX_ARTICLE_CHARS}, {"id": "b", "text": "Fine."}]
    path = _write(tmp_path / "in.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    first, second = read_paths([str(path)])
    assert isinstance(first, Rejection) and first.code == "E122" and "in.jsonl:1" in first.message
    assert isinstance(second, Article)


def test_json_nested_too_deeply_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", b"[" * 100_000 + b"\n" + b'{"id": "b", "text": "Fine."}\n')
    first, second = read_paths([str(path)])
    assert isinstance(first, Rejection) and first.code == "E104"
    assert isinstance(second, Article)


def test_a_bom_or_unicode_spaces_alone_are_an_empty_file_not_an_empty_article(tmp_path: Path) -> None:
    """Found by scripts/fuzz.py: such files were coded as articles without text."""
    _write(tmp_path / "bom.txt", b"\xef\xbb\xbf \r\n")
    _write(tmp_path / "spaces.txt", "\u00a0\u3000\u2029\n".encode())
    _write(tmp_path / "page.html", b"\xef\xbb\xbf")
    items = list(read_paths([str(tmp_path)]))
    assert [(Path(i.origin).name, getattr(i, "code", None)) for i in items] == [
        ("bom.txt", "E101"),
        ("page.html", "E101"),
        ("spaces.txt", "E101"),
    ]


def test_a_number_too_long_for_python_is_a_json_error_not_a_failure(tmp_path: Path) -> None:
    """Found by scripts/fuzz.py: Python refuses integers of more than 4,300 digits, which read as E120."""
    path = _write(tmp_path / "in.jsonl", b'{"id": 1' + b"0" * 5000 + b', "text": "Fine."}\n{"text": "Fine."}\n')
    first, second = read_paths([str(path)])
    assert isinstance(first, Rejection) and first.code == "E104" and "too many digits" in first.message
    assert isinstance(second, Article)


def test_a_lone_surrogate_escape_becomes_a_replacement_character_at_its_place(tmp_path: Path) -> None:
    """Found by scripts/fuzz.py: "\\ud800" in a JSON string made a text that UTF-8 cannot hold (E120, or a crash
    when the events were written)."""
    path = _write(tmp_path / "in.jsonl", b'{"text": "Japan \\ud800 met NATO.", "title": "\\udfff"}\n')
    (article,) = read_paths([str(path)])
    assert isinstance(article, Article)
    assert (article.text, article.title) == ("Japan \ufffd met NATO.", "\ufffd")
    assert len(article.id) == 16 and article.text.encode("utf-8")


def test_a_json_error_shows_the_whole_message_with_its_position(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", b'{"id": "a", "text": "x",}\n')
    (bad,) = read_paths([str(path)])
    assert isinstance(bad, Rejection) and "line 1 column 25" in bad.message


def _page(head: str = "", body_extra: str = "") -> bytes:
    body = "".join(
        f"<p>Paragraph {i}: Japanese Defence Minister Gen Nakatani met NATO Secretary General Mark Rutte "
        "in Tokyo on Tuesday.</p>"
        for i in range(3)
    )
    return (
        f"<html><head><title>Japan and NATO</title>{head}</head><body><nav>Home | World</nav>"
        f"<article><h1>Japan and NATO</h1>{body_extra}{body}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved. Updated 12 March 2024.</footer></body></html>"
    ).encode()


def test_a_footer_copyright_year_never_dates_an_html_page(tmp_path: Path) -> None:
    _write(tmp_path / "page.html", _page())
    (dated,) = read_paths([str(tmp_path / "page.html")], DAY)
    (undated,) = read_paths([str(tmp_path / "page.html")])
    assert isinstance(dated, Article) and dated.date == DAY
    assert isinstance(undated, Article) and undated.date is None


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta property="article:published_time" content="2025-05-30T09:00:00+00:00">', ""),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
            '"datePublished": "2025-05-30"}]}</script>',
            "",
        ),
        ("", '<time datetime="2025-05-30T10:00">30 May</time>'),
    ],
)
def test_an_html_page_is_dated_by_its_metadata_before_the_default(tmp_path: Path, head: str, body: str) -> None:
    _write(tmp_path / "page.html", _page(head, body))
    (item,) = read_paths([str(tmp_path / "page.html")], DAY)
    assert isinstance(item, Article) and item.date == dt.date(2025, 5, 30)


BOM = b"\xef\xbb\xbf"


def test_a_jsonl_file_starting_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", BOM + b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    items = list(read_paths([str(path)]))
    assert [(type(i).__name__, i.origin.rsplit(":", 1)[-1]) for i in items] == [("Article", "1"), ("Article", "2")]
    assert isinstance(items[0], Article) and (items[0].id, items[0].text) == ("a", "One.")


def test_a_byte_order_mark_after_the_start_of_a_jsonl_file_is_still_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", b'{"id": "a", "text": "One."}\n' + BOM + b'{"id": "b", "text": "Two."}\n')
    first, second = read_paths([str(path)])
    assert isinstance(first, Article)
    assert isinstance(second, Rejection) and second.code == "E104" and second.origin.endswith("in.jsonl:2")


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.html"])
def test_a_text_or_html_file_starting_with_a_byte_order_mark_has_no_mark_in_its_text(tmp_path: Path, name: str) -> None:
    body = "Japanese Defence Minister Gen Nakatani met NATO Secretary General Mark Rutte in Brussels on Tuesday."
    data = f"<html><body><article><p>{body}</p></article></body></html>" if name.endswith(".html") else body
    (item,) = read_paths([str(_write(tmp_path / name, BOM + data.encode()))])
    assert isinstance(item, Article) and item.text.strip() == body and "\ufeff" not in item.text


def test_stdin_starting_with_a_byte_order_mark_is_still_guessed_as_jsonl() -> None:
    items = list(read_stream(io.BytesIO(BOM + b'{"id": "x", "text": "Hi."}\n'), "<stdin>"))
    assert len(items) == 1 and isinstance(items[0], Article) and items[0].id == "x"
