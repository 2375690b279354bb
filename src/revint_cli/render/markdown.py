"""The cheat sheet's layout in markdown, and `md_escape` for every other markdown document. Pure functions.

`compact` keeps what fits on one printed page: each question with whom to ask, its minutes and its first
follow-up. The words are `render.words`' (shared with the HTML page); the format is picked by the registry
(`render.sheet`).
"""

from __future__ import annotations

import re
import textwrap

from revint_cli.formats.cheatsheet import Item, Sheet
from revint_cli.i18n import _
from revint_cli.render import words
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


def markdown(sheet: Sheet, *, compact: bool = False) -> str:
    p = sheet.profile
    title = _(words.SHEET_TITLE).format(role=md_escape(p.role), company=md_escape(p.company))
    out: list[str] = [f"# {title}", "", " · ".join(f"**{name}:** {value}" for name, value in _facts(sheet)), ""]
    if not compact:
        out += [f"> {line}" for line in textwrap.wrap(_(words.TIP), width=88)] + [""]
    order = sheet.theme_order()
    for theme in order:
        if theme != CLOSING_THEME:
            out += _section(sheet, theme, f"## {md_escape(sheet.title(theme))}", compact)
    unplaced = [t for t in sheet.research if t not in order]
    if unplaced:
        out += [f"## {_(words.ALSO_RESEARCHED)}", ""]
        out += [f"- **{md_escape(sheet.title(t))}:** {md_escape(sheet.research[t])}" for t in unplaced] + [""]
    if sheet.uncovered or sheet.missed_topics:
        out += [f"## {_(words.NOT_COVERED)}", ""]
        out += [
            f"- **{md_escape(sheet.title(u.theme))}:** {md_escape(words.reason(u.reason))}" for u in sheet.uncovered
        ]
        out += [
            f"- **{_(words.DECIDES)}:** {md_escape(m.text)} ({md_escape(words.reason(m.reason))})"
            for m in sheet.missed_topics
        ]
        out.append("")
    if sheet.facts and not compact:
        out += [f"## {_(words.COUNTRY_RULES).format(country=md_escape(sheet.facts[0].country))}", ""]
        out += [
            f"- {md_escape(f.text)} {md_escape(words.fact_source(f.source, f.as_of.isoformat()))}" for f in sheet.facts
        ]
        out.append("")
    if sheet.closing():
        out += _section(sheet, CLOSING_THEME, f"## {_(words.CLOSING)}", compact)
    if sheet.backup:
        out += [f"## {_(words.IF_TIME_ALLOWS)}", ""]
        for item in sheet.backup:
            out += _question(sheet, item, brief=True)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _facts(sheet: Sheet) -> list[tuple[str, str]]:
    """The date, stage, format, people and time of the meeting, each (name, markdown)."""
    p = sheet.profile
    facts = [(_(words.DATE), p.date.isoformat())] if p.date else []
    facts += [(_(words.STAGE), p.stage), (_(words.FORMAT), p.format)]
    if p.interviewers:
        facts.append((_(words.WITH), ", ".join(md_escape(iv.label(sheet.audience_labels)) for iv in p.interviewers)))
    return [*facts, (_(words.TIME), words.planned(sheet.planned_minutes, sheet.budget_minutes))]


def _section(sheet: Sheet, theme: str, heading: str, compact: bool) -> list[str]:
    items = sheet.in_theme(theme)
    people = list(dict.fromkeys(md_escape(i.ask.label(sheet.audience_labels)) for i in items if i.ask))
    if people:
        heading += " · " + words.ask(words.all_of(people))
    out = [heading, ""]
    note = sheet.research.get(theme)
    if note:
        out += [f"> **{_(words.YOU_FOUND)}:** {md_escape(note)}", ""]
    for item in items:
        out += _question(sheet, item, compact=compact)
    if compact:
        out.append("")
    return out


def _question(sheet: Sheet, item: Item, *, brief: bool = False, compact: bool = False) -> list[str]:
    line = f"- [ ] {md_escape(item.text)} ({words.minutes(item.minutes)})"
    if brief:
        line += f" · {md_escape(sheet.title(item.theme))}"
    if item.ask:
        line += " · " + words.ask(md_escape(item.ask.label(sheet.audience_labels)))
    elif item.reach:
        line += f" · {md_escape(words.reach(item.reach, sheet.audience_labels))}"
    out = [line]
    if item.recheck:
        out.append(f"  - 🔁 {md_escape(words.recheck(item.recheck))}")
    if brief:
        return out
    if compact:
        return out + [f"  - ↳ {md_escape(f)}" for f in item.follow_ups[:1]]
    return out + _details(item)


def _details(item: Item) -> list[str]:
    """Why to ask it, the follow-ups, what to listen for, and room for notes."""
    out = [f"  - *{_(words.WHY_ASK)}:* {md_escape(item.why)}"] if item.why else []
    if item.follow_ups:
        out.append(f"  - *{_(words.FOLLOW_UPS)}:*")
        out += [f"    - {md_escape(f)}" for f in item.follow_ups]
    signals = item.listen_for
    if signals.green or signals.red:
        out.append(f"  - *{_(words.LISTEN_FOR)}:*")
        out += [f"    - 🟢 {md_escape(g)}" for g in signals.green]
        out += [f"    - 🔴 {md_escape(r)}" for r in signals.red]
    return out + [f"  - *{_(words.NOTES)}:*", ""]
