"""`revint questions`: browse the bank, with why to ask each question and what to listen for."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from revint_cli import console
from revint_cli.questionbank import Bank, Question
from revint_cli.console import Shown
from revint_cli.errors import RevintError
from revint_cli.i18n import N_, _, ngettext
from revint_cli.labels import ROLE_FAMILY, SENIORITY, STAGE, WORK_MODE, audience_list, label
from revint_cli.loading import unknown
from revint_cli.untrusted import to_json
from revint_cli.vocab import STAGES

WIDTH = 100


def run(bank: Bank, *, theme: str | None, stage: str | None, json_out: bool, width: int = 80) -> Shown:
    theme = theme.strip().lower() if theme is not None else None  # --theme Growth, --stage Final
    stage = stage.strip().lower() if stage is not None else None
    if theme is not None and theme not in bank.themes:
        raise RevintError(_("--theme: {problem}").format(problem=unknown(N_("theme"), theme, bank.theme_ids())))
    if stage is not None and stage not in STAGES:
        raise RevintError(_("--stage: {problem}").format(problem=unknown(N_("stage"), stage, STAGES)))
    chosen = [
        q
        for q in bank.questions.values()
        if (theme is None or q.theme == theme) and (stage is None or q.stages.admits(stage))
    ]
    if json_out:
        return Shown(out=[to_json([q.model_dump(mode="json") for q in chosen])])
    return Shown(out=listing(bank, chosen, max(40, min(width, WIDTH))))


_TAG_LABELS = (("seniority", SENIORITY), ("role_families", ROLE_FAMILY), ("work_modes", WORK_MODE))


def _tags(q: Question) -> str:
    parts = [
        ngettext("~{minutes} min", "~{minutes} min", q.minutes).format(minutes=q.minutes),
        _("ask {whom}").format(whom=audience_list(list(q.audience))),
        _window(q),
        _("weight {weight}").format(weight=q.weight),
    ]
    for tag, table in _TAG_LABELS:
        values = getattr(q, tag)
        if values != ["all"]:
            parts.append("/".join(label(table, v) for v in values))
    if q.topic:
        parts.append(_("topic {topic}").format(topic=q.topic))
    return " · ".join(parts)


def _window(q: Question) -> str:
    earliest, latest = label(STAGE, q.stages.earliest), label(STAGE, q.stages.latest)
    if q.stages.earliest == q.stages.latest:
        return earliest
    return _("{earliest} to {latest}").format(earliest=earliest, latest=latest)


def listing(bank: Bank, questions: Sequence[Question], width: int) -> list[object]:
    """The questions as wrapped, styled lines, grouped by theme."""
    if not questions:
        return [console.line(_("No questions match."))]
    out: list[object] = []

    def para(text: str, indent: int, style: str = "", marker: str = "") -> None:
        lines = textwrap.wrap(text, width - indent - len(marker), break_on_hyphens=False) or [""]
        for n, text_line in enumerate(lines):
            head = marker if n == 0 else " " * len(marker)
            out.append(console.line(" " * indent + head, (text_line, style)))

    current = None
    for q in questions:
        if q.theme != current:
            current = q.theme
            t = bank.themes[current]
            out.append(console.line(""))
            para(f"{t.title} ({t.id})", 0, "bold")
            para(t.summary, 0, "italic")
            out.append(console.line(""))
        para(q.text, 2, "bold")
        para(f"{q.id} · {_tags(q)}", 4, "dim")
        para(_("Why: {why}").format(why=q.why), 4)
        for follow in q.follow_ups:
            para(follow, 4, marker="→ ")
        for green in q.listen_for.green:
            para(green, 4, "green", marker="+ ")
        for red in q.listen_for.red:
            para(red, 4, "red", marker="- ")
        out.append(console.line(""))
    count = ngettext("{count} question.", "{count} questions.", len(questions))
    out.append(console.line(count.format(count=len(questions))))
    return out
