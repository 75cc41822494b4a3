"""thucydides.toml and THUCYDIDES_STORE: where settings come from, and which one wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.config import SETTINGS, load_settings
from thucydides.errors import SettingsError, StoreError

ROOT = Path(__file__).resolve().parents[1]


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "thucydides.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_file_in_working_directory_gives_every_key(tmp_path: Path) -> None:
    _write(
        tmp_path,
        'store = "news.duckdb"\nworkers = 3\nactors = ["a.yaml"]\nlexicon = ["l.yaml"]\n'
        '[coder]\nname = "rules"\nmodel = "my_model"\nclassifier = false\ngazetteer = "my_places"\n',
    )
    settings = load_settings(cwd=tmp_path, home=tmp_path / "home", environ={})
    assert settings.store == str(tmp_path / "news.duckdb")
    assert settings.workers == 3
    assert settings.actors == (str(tmp_path / "a.yaml"),)
    config = settings.pipeline_config()
    assert (config.model, config.classifier, config.lexicon_files) == ("my_model", False, (str(tmp_path / "l.yaml"),))
    assert (config.coder, config.gazetteer) == ("rules", "my_places")


def test_settings_file_in_home_config_is_used_when_working_directory_has_none(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _write(home / ".config" / "thucydides", 'store = "/data/all.duckdb"\n')
    assert load_settings(cwd=tmp_path, home=home, environ={}).store == "/data/all.duckdb"


def test_working_directory_file_wins_over_home_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _write(home / ".config" / "thucydides", 'store = "/data/home.duckdb"\n')
    _write(tmp_path / "project", 'store = "/data/here.duckdb"\n')
    assert load_settings(cwd=tmp_path / "project", home=home, environ={}).store == "/data/here.duckdb"


def test_a_settings_file_starting_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "thucydides.toml").write_bytes(b'\xef\xbb\xbfstore = "news.duckdb"\nworkers = 2\n')
    settings = load_settings(cwd=tmp_path, home=tmp_path / "home", environ={})
    assert (settings.store, settings.workers) == (str(tmp_path / "news.duckdb"), 2)


def test_environment_store_wins_over_settings_file(tmp_path: Path) -> None:
    _write(tmp_path, 'store = "/data/file.duckdb"\n')
    settings = load_settings(cwd=tmp_path, home=tmp_path, environ={"THUCYDIDES_STORE": "/data/env.duckdb"})
    assert settings.store == "/data/env.duckdb"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("stor = 'x'\n", "stor"),
        ("workers = 'four'\n", "workers"),
        ("workers = 0\n", "workers"),
        ("[coder]\nclassifer = false\n", "coder.classifer"),
        ("[coder]\nname = 'neural'\n", "coder.name"),
        ("actors = [1]\n", "actors"),
    ],
)
def test_bad_settings_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    _write(tmp_path, text)
    with pytest.raises(SettingsError) as err:
        load_settings(cwd=tmp_path, home=tmp_path, environ={})
    assert err.value.code == "E081" and key in str(err.value)


def test_broken_toml_is_e080(tmp_path: Path) -> None:
    _write(tmp_path, "store = \n")
    with pytest.raises(SettingsError) as err:
        load_settings(cwd=tmp_path, home=tmp_path, environ={})
    assert err.value.code == "E080"


def _store_used(args: list[str], env: dict[str, str]) -> str:
    result = CliRunner().invoke(cli, args, env=env, standalone_mode=False)
    assert isinstance(result.exception, StoreError), result.output
    return str(result.exception.fields["path"])


def test_cli_commands_take_store_from_file_then_environment_then_option(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("THUCYDIDES_STORE", raising=False)
    _write(tmp_path, 'store = "from_file.duckdb"\n')
    assert _store_used(["top-dyads"], {}) == str(tmp_path / "from_file.duckdb")
    assert _store_used(["actor", "JPN"], {"THUCYDIDES_STORE": "from_env.duckdb"}) == "from_env.duckdb"
    assert _store_used(["top-dyads", "--store", "given.duckdb"], {"THUCYDIDES_STORE": "x"}) == "given.duckdb"


def test_every_setting_is_documented() -> None:
    docs = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name, _kind, _help in SETTINGS if f"`{name}`" not in docs]
    assert not missing


def test_shell_completion_script_and_answers() -> None:
    env = {
        **os.environ,
        "_THUCYDIDES_COMPLETE": "bash_complete",
        "COMP_WORDS": "thucydides export --format ",
        "COMP_CWORD": "3",
    }
    script = Path(sys.executable).parent / "thucydides"  # the installed command: completion keys on its name
    out = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False).stdout
    assert "plain,plover" in out and "plain,gdelt-mentions" in out
