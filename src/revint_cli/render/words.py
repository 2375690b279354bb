"""Every word the renderers show, in one place: the wording of each code the planner records
(`formats.reasons`), and the headings, labels and tips that the markdown and the HTML sheet share.

Each message is a whole sentence with named placeholders, through `i18n` (`_`, `ngettext` for a count), so
a translation is a catalog and rewording a message changes nothing any module decides. Vocabulary ids
reach a sentence through `labels` where the first release showed a label (the people); the stage, the
format and the tags are shown as their ids, as the first release did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction

from revint_cli.formats.reasons import Param, Reach, Reason, Recheck, Warning
from revint_cli.i18n import N_, _, ngettext
from revint_cli import labels
from revint_cli.labels import AUDIENCE_THE, audience_list, label
from revint_cli.planning.fit import rounded

# ----- the sheet's headings, labels and tips ------------------------------------------------------------

SHEET_TITLE = N_("Reverse interview: {role} at {company}")
TIP = N_(
    "Open with what you already know, then ask. Listen for specifics: names, dates, numbers, a recent example. "
    "When an answer stays vague or polished, use a follow-up."
)
DATE, STAGE, FORMAT, WITH, TIME = N_("Date"), N_("Stage"), N_("Format"), N_("With"), N_("Time")
ALSO_RESEARCHED = N_("Also from your research")
RESEARCH = N_("What you found out")
YOU_FOUND = N_("You found")
NOT_COVERED = N_("Not covered on this sheet")
DECIDES = N_("Decides jobs like this one")
COUNTRY_RULES = N_("What holds in {country}: know it before you ask")
CLOSING = N_("Before you leave: next steps")
IF_TIME_ALLOWS = N_("If time allows")
WHY_ASK = N_("Why ask")
FOLLOW_UPS = N_("Follow-ups")
LISTEN_FOR = N_("Listen for")
NOTES = N_("Notes")
OTHER_NOTES = N_("Other notes")
OTHER_NOTES_HINT = N_("Questions you asked that are not on this sheet, and your gut feeling (1 to 5)")
ASKED_AGAIN = N_("Asked again: {why}")


def minutes(n: int) -> str:
    """How long a question takes: "~3 min"."""
    return _("~{minutes} min").format(minutes=n)


def planned(planned_minutes: int, budget: int) -> str:
    return ngettext("{planned} of {budget} minute planned", "{planned} of {budget} minutes planned", budget).format(
        planned=planned_minutes, budget=budget
    )


def ask(person: str) -> str:
    """Whom to ask a question: "ask Sam Lee (manager)"."""
    return _("ask {person}").format(person=person)


def all_of(names: Sequence[str]) -> str:
    """Several people, each to be asked: "Sam Lee (manager) and the peer"."""
    out = names[0] if names else ""
    for name in names[1:]:
        out = _("{first} and {last}").format(first=out, last=name)
    return out


# ----- the codes of formats.reasons ---------------------------------------------------------------------


def _text(params: Mapping[str, Param], key: str) -> str:
    value = params.get(key, "")
    return ", ".join(value) if isinstance(value, list) else str(value)


def _count(params: Mapping[str, Param], key: str) -> int:
    value = params.get(key, 0)
    return value if isinstance(value, int) else 0


def _roles(params: Mapping[str, Param], key: str) -> list[str]:
    value = params.get(key, [])
    return value if isinstance(value, list) else [str(value)]


_Wording = Callable[[Mapping[str, Param]], str]
REASONS: Mapping[str, _Wording] = {
    "unknown-theme": lambda p: _("the question bank has no such theme"),
    "no-questions": lambda p: _("the question bank has no questions for this theme"),
    "no-time": lambda p: ngettext(
        "no time left: its best question takes {minutes} minute (first under {heading})",
        "no time left: its best question takes {minutes} minutes (first under {heading})",
        _count(p, "minutes"),
    ).format(minutes=_count(p, "minutes"), heading=_(IF_TIME_ALLOWS)),
    "nobody-can-answer": lambda p: _(
        "no time left, and none of the people you meet can answer it ({audiences} can)"
    ).format(audiences=audience_list(_roles(p, "audiences"))),
    "no-stage-fit": lambda p: _("no question of this theme fits the {stage} stage").format(stage=_text(p, "stage")),
    "no-tag-fit": lambda p: _("no question of this theme fits a {seniority} {role_family} role, {work_mode}").format(
        seniority=_text(p, "seniority"), role_family=_text(p, "role_family"), work_mode=_text(p, "work_mode")
    ),
    "later-stage": lambda p: _("its questions are for another conversation ({stages}), not this {stage}").format(
        stages=", ".join(label(labels.STAGE, s) for s in _roles(p, "stages")),
        stage=label(labels.STAGE, _text(p, "stage")),
    ),
    "answered-earlier": lambda p: _("answered well in an earlier round"),
    "researched": lambda p: _("your research note already answers its questions"),
    "legacy": lambda p: _text(p, "text"),
}
WARNINGS: Mapping[str, _Wording] = {
    "closed-question": lambda p: _("looks like a yes/no question: open it with What, How or Tell me about"),
    "pay-too-early": lambda p: _(
        "pay and time off usually wait for the final stage or the offer (this is {stage})"
    ).format(stage=_text(p, "stage")),
    "repeats-bank": lambda p: _("repeats the bank question '{question}', so that one is left out").format(
        question=_text(p, "question")
    ),
    "did-not-fit": lambda p: ngettext(
        "did not fit in your {minutes} minute", "did not fit in your {minutes} minutes", _count(p, "minutes")
    ).format(minutes=_count(p, "minutes")),
    "legacy": lambda p: _text(p, "text"),
}


def reason(why: Reason) -> str:
    """Why a priority has no question on the sheet."""
    return REASONS[why.code](why.params)


def fact_source(source: str, as_of: str) -> str:
    """Where a country's fact was checked, and when: "(source: URL, as of 2026-12-02)"."""
    return _("(source: {source}, as of {date})").format(source=source, date=as_of)


def warning(what: Warning) -> str:
    """What the candidate should know about one of their own questions."""
    return WARNINGS[what.code](what.params)


def recheck(why: Recheck) -> str:
    """Why a question is asked again: "asked again to cross-check a red answer from the peer"."""
    if why.text is not None or why.role is None:
        return why.text or ""
    who = label(AUDIENCE_THE, why.role)
    if why.other_named:
        return _("asked again to cross-check a red answer from {who}").format(who=who)
    return _("asked again to cross-check a red answer from {who} (no one else named to ask)").format(who=who)


def reach(whom: Reach, called: Mapping[str, str] | None = None) -> str:
    """Whom the candidate asks to be put in touch with: "ask to be put in touch with the founder" (`called`:
    the sector's names for them)."""
    if whom.text is not None:
        return whom.text
    return _("ask to be put in touch with {audiences}").format(audiences=audience_list(whom.audiences, called))


def refer(whom: Reach) -> str:
    """The same, seen from the interviewer's side: "Offer to put them in touch with the founder"."""
    if whom.text is not None:
        return whom.text
    return _("Offer to put them in touch with {audiences}").format(audiences=audience_list(whom.audiences))


# ----- the fit --------------------------------------------------------------------------------------------


def percent(value: Fraction | float | None) -> str:
    """A fit as people read it, rounded half up (0.625 is 63%); `unknown` when nothing was asked."""
    if value is None:
        return _("unknown")
    return _("{percent}%").format(percent=f"{rounded(Fraction(value) * 100, 0):.0f}")
