"""``thucydides actors``: what the knowledge base holds and how a name resolves."""

from __future__ import annotations

import datetime as dt

import click

from .options import parse_date


@click.group()
def actors() -> None:
    """Inspect the actor knowledge base."""


@actors.command("resolve")
@click.argument("text")
@click.option("--date", callback=parse_date, help="The date of the story (YYYY-MM-DD); roles valid on it win.")
@click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra actor file."
)
def resolve(text: str, date: dt.date | None, actor_files: tuple[str, ...]) -> int:
    """Show how TEXT (a name or noun phrase) is coded on DATE, and why."""
    from pathlib import Path

    from ..actors.explain import resolve_name
    from ..actors.kb import load_kb

    result = resolve_name(text, load_kb([Path(p) for p in actor_files]), date)
    if not result.actors:
        click.echo(f"'{text}': no actor found" + (f" on {date.isoformat()}" if date else ""))
        return 1
    for actor in result.actors:
        click.echo(
            f"{actor.text!r} → {actor.code}  (country {actor.country or '-'}, group {actor.group or '-'}, "
            f"sector {'/'.join(actor.sector) or '-'})"
        )
        click.echo(f"    {actor.how}")
    return 0


@actors.command("list")
@click.option(
    "--kind",
    type=click.Choice(["countries", "organisations", "people", "agents", "all"]),
    default="all",
    show_default=True,
)
@click.option("--date", callback=parse_date, help="For people: show the role held on this date.")
def list_actors(kind: str, date: dt.date | None) -> int:
    """List what the knowledge base holds."""
    from ..actors.kb import load_kb

    kb = load_kb()
    if kind in ("countries", "all"):
        for c in sorted(kb.countries.values(), key=lambda c: c.name):
            click.echo(f"country  {c.code:<10} {c.name} ({c.status})")
    if kind in ("organisations", "all"):
        for o in sorted(kb.organisations.values(), key=lambda o: o.name):
            click.echo(f"org      {o.code:<10} {o.name} [{o.group or '-'}]")
    if kind in ("people", "all"):
        for p in sorted(kb.people.values(), key=lambda p: p.name):
            role = p.role_on(date) if date else (p.roles[-1] if p.roles else None)
            title = f"{role.actor} {role.title} {role.start}–{role.end or 'now'}" if role else "no role on this date"
            click.echo(f"person   {p.name:<32} {title}")
    if kind in ("agents", "all"):
        terms = _agent_terms(kb.trie)
        for term, sector in sorted(terms):
            click.echo(f"agent    {term:<32} {'/'.join(sector)}")
    return 0


def _agent_terms(trie: dict, prefix: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[type-arg]
    out: list[tuple[str, tuple[str, ...]]] = []
    for key, value in trie.items():
        if key == "":
            out.extend((e.term, e.sector) for e in value if e.kind == "agent")
        else:
            out.extend(_agent_terms(value, (*prefix, key)))
    return out
