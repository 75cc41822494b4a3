"""``thucydides codes``: the CAMEO taxonomy with Goldstein weights and PLOVER equivalents."""

from __future__ import annotations

import click


@click.command()
@click.argument("prefix", required=False, default="")
def codes(prefix: str) -> int:
    """List CAMEO codes (optionally those starting with PREFIX) with Goldstein, QuadClass and PLOVER."""
    from ..events.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    if prefix and not (prefix.isdigit() and len(prefix) <= 4):
        raise click.BadParameter(
            f"{prefix!r} is not a CAMEO code: give 1 to 4 digits, e.g. 19 or 190", param_hint="PREFIX"
        )
    if not any(code.startswith(prefix) for code in taxonomy.codes):
        raise click.BadParameter(
            f"no CAMEO code starts with {prefix!r}: the roots run from 01 to 20 (see thucydides codes)",
            param_hint="PREFIX",
        )
    for code, entry in taxonomy.codes.items():
        if not code.startswith(prefix):
            continue
        plover = entry.plover.event + (f"/{entry.plover.mode}" if entry.plover.mode else "")
        click.echo(f"{code:<5} {entry.goldstein:>5.1f}  Q{entry.quad_class}  {plover:<24} {entry.name}")
    return 0
