"""``thucydides codes``: the CAMEO taxonomy with Goldstein weights and PLOVER equivalents."""

from __future__ import annotations

import click


@click.command()
@click.argument("prefix", required=False, default="")
def codes(prefix: str) -> int:
    """List CAMEO codes (optionally those starting with PREFIX) with Goldstein, QuadClass and PLOVER."""
    from ..events.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for code, entry in taxonomy.codes.items():
        if not code.startswith(prefix):
            continue
        plover = entry.plover.event + (f"/{entry.plover.mode}" if entry.plover.mode else "")
        click.echo(f"{code:<5} {entry.goldstein:>5.1f}  Q{entry.quad_class}  {plover:<24} {entry.name}")
    return 0
