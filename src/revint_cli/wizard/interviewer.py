"""The interviewer's wizard (`revint brief`): the job in the interviewer's words, who they are to the
candidate, the time, the themes the company cares about; with `--record`, then a drafted answer (and a
real example) to each question of the brief, saved one by one. `ASKED_KEYS` is read from `PROMPTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from revint_cli import labels
from revint_cli.i18n import N_, _
from revint_cli.store.draftstore import Meta
from revint_cli.wizard.prompts import (
    MAX_PRIORITIES,
    Given,
    Prompt,
    ask_all,
    audience_choices,
    job_prompts,
    keys,
    minutes_prompt,
    note_text,
    optional_line,
    pick_themes,
    review_saved,
)

if TYPE_CHECKING:
    from revint_cli.answers import Answers, Save
    from revint_cli.questionbank import Bank
    from revint_cli.wizard.prompter import Prompter

    BankSource = Bank | Callable[[], Bank]

# (id, text, hints, ask for an example): what to draft an answer for, given the answers so far.
Drafting = Callable[["Answers"], list[tuple[str, str, list[str], bool]]]


def brief(
    get_bank: BankSource,
    answers: Answers,
    save: Save,
    *,
    meta: Meta | None = None,
    resumed: bool = False,
    drafting: Drafting | None = None,
) -> Answers:
    """Ask the interviewer for every brief key not yet answered; with `drafting`, then walk through the
    questions of the brief for a drafted answer (and a real example) to each, saved one by one."""
    from revint_cli.wizard.prompter import Prompter

    ask = Prompter()
    review = resumed and review_saved(ask, PROMPTS, answers)
    given = Given(answers, meta or Meta(), save, review=review, bank=get_bank)
    ask_all(ask, PROMPTS, given)
    if drafting is not None:
        _draft_answers(ask, drafting(given.data), given)
    return answers


def _interviewer(ask: Prompter, given: Given) -> None:
    before = given.data.get("interviewer")
    before = before if isinstance(before, dict) else {"role": before} if isinstance(before, str) else {}
    roles = audience_choices(labels.AUDIENCE_HELP_INTERVIEWER)
    role = ask.select(_("Who are you to the candidate?"), roles, default=str(before.get("role") or "manager"))
    given.keep("interviewer", {"role": role}, done=False)
    name = ask.text(_("Your name? (optional)"), default=str(before.get("name") or ""), validate=optional_line)
    given.keep("interviewer", {"name": name, "role": role} if name else {"role": role})


def _themes(ask: Prompter, given: Given) -> None:
    message = _("Which themes does the company want to get right? (optional; space to pick, up to {count})").format(
        count=MAX_PRIORITIES
    )
    saved = list(given.data.get("themes") or [])
    too_many = _("Pick at most {count}.").format(count=MAX_PRIORITIES)
    given.keep("themes", pick_themes(ask, given.bank(), message, saved, too_many))


def _draft_answers(ask: Prompter, items: list[tuple[str, str, list[str], bool]], given: Given) -> None:
    """One prompt (two for a bank question) per item; an empty answer leaves the item undrafted."""
    recorded: dict[str, Any] = dict(given.data.get("answers") or {})
    ask.say("\n" + _("Draft your answers: be specific, and leave one empty to skip it."), "bold")
    for n, (qid, text, hints, with_example) in enumerate(items, start=1):
        before = recorded.get(qid)
        before = before if isinstance(before, dict) else {"answer": before} if isinstance(before, str) else {}
        if qid in recorded and not given.review:
            continue
        ask.say(f"\n[{n}/{len(items)}] {text}", "bold")
        for hint in hints:
            ask.bullet(hint, "fg:ansibrightblack")
        answer = ask.text(_("Your answer:"), default=str(before.get("answer") or ""), validate=note_text)
        entry: dict[str, str] = {"answer": answer}
        recorded[qid] = entry
        given.keep("answers", recorded, done=False)
        if with_example:
            example = ask.text(
                _("A real example? (optional)"), default=str(before.get("example") or ""), validate=note_text
            )
            if example:
                entry["example"] = example
                given.keep("answers", recorded, done=False)
    given.keep("answers", {k: v for k, v in recorded.items() if v not in ("", {}, {"answer": ""})})


PROMPTS: tuple[Prompt, ...] = (
    *job_prompts(
        N_("Which company are you hiring for?"),
        N_("Where will the new hire work?"),
        N_("Which stage of the process is your conversation?"),
    ),
    Prompt("interviewer", N_("Who are you to the candidate?"), "list", steps=_interviewer),
    minutes_prompt(N_("How many minutes are set aside for the candidate's questions?")),
    Prompt("themes", N_("Which themes does the company want to get right?"), "list", steps=_themes),
)
ASKED_KEYS = keys(PROMPTS)  # `answers` too, with --record
