"""The questionary wizards. This is the only module that imports questionary and prompt_toolkit.

Each wizard fills a plain dict of answers one prompt at a time and calls `save` after every answer, so
that nothing typed is lost: a list being built (the people, the priorities, your own questions) is saved
item by item and marked in `_pending` until it is done. Keys already answered are not asked again; a
resumed draft first shows what was saved and offers to go through it again, with the saved answers as
defaults. Every text that came from outside (a company name, a bank's titles) is shown through `safe`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice

from revint_cli import vocab
from revint_cli.answers import Interrupted, answer_done, as_bool
from revint_cli.untrusted import safe

if TYPE_CHECKING:
    from revint_cli.questionbank.core import Bank
    from revint_cli.formats.cheatsheet import Item, Sheet

    BankSource = Bank | Callable[[], Bank]

Answers = dict[str, Any]
Save = Callable[[Answers], None]

MAX_PRIORITIES = 5
MAX_CUSTOM = 5
PENDING = "_pending"  # keys whose list is being built: asked again on resume, with what was saved
AUDIENCE_HELP = {
    "manager": "your future manager",
    "peer": "someone you would work beside",
    "hr": "HR or people team",
    "recruiter": "the recruiter",
    "skip-level": "your manager's manager",
    "founder": "a founder",
    "executive": "an executive",
}
STYLE = questionary.Style(
    [("qmark", "fg:ansicyan bold"), ("answer", "fg:ansigreen"), ("instruction", "fg:ansibrightblack")]
)


@contextmanager
def terminal_session() -> Iterator[None]:
    """Prompts go to the terminal even when stdout is redirected (`revint prep -o - > sheet.md`)."""
    if sys.stdout.isatty() or not sys.stderr.isatty():
        yield
        return
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield


_CTRL_D = KeyBindings()


@_CTRL_D.add("c-d", eager=True)
def _end_of_input(event: Any) -> None:
    event.app.exit(exception=EOFError())


class Prompter:
    """Asks one question at a time; Ctrl-C or Ctrl-D at any prompt raises `answers.Interrupted`."""

    def _ask(self, question: questionary.Question, *, ctrl_d: bool = True) -> Any:
        if ctrl_d:  # text prompts already end on Ctrl-D at an empty line; menus need to be told
            question.application.key_bindings = merge_key_bindings(
                [question.application.key_bindings or KeyBindings(), _CTRL_D]
            )
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted() from None

    def say(self, text: str, style: str = "") -> None:
        questionary.print(safe(text, lines=True), style=style)

    def bullet(self, text: str, style: str = "") -> None:
        """A list item wrapped at word boundaries to the terminal's width, with a hanging indent."""
        width = min(shutil.get_terminal_size().columns, 100) - 1
        lines = textwrap.wrap(safe(text), width=max(width, 40), initial_indent="  • ", subsequent_indent="    ")
        questionary.print("\n".join(lines), style=style)

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
        instruction: str | None = None,
    ) -> str:
        kwargs: dict[str, Any] = {"default": default, "style": STYLE, "instruction": instruction}
        if validate is not None:
            kwargs["validate"] = validate
        return str(self._ask(questionary.text(safe(message), **kwargs), ctrl_d=False)).strip()

    def select(self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
        options = [Choice(title=safe(label), value=value) for value, label in choices]
        start = next((c for c in options if c.value == default), options[0])
        question = questionary.select(safe(message), options, default=start, style=STYLE, use_shortcuts=False)
        return str(self._ask(question))

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        validate: Callable[[list[str]], bool | str] | None = None,
        descriptions: Mapping[str, str] | None = None,
    ) -> list[str]:
        """`descriptions`, by value, are shown below the list for the choice under the cursor."""
        notes = descriptions or {}
        options = [
            Choice(title=safe(label), value=value, checked=value in checked, description=_maybe_safe(notes.get(value)))
            for value, label in choices
        ]
        kwargs: dict[str, Any] = {"style": STYLE}
        if validate is not None:
            kwargs["validate"] = validate
        return list(self._ask(questionary.checkbox(safe(message), options, **kwargs)))

    def confirm(self, message: str, default: bool) -> bool:
        return bool(self._ask(questionary.confirm(safe(message), default=default, style=STYLE)))


def _maybe_safe(text: str | None) -> str | None:
    return None if text is None else safe(text)


# ----- validators (pure; return True or the message to show) -----------------------------------------


def text_within(limit: int, *, required: str | None = None) -> Callable[[str], bool | str]:
    """A validator: at most `limit` characters; with `required`, the message for an empty answer."""

    def check(value: str) -> bool | str:
        value = value.strip()
        if required is not None and not value:
            return required
        return True if len(value) <= limit else f"Please keep it under {limit} characters."

    return check


required_line = text_within(vocab.LINE_MAX, required="Please type an answer.")
optional_line = text_within(vocab.LINE_MAX)
question_text = text_within(vocab.QUESTION_MAX, required="Please type your question.")
note_text = text_within(vocab.NOTE_MAX)


def int_between(low: int, high: int) -> Callable[[str], bool | str]:
    def check(value: str) -> bool | str:
        value = value.strip()
        return (
            True if value.isdigit() and low <= int(value) <= high else f"A whole number from {low} to {high}, please."
        )

    return check


def optional_date(value: str) -> bool | str:
    value = value.strip()
    if not value:
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "A date like 2026-12-01, or leave it empty."
    return True


# ----- prep --------------------------------------------------------------------------------------------


class _Answers:
    """The answers being given: what to ask, the default to offer, and saving each answer at once."""

    def __init__(self, answers: Answers, save: Save, review: bool):
        self.data = answers
        self.save = save
        self.review = review

    def need(self, key: str) -> bool:
        return self.review or key not in self.data or key in self.pending

    @property
    def pending(self) -> dict[str, Any]:
        found = self.data.get(PENDING)
        return found if isinstance(found, dict) else {}

    def default(self, key: str, fallback: Any) -> Any:
        """The saved answer, else a suggestion carried from an earlier round, else `fallback`."""
        value = self.data.get(key)
        if value in (None, ""):
            suggested = self.data.get("_defaults")
            value = suggested.get(key) if isinstance(suggested, dict) else None
        return fallback if value in (None, "") else value

    def keep(self, key: str, value: Any, *, done: bool = True) -> None:
        self.data[key] = value
        pending = dict(self.pending)
        if done:
            pending.pop(key, None)
        else:
            pending[key] = True
        if pending:
            self.data[PENDING] = pending
        else:
            self.data.pop(PENDING, None)
        self.save(self.data)


def prep(get_bank: BankSource, answers: Answers, save: Save, *, resumed: bool = False) -> Answers:
    """Ask for every profile key not yet answered and return the answers.

    `get_bank` may be a function, called only when a question needs the bank (the themes), so that the
    first prompt does not wait for the bank to load.
    """
    ask = Prompter()
    review = resumed and _review_resumed(ask, answers)
    given = _Answers(answers, save, review)
    _about_the_job(ask, given)
    _about_the_meeting(ask, given)
    if given.need("interviewers"):
        _interviewers(ask, given)
    if given.need("priorities"):
        _priorities(ask, _bank(get_bank), given)
    if given.need("research"):
        _research(ask, _bank(get_bank), given)
    if given.need("custom_questions"):
        _custom(ask, _bank(get_bank), given)
    return given.data


def _review_resumed(ask: Prompter, answers: Answers) -> bool:
    """Show the saved answers; return True when the candidate wants to go through them again."""
    ask.say("Your saved answers:", "bold")
    for key in vocab.ASKED_KEYS:
        if key in answers and answers[key] not in (None, "", [], {}):
            ask.say(f"  {key}: {_brief(answers[key])}")
    return not ask.confirm("Keep them and go on where you stopped?", default=True)


def _brief(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_brief(v)}" for k, v in value.items() if v)
    return str(value)


# The wording of the questions about the job: the candidate's (prep), then the interviewer's (brief).
CANDIDATE_WORDS = (
    "Which company is the interview with?",
    "Where would you work?",
    "Which stage of the process is this?",
)
INTERVIEWER_WORDS = (
    "Which company are you hiring for?",
    "Where will the new hire work?",
    "Which stage of the process is your conversation?",
)


def _about_the_job(ask: Prompter, given: _Answers, words: tuple[str, str, str] = CANDIDATE_WORDS) -> None:
    company, where, stage = words
    for key, message in (("company", company), ("role", "For which role?")):
        if given.need(key):
            given.keep(key, ask.text(message, default=str(given.default(key, "")), validate=required_line))
    role = str(given.data.get("role", ""))
    selects = (
        ("role_family", "Which kind of role is it?", vocab.ROLE_FAMILIES, vocab.guess_role_family(role)),
        ("seniority", "At which level?", vocab.SENIORITIES, vocab.guess_seniority(role)),
        ("work_mode", where, vocab.WORK_MODES, "onsite"),
        ("stage", stage, vocab.STAGES, "interview"),
    )
    for key, message, values, fallback in selects:
        if given.need(key):
            given.keep(key, ask.select(message, [(v, v) for v in values], default=str(given.default(key, fallback))))


def _about_the_meeting(ask: Prompter, given: _Answers) -> None:
    stage = str(given.data.get("stage") or "interview")
    if given.need("format"):
        fallback = vocab.format_default(stage)
        choices = [(v, v) for v in vocab.FORMATS]
        given.keep("format", ask.select("How will you meet?", choices, default=str(given.default("format", fallback))))
    if given.need("minutes"):
        low, high = vocab.PROFILE_MINUTES
        minutes = ask.text(
            "How many minutes will you have for your questions?",
            default=str(given.default("minutes", vocab.minutes_default(stage))),
            validate=int_between(low, high),
            instruction="(10-15 is usual early on, 20-30 in a final round)",
        )
        given.keep("minutes", int(minutes))
    if given.need("date"):
        when = ask.text(
            "When is the interview? (YYYY-MM-DD, optional)",
            default=str(given.default("date", "")),
            validate=optional_date,
        )
        given.keep("date", when or None)


def _bank(source: BankSource) -> Bank:
    return source() if callable(source) else source


def _interviewers(ask: Prompter, given: _Answers) -> None:
    saved = [p for p in given.data.get("interviewers") or [] if isinstance(p, dict)]
    count = int(
        ask.select(
            "Whom will you meet?",
            [("0", "I don't know yet"), ("1", "one person"), ("2", "two people")],
            default=str(given.pending.get("interviewers_count") or min(len(saved), vocab.MAX_INTERVIEWERS)),
        )
    )
    people: list[dict[str, str]] = []
    roles = [(a, f"{a} ({AUDIENCE_HELP[a]})") for a in vocab.AUDIENCES]
    for n in range(count):
        before = saved[n] if n < len(saved) else {}
        which = "Who is the person you will meet?" if count == 1 else f"Who is the {('first', 'second')[n]} person?"
        role = ask.select(which, roles, default=str(before.get("role") or "manager"))
        people.append({"role": role})
        given.keep("interviewers", people + saved[n + 1 :], done=False)
        name = ask.text("Their name? (optional)", default=str(before.get("name") or ""), validate=optional_line)
        people[-1] = {"name": name, "role": role} if name else {"role": role}
        given.keep("interviewers", people + saved[n + 1 :], done=False)
    given.keep("interviewers", people)


def _pick_themes(ask: Prompter, bank: Bank, message: str, saved: list[str], too_many: str) -> list[str]:
    """Themes picked from the bank (core themes first), those already saved first in their saved order."""
    themes = sorted(bank.themes.values(), key=lambda t: not t.core)
    saved = [t for t in saved if t in bank.themes]

    def at_most(chosen: list[str]) -> bool | str:
        return True if len(chosen) <= MAX_PRIORITIES else too_many

    chosen = ask.checkbox(
        message,
        [(t.id, t.title) for t in themes],
        checked=saved,
        validate=at_most,
        descriptions={t.id: t.summary for t in themes},
    )
    return [t for t in saved if t in chosen] + [t for t in chosen if t not in saved]


def _priorities(ask: Prompter, bank: Bank, given: _Answers) -> None:
    rest = _pick_themes(
        ask,
        bank,
        f"What matters most to you? (space to pick, up to {MAX_PRIORITIES}, enter when done)",
        list(given.data.get("priorities") or []),
        f"Pick at most {MAX_PRIORITIES}: a few themes done well beat many.",
    )
    given.keep("priorities", rest, done=len(rest) <= 1)
    ordered: list[str] = []
    while len(rest) > 1:
        top = ask.select(
            "Which of these matters most?" if not ordered else "And next?",
            [(t, bank.themes[t].title) for t in rest],
            default=rest[0],
        )
        ordered.append(top)
        rest.remove(top)
        given.keep("priorities", ordered + rest, done=len(rest) <= 1)


def _research(ask: Prompter, bank: Bank, given: _Answers) -> None:
    notes: dict[str, str] = dict(given.data.get("research") or {})
    themes = [t for t in given.data.get("priorities") or [] if t in bank.themes]
    if not themes:
        given.keep("research", notes)
        return
    ask.say("\nResearch first: never ask what the website or a search answers. For each theme you picked:", "bold")
    for n, theme_id in enumerate(themes, start=1):
        theme = bank.themes[theme_id]
        ask.say(f"\n{theme.title}", "bold")
        for prompt in theme.research_prompts:
            ask.bullet(f"{prompt.prompt} ({', '.join(prompt.where)})")
        notes[theme_id] = ask.text(
            f"What did you find out about {theme.title.lower()}? (optional)",
            default=notes.get(theme_id, ""),
            validate=note_text,
        )
        given.keep("research", notes, done=n == len(themes))


def _custom(ask: Prompter, bank: Bank, given: _Answers) -> None:
    saved = list(given.data.get("custom_questions") or [])
    keep_saved = bool(saved) and ask.confirm(f"Keep your {len(saved)} own question(s)?", default=True)
    questions = saved if keep_saved else []
    given.keep("custom_questions", questions, done=False)
    while len(questions) < MAX_CUSTOM and ask.confirm(
        "Add a question of your own?" if not questions else "Add another?", default=False
    ):
        questions.append(_one_custom(ask, bank, given.data))
        given.keep("custom_questions", questions, done=False)
    given.keep("custom_questions", questions)


def _one_custom(ask: Prompter, bank: Bank, answers: Answers) -> dict[str, Any]:
    from revint_cli.planning.tailor import custom_warnings
    from revint_cli.render.words import warning as worded

    stage = str(answers.get("stage", "interview"))
    bank_texts = {q.id: q.text for q in bank.questions.values()}
    text = ask.text("Your question:", validate=question_text)
    while warnings := custom_warnings(text, stage, bank_texts)[0]:
        for warning in warnings:
            ask.say(f"  ⚠ {worded(warning)}", "fg:ansiyellow")
        if ask.confirm("Keep it as it is?", default=False):
            break
        text = ask.text("Your question:", default=text, validate=question_text)
    themes = [(t.id, t.title) for t in bank.themes.values()]
    first = (answers.get("priorities") or [next(iter(bank.themes))])[0]
    theme = ask.select("Which theme does it belong to?", themes, default=first)
    low, high = vocab.QUESTION_MINUTES
    minutes = ask.text("Minutes to ask it and hear the answer?", default="3", validate=int_between(low, high))
    return {"text": text, "theme": theme, "minutes": int(minutes)}


# ----- debrief -----------------------------------------------------------------------------------------

RATING_CHOICES = [
    ("green", "green: a clear, specific, reassuring answer"),
    ("yellow", "yellow: vague, mixed, or you are not sure"),
    ("red", "red: a worrying answer"),
]
GUT_CHOICES = [
    ("5", "5: I want this job"),
    ("4", "4: good, with small doubts"),
    ("3", "3: mixed"),
    ("2", "2: doubtful"),
    ("1", "1: no"),
]
BACKUPS_DONE = "_backups_checked"  # a draft-only marker: the backup checklist was answered


def debrief(sheet: Sheet, bank: Bank, answers: Answers, save: Save, *, review: bool = False) -> Answers:
    """Walk through the sheet's questions: asked or not, a note, a rating; then extras, gut feeling, notes."""
    ask = Prompter()
    recorded: dict[str, Any] = answers.setdefault("answers", {})
    planned = list(sheet.questions) + _backups_asked(ask, sheet, answers, save, review)
    for n, item in enumerate(planned, start=1):
        if review or not answer_done(recorded.get(item.id)):
            _debrief_one(ask, item, f"[{n}/{len(planned)}]", answers, save)
    if review or "extra" not in answers or PENDING in answers:
        _extras(ask, bank, answers, save, review)
    if review or "gut" not in answers:
        gut = ask.select("Overall, what does your gut say?", GUT_CHOICES, default=str(answers.get("gut") or 3))
        answers["gut"] = int(gut)
        save(answers)
    if review or "notes" not in answers:
        answers["notes"] = ask.text(
            "Anything else to remember? (optional)", default=str(answers.get("notes") or ""), validate=note_text
        )
        save(answers)
    return answers


def _backups_asked(ask: Prompter, sheet: Sheet, answers: Answers, save: Save, review: bool) -> list[Item]:
    recorded = answers["answers"]
    if not sheet.backup:
        return []
    if review or BACKUPS_DONE not in answers:
        extra_ids = ask.checkbox(
            "Did you also ask any of the 'If time allows' questions? (space to pick, enter when done)",
            [(q.id, q.text) for q in sheet.backup],
            checked=[q.id for q in sheet.backup if q.id in recorded],
        )
        answers[BACKUPS_DONE] = True
        save(answers)
        return [q for q in sheet.backup if q.id in extra_ids]
    return [q for q in sheet.backup if q.id in recorded]


def _debrief_one(ask: Prompter, item: Item, counter: str, answers: Answers, save: Save) -> None:
    recorded = answers["answers"]
    before = recorded.get(item.id) or {}
    person = f" · asked of {item.ask.label()}" if item.ask else ""
    ask.say(f"\n{counter} {item.text}", "bold")
    ask.say(f"  {item.theme}{person}", "fg:ansibrightblack")
    for green in item.listen_for.green:
        ask.say(f"  + {green}", "fg:ansigreen")
    for red in item.listen_for.red:
        ask.say(f"  - {red}", "fg:ansired")
    asked = ask.select(
        "Did you ask it?",
        [("yes", "yes"), ("no", "no")],
        default="no" if as_bool(before.get("asked")) is False else "yes",
    )
    if asked == "no":
        recorded[item.id] = {"asked": False}
        save(answers)
        return
    note = ask.text(
        "What did they answer? (a short note, optional)", default=str(before.get("note") or ""), validate=note_text
    )
    recorded[item.id] = {"asked": True, "note": note}  # saved before the rating: Ctrl-C keeps the note
    save(answers)
    rating = ask.select("How did it sound?", RATING_CHOICES, default=str(before.get("rating") or "yellow"))
    recorded[item.id] = {"asked": True, "rating": rating, "note": note}
    save(answers)


def _extras(ask: Prompter, bank: Bank, answers: Answers, save: Save, review: bool) -> None:
    extras: list[dict[str, Any]] = [] if review else list(answers.get("extra") or [])
    themes = [(t.id, t.title) for t in bank.themes.values()]
    answers[PENDING] = {"extra": True}
    answers["extra"] = extras
    while ask.confirm(
        "Did you ask anything that was not on the sheet?" if not extras else "Another one?", default=False
    ):
        extra: dict[str, Any] = {"text": ask.text("What did you ask?", validate=question_text)}
        extra["theme"] = ask.select("Which theme does it belong to?", themes, default=themes[0][0])
        extra["note"] = ask.text("What did they answer? (optional)", validate=note_text)
        extra["rating"] = ask.select("How did it sound?", RATING_CHOICES, default="yellow")
        extras.append(extra)
        save(answers)
    answers.pop(PENDING, None)
    save(answers)


# ----- brief (the interviewer's side) -----------------------------------------------------------------

BRIEF_KEYS = ("company", "role", "role_family", "seniority", "work_mode", "stage", "interviewer", "minutes", "themes")
INTERVIEWER_HELP = {
    "manager": "the hiring manager",
    "peer": "someone they would work beside",
    "hr": "HR or people team",
    "recruiter": "the recruiter",
    "skip-level": "their manager's manager",
    "founder": "a founder",
    "executive": "an executive",
}
# (id, text, hints, ask for an example): what to draft an answer for, given the answers so far.
Drafting = Callable[[Answers], list[tuple[str, str, list[str], bool]]]


def brief(
    get_bank: BankSource,
    answers: Answers,
    save: Save,
    *,
    resumed: bool = False,
    drafting: Drafting | None = None,
) -> Answers:
    """Ask the interviewer for every brief key not yet answered; with `drafting`, then walk through the
    questions of the brief for a drafted answer (and a real example) to each, saved one by one."""
    ask = Prompter()
    review = resumed and _review_brief(ask, answers)
    given = _Answers(answers, save, review)
    _about_the_job(ask, given, INTERVIEWER_WORDS)
    if given.need("interviewer"):
        _brief_interviewer(ask, given)
    if given.need("minutes"):
        low, high = vocab.PROFILE_MINUTES
        stage = str(given.data.get("stage") or "interview")
        minutes = ask.text(
            "How many minutes are set aside for the candidate's questions?",
            default=str(given.default("minutes", vocab.minutes_default(stage))),
            validate=int_between(low, high),
        )
        given.keep("minutes", int(minutes))
    if given.need("themes"):
        _brief_themes(ask, _bank(get_bank), given)
    if drafting is not None:
        _draft_answers(ask, drafting(given.data), given)
    return given.data


def _review_brief(ask: Prompter, answers: Answers) -> bool:
    ask.say("Your saved answers:", "bold")
    for key in BRIEF_KEYS:
        if key in answers and answers[key] not in (None, "", [], {}):
            ask.say(f"  {key}: {_brief(answers[key])}")
    return not ask.confirm("Keep them and go on where you stopped?", default=True)


def _brief_interviewer(ask: Prompter, given: _Answers) -> None:
    before = given.data.get("interviewer")
    before = before if isinstance(before, dict) else {"role": before} if isinstance(before, str) else {}
    roles = [(a, f"{a} ({INTERVIEWER_HELP[a]})") for a in vocab.AUDIENCES]
    role = ask.select("Who are you to the candidate?", roles, default=str(before.get("role") or "manager"))
    given.keep("interviewer", {"role": role}, done=False)
    name = ask.text("Your name? (optional)", default=str(before.get("name") or ""), validate=optional_line)
    given.keep("interviewer", {"name": name, "role": role} if name else {"role": role})


def _brief_themes(ask: Prompter, bank: Bank, given: _Answers) -> None:
    message = f"Which themes does the company want to get right? (optional; space to pick, up to {MAX_PRIORITIES})"
    saved = list(given.data.get("themes") or [])
    given.keep("themes", _pick_themes(ask, bank, message, saved, f"Pick at most {MAX_PRIORITIES}."))


def _draft_answers(ask: Prompter, items: list[tuple[str, str, list[str], bool]], given: _Answers) -> None:
    """One prompt (two for a bank question) per item; an empty answer leaves the item undrafted."""
    recorded: dict[str, Any] = dict(given.data.get("answers") or {})
    ask.say("\nDraft your answers: be specific, and leave one empty to skip it.", "bold")
    for n, (qid, text, hints, with_example) in enumerate(items, start=1):
        before = recorded.get(qid)
        before = before if isinstance(before, dict) else {"answer": before} if isinstance(before, str) else {}
        if qid in recorded and not given.review:
            continue
        ask.say(f"\n[{n}/{len(items)}] {text}", "bold")
        for hint in hints:
            ask.bullet(hint, "fg:ansibrightblack")
        answer = ask.text("Your answer:", default=str(before.get("answer") or ""), validate=note_text)
        entry: dict[str, str] = {"answer": answer}
        recorded[qid] = entry
        given.keep("answers", recorded, done=False)
        if with_example:
            example = ask.text(
                "A real example? (optional)", default=str(before.get("example") or ""), validate=note_text
            )
            if example:
                entry["example"] = example
                given.keep("answers", recorded, done=False)
    given.keep("answers", {k: v for k, v in recorded.items() if v not in ("", {}, {"answer": ""})})
