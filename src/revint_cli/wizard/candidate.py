"""The candidate's wizard (`revint prep`): the profile, prompt by prompt, saved after every answer.

`PROMPTS` is the wizard: the job, the meeting, then the lists built item by item (the people, the
priorities, the research notes, your own questions), each saved as it grows and marked pending in the
draft's meta until it is done. `ASKED_KEYS`, the profile keys a replayed file is asked for, is read from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from revint_cli import labels, vocab
from revint_cli.i18n import N_, _, ngettext
from revint_cli.store.draftstore import Meta
from revint_cli.wizard.prompts import (
    MAX_PRIORITIES,
    Given,
    Prompt,
    ask_all,
    audience_choices,
    int_between,
    job_prompts,
    keys,
    labelled,
    minutes_prompt,
    note_text,
    optional_date,
    optional_line,
    pick_themes,
    question_text,
    review_saved,
    stage_of,
)

if TYPE_CHECKING:
    from revint_cli.answers import Answers, Save
    from revint_cli.questionbank import Bank
    from revint_cli.wizard.prompter import Prompter

    BankSource = Bank | Callable[[], Bank]

MAX_CUSTOM = 5


def prep(
    get_bank: BankSource, answers: Answers, save: Save, *, meta: Meta | None = None, resumed: bool = False
) -> Answers:
    """Ask for every profile key not yet answered and return the answers.

    `get_bank` may be a function, called only when a question needs the bank (the themes), so that the
    first prompt does not wait for the bank to load. `meta` (the draft's) is updated in place.
    """
    from revint_cli.wizard.prompter import Prompter

    ask = Prompter()
    review = resumed and review_saved(ask, PROMPTS, answers)
    ask_all(ask, PROMPTS, Given(answers, meta or Meta(), save, review=review, bank=get_bank))
    return answers


def _interviewers(ask: Prompter, given: Given) -> None:
    saved = [p for p in given.data.get("interviewers") or [] if isinstance(p, dict)]
    how_many = [("0", _("I don't know yet")), ("1", _("one person")), ("2", _("two people"))]
    count = int(ask.select(_("Whom will you meet?"), how_many, default=str(min(len(saved), vocab.MAX_INTERVIEWERS))))
    saved = (saved + [{}] * count)[:count]  # one entry a person, {} until described: the number is kept
    given.keep("interviewers", saved, done=count == 0)
    people: list[dict[str, str]] = []
    roles = audience_choices(labels.AUDIENCE_HELP)
    for n in range(count):
        before = saved[n]
        role = ask.select(_person_question(n, count), roles, default=str(before.get("role") or "manager"))
        people.append({"role": role})
        given.keep("interviewers", people + saved[n + 1 :], done=False)
        name = ask.text(_("Their name? (optional)"), default=str(before.get("name") or ""), validate=optional_line)
        people[-1] = {"name": name, "role": role} if name else {"role": role}
        given.keep("interviewers", people + saved[n + 1 :], done=False)
    given.keep("interviewers", people)


def _person_question(n: int, count: int) -> str:
    if count == 1:
        return _("Who is the person you will meet?")
    return _("Who is the first person?") if n == 0 else _("Who is the second person?")


def _priorities(ask: Prompter, given: Given) -> None:
    bank = given.bank()
    rest = pick_themes(
        ask,
        bank,
        _("What matters most to you? (space to pick, up to {count}, enter when done)").format(count=MAX_PRIORITIES),
        list(given.data.get("priorities") or []),
        _("Pick at most {count}: a few themes done well beat many.").format(count=MAX_PRIORITIES),
    )
    given.keep("priorities", rest, done=len(rest) <= 1)
    ordered: list[str] = []
    while len(rest) > 1:
        top = ask.select(
            _("Which of these matters most?") if not ordered else _("And next?"),
            [(t, bank.themes[t].title) for t in rest],
            default=rest[0],
        )
        ordered.append(top)
        rest.remove(top)
        given.keep("priorities", ordered + rest, done=len(rest) <= 1)


def _research(ask: Prompter, given: Given) -> None:
    notes: dict[str, str] = dict(given.data.get("research") or {})
    bank = given.bank()
    themes = [t for t in given.data.get("priorities") or [] if t in bank.themes]
    if not themes:
        given.keep("research", notes)
        return
    ask.say(
        "\n" + _("Research first: never ask what the website or a search answers. For each theme you picked:"), "bold"
    )
    for n, theme_id in enumerate(themes, start=1):
        theme = bank.themes[theme_id]
        ask.say(f"\n{theme.title}", "bold")
        for prompt in theme.research_prompts:
            ask.bullet(_("{prompt} ({where})").format(prompt=prompt.prompt, where=", ".join(prompt.where)))
        notes[theme_id] = ask.text(
            _("What did you find out about {theme}? (optional)").format(theme=theme.title.lower()),
            default=notes.get(theme_id, ""),
            validate=note_text,
        )
        given.keep("research", notes, done=n == len(themes))


def _custom(ask: Prompter, given: Given) -> None:
    saved = list(given.data.get("custom_questions") or [])
    keep = ngettext("Keep your own question?", "Keep your {count} own questions?", len(saved))
    questions = saved if saved and ask.confirm(keep.format(count=len(saved)), default=True) else []
    given.keep("custom_questions", questions, done=False)
    for question in questions:
        if not _whole(question):  # interrupted while it was asked: what is missing of it
            _one_custom(ask, given, questions, question)
    while len(questions) < MAX_CUSTOM and ask.confirm(
        _("Add a question of your own?") if not questions else _("Add another?"), default=False
    ):
        _one_custom(ask, given, questions, {})
    given.keep("custom_questions", questions)


def _whole(question: Any) -> bool:
    return isinstance(question, dict) and all(
        question.get(key) not in (None, "") for key in ("text", "theme", "minutes")
    )


def _one_custom(ask: Prompter, given: Given, questions: list[Any], question: dict[str, Any]) -> None:
    """Ask for `question` (a new one: {}, added to `questions`) field by field, saving each as it is given."""
    from revint_cli.planning.own import custom_warnings
    from revint_cli.render.words import warning as worded

    bank = given.bank()

    def kept(key: str, value: Any) -> None:
        question[key] = value
        if not any(q is question for q in questions):
            questions.append(question)
        given.keep("custom_questions", questions, done=False)

    stage = str(given.data.get("stage", "interview"))
    bank_texts = {q.id: q.text for q in bank.questions.values()}
    if not question.get("text"):
        text = ask.text(_("Your question:"), validate=question_text)
        while warnings := custom_warnings(text, stage, bank_texts)[0]:
            for warning in warnings:
                ask.say(_("  ⚠ {warning}").format(warning=worded(warning)), "fg:ansiyellow")
            if ask.confirm(_("Keep it as it is?"), default=False):
                break
            text = ask.text(_("Your question:"), default=text, validate=question_text)
        kept("text", text)
    if not question.get("theme"):
        themes = [(t.id, t.title) for t in bank.themes.values()]
        first = (given.data.get("priorities") or [next(iter(bank.themes))])[0]
        kept("theme", ask.select(_("Which theme does it belong to?"), themes, default=first))
    low, high = vocab.QUESTION_MINUTES
    minutes = ask.text(_("Minutes to ask it and hear the answer?"), default="3", validate=int_between(low, high))
    kept("minutes", vocab.whole_number(minutes))


PROMPTS: tuple[Prompt, ...] = (
    *job_prompts(
        N_("Which company is the interview with?"),
        N_("Where would you work?"),
        N_("Which stage of the process is this?"),
    ),
    Prompt(
        "format",
        N_("How will you meet?"),
        "select",
        labelled(vocab.FORMATS, labels.FORMAT),
        default=lambda a: vocab.format_default(stage_of(a)),
    ),
    minutes_prompt(
        N_("How many minutes will you have for your questions?"),
        N_("(10-15 is usual early on, 20-30 in a final round)"),
    ),
    Prompt("date", N_("When is the interview? (YYYY-MM-DD, optional)"), "date", validator=optional_date),
    Prompt("interviewers", N_("Whom will you meet?"), "list", steps=_interviewers),
    Prompt("priorities", N_("What matters most to you?"), "list", steps=_priorities),
    Prompt("research", N_("What did you find out?"), "list", steps=_research),
    Prompt("custom_questions", N_("Add a question of your own?"), "list", steps=_custom),
)
ASKED_KEYS = keys(PROMPTS)  # a replayed file missing one of them is asked for it
