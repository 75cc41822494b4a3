"""The shipped-data loaders and the on-disk cache of compiled resources."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides import resources


def _never() -> str:
    raise AssertionError("rebuilt although a cached copy was on disk")


def test_two_installed_copies_keep_their_cached_resources_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path))
    monkeypatch.setattr(resources, "INSTALL", "copy-one")
    assert resources.cached("kb", "key1", lambda: "first copy's") == "first copy's"
    monkeypatch.setattr(resources, "INSTALL", "copy-two")
    assert resources.cached("kb", "key2", lambda: "second copy's") == "second copy's"
    monkeypatch.setattr(resources, "INSTALL", "copy-one")
    assert resources.cached("kb", "key1", _never) == "first copy's"


def test_a_new_cache_replaces_the_stale_one_of_the_same_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path))
    monkeypatch.setattr(resources, "INSTALL", "copy-one")
    resources.cached("lexicon", "old", lambda: "old")
    resources.cached("lexicon", "new", lambda: "new")
    assert sorted(p.name for p in tmp_path.glob("lexicon-*.pickle")) == ["lexicon-copy-one-new.pickle"]
    assert resources.cached("lexicon", "new", _never) == "new"


def test_a_cache_written_before_copies_kept_their_own_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path))
    (tmp_path / "kb-0123456789abcdef.pickle").write_bytes(b"")
    monkeypatch.setattr(resources, "INSTALL", "copy-one")
    resources.cached("kb", "fedcba9876543210", lambda: "new")
    assert [p.name for p in tmp_path.glob("kb-*.pickle")] == ["kb-copy-one-fedcba9876543210.pickle"]
