"""Turning a plan into the cheat sheet: markdown for people, JSON for tools. Pure functions."""

from __future__ import annotations

import json
import re
from typing import Any

from revint_cli.bank import Bank
from revint_cli.profile import Interviewer, to_data
from revint_cli.tailor import CLOSING_THEME, Item, Plan

SHEET_SCHEMA = "revint.sheet/1"

# Inline markdown that a typed character could start: emphasis, code, links, HTML, entities, tables,
# strikethrough, headings. Backslash-escaping ASCII punctuation is always literal in CommonMark.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!{}()])")
# A list marker or block quote at the start of the text. An ordered marker is escaped at its '.' or ')':
# a backslash before a digit is no escape in CommonMark and would show ("1.FC Köln" -> "\1.FC Köln").
_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))")


def md_escape(text: str) -> str:
    """`text` as literal markdown on one line: markup escaped, line breaks and tabs folded to spaces."""
    one_line = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", one_line)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def _person(iv: Interviewer) -> str:
    return f"{md_escape(iv.name)} ({iv.role})" if iv.name else f"the {iv.role}"


def _theme_title(bank: Bank, theme: str) -> str:
    found = bank.themes.get(theme)
    return md_escape(found.title) if found else md_escape(theme)


def markdown(plan: Plan, bank: Bank) -> str:
    p = plan.profile
    out: list[str] = [f"# Reverse interview: {md_escape(p.role)} at {md_escape(p.company)}", ""]
    facts = []
    if p.date:
        facts.append(f"**Date:** {p.date.isoformat()}")
    facts.append(f"**Stage:** {p.stage}")
    facts.append(f"**Format:** {p.format}")
    if p.interviewers:
        facts.append("**With:** " + ", ".join(_person(iv) for iv in p.interviewers))
    facts.append(f"**Time:** {plan.planned} of {plan.budget} minutes planned")
    out += [" · ".join(facts), ""]
    out += [
        "> Open with what you already know, then ask. Listen for specifics: names, dates, numbers,",
        "> a recent example. When an answer stays vague or polished, use a follow-up.",
        "",
    ]

    closing = [i for i in plan.items if i.theme == CLOSING_THEME]
    for theme in plan.theme_order:
        if theme == CLOSING_THEME:
            continue
        out += _section(plan, bank, theme, f"## {_theme_title(bank, theme)}")

    unplaced = [t for t in plan.research if t not in plan.theme_order]
    if unplaced:
        out += ["## Also from your research", ""]
        out += [f"- **{_theme_title(bank, t)}:** {md_escape(plan.research[t])}" for t in unplaced]
        out.append("")

    if closing:
        out += _section(plan, bank, CLOSING_THEME, "## Before you leave: next steps")

    if plan.backup:
        out += ["## If time allows", ""]
        for item in plan.backup:
            out += _question(item, bank, brief=True)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section(plan: Plan, bank: Bank, theme: str, heading: str) -> list[str]:
    items = plan.in_theme(theme)
    people = list(dict.fromkeys(_person(i.ask) for i in items if i.ask))
    if people:
        heading += " · ask " + " and ".join(people)
    out = [heading, ""]
    note = plan.research.get(theme)
    if note:
        out += [f"> **You found:** {md_escape(note)}", ""]
    for item in items:
        out += _question(item, bank)
    return out


def _question(item: Item, bank: Bank, *, brief: bool = False) -> list[str]:
    line = f"- [ ] {md_escape(item.text)} (~{item.minutes} min)"
    if brief:
        line += f" · {_theme_title(bank, item.theme)}"
    if item.ask:
        line += f" · ask {_person(item.ask)}"
    out = [line]
    for warning in item.warnings:
        out.append(f"  - ⚠️ {md_escape(warning)}")
    if item.recheck:
        out.append(f"  - 🔁 {md_escape(item.recheck)}")
    if brief:
        return out
    if item.why:
        out.append(f"  - *Why ask:* {md_escape(item.why)}")
    if item.follow_ups:
        out.append("  - *Follow-ups:*")
        out += [f"    - {md_escape(f)}" for f in item.follow_ups]
    if item.green or item.red:
        out.append("  - *Listen for:*")
        out += [f"    - 🟢 {md_escape(g)}" for g in item.green]
        out += [f"    - 🔴 {md_escape(r)}" for r in item.red]
    out += ["  - *Notes:*", ""]
    return out


def sheet_data(plan: Plan) -> dict[str, Any]:
    """The sheet as data: the `revint.sheet/1` contract."""
    p = plan.profile
    return {
        "schema": SHEET_SCHEMA,
        "company": p.company,
        "role": p.role,
        "profile": to_data(p),
        "budget_minutes": plan.budget,
        "planned_minutes": plan.planned,
        "research": dict(plan.research),
        "questions": [_item_data(i) for i in plan.items],
        "backup": [_item_data(i) for i in plan.backup],
    }


def _item_data(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "theme": item.theme,
        "text": item.text,
        "minutes": item.minutes,
        "ask": {"name": item.ask.name, "role": item.ask.role} if item.ask else None,
        "why": item.why,
        "follow_ups": list(item.follow_ups),
        "listen_for": {"green": list(item.green), "red": list(item.red)},
        "source": item.source,
        "warnings": list(item.warnings),
    }
    if item.recheck:
        data["recheck"] = item.recheck
    return data


def to_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
