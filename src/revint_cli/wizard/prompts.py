"""The wizards' prompts as data, and the one loop that asks them.

A `Prompt` is a key of the answers with its message, kind, choices, default and validator; a wizard is
a tuple of prompts, asked in order by `ask_all`, and the order of the keys a command asks (`keys`) is
read from that tuple, never written again. A list built item by item (the people, the priorities) is a
prompt of kind "list", whose `steps` ask for it and save it as it grows.

`Given` is the state of one run: the answers, the draft's `Meta` (which list is still being built, the
defaults a previous round suggests), what to ask again, and saving after every answer. Nothing here
imports questionary: the commands read the keys without loading it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from revint_cli import labels, vocab
from revint_cli.i18n import N_, _

if TYPE_CHECKING:
    from revint_cli.answers import Answers, Save
    from revint_cli.questionbank import Bank
    from revint_cli.store.draftstore import Meta
    from revint_cli.wizard.prompter import Prompter

    BankSource = Bank | Callable[[], Bank]

Validator = Callable[[str], bool | str]
Kind = Literal["text", "number", "date", "select", "scale", "option", "list"]
# scale: a menu of numbers, kept as one; option: a menu whose "" choice leaves the key empty (None)
Choices = Sequence[tuple[str, str]] | Callable[["Answers"], Sequence[tuple[str, str]]]
Steps = Callable[["Prompter", "Given"], None]

MAX_PRIORITIES = 5


@dataclass(frozen=True)
class Prompt:
    """One key to ask. `message` (and `instruction`) are marked with `N_` and translated when asked;
    `choices` and `default` may be functions of the answers so far (a guess from the job title)."""

    key: str
    message: str
    kind: Kind
    choices: Choices = ()
    default: Any = None
    validator: Validator | None = None
    instruction: str | None = None
    steps: Steps | None = None  # kind "list": asks for the list and saves it as it grows
    # Whether a replayed file without this key is asked for it. The sector, the kind of employer and the
    # country came after the first release: they are asked with the role, in a walk that asks the role; a
    # profile that already names its role replays as it did, with what the role suggests (shown in the
    # summary as read from the role) or no country.
    replayed: bool = True


def keys(prompts: Sequence[Prompt]) -> tuple[str, ...]:
    """The keys a replayed file is asked for when it lacks them, in the wizard's order."""
    return tuple(p.key for p in prompts if p.replayed)


# ----- validators (pure; return True or the message to show) -----------------------------------------


def text_within(limit: int, *, required: str | None = None) -> Validator:
    """A validator: at most `limit` characters; with `required` (marked with `N_`), the message for an
    empty answer."""

    def check(value: str) -> bool | str:
        value = value.strip()
        if required is not None and not value:
            return _(required)
        return True if len(value) <= limit else _("Please keep it under {limit} characters.").format(limit=limit)

    return check


required_line = text_within(vocab.LINE_MAX, required=N_("Please type an answer."))
optional_line = text_within(vocab.LINE_MAX)
question_text = text_within(vocab.QUESTION_MAX, required=N_("Please type your question."))
note_text = text_within(vocab.NOTE_MAX)


def int_between(low: int, high: int) -> Validator:
    def check(value: str) -> bool | str:
        number = vocab.whole_number(value)
        if number is not None and low <= number <= high:
            return True
        return _("A whole number from {low} to {high}, please.").format(low=low, high=high)

    return check


def optional_date(value: str) -> bool | str:
    value = value.strip()
    if not value:
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return _("A date like 2026-12-01, or leave it empty.")
    return True


# ----- the state of one run ---------------------------------------------------------------------------


class Given:
    """The answers being given: what to ask, the default to offer, and saving each answer at once."""

    def __init__(
        self, answers: Answers, meta: Meta, save: Save, *, review: bool = False, bank: BankSource | None = None
    ):
        self.data = answers
        self.meta = meta
        self.review = review
        self._save = save
        self._bank = bank

    def need(self, key: str) -> bool:
        return self.review or key not in self.data or key in self.meta.pending

    def default(self, key: str, fallback: Any) -> Any:
        """The saved answer, else a suggestion carried from an earlier round, else `fallback`."""
        value = self.data.get(key)
        if value in (None, ""):
            value = self.meta.defaults.get(key)
        return fallback if value in (None, "") else value

    def keep(self, key: str, value: Any, *, done: bool = True) -> None:
        """Keep the answer to `key` and save; `done` False: a list still being built, asked again on resume."""
        self.data[key] = value
        pending = [k for k in self.meta.pending if k != key]
        self.meta.pending = pending if done else [*pending, key]
        self.save()

    def save(self) -> None:
        self._save(self.data, self.meta)

    def bank(self) -> Bank:
        """The bank, loaded when a prompt first needs it (the first prompts do not wait for it)."""
        assert self._bank is not None, "this wizard was started without a bank"
        return self._bank() if callable(self._bank) else self._bank


# ----- the one loop -----------------------------------------------------------------------------------


def ask_all(ask: Prompter, prompts: Sequence[Prompt], given: Given) -> None:
    """Ask every prompt whose key is still needed, in order (see `Prompt.replayed`)."""
    with_role = given.need("role")
    for prompt in prompts:
        if given.need(prompt.key) and (prompt.replayed or with_role):
            ask_one(ask, prompt, given)


def ask_one(ask: Prompter, prompt: Prompt, given: Given) -> None:
    if prompt.kind == "list":
        assert prompt.steps is not None, prompt.key
        prompt.steps(ask, given)
        return
    fallback = prompt.default(given.data) if callable(prompt.default) else prompt.default
    default = str(given.default(prompt.key, "" if fallback is None else fallback))
    if prompt.kind in ("select", "scale", "option"):
        value = ask.select(_(prompt.message), choices_of(prompt, given.data), default=default)
        given.keep(prompt.key, _kept(prompt.kind, value))
        return
    instruction = _(prompt.instruction) if prompt.instruction else None
    value = ask.text(_(prompt.message), default=default, validate=prompt.validator, instruction=instruction)
    given.keep(
        prompt.key,
        vocab.whole_number(value) if prompt.kind == "number" else (value or None) if prompt.kind == "date" else value,
    )


def _kept(kind: Kind, value: str) -> Any:
    """A menu's answer as the answers file holds it: a number for a scale, nothing for an option's ""."""
    if kind == "scale":
        return vocab.whole_number(value)
    return (value or None) if kind == "option" else value


def choices_of(prompt: Prompt, answers: Answers) -> Sequence[tuple[str, str]]:
    return prompt.choices(answers) if callable(prompt.choices) else prompt.choices


def labelled(values: Sequence[str], table: Mapping[str, str]) -> Callable[[Answers], list[tuple[str, str]]]:
    """Choices of a vocabulary, each shown by its label (translated when asked)."""
    return lambda _answers: [(v, labels.label(table, v)) for v in values]


def review_saved(ask: Prompter, prompts: Sequence[Prompt], answers: Answers) -> bool:
    """Show the saved answers; return True when the person wants to go through them again."""
    ask.say(_("Your saved answers:"), "bold")
    for prompt in prompts:
        value = answers.get(prompt.key)
        if value not in (None, "", [], {}):
            ask.say("  " + _("{key}: {value}").format(key=prompt.key, value=_shown(prompt, value, answers)))
    return not ask.confirm(_("Keep them and go on where you stopped?"), default=True)


def _shown(prompt: Prompt, value: Any, answers: Answers) -> str:
    if prompt.kind in ("select", "scale", "option"):
        return dict(choices_of(prompt, answers)).get(str(value), str(value))
    return _brief(value)


def _brief(value: Any) -> str:
    """A saved answer on one line: a list's items apart ("name Bram, role manager; role peer"), an item not
    given yet (a person not yet described) left out."""
    if isinstance(value, list):
        return "; ".join(shown for shown in (_brief(v) for v in value) if shown)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_brief(v)}" for k, v in value.items() if v)
    return str(value)


# ----- shared by the wizards --------------------------------------------------------------------------


def job_prompts(company: str, where: str, stage: str) -> tuple[Prompt, ...]:
    """What a candidate's and an interviewer's wizard both ask first, in their own words."""
    return (
        Prompt("company", company, "text", validator=required_line),
        Prompt("role", N_("For which role?"), "text", validator=required_line),
        _guessed_prompt("role_family", N_("Which kind of role is it?"), vocab.ROLE_FAMILIES, labels.ROLE_FAMILY),
        _guessed_prompt("seniority", N_("At which level?"), vocab.SENIORITIES, labels.SENIORITY),
        _where_prompt(
            "sector", N_("In which sector is the employer?"), vocab.SECTORS, labels.SECTOR, N_("another sector")
        ),
        _where_prompt(
            "employer", N_("What kind of employer is it?"), vocab.EMPLOYERS, labels.EMPLOYER, N_("none of these")
        ),
        _where_prompt(
            "country",
            N_("In which country is the job? (its pay and contract rules)"),
            sorted(labels.COUNTRY),
            labels.COUNTRY,
            N_("say nothing country-specific"),
        ),
        Prompt("work_mode", where, "select", labelled(vocab.WORK_MODES, labels.WORK_MODE), default="onsite"),
        Prompt("stage", stage, "select", labelled(vocab.STAGES, labels.STAGE), default="interview"),
    )


def _guessed_prompt(key: str, message: str, values: Sequence[str], table: Mapping[str, str]) -> Prompt:
    """A menu of a vocabulary offering what the job title suggests (see `titles`)."""
    return Prompt(key, message, "select", labelled(values, table), default=lambda a: _suggested(a)[key])


def _where_prompt(key: str, message: str, values: Sequence[str], table: Mapping[str, str], none: str) -> Prompt:
    """A menu of a vocabulary with a last choice that leaves the key empty, offering what the job title and
    the company's name suggest (the country is never guessed, so it offers the empty choice)."""
    return Prompt(
        key,
        message,
        "option",
        lambda a: [*labelled(values, table)(a), ("", _(none))],
        default=lambda a: _suggested(a).get(key, ""),
        replayed=False,
    )


def _suggested(answers: Answers) -> dict[str, str]:
    """What the job title and the company's name suggest (see `titles`), offered as the defaults."""
    from revint_cli import titles

    return titles.suggested(str(answers.get("role", "")), str(answers.get("company", "")))


def stage_of(answers: Answers) -> str:
    return str(answers.get("stage") or "interview")


def minutes_prompt(message: str, instruction: str | None = None) -> Prompt:
    low, high = vocab.PROFILE_MINUTES
    return Prompt(
        "minutes",
        message,
        "number",
        default=lambda a: vocab.minutes_default(stage_of(a)),
        validator=int_between(low, high),
        instruction=instruction,
    )


def audience_choices(help_table: Mapping[str, str]) -> list[tuple[str, str]]:
    """Who someone is, each audience by its name and what it means to the person answering."""
    return [
        (
            a,
            _("{name} ({meaning})").format(
                name=labels.label(labels.AUDIENCE_NAME, a), meaning=labels.label(help_table, a)
            ),
        )
        for a in vocab.AUDIENCES
    ]


def pick_themes(ask: Prompter, bank: Bank, message: str, saved: list[str], too_many: str) -> list[str]:
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
