"""The CAMEO taxonomy: every code with its name, Goldstein weight, QuadClass and PLOVER coding."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataError, Errors
from ..models import Plover
from ..resources import data_path, load_tsv

FIVE_CLASS_NAMES = (
    "statement/appeal",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: Plover
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Taxonomy:
    codes: dict[str, CameoCode]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``, falling back to its base and root code."""
        for candidate in (code, code[:3], code[:2]):
            if candidate in self.codes:
                return self.codes[candidate]
        raise KeyError(code)

    def name(self, code: str) -> str:
        return self.get(code).name


def five_class(code: str) -> int:
    """The coarse five-class label used by ConfliBERT's CAMEO task.

    0 = roots 01–02, 1 = 03–05, 2 = 06–08, 3 = 09–13 and 16, 4 = 14–15 and 17–20.
    """
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    path = data_path("cameo", "codes.tsv")
    codes: dict[str, CameoCode] = {}
    for number, row in enumerate(load_tsv(path), start=2):
        try:
            code = row["code"].strip()
            context = tuple(c.strip() for c in (row.get("plover_context") or "").split(",") if c.strip())
            codes[code] = CameoCode(
                code=code,
                name=row["name"].strip(),
                goldstein=float(row["goldstein"]),
                quad_class=int(row.get("quad_class") or quad_class(code)),
                plover=Plover(
                    event=row["plover_event"].strip().upper(),
                    mode=(row.get("plover_mode") or "").strip() or None,
                    context=context,
                ),
                description=(row.get("description") or "").strip(),
            )
        except (KeyError, ValueError, AttributeError) as err:
            raise DataError(Errors.E003, path=path, where=f"line {number}", detail=str(err)) from None
    return Taxonomy(codes)
