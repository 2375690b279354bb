"""Companies side by side: the `revint.compare/1` data and its markdown. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from revint_cli.planning.fit import Fit, fit_priorities, percent, rounded
from revint_cli.render.markdown import md_escape

COMPARE_SCHEMA = "revint.compare/1"


def build(priorities: Sequence[str], entries: Sequence[tuple[str, str, str, Fit | None]]) -> dict[str, Any]:
    """`entries`: (company, role, session name, fit or None when not debriefed yet)."""
    weighed = fit_priorities(priorities)
    themes = list(dict.fromkeys([*weighed, *(t for *_, f in entries if f for t in f.themes)]))
    companies = []
    for company, role, session, fit in entries:
        values = fit.themes if fit else {}
        companies.append(
            {
                "company": company,
                "role": role,
                "session": session,
                "fit": {t: rounded(values.get(t)) for t in themes},
                "overall": rounded(fit.overall) if fit else None,
                "unknown": [t for t in weighed if values.get(t) is None],
                "red_flags": [
                    {"question": r.question, "theme": r.theme, "note": r.note} for r in (fit.red_flags if fit else [])
                ],
                "gut": fit.gut if fit else None,
                "debriefed": fit is not None,
            }
        )
    return {"schema": COMPARE_SCHEMA, "priorities": list(priorities), "companies": companies}


def cell(value: float | None, theme: str, priorities: Sequence[str]) -> str:
    """A theme's fit: a percentage; `unknown` for a priority nobody asked about, else `not asked`."""
    if value is None and theme not in priorities:
        return "not asked"
    return percent(value)


Row = tuple[str, list[str]]


def rows(data: Mapping[str, Any], titles: Mapping[str, str]) -> tuple[list[Row], list[Row]]:
    """The table as plain text, for markdown and the terminal alike: a row per theme (a priority marked
    with ★), then the overall fit, the gut feeling and the number of red flags."""
    companies, priorities = data["companies"], data["priorities"]
    themes = list(companies[0]["fit"]) if companies else []
    by_theme = [
        (titles.get(t, t) + (" ★" if t in priorities else ""), [cell(c["fit"][t], t, priorities) for c in companies])
        for t in themes
    ]
    summary = [
        ("Overall fit", [percent(c["overall"]) for c in companies]),
        ("Gut feeling", [f"{c['gut']}/5" if c["gut"] else "–" for c in companies]),
        ("Red flags", [str(len(c["red_flags"])) if c["debriefed"] else "not debriefed" for c in companies]),
    ]
    return by_theme, summary


def markdown(data: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    companies = data["companies"]
    priorities = data["priorities"]
    head = ["Theme", *(md_escape(c["company"]) for c in companies)]
    out = ["# Companies side by side", ""]
    if priorities:
        out += ["Priorities, most important first: " + ", ".join(md_escape(titles.get(t, t)) for t in priorities), ""]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    by_theme, summary = rows(data, titles)
    for label, cells in by_theme:
        out.append("| " + " | ".join([md_escape(label), *cells]) + " |")
    for label, cells in summary:
        if label == "Overall fit":
            label, cells = f"**{label}**", [f"**{c}**" if c != "unknown" else c for c in cells]
        out.append("| " + " | ".join([label, *cells]) + " |")
    out += ["", "★ a priority. Fit per theme: green 100%, yellow 50%, red 0%, averaged over the questions asked.", ""]
    for c in companies:
        if not c["unknown"] and not c["red_flags"]:
            continue
        out += [f"## {md_escape(c['company'])}: {md_escape(c['role'])}", ""]
        if c["unknown"]:
            out.append(
                "Must know before deciding: " + ", ".join(md_escape(titles.get(t, t)) for t in c["unknown"]) + "."
            )
            out.append("")
        for flag in c["red_flags"]:
            note = f": {md_escape(flag['note'])}" if flag["note"] else ""
            out.append(
                f"- 🔴 {md_escape(flag['question'])} ({md_escape(titles.get(flag['theme'], flag['theme']))}){note}"
            )
        if c["red_flags"]:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
