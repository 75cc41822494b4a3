"""Promises about the project itself: documented commands, an honest __all__, used error numbers."""

import re
from pathlib import Path

import click

import thucydides
from thucydides.cli import cli
from thucydides.errors import Errors

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


def test_every_cli_command_is_documented() -> None:
    docs = _docs()
    missing = [name for name in _commands(cli) if f"thucydides {name}" not in docs]
    assert not missing, f"commands never shown in README.md or docs/: {missing}"


def test_all_lists_exactly_what_exists() -> None:
    for name in thucydides.__all__:
        assert hasattr(thucydides, name), name
    public = {n for n in vars(thucydides) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(thucydides.__all__)


def test_every_error_number_is_raised_somewhere() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "thucydides").rglob("*.py"))
    numbers = [n for n in vars(Errors) if re.fullmatch(r"E\d{3}", n)]
    unused = [n for n in numbers if f"Errors.{n}" not in source]
    assert not unused, f"error numbers nothing raises: {unused}"
