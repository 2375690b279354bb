"""Two interviewers' drafted answers compared, in markdown. A pure function of a `Comparison`
(`interviewer.differences`)."""

from __future__ import annotations

from revint_cli.i18n import _, ngettext
from revint_cli.interviewer.differences import Comparison, Difference
from revint_cli.render.markdown import md_escape


def comparison_markdown(result: Comparison) -> str:
    a, b = result.labels
    title = _("Brief answers compared: {first} and {second}").format(first=md_escape(a), second=md_escape(b))
    out = [f"# {title}", ""]
    out += [f"> ⚠ {md_escape(w)}" for w in result.warnings]
    if result.warnings:
        out.append("")
    agreed = len(result.agreed)
    if not result.differences:
        none = ngettext(
            "No differences: {agreed} answer given the same way by both.",
            "No differences: {agreed} answers given the same way by both.",
            agreed,
        )
        out += [none.format(agreed=agreed), ""]
        return "\n".join(out).rstrip("\n") + "\n"
    to_talk = ngettext(
        "{count} to talk through, {agreed} answered the same way. A candidate who meets you both will notice.",
        "{count} to talk through, {agreed} answered the same way. A candidate who meets you both will notice.",
        len(result.differences),
    )
    out += [to_talk.format(count=len(result.differences), agreed=agreed), ""]
    for d in result.differences:
        out += _difference_lines(d, a, b)
    return "\n".join(out).rstrip("\n") + "\n"


def _difference_lines(d: Difference, a: str, b: str) -> list[str]:
    status = {
        "differ": _("you differ"),
        "only-first": _("only {name} has an answer").format(name=a),
        "only-second": _("only {name} has an answer").format(name=b),
    }
    out = [f"## {md_escape(d.text)}", "", f"*{md_escape(status[d.status])}* · `{d.id}`", ""]
    for name, drafted in ((a, d.first), (b, d.second)):
        said = md_escape(drafted.answer) if drafted.answer.strip() else f"*{_('(no answer)')}*"
        out.append(f"- **{md_escape(name)}:** {said}")
        if drafted.example.strip():
            out.append(f"  - *{_('Example:')}* {md_escape(drafted.example)}")
    if d.numbers:
        numbers = _("the numbers differ: {first} and {second}").format(
            first=", ".join(d.numbers[0]), second=", ".join(d.numbers[1])
        )
        out.append(f"- ⚠ {numbers}")
    out.append("")
    return out
