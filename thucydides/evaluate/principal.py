"""The principal of an actor code: the state it belongs to, else its organisation or group.

``JPNGOVMIL`` → ``JPN``; ``IGOWSTNAT`` → ``NAT``; ``IMGPSEHMS`` (Hamas) → ``HMS``;
``NAT`` → ``NAT``; the older ``IGOEUREEC`` → ``EUR`` (the EU, as the annotation conventions
code it). A code that is a sector alone (``REB``, ``CVL``: an actor the story
gives no country) is its own principal, marked ``~REB``, so that it agrees only with an
actor that the coder also left without a country.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_path, load_yaml

_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")
# Older CAMEO codes for a principal and the code the annotation conventions use (IGOEUREEC: the EU is EUR).
_SAME = {"EEC": "EUR"}


@lru_cache(maxsize=1)
def sector_codes() -> frozenset[str]:
    """Every sector code the agent dictionary knows (GOV, MIL, REB, ...), and the organisation types."""
    entries = load_yaml(data_path("actors", "agents.yaml")) or []
    codes: set[str] = set(_ORG_PREFIXES)
    for entry in entries:
        sector = entry.get("sector") if isinstance(entry, dict) else None
        codes.update(str(s) for s in (sector if isinstance(sector, list) else [sector]) if s)
    return frozenset(codes)


def principal(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if code[:3] in _ORG_PREFIXES and len(code) > 3:
        return _SAME.get(code[-3:], code[-3:])
    if code[:3] in sector_codes():
        return "~" + code[:3]
    return code[:3]
