"""Companies side by side: the `revint.compare/1` data and its markdown. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from revint_cli.fit import Fit, fit_priorities, rounded
from revint_cli.render import md_escape

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
            }
        )
    return {"schema": COMPARE_SCHEMA, "priorities": list(priorities), "companies": companies}


def cell(value: float | None, theme: str, priorities: Sequence[str]) -> str:
    """A fit as people read it: a percentage; `unknown` for a priority nobody asked about."""
    if value is None:
        return "unknown" if theme in priorities else "not asked"
    return f"{round(value * 100)}%"


def markdown(data: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    companies = data["companies"]
    priorities = data["priorities"]
    themes = list(companies[0]["fit"]) if companies else []
    head = ["Theme", *(md_escape(c["company"]) for c in companies)]
    out = ["# Companies side by side", ""]
    if priorities:
        out += ["Priorities, most important first: " + ", ".join(md_escape(titles.get(t, t)) for t in priorities), ""]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for theme in themes:
        mark = " ★" if theme in priorities else ""
        row = [
            md_escape(titles.get(theme, theme)) + mark,
            *(cell(c["fit"][theme], theme, priorities) for c in companies),
        ]
        out.append("| " + " | ".join(row) + " |")
    out.append(
        "| **Overall fit** | "
        + " | ".join(f"**{cell(c['overall'], '', [])}**" if c["overall"] is not None else "unknown" for c in companies)
        + " |"
    )
    out.append("| Gut feeling | " + " | ".join(f"{c['gut']}/5" if c["gut"] else "–" for c in companies) + " |")
    out.append("| Red flags | " + " | ".join(str(len(c["red_flags"])) for c in companies) + " |")
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
