"""``thucydides serve`` and ``thucydides demo --store`` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.errors import StoreError


def test_serve_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none.duckdb"), "--port", "0"])
    assert isinstance(result.exception, StoreError) and result.exception.code == "E414"


def test_serve_documents_its_safe_defaults() -> None:
    text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "127.0.0.1" in text and "8765" in text and "read-only" in text and "THUCYDIDES_WRITE_TOKEN" in text


@pytest.mark.slow
def test_demo_keeps_the_example_in_a_store_that_serve_can_show(tmp_path: Path) -> None:
    from thucydides.store import Store

    path = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(cli, ["demo", "--store", str(path)])
    assert result.exit_code == 0, result.output
    with Store.open(path, read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] > 5


def test_serve_on_a_busy_port_fails_before_it_says_it_serves(tmp_path: Path) -> None:
    import socket

    from thucydides.errors import ThucydidesError
    from thucydides.store import Store

    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--store", str(path), "--port", str(port)])
    assert isinstance(result.exception, ThucydidesError) and result.exception.code == "E463"
    assert str(port) in str(result.exception) and "another program" in str(result.exception)
    assert "serving" not in result.output


def test_serve_codes_posted_articles_with_the_options_and_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: ``serve`` ignored --actors, --lexicon and thucydides.toml's [coder] table."""
    import thucydides.web
    from thucydides.web import ServerConfig

    served: list[ServerConfig] = []
    monkeypatch.setattr(thucydides.web, "serve", lambda config, _sock: served.append(config))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thucydides.toml").write_text('[coder]\nmodel = "my_model"\ngazetteer = "mine"\n', encoding="utf-8")
    actors = tmp_path / "actors.yaml"
    actors.write_text("[]\n", encoding="utf-8")
    args = ["serve", "--store", str(tmp_path / "s.duckdb"), "--port", "0", "--actors", str(actors), "--coder", "rules"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (config,) = served
    assert config.pipeline.actor_files == (str(actors),) and config.pipeline.coder == "rules"
    assert (config.pipeline.model, config.pipeline.gazetteer) == ("my_model", "mine")
