"""Companies side by side as a table in the terminal, with what each company leaves open below it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from revint_cli import console
from revint_cli.i18n import N_, _
from revint_cli.render.compare_md import rows

LEGEND = N_("★ a priority · fit per theme: green 100%, yellow 50%, red 0%, averaged over questions asked")


def table(data: Mapping[str, Any], titles: Mapping[str, str]) -> list[Any]:
    """The table, then a line per priority nobody answered and per red flag."""
    grid = console.table(_("theme"))
    for c in data["companies"]:
        grid.add_column(console.cell(c["company"]), justify="right")
    by_theme, summary = rows(data, titles)
    for row in by_theme:
        grid.add_row(console.cell(row.label), *row.cells)
    grid.add_section()
    for row in summary:
        style = "bold" if row.kind == "overall" else ""
        cells = (console.cell(c, style if known else "") for c, known in zip(row.cells, row.known, strict=True))
        grid.add_row(console.cell(row.label, style), *cells)
    out: list[Any] = [grid, console.line((_(LEGEND), "dim"))]
    for c in data["companies"]:
        out += _open(c, titles)
    return out


def _open(c: Mapping[str, Any], titles: Mapping[str, str]) -> list[Any]:
    out: list[Any] = []
    if c["unknown"]:
        names = ", ".join(titles.get(t, t) for t in c["unknown"])
        out.append(
            console.line(
                (
                    _("{company}: must know before deciding: {themes}").format(company=c["company"], themes=names),
                    "yellow",
                )
            )
        )
    for flag in c["red_flags"]:
        heading = _("{company} red flag:").format(company=c["company"])
        text = (
            _("{question} — {note}").format(question=flag["question"], note=flag["note"])
            if flag["note"]
            else flag["question"]
        )
        out.append(console.line((heading, "red"), f" {text}"))
    return out
