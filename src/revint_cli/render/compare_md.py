"""Companies side by side in markdown, and the rows of that table that the terminal's table shows too.

A row has a kind (a theme, the overall fit, the gut feeling, the red flags): a renderer decides its style
on the kind (the overall fit in bold), never on the words of its label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, NamedTuple

from revint_cli.i18n import N_, _
from revint_cli.render.markdown import md_escape
from revint_cli.render.words import percent

RowKind = Literal["theme", "overall", "gut", "red-flags"]

TITLE = N_("Companies side by side")
THEME = N_("Theme")
PRIORITIES = N_("Priorities, most important first: {themes}")
LEGEND = N_("★ a priority. Fit per theme: green 100%, yellow 50%, red 0%, averaged over the questions asked.")
MUST_KNOW = N_("Must know before deciding: {themes}.")
COMPANY = N_("{company}: {role}")


class Row(NamedTuple):
    kind: RowKind
    label: str
    cells: list[str]
    known: list[bool]  # which cells hold a value: an unknown fit is never emphasised


def cell(value: float | None, theme: str, priorities: Sequence[str]) -> str:
    """A theme's fit: a percentage; `unknown` for a priority nobody asked about, else `not asked`."""
    if value is None and theme not in priorities:
        return _("not asked")
    return percent(value)


def rows(data: Mapping[str, Any], titles: Mapping[str, str]) -> tuple[list[Row], list[Row]]:
    """The table as plain text, for markdown and the terminal alike: a row per theme (a priority marked
    with ★), then the overall fit, the gut feeling and the number of red flags."""
    companies, priorities = data["companies"], data["priorities"]
    themes = list(companies[0]["fit"]) if companies else []
    by_theme = [
        Row(
            "theme",
            titles.get(t, t) + (" ★" if t in priorities else ""),
            [cell(c["fit"][t], t, priorities) for c in companies],
            [c["fit"][t] is not None for c in companies],
        )
        for t in themes
    ]
    debriefed = [bool(c["debriefed"]) for c in companies]
    summary = [
        Row(
            "overall",
            _("Overall fit"),
            [percent(c["overall"]) for c in companies],
            [c["overall"] is not None for c in companies],
        ),
        Row(
            "gut",
            _("Gut feeling"),
            [_("{gut}/5").format(gut=c["gut"]) if c["gut"] else "–" for c in companies],
            debriefed,
        ),
        Row(
            "red-flags",
            _("Red flags"),
            [str(len(c["red_flags"])) if c["debriefed"] else _("not debriefed") for c in companies],
            debriefed,
        ),
    ]
    return by_theme, summary


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def markdown(data: Mapping[str, Any], titles: Mapping[str, str]) -> list[Any]:
    """The comparison as one markdown text (in a list: what the command prints)."""
    companies, priorities = data["companies"], data["priorities"]
    head = [_(THEME), *(md_escape(c["company"]) for c in companies)]
    out = [f"# {_(TITLE)}", ""]
    if priorities:
        out += [_(PRIORITIES).format(themes=", ".join(md_escape(titles.get(t, t)) for t in priorities)), ""]
    out += [_line(head), "|" + "---|" * len(head)]
    by_theme, summary = rows(data, titles)
    out += [_line([md_escape(row.label), *row.cells]) for row in by_theme]
    for row in summary:
        if row.kind == "overall":
            bold = [f"**{c}**" if known else c for c, known in zip(row.cells, row.known, strict=True)]
            out.append(_line([f"**{row.label}**", *bold]))
        else:
            out.append(_line([row.label, *row.cells]))
    out += ["", _(LEGEND), ""]
    for c in companies:
        out += _company(c, titles)
    return ["\n".join(out).rstrip("\n") + "\n"]


def _company(c: Mapping[str, Any], titles: Mapping[str, str]) -> list[str]:
    """What one company leaves open: the priorities nobody answered, and its red flags."""
    if not c["unknown"] and not c["red_flags"]:
        return []
    out = [f"## {_(COMPANY).format(company=md_escape(c['company']), role=md_escape(c['role']))}", ""]
    if c["unknown"]:
        out += [_(MUST_KNOW).format(themes=", ".join(md_escape(titles.get(t, t)) for t in c["unknown"])), ""]
    for flag in c["red_flags"]:
        question, theme = md_escape(flag["question"]), md_escape(titles.get(flag["theme"], flag["theme"]))
        if flag["note"]:
            out.append(
                "- 🔴 "
                + _("{question} ({theme}): {note}").format(question=question, theme=theme, note=md_escape(flag["note"]))
            )
        else:
            out.append("- 🔴 " + _("{question} ({theme})").format(question=question, theme=theme))
    return out + ([""] if c["red_flags"] else [])
