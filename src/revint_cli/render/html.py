"""The cheat sheet as one self-contained HTML page to open in a browser and print. A pure function of a `Sheet`.

No library: the sheet is typed data, so an f-string per element with `_e` (control and bidi characters
dropped, whitespace folded, then `html.escape`) on every piece of text is shorter and easier to check than a
template engine, and loads nothing but the standard library's `html` module. No network, no external CSS or
fonts, no JavaScript: the page reads and prints as it is. The print layout (`@media print`) keeps each
question on one page and leaves ruled space for notes beside it; `compact` keeps, per question, whom to ask,
the minutes and the first follow-up, so that a 30-minute sheet fits one printed page (A4 or Letter).
"""

from __future__ import annotations

from html import escape

from revint_cli.formats.cheatsheet import Item, Sheet
from revint_cli.i18n import _
from revint_cli.render import words
from revint_cli.untrusted import strip
from revint_cli.vocab import CLOSING_THEME


def _e(text: str) -> str:
    """Untrusted `text` as literal HTML on one line: control and bidi characters dropped, whitespace folded."""
    return escape(" ".join(strip(text).split()), quote=True)


def html(sheet: Sheet, *, compact: bool = False) -> str:
    p = sheet.profile
    title = escape(_(words.SHEET_TITLE)).format(role=_e(p.role), company=_e(p.company))
    heading = escape(_(words.SHEET_TITLE)).format(
        role=f'<span class="role">{_e(p.role)}</span>', company=f'<span class="company">{_e(p.company)}</span>'
    )
    body = ["<header>", f"<h1>{heading}</h1>", _facts(sheet), "</header>", _research(sheet)]
    if not compact:
        body.append(f'<p class="tip">{escape(_(words.TIP))}</p>')
    for theme in sheet.theme_order():
        if theme != CLOSING_THEME:
            body.append(_section(sheet, theme, "theme", _e(sheet.title(theme)), compact))
    body.append(_uncovered(sheet))
    if not compact:
        body.append(_facts_of_country(sheet))
    if sheet.closing():
        body.append(_section(sheet, CLOSING_THEME, "closing", escape(_(words.CLOSING)), compact))
    body.append(_backup(sheet))
    if not compact:
        body.append(
            f'<section class="more-notes"><h2>{escape(_(words.OTHER_NOTES))}</h2>'
            f'<p class="hint">{escape(_(words.OTHER_NOTES_HINT))}</p>'
            '<div class="notes" role="presentation"></div></section>'
        )
    kind = "compact" if compact else "full"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="revint">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n'
        f'<body class="{kind}">\n<main>\n' + "\n".join(b for b in body if b) + "\n</main>\n</body>\n</html>\n"
    )


def _facts(sheet: Sheet) -> str:
    p = sheet.profile
    facts = [(_(words.DATE), p.date.isoformat())] if p.date else []
    facts += [(_(words.STAGE), p.stage), (_(words.FORMAT), p.format)]
    if p.interviewers:
        facts.append((_(words.WITH), ", ".join(iv.label(sheet.audience_labels) for iv in p.interviewers)))
    facts.append((_(words.TIME), words.planned(sheet.planned_minutes, sheet.budget_minutes)))
    spans = (f'<span class="fact"><b>{escape(name)}:</b> {_e(value)}</span>' for name, value in facts)
    return f'<p class="facts">{" · ".join(spans)}</p>'


def _research(sheet: Sheet) -> str:
    """Every research note at the top, in the order of the sheet's themes, then the others."""
    if not sheet.research:
        return ""
    order = [t for t in sheet.theme_order() if t in sheet.research]
    order += [t for t in sheet.research if t not in order]
    rows = "".join(f"<dt>{_e(sheet.title(t))}</dt><dd>{_e(sheet.research[t])}</dd>" for t in order)
    return f'<section class="research"><h2>{escape(_(words.RESEARCH))}</h2><dl>{rows}</dl></section>'


def _section(sheet: Sheet, theme: str, kind: str, heading: str, compact: bool) -> str:
    items = "\n".join(_question(sheet, item, compact=compact) for item in sheet.in_theme(theme))
    return f'<section class="{kind}" data-theme="{_e(theme)}">\n<h2>{heading}</h2>\n{items}\n</section>'


def _uncovered(sheet: Sheet) -> str:
    rows = [f"<li><b>{_e(sheet.title(u.theme))}:</b> {_e(words.reason(u.reason))}</li>" for u in sheet.uncovered]
    rows += [
        f"<li><b>{escape(_(words.DECIDES))}:</b> {_e(m.text)} ({_e(words.reason(m.reason))})</li>"
        for m in sheet.missed_topics
    ]
    return _listed("uncovered", escape(_(words.NOT_COVERED)), rows)


def _facts_of_country(sheet: Sheet) -> str:
    rows = [
        f"<li>{_e(f.text)} <small>{_e(words.fact_source(f.source, f.as_of.isoformat()))}</small></li>"
        for f in sheet.facts
    ]
    country = sheet.facts[0].country if sheet.facts else ""
    return _listed("country", escape(_(words.COUNTRY_RULES)).format(country=_e(country)), rows)


def _listed(kind: str, heading: str, rows: list[str]) -> str:
    """A section of list items under `heading` (escaped already), or nothing without items."""
    return f'<section class="{kind}"><h2>{heading}</h2><ul>{"".join(rows)}</ul></section>' if rows else ""


def _backup(sheet: Sheet) -> str:
    if not sheet.backup:
        return ""
    items = "\n".join(_question(sheet, item, brief=True) for item in sheet.backup)
    return f'<section class="backup">\n<h2>{escape(_(words.IF_TIME_ALLOWS))}</h2>\n{items}\n</section>'


def _who(sheet: Sheet, item: Item, brief: bool) -> str:
    parts = [f'<span class="minutes">{escape(words.minutes(item.minutes))}</span>']
    if brief:
        parts.append(f'<span class="theme-name">{_e(sheet.title(item.theme))}</span>')
    if item.ask:
        parts.append(f'<span class="who">{words.ask(_e(item.ask.label(sheet.audience_labels)))}</span>')
    elif item.reach:
        parts.append(f'<span class="who reach">{_e(words.reach(item.reach, sheet.audience_labels))}</span>')
    return " · ".join(parts)


def _question(sheet: Sheet, item: Item, *, brief: bool = False, compact: bool = False) -> str:
    """One question: a checkbox and its text, whom to ask and the minutes; then the first follow-up (compact),
    or why to ask it, the follow-ups, the signals and a ruled notes area (full); nothing more for a backup."""
    box = f'<input type="checkbox" id="q-{_e(item.id)}" name="asked" value="{_e(item.id)}">'
    text = f'<label class="text" for="q-{_e(item.id)}">{_e(item.text)}</label>'
    who = _who(sheet, item, brief)
    if brief or compact:
        head = [f'<p class="q">{text} <span class="meta">{who}</span></p>']
    else:
        head = [f'<p class="q">{text}</p>', f'<p class="meta">{who}</p>']
    if item.recheck:
        asked_again = escape(_(words.ASKED_AGAIN)).format(why=_e(words.recheck(item.recheck)))
        head.append(f'<p class="recheck">{asked_again}</p>')
    if compact and not brief:
        head += [f'<p class="follow-up">↳ {_e(f)}</p>' for f in item.follow_ups[:1]]
    elif not brief and item.why:
        head.append(f'<p class="why"><b>{escape(_(words.WHY_ASK))}:</b> {_e(item.why)}</p>')
    parts = [f'<div class="head">{box}<div>{"".join(head)}</div></div>']
    kind = "brief" if brief else "compact" if compact else "full"
    if kind == "full":
        parts += _columns(item)
        kind = "full" if len(parts) > 1 else "plain"  # a question of your own: notes under it, across the page
        parts.append('<div class="notes" role="presentation"></div>')
    return f'<article class="question {kind}" data-id="{_e(item.id)}">\n{"".join(parts)}\n</article>'


def _columns(item: Item) -> list[str]:
    """The follow-ups and what to listen for, each in its own column beside the notes."""
    out = []
    if item.follow_ups:
        rows = "".join(f"<li>{_e(f)}</li>" for f in item.follow_ups)
        out.append(f'<div class="follow-ups"><h3>{escape(_(words.FOLLOW_UPS))}</h3><ul>{rows}</ul></div>')
    signals = [("green", "✓", g) for g in item.listen_for.green] + [("red", "✗", r) for r in item.listen_for.red]
    if signals:
        rows = "".join(f'<li class="{c}"><span class="mark">{m}</span> {_e(s)}</li>' for c, m, s in signals)
        out.append(f'<div class="signals"><h3>{escape(_(words.LISTEN_FOR))}</h3><ul>{rows}</ul></div>')
    return out


CSS = """
:root { --ink: #1b1f24; --muted: #57606a; --rule: #aab1ba; --accent: #0b5cad; --green: #1a7f37; --red: #b42318;
  --line: 1.6em; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f4f5f7;
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans",
    "DejaVu Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5em; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.1em; margin: 1.4rem 0 .5rem; color: var(--accent); break-after: avoid; page-break-after: avoid; }
h3 { font-size: .72em; margin: 0 0 .15rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
p { margin: 0; }
ul { margin: 0; padding-left: 1rem; }
.facts { color: var(--muted); font-size: .9em; }
.facts b { color: var(--ink); font-weight: 600; }
.tip { margin-top: .75rem; font-size: .85em; color: var(--muted); font-style: italic; }
.research { margin-top: 1rem; padding: .6rem .8rem; background: #fff; border-left: 4px solid var(--accent);
  break-inside: avoid; page-break-inside: avoid; }
.research h2 { margin: 0 0 .3rem; font-size: .95em; }
.research dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; font-size: .9em; }
.research dt { font-weight: 600; }
.research dd { margin: 0; overflow-wrap: anywhere; }
.question { display: grid; gap: .4rem 1rem; background: #fff; border: 1px solid #d8dce1; border-radius: 6px;
  padding: .7rem .8rem; margin: 0 0 .6rem; break-inside: avoid; page-break-inside: avoid; overflow-wrap: anywhere; }
.question.full { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, .9fr);
  grid-template-areas: "head head head" "follow signals notes"; }
.question.plain { grid-template-columns: minmax(0, 1fr); grid-template-areas: "head" "notes"; }
.question.compact, .question.brief { display: block; }
.question.brief { padding: .45rem .8rem; }
.head { grid-area: head; }
.follow-ups { grid-area: follow; }
.signals { grid-area: signals; }
.notes { grid-area: notes; }
.q { font-weight: 600; }
.head { display: grid; grid-template-columns: 1.6em minmax(0, 1fr); align-items: start; }
.head input { width: 1.1em; height: 1.1em; margin: .15em 0 0; }
.q label { cursor: pointer; }
.meta { font-size: .85em; color: var(--muted); font-weight: 400; }
.minutes { white-space: nowrap; }
.who { color: var(--ink); font-weight: 600; }
.recheck { font-size: .85em; color: var(--red); }
.why, .follow-ups, .signals, .follow-up { font-size: .82em; }
.why { margin-top: .2rem; color: var(--muted); }
.follow-up { margin-top: .1rem; color: var(--muted); }
.follow-ups li + li, .signals li + li { margin-top: .15rem; }
.signals ul { list-style: none; padding-left: 0; }
.mark { font-weight: 700; }
.green .mark { color: var(--green); }
.red .mark { color: var(--red); }
.notes { min-height: calc(4 * var(--line)); border-left: 1px dashed var(--rule); padding-left: .5rem;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent calc(var(--line) - 1px),
    var(--rule) calc(var(--line) - 1px), var(--rule) var(--line));
  background-origin: content-box; background-clip: content-box; }
.full .notes::before, .plain .notes::before { content: "Notes"; font-size: .72em; color: var(--muted);
  text-transform: uppercase; letter-spacing: .04em; }
.plain .notes { border-left: 0; margin-left: 1.6em; min-height: calc(3 * var(--line)); }
.more-notes { break-inside: avoid; page-break-inside: avoid; }
.more-notes .notes { border: 1px solid #d8dce1; padding: 0 .5rem; background-color: #fff; min-height: calc(6 * var(--line)); }
.hint { font-size: .85em; color: var(--muted); margin-bottom: .3rem; }
.uncovered ul { font-size: .9em; }
body.compact .question { padding: .45rem .7rem; margin-bottom: .4rem; }
@media (max-width: 40rem) {
  .question.full { grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "head" "follow" "signals" "notes"; }
}
@page { size: auto; margin: 10mm 11mm; }
@media print {
  :root { --line: 15pt; }
  body { background: #fff; font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: 8pt 0 3pt; }
  .question { border: 0; border-top: .75pt solid var(--rule); border-radius: 0; padding: 4pt 0 5pt; margin: 0; gap: 3pt 10pt; }
  .question.brief { padding: 2pt 0; }
  .research { border-left-width: 3pt; background: #f2f5f9; padding: 4pt 8pt; margin-top: 6pt; }
  .tip { margin-top: 4pt; }
  .why, .follow-ups, .signals, .follow-up { font-size: 8pt; }
  body.compact { font-size: 8pt; line-height: 1.25; }
  body.compact h1 { font-size: 12pt; }
  body.compact h2 { font-size: 9pt; margin: 3pt 0 0; line-height: 1.15; }
  body.compact .question { padding: 1.5pt 0; }
  body.compact .research { padding: 2pt 6pt; display: flex; gap: 8pt; align-items: baseline; }
  body.compact .research h2 { margin: 0; font-size: 8pt; white-space: nowrap; }
  body.compact .facts, body.compact .research dl { font-size: 7.5pt; }
}
""".strip()
