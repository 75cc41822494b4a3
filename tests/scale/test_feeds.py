"""Feeds: entries become articles with the linked page's text, or the entry's own text when it cannot be fetched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.errors import ThucydidesError
from thucydides.models import Article, Rejection
from thucydides.scale.feeds import entry_articles, fetch, html_to_text, parse_feed

from .conftest import NewsSite, story

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2025-06-02T10:00:00Z</updated>
<entry><title>Talks</title><id>urn:e1</id><link href="http://127.0.0.1:9/never"/>
<updated>2025-06-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Japan held talks with NATO.&lt;/p&gt;&lt;p&gt;They met in Brussels.&lt;/p&gt;
</content></entry>
</feed>"""


def articles(site: NewsSite, skip: set[str] | None = None, fetch_pages: bool = True) -> list[Article | Rejection]:
    location = f"{site.base}/feed.xml"
    parsed = parse_feed(fetch(location).body or b"", location)
    return list(entry_articles(parsed, location, lambda url: url in (skip or set()), fetch_pages))


def test_entries_take_the_text_of_the_page_they_link_to(news_site: NewsSite) -> None:
    news_site.entries = [1, 2]
    got = articles(news_site)
    assert [a.url for a in got if isinstance(a, Article)] == [news_site.link(1), news_site.link(2)]
    first = got[0]
    assert isinstance(first, Article)
    assert story(1) in first.text and "Geneva" in first.text and "Home | World" not in first.text
    assert first.id == "story-1" and first.title == "Story 1" and first.source == "Loopback News"
    assert first.date == dt.date(2025, 6, 2)


def test_an_entry_whose_page_cannot_be_fetched_uses_its_summary(news_site: NewsSite) -> None:
    news_site.entries = [3]
    news_site.missing = {3}
    [got] = articles(news_site)
    assert isinstance(got, Article) and got.text == story(3)


def test_without_fetching_pages_the_entry_text_is_used(news_site: NewsSite) -> None:
    news_site.entries = [4]
    [got] = articles(news_site, fetch_pages=False)
    assert isinstance(got, Article) and got.text == story(4)
    assert news_site.hits.get("/news/4") is None


def test_known_links_are_skipped_before_their_page_is_fetched(news_site: NewsSite) -> None:
    news_site.entries = [1, 2]
    got = articles(news_site, skip={news_site.link(1)})
    assert [a.url for a in got if isinstance(a, Article)] == [news_site.link(2)]
    assert news_site.hits.get("/news/1") is None


def test_an_unchanged_feed_is_not_sent_again(news_site: NewsSite) -> None:
    news_site.entries = [1]
    first = fetch(f"{news_site.base}/feed.xml")
    again = fetch(f"{news_site.base}/feed.xml", etag=first.etag)
    assert first.body and first.etag and again.body is None
    news_site.entries = [1, 2]
    assert fetch(f"{news_site.base}/feed.xml", etag=first.etag).body


def test_atom_feeds_from_a_file_use_the_entry_content(tmp_path: Path) -> None:
    path = tmp_path / "atom.xml"
    path.write_text(ATOM, encoding="utf-8")
    parsed = parse_feed(fetch(str(path)).body or b"", str(path))
    [got] = list(entry_articles(parsed, str(path), lambda _url: False, fetch_pages=True))
    assert isinstance(got, Article)
    assert got.text == "Japan held talks with NATO.\n\nThey met in Brussels."
    assert got.date == dt.date(2025, 6, 2) and got.id == "urn:e1"


def test_a_feed_that_cannot_be_read_says_so(news_site: NewsSite, tmp_path: Path) -> None:
    with pytest.raises(ThucydidesError) as err:
        fetch(f"{news_site.base}/nowhere.xml")
    assert err.value.code == "E502" and "404" in err.value.message
    with pytest.raises(ThucydidesError) as err:
        fetch(str(tmp_path / "missing.xml"))
    assert err.value.code == "E502"
    with pytest.raises(ThucydidesError) as err:
        parse_feed(b"\x00\x01 not a feed", "x")
    assert err.value.code == "E502"


def test_html_fragments_become_paragraphs_of_text() -> None:
    assert html_to_text("<p>One <b>two</b>.</p><p>Three.</p>") == "One two.\n\nThree."
    assert html_to_text("Plain text.") == "Plain text."
    assert html_to_text("<div>Just a div</div>") == "Just a div"
