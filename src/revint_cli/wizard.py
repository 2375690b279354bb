"""The questionary wizards. This is the only module that imports questionary and prompt_toolkit.

Each wizard fills a plain dict of answers, one key at a time, and calls `on_answer` after every answer
so that nothing typed is lost. Keys already present are not asked again unless `review` is set, in
which case every question is asked with the saved answer as its default.
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
from revint_cli.errors import ExitCode, RevintError

if TYPE_CHECKING:
    from revint_cli.bank import Bank

    BankSource = Bank | Callable[[], Bank]

Answers = dict[str, Any]
OnAnswer = Callable[[Answers], None]

PREP_INTERRUPTED = "Interrupted. Your answers are saved: run revint prep --resume to continue."
DEBRIEF_INTERRUPTED = "Interrupted. Your answers are saved: run revint debrief --resume to continue."
MAX_PRIORITIES = 5
MAX_CUSTOM = 5
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
    """Asks one question at a time; Ctrl-C or Ctrl-D at any prompt raises RevintError(130, `interrupted`)."""

    def __init__(self, interrupted: str):
        self.interrupted = interrupted

    def _ask(self, question: questionary.Question, *, ctrl_d: bool = True) -> Any:
        if ctrl_d:  # text prompts already end on Ctrl-D at an empty line; menus need to be told
            question.application.key_bindings = merge_key_bindings(
                [question.application.key_bindings or KeyBindings(), _CTRL_D]
            )
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise RevintError(self.interrupted, ExitCode.INTERRUPTED) from None

    def say(self, text: str, style: str = "") -> None:
        questionary.print(text, style=style)

    def bullet(self, text: str, style: str = "") -> None:
        """A list item wrapped at word boundaries to the terminal's width, with a hanging indent."""
        width = min(shutil.get_terminal_size().columns, 100) - 1
        lines = textwrap.wrap(text, width=max(width, 40), initial_indent="  • ", subsequent_indent="    ")
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
        return str(self._ask(questionary.text(message, **kwargs), ctrl_d=False)).strip()

    def select(self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None) -> str:
        options = [Choice(title=label, value=value) for value, label in choices]
        start = next((c for c in options if c.value == default), options[0])
        return str(self._ask(questionary.select(message, options, default=start, style=STYLE, use_shortcuts=False)))

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
            Choice(title=label, value=value, checked=value in checked, description=notes.get(value))
            for value, label in choices
        ]
        kwargs: dict[str, Any] = {"style": STYLE}
        if validate is not None:
            kwargs["validate"] = validate
        return list(self._ask(questionary.checkbox(message, options, **kwargs)))

    def confirm(self, message: str, default: bool) -> bool:
        return bool(self._ask(questionary.confirm(message, default=default, style=STYLE)))


# ----- validators (pure; return True or the message to show) -----------------------------------------


def required_line(value: str) -> bool | str:
    value = value.strip()
    if not value:
        return "Please type an answer."
    return True if len(value) <= 200 else "Please keep it under 200 characters."


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


def question_text(value: str) -> bool | str:
    value = value.strip()
    if not value:
        return "Please type your question."
    return True if len(value) <= 300 else "Please keep it under 300 characters."


# ----- prep --------------------------------------------------------------------------------------------


def _choices(values: Sequence[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def prep(get_bank: BankSource, answers: Answers, on_answer: OnAnswer, *, review: bool = False) -> Answers:
    """Ask for every profile key not yet in `answers` (all of them with `review`) and return the answers.

    `get_bank` may be a function, called only when a question needs the bank (the themes), so that the
    first prompt does not wait for the bank to load.
    """
    ask = Prompter(PREP_INTERRUPTED)

    def need(key: str) -> bool:
        return review or key not in answers

    def keep(key: str, value: Any) -> None:
        answers[key] = value
        on_answer(answers)

    def default(key: str, fallback: Any) -> Any:
        value = answers.get(key)
        return fallback if value in (None, "") else value

    if need("company"):
        keep(
            "company",
            ask.text(
                "Which company is the interview with?", default=str(default("company", "")), validate=required_line
            ),
        )
    if need("role"):
        keep("role", ask.text("For which role?", default=str(default("role", "")), validate=required_line))
    role = str(answers.get("role", ""))
    selects = (
        ("role_family", "Which kind of role is it?", vocab.ROLE_FAMILIES, vocab.guess_role_family(role)),
        ("seniority", "At which level?", vocab.SENIORITIES, vocab.guess_seniority(role)),
        ("work_mode", "Where would you work?", vocab.WORK_MODES, "onsite"),
        ("stage", "Which stage of the process is this?", vocab.STAGES, "interview"),
        ("format", "How will you meet?", vocab.FORMATS, "video"),
    )
    for key, message, values, fallback in selects:
        if need(key):
            keep(key, ask.select(message, _choices(values), default=str(default(key, fallback))))
    if need("minutes"):
        minutes = ask.text(
            "How many minutes will you have for your questions?",
            default=str(default("minutes", 20)),
            validate=int_between(5, 120),
            instruction="(10-15 is usual early on, 20-30 in a final round)",
        )
        keep("minutes", int(minutes))
    if need("date"):
        when = ask.text(
            "When is the interview? (YYYY-MM-DD, optional)", default=str(default("date", "")), validate=optional_date
        )
        keep("date", when or None)
    if need("interviewers"):
        keep("interviewers", _interviewers(ask, list(answers.get("interviewers") or [])))
    if need("priorities"):
        keep("priorities", _priorities(ask, _bank(get_bank), answers))
    if need("research"):
        _research(ask, _bank(get_bank), answers, on_answer)
    if need("custom_questions"):
        keep("custom_questions", _custom(ask, _bank(get_bank), answers))
    return answers


def _bank(source: BankSource) -> Bank:
    return source() if callable(source) else source


def _interviewers(ask: Prompter, saved: list[Any]) -> list[dict[str, str]]:
    count = ask.select(
        "Whom will you meet?",
        [("0", "I don't know yet"), ("1", "one person"), ("2", "two people")],
        default=str(min(len(saved), 2)),
    )
    people: list[dict[str, str]] = []
    roles = [(a, f"{a} ({AUDIENCE_HELP[a]})") for a in vocab.AUDIENCES]
    for n in range(int(count)):
        before = saved[n] if n < len(saved) and isinstance(saved[n], dict) else {}
        which = "first" if n == 0 else "second"
        role = ask.select(f"Who is the {which} person to you?", roles, default=str(before.get("role") or "manager"))
        name = ask.text("Their name? (optional)", default=str(before.get("name") or ""))
        people.append({"name": name, "role": role} if name else {"role": role})
    return people


def _priorities(ask: Prompter, bank: Bank, answers: Answers) -> list[str]:
    themes = sorted(bank.themes.values(), key=lambda t: not t.core)
    saved = [t for t in answers.get("priorities") or [] if t in bank.themes]

    def at_most(chosen: list[str]) -> bool | str:
        return (
            True
            if len(chosen) <= MAX_PRIORITIES
            else f"Pick at most {MAX_PRIORITIES}: a few themes done well beat many."
        )

    chosen = ask.checkbox(
        f"What matters most to you? (space to pick, up to {MAX_PRIORITIES}, enter when done)",
        [(t.id, t.title) for t in themes],
        checked=saved,
        validate=at_most,
        descriptions={t.id: t.summary for t in themes},
    )
    ordered: list[str] = []
    rest = [t for t in saved if t in chosen] + [t for t in chosen if t not in saved]
    while len(rest) > 1:
        top = ask.select(
            "Which of these matters most?" if not ordered else "And next?",
            [(t, bank.themes[t].title) for t in rest],
            default=rest[0],
        )
        ordered.append(top)
        rest.remove(top)
    return ordered + rest


def _research(ask: Prompter, bank: Bank, answers: Answers, on_answer: OnAnswer) -> None:
    notes: dict[str, str] = dict(answers.get("research") or {})
    answers["research"] = notes
    themes = [t for t in answers.get("priorities") or [] if t in bank.themes]
    if not themes:
        on_answer(answers)
        return
    ask.say("\nResearch first: never ask what the website or a search answers. For each theme you picked:", "bold")
    for theme_id in themes:
        theme = bank.themes[theme_id]
        ask.say(f"\n{theme.title}", "bold")
        for prompt in theme.research_prompts:
            ask.bullet(f"{prompt.prompt} ({', '.join(prompt.where)})")
        note = ask.text(
            f"What did you find out about {theme.title.lower()}? (optional)", default=notes.get(theme_id, "")
        )
        notes[theme_id] = note
        on_answer(answers)


def _custom(ask: Prompter, bank: Bank, answers: Answers) -> list[dict[str, Any]]:
    from revint_cli.tailor import custom_warnings

    saved = list(answers.get("custom_questions") or [])
    if saved and ask.confirm(f"Keep your {len(saved)} own question(s)?", default=True):
        questions = saved
    else:
        questions = []
    stage = str(answers.get("stage", "interview"))
    bank_texts = {q.id: q.text for q in bank.questions.values()}
    themes = [(t.id, t.title) for t in bank.themes.values()]
    first = (answers.get("priorities") or [next(iter(bank.themes))])[0]
    while len(questions) < MAX_CUSTOM and ask.confirm(
        "Add a question of your own?" if not questions else "Add another?", default=False
    ):
        text = ask.text("Your question:", validate=question_text)
        while warnings := custom_warnings(text, stage, bank_texts)[0]:
            for warning in warnings:
                ask.say(f"  ⚠ {warning}", "fg:ansiyellow")
            if ask.confirm("Keep it as it is?", default=False):
                break
            text = ask.text("Your question:", default=text, validate=question_text)
        theme = ask.select("Which theme does it belong to?", themes, default=first)
        minutes = ask.text("Minutes to ask it and hear the answer?", default="3", validate=int_between(1, 10))
        questions.append({"text": text, "theme": theme, "minutes": int(minutes)})
        answers["custom_questions"] = questions
    return questions


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


def debrief(
    sheet: dict[str, Any], bank: Bank, answers: Answers, on_answer: OnAnswer, *, review: bool = False
) -> Answers:
    """Walk through the sheet's questions: asked or not, a note, a rating; then extras, gut feeling, notes."""
    ask = Prompter(DEBRIEF_INTERRUPTED)
    recorded: dict[str, Any] = answers.setdefault("answers", {})
    planned = list(sheet.get("questions", []))
    backups = list(sheet.get("backup", []))

    if backups and (review or BACKUPS_DONE not in answers):
        extra_ids = ask.checkbox(
            "Did you also ask any of the 'If time allows' questions? (space to pick, enter when done)",
            [(q["id"], q["text"]) for q in backups],
            checked=[q["id"] for q in backups if q["id"] in recorded],
        )
        planned += [q for q in backups if q["id"] in extra_ids]
        answers[BACKUPS_DONE] = True
        on_answer(answers)
    else:
        planned += [q for q in backups if q["id"] in recorded]

    for n, q in enumerate(planned, start=1):
        if q["id"] in recorded and not review:
            continue
        before = recorded.get(q["id"]) or {}
        who = q.get("ask") or {}
        person = f" · asked of {who.get('name') or who.get('role')}" if who else ""
        ask.say(f"\n[{n}/{len(planned)}] {q['text']}", "bold")
        ask.say(f"  {q['theme']}{person}", "fg:ansibrightblack")
        for green in q.get("listen_for", {}).get("green", []):
            ask.say(f"  + {green}", "fg:ansigreen")
        for red in q.get("listen_for", {}).get("red", []):
            ask.say(f"  - {red}", "fg:ansired")
        asked = ask.select(
            "Did you ask it?", [("yes", "yes"), ("no", "no")], default="no" if before.get("asked") is False else "yes"
        )
        if asked == "no":
            recorded[q["id"]] = {"asked": False}
            on_answer(answers)
            continue
        note = ask.text("What did they answer? (a short note, optional)", default=str(before.get("note") or ""))
        rating = ask.select("How did it sound?", RATING_CHOICES, default=str(before.get("rating") or "yellow"))
        recorded[q["id"]] = {"asked": True, "rating": rating, "note": note}
        on_answer(answers)

    if review or "extra" not in answers:
        extras: list[dict[str, Any]] = list(answers.get("extra") or []) if not review else []
        themes = [(t.id, t.title) for t in bank.themes.values()]
        while ask.confirm(
            "Did you ask anything that was not on the sheet?" if not extras else "Another one?", default=False
        ):
            text = ask.text("What did you ask?", validate=question_text)
            theme = ask.select("Which theme does it belong to?", themes, default=themes[0][0])
            note = ask.text("What did they answer? (optional)")
            rating = ask.select("How did it sound?", RATING_CHOICES, default="yellow")
            extras.append({"text": text, "theme": theme, "rating": rating, "note": note})
            answers["extra"] = extras
            on_answer(answers)
        answers["extra"] = extras
        on_answer(answers)
    if review or "gut" not in answers:
        gut = ask.select("Overall, what does your gut say?", GUT_CHOICES, default=str(answers.get("gut") or 3))
        answers["gut"] = int(gut)
        on_answer(answers)
    if review or "notes" not in answers:
        answers["notes"] = ask.text("Anything else to remember? (optional)", default=str(answers.get("notes") or ""))
        on_answer(answers)
    return answers
