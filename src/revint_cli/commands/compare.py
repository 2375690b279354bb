"""`revint compare`: companies side by side, weighed by what the candidate cares about."""

from __future__ import annotations

from typing import Any

from revint_cli.planning import sidebyside as compare_mod
from revint_cli import console
from revint_cli.store import sessionstore as sessions_mod
from revint_cli.questionbank import Bank
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.loading import unknown
from revint_cli.untrusted import to_json

FORMATS = ("table", "md", "json")


def run(bank: Bank, refs: list[str], priorities: list[str] | None, fmt: str) -> Shown:
    if len(refs) < 2:
        raise RevintError("compare needs at least two sessions (see revint sessions)")
    loaded = [sessions_mod.resolve(ref) for ref in refs]
    shown = Shown()
    if priorities is not None:
        for i, theme in enumerate(priorities):
            if theme not in bank.themes:
                raise RevintError(f"--priorities: {unknown('theme', theme, bank.theme_ids())}")
            if theme in priorities[:i]:
                raise RevintError(f"--priorities: '{theme}' is listed twice")
        chosen = priorities
    else:
        chosen = list(loaded[0].profile.priorities)
        if any(list(s.profile.priorities) != chosen for s in loaded[1:]):
            shown.err.append(
                console.line(
                    (
                        f"Priorities differ between sessions; using those of {loaded[0].name}: "
                        f"{', '.join(chosen) or 'none'} (set them with --priorities)",
                        "yellow",
                    )
                )
            )
    entries = [(s.profile.company, s.profile.role, s.name, s.fit(chosen)) for s in loaded]
    data = compare_mod.build(chosen, entries)
    titles = {t.id: t.title for t in bank.themes.values()}
    if fmt == "json":
        shown.out.append(to_json(data))
    elif fmt == "md":
        shown.out.append(compare_mod.markdown(data, titles))
    else:
        shown.out += _table(data, titles)
    return shown


def _table(data: dict[str, Any], titles: dict[str, str]) -> list[Any]:
    grid = console.table("theme")
    for c in data["companies"]:
        grid.add_column(console.cell(c["company"]), justify="right")
    by_theme, summary = compare_mod.rows(data, titles)
    for label, cells in by_theme:
        grid.add_row(console.cell(label), *cells)
    grid.add_section()
    for label, cells in summary:
        style = "bold" if label == "Overall fit" else ""
        grid.add_row(console.cell(label, style), *(console.cell(c, style if c != "unknown" else "") for c in cells))
    out: list[Any] = [
        grid,
        console.line(
            ("★ a priority · fit per theme: green 100%, yellow 50%, red 0%, averaged over questions asked", "dim")
        ),
    ]
    for c in data["companies"]:
        if c["unknown"]:
            names = ", ".join(titles.get(t, t) for t in c["unknown"])
            out.append(console.line((f"{c['company']}: must know before deciding: {names}", "yellow")))
        for flag in c["red_flags"]:
            note = f" — {flag['note']}" if flag["note"] else ""
            out.append(console.line((f"{c['company']} red flag:", "red"), f" {flag['question']}{note}"))
    return out
