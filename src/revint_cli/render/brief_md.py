"""The interviewer's brief in markdown. A pure function of a `Brief` (`interviewer.plan`)."""

from __future__ import annotations

from collections.abc import Iterable

from revint_cli.render import words
from revint_cli.i18n import _, ngettext
from revint_cli.interviewer.plan import Brief, BriefItem, Prompt
from revint_cli.labels import ROLE_FAMILY, SENIORITY, STAGE, WORK_MODE, label
from revint_cli.render.markdown import md_escape


def _intro() -> list[str]:
    text = _(
        "Candidates arrive with prepared questions, and how you answer decides whether they accept. Be specific:\n"
        "a name, a number, a recent example. Be honest about what is hard, and show how this role helps. Tell a\n"
        "real story rather than list values or perks. When you do not know, say so and offer to follow up."
    )
    return [f"> {line}" for line in text.splitlines()]


def markdown(brief: Brief) -> str:
    p = brief.profile
    title = _("Interviewer brief: {role} at {company}").format(role=md_escape(p.role), company=md_escape(p.company))
    out = [f"# {title}", "", " · ".join(_facts(brief)), "", *_intro(), ""]
    out += [f"## {_('Before you meet them')}", "", *_prompt_lines(brief.personal)]
    for theme in dict.fromkeys(i.theme for i in brief.questions):
        out += [f"## {md_escape(brief.title(theme))}", ""]
        for item in brief.questions:
            if item.theme == theme:
                out += _item_lines(item)
    if brief.uncovered:
        out += [f"## {_('Themes they may raise that no question here covers')}", ""]
        out += [
            f"- **{md_escape(brief.title(u.theme))}:** {md_escape(words.reason(u.reason))}" for u in brief.uncovered
        ]
        out.append("")
    if brief.also_likely:
        out += [f"## {_('Also likely')}", ""]
        out += [f"- {md_escape(i.text)} · {md_escape(brief.title(i.theme))}" for i in brief.also_likely]
        out.append("")
    out += [f"## {_('Close: the process')}", "", f"> {_('Say what happens next, by when, and keep to it.')}", ""]
    out += _prompt_lines(brief.process)
    return "\n".join(out).rstrip("\n") + "\n"


def _facts(brief: Brief) -> list[str]:
    p = brief.profile
    candidate = _("{seniority} {role_family}, {work_mode}").format(
        seniority=label(SENIORITY, p.seniority),
        role_family=label(ROLE_FAMILY, p.role_family),
        work_mode=label(WORK_MODE, p.work_mode),
    )
    minutes = ngettext(
        "{minutes} minute, about {planned} planned", "{minutes} minutes, about {planned} planned", p.minutes
    ).format(minutes=p.minutes, planned=brief.planned_minutes)
    facts = [
        _fact(_("You:"), md_escape(p.interviewer.label())),
        _fact(_("Candidate:"), candidate),
        _fact(_("Stage:"), label(STAGE, p.stage)),
        _fact(_("Their questions:"), minutes),
    ]
    if p.themes:
        facts.append(_fact(_("Get right:"), ", ".join(md_escape(brief.title(t)) for t in p.themes)))
    return facts


def _fact(name: str, value: str) -> str:
    return f"**{name}** {value}"


def _prompt_lines(prompts: Iterable[Prompt]) -> list[str]:
    out = [f"- [ ] {md_escape(p.text)}" + (f" {md_escape(p.answer)}" if p.answer else "") for p in prompts]
    return [*out, ""]


def _item_lines(item: BriefItem) -> list[str]:
    minutes = ngettext("~{minutes} min", "~{minutes} min", item.minutes).format(minutes=item.minutes)
    out = [
        f"### {md_escape(item.text)}",
        "",
        f"*{minutes}* · `{item.id}`" + (f" · {md_escape(item.refer)}" if item.refer else ""),
        "",
    ]
    if item.why:
        out.append(f"- *{_('They want to learn:')}* {md_escape(item.why)}")
    for heading, lines in (
        (_("A strong, honest answer:"), item.strong),
        (_("Will worry a prepared candidate:"), item.worries),
        (_("If your answer stays vague, expect:"), item.follow_ups),
    ):
        if lines:
            out.append(f"- *{heading}*")
            out += [f"  - {md_escape(line)}" for line in lines]
    out.append(f"- *{_('Your answer:')}*" + (f" {md_escape(item.answer)}" if item.answer else ""))
    out.append(f"- *{_('A real example:')}*" + (f" {md_escape(item.example)}" if item.example else ""))
    return [*out, ""]
