"""The cheat sheet's layout in markdown, and JSON for tools. Pure functions of a `Sheet`.

`compact` keeps what fits on one printed page: each question with whom to ask, its minutes and its first
follow-up. `text` picks the format; HTML lives in `render_html` and loads only when asked for.
"""

from __future__ import annotations

import re

from revint_cli.formats.cheatsheet import Item, Sheet
from revint_cli.untrusted import strip
from revint_cli.vocab import CLOSING_THEME

# Characters that start markup wherever they stand: emphasis, code, links and images, HTML and autolinks,
# strikethrough, table cells. Backslash-escaping ASCII punctuation is always literal in CommonMark.
_INLINE = re.compile(r"([\\`*\[\]<|~])")
# `_` starts emphasis only at the edge of a word ("snake_case" is plain text); `&` only as an entity.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# A block quote, or a list marker or heading followed by a space, at the start of the text. An ordered
# marker is escaped at its '.' or ')': a backslash before a digit would be no escape ("1. Rang" -> "1\. Rang").
# A run of '#' at the very end, alone or after a space, would close a heading (and be dropped from it).
_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")
_LINE_START = re.compile(r"^(\s*)(?:(>|[-+](?=\s|$)|#{1,6}(?=\s|$))|(\d{1,9})([.)])(?=\s|$))")


def md_escape(text: str) -> str:
    """`text` as literal markdown on one line: what would start markup is escaped, nothing else; control
    and bidi characters are dropped, line breaks and tabs folded to spaces."""
    one_line = " ".join(strip(text).split())
    escaped = _ENTITY.sub("\\\\&", _UNDERSCORE.sub("\\\\_", _INLINE.sub(r"\\\1", one_line)))
    return _CLOSING_HASHES.sub(r"\1\\\2", _LINE_START.sub(_escape_line_start, escaped))


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def text(sheet: Sheet, fmt: str, *, compact: bool = False) -> str:
    """The sheet in `fmt` (one of vocab.SHEET_FORMATS); `compact` applies to md and html."""
    if fmt == "json":
        return sheet.to_json()
    if fmt == "html":
        from revint_cli.render import html as render_html

        return render_html.html(sheet, compact=compact)
    return markdown(sheet, compact=compact)


def markdown(sheet: Sheet, *, compact: bool = False) -> str:
    p = sheet.profile
    out: list[str] = [f"# Reverse interview: {md_escape(p.role)} at {md_escape(p.company)}", ""]
    facts = []
    if p.date:
        facts.append(f"**Date:** {p.date.isoformat()}")
    facts.append(f"**Stage:** {p.stage}")
    facts.append(f"**Format:** {p.format}")
    if p.interviewers:
        facts.append("**With:** " + ", ".join(md_escape(iv.label()) for iv in p.interviewers))
    facts.append(f"**Time:** {sheet.planned_minutes} of {sheet.budget_minutes} minutes planned")
    out += [" · ".join(facts), ""]
    if not compact:
        out += [
            "> Open with what you already know, then ask. Listen for specifics: names, dates, numbers,",
            "> a recent example. When an answer stays vague or polished, use a follow-up.",
            "",
        ]
    order = sheet.theme_order()
    for theme in order:
        if theme != CLOSING_THEME:
            out += _section(sheet, theme, f"## {md_escape(sheet.title(theme))}", compact)

    unplaced = [t for t in sheet.research if t not in order]
    if unplaced:
        out += ["## Also from your research", ""]
        out += [f"- **{md_escape(sheet.title(t))}:** {md_escape(sheet.research[t])}" for t in unplaced]
        out.append("")

    if sheet.uncovered:
        out += ["## Not covered on this sheet", ""]
        out += [f"- **{md_escape(sheet.title(u.theme))}:** {md_escape(u.reason)}" for u in sheet.uncovered]
        out.append("")

    if sheet.closing():
        out += _section(sheet, CLOSING_THEME, "## Before you leave: next steps", compact)

    if sheet.backup:
        out += ["## If time allows", ""]
        for item in sheet.backup:
            out += _question(sheet, item, brief=True)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section(sheet: Sheet, theme: str, heading: str, compact: bool) -> list[str]:
    items = sheet.in_theme(theme)
    people = list(dict.fromkeys(md_escape(i.ask.label()) for i in items if i.ask))
    if people:
        heading += " · ask " + " and ".join(people)
    out = [heading, ""]
    note = sheet.research.get(theme)
    if note:
        out += [f"> **You found:** {md_escape(note)}", ""]
    for item in items:
        out += _question(sheet, item, compact=compact)
    if compact:
        out.append("")
    return out


def _question(sheet: Sheet, item: Item, *, brief: bool = False, compact: bool = False) -> list[str]:
    line = f"- [ ] {md_escape(item.text)} (~{item.minutes} min)"
    if brief:
        line += f" · {md_escape(sheet.title(item.theme))}"
    if item.ask:
        line += f" · ask {md_escape(item.ask.label())}"
    elif item.reach:
        line += f" · {md_escape(item.reach)}"
    out = [line]
    if item.recheck:
        out.append(f"  - 🔁 {md_escape(item.recheck)}")
    if brief:
        return out
    if compact:
        return out + [f"  - ↳ {md_escape(f)}" for f in item.follow_ups[:1]]
    if item.why:
        out.append(f"  - *Why ask:* {md_escape(item.why)}")
    if item.follow_ups:
        out.append("  - *Follow-ups:*")
        out += [f"    - {md_escape(f)}" for f in item.follow_ups]
    signals = item.listen_for
    if signals.green or signals.red:
        out.append("  - *Listen for:*")
        out += [f"    - 🟢 {md_escape(g)}" for g in signals.green]
        out += [f"    - 🔴 {md_escape(r)}" for r in signals.red]
    out += ["  - *Notes:*", ""]
    return out
