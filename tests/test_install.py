"""The plain install (``pip install .``, no extras) can import every module of the package.

A new venv's pip may leave out what a dependency asks for through an *extra* of another
package (jusText needs ``lxml[html_clean]``): only what ``pyproject.toml`` declares, and
what those distributions require without extras, is sure to be installed. A subprocess
blocks every other installed package (ray, pandas, scikit-learn, playwright, ...), then
imports each module of thucydides and each third-party module any of them imports, even
inside a function, so the next undeclared dependency fails here rather than on a user's
machine.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "thucydides"
# What a venv ships before anything is installed into it.
VENV_SHIPS = {"pip", "setuptools"}
# Modules that exist only for an optional extra, with the package the extra brings.
EXTRA_MODULES = {"thucydides.scale.ray_source": "ray"}


def _name(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _project() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def plain_install() -> set[str]:
    """The distributions a plain install is sure to bring: the declared ones and their requirements, extras left out."""
    wanted = [Requirement(r) for r in _project()["dependencies"]]  # type: ignore[union-attr]
    found = {_name("thucydides")} | VENV_SHIPS
    while wanted:
        requirement = wanted.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = _name(requirement.name)
        if name in found:
            continue
        found.add(name)
        try:
            needs = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            continue
        wanted.extend(Requirement(r) for r in needs)
    return found


def blocked_modules(installed: set[str]) -> list[str]:
    """Top-level modules that only distributions outside ``installed`` provide."""
    blocked = []
    for module, distributions in metadata.packages_distributions().items():
        if module in sys.stdlib_module_names or module == "thucydides":
            continue
        if not any(_name(d) in installed for d in distributions):
            blocked.append(module)
    return sorted(blocked)


def extra_modules() -> set[str]:
    """Top-level modules that the user extras bring (``[plot]`` brings matplotlib): imported only when asked for."""
    extras = _project()["optional-dependencies"]  # type: ignore[index]
    wanted = {_name(Requirement(r).name) for name, reqs in extras.items() if name != "dev" for r in reqs}
    provided = metadata.packages_distributions().items()
    return {module for module, dists in provided if any(_name(d) in wanted for d in dists)}


def package_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":  # runs the command line
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def third_party_imports() -> list[str]:
    """Every module outside the standard library that the package imports, at the top or inside a function."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return sorted(m for m in found if m.split(".")[0] not in sys.stdlib_module_names | {"thucydides"})


CHECK = """
import importlib, importlib.abc, json, sys, traceback

blocked = set(json.loads(sys.argv[1]))
modules, extras = json.loads(sys.argv[2]), json.loads(sys.argv[3])

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (not in the plain install)", name=name)
        return None

sys.meta_path.insert(0, Block())
failures = []
for module in modules:
    try:
        importlib.import_module(module)
    except Exception:
        failures.append(f"{module}: {traceback.format_exc(limit=-3)}")
for module, needs in extras.items():
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as err:
        if (err.name or "").split(".")[0] != needs:
            failures.append(f"{module} needs {err.name}, not only the extra's {needs}")
    else:
        failures.append(f"{module} imported without its extra's {needs}")
print(json.dumps(failures))
"""


def test_plain_install_imports_every_module() -> None:
    installed = plain_install()
    blocked = blocked_modules(installed)
    extras = set(EXTRA_MODULES.values()) | extra_modules()
    imports = [m for m in third_party_imports() if m.split(".")[0] not in extras]
    modules = [m for m in package_modules() if m not in EXTRA_MODULES] + imports
    result = subprocess.run(
        [sys.executable, "-c", CHECK, json.dumps(blocked), json.dumps(modules), json.dumps(EXTRA_MODULES)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    failures = json.loads(result.stdout.strip().splitlines()[-1])
    assert not failures, "\n".join(failures)


def test_the_plain_install_leaves_the_extras_out() -> None:
    blocked = set(blocked_modules(plain_install()))
    assert {"ray", "pandas", "sklearn", "playwright", "matplotlib"} <= blocked
    assert {"matplotlib", "pandas", "ray"} <= extra_modules()


def test_every_extra_module_is_in_a_declared_extra() -> None:
    extras = " ".join(" ".join(v) for v in _project()["optional-dependencies"].values())  # type: ignore[union-attr]
    for needs in EXTRA_MODULES.values():
        assert needs in extras
