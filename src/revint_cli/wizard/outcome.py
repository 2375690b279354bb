"""The debrief wizard (`revint debrief`): what the employer answered, question by question.

First which backup questions ("if time allows") were asked too: the ticked ones are kept in the draft's
meta (`Meta.backups`), so that after Ctrl-C they are still asked, and counted, when the debrief resumes.
Then each planned question (asked or not, a note, a rating), the questions not on the sheet, the gut
feeling and the notes; saved after every answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revint_cli.answers import answer_done, as_bool
from revint_cli.i18n import N_, _
from revint_cli.store.draftstore import Meta
from revint_cli.wizard.prompts import Given, Prompt, ask_all, note_text, question_text

if TYPE_CHECKING:
    from revint_cli.answers import Answers, Save
    from revint_cli.formats.cheatsheet import Item, Sheet
    from revint_cli.questionbank import Bank
    from revint_cli.wizard.prompter import Prompter

RATING_CHOICES = (
    ("green", N_("green: a clear, specific, reassuring answer")),
    ("yellow", N_("yellow: vague, mixed, or you are not sure")),
    ("red", N_("red: a worrying answer")),
)
GUT_CHOICES = (
    ("5", N_("5: I want this job")),
    ("4", N_("4: good, with small doubts")),
    ("3", N_("3: mixed")),
    ("2", N_("2: doubtful")),
    ("1", N_("1: no")),
)


def _translated(choices: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(value, _(text)) for value, text in choices]


def debrief(
    sheet: Sheet, bank: Bank, answers: Answers, save: Save, *, meta: Meta | None = None, review: bool = False
) -> Answers:
    """Walk through the sheet's questions: asked or not, a note, a rating; then extras, gut feeling, notes."""
    from revint_cli.wizard.prompter import Prompter

    ask = Prompter()
    given = Given(answers, meta or Meta(), save, review=review, bank=bank)
    recorded: dict[str, Any] = answers.setdefault("answers", {})
    planned = list(sheet.questions) + ticked_backups(ask, sheet, given)
    for n, item in enumerate(planned, start=1):
        if review or not answer_done(recorded.get(item.id)):
            _debrief_one(ask, item, f"[{n}/{len(planned)}]", given)
    ask_all(ask, CLOSING, given)
    return answers


def ticked_backups(ask: Prompter, sheet: Sheet, given: Given) -> list[Item]:
    """The backup questions asked too: ticked once (kept in the meta), asked again only in a review."""
    if not sheet.backup:
        return []
    if given.review or given.meta.backups is None:
        recorded = given.data["answers"]
        before = given.meta.backups or []
        given.meta.backups = ask.checkbox(
            _("Did you also ask any of the 'If time allows' questions? (space to pick, enter when done)"),
            [(q.id, q.text) for q in sheet.backup],
            checked=[q.id for q in sheet.backup if q.id in recorded or q.id in before],
        )
        given.save()
    return [q for q in sheet.backup if q.id in (given.meta.backups or [])]


def _debrief_one(ask: Prompter, item: Item, counter: str, given: Given) -> None:
    recorded = given.data["answers"]
    before = recorded.get(item.id) or {}
    themes = given.bank().themes
    theme = themes[item.theme].title if item.theme in themes else item.theme  # a theme by its title, not its id
    ask.say(f"\n{counter} {item.text}", "bold")
    if item.ask:
        ask.say(
            "  " + _("{theme} · asked of {person}").format(theme=theme, person=item.ask.label()), "fg:ansibrightblack"
        )
    else:
        ask.say(f"  {theme}", "fg:ansibrightblack")
    for green in item.listen_for.green:
        ask.say(f"  + {green}", "fg:ansigreen")
    for red in item.listen_for.red:
        ask.say(f"  - {red}", "fg:ansired")
    asked = ask.select(
        _("Did you ask it?"),
        [("yes", _("yes")), ("no", _("no"))],
        default="no" if as_bool(before.get("asked")) is False else "yes",
    )
    if asked == "no":
        recorded[item.id] = {"asked": False}
        given.save()
        return
    recorded[item.id] = {"asked": True, "note": str(before.get("note") or "")}  # not done until rated
    given.save()
    note = ask.text(
        _("What did they answer? (a short note, optional)"), default=str(before.get("note") or ""), validate=note_text
    )
    recorded[item.id] = {"asked": True, "note": note}  # saved before the rating: Ctrl-C keeps the note
    given.save()
    rating = ask.select(
        _("How did it sound?"), _translated(RATING_CHOICES), default=str(before.get("rating") or "yellow")
    )
    recorded[item.id] = {"asked": True, "rating": rating, "note": note}
    given.save()


def _extras(ask: Prompter, given: Given) -> None:
    extras: list[dict[str, Any]] = [] if given.review else list(given.data.get("extra") or [])
    themes = [(t.id, t.title) for t in given.bank().themes.values()]
    given.meta.pending = [k for k in given.meta.pending if k != "extra"] + ["extra"]
    given.data["extra"] = extras
    for begun in extras:
        if not begun.get("rating"):  # interrupted while it was asked: what is missing of it
            _one_extra(ask, given, begun, themes)
    while ask.confirm(
        _("Did you ask anything that was not on the sheet?") if not extras else _("Another one?"), default=False
    ):
        extra: dict[str, Any] = {"text": ask.text(_("What did you ask?"), validate=question_text)}
        extras.append(extra)
        given.save()
        _one_extra(ask, given, extra, themes)
    given.keep("extra", extras)


def _one_extra(ask: Prompter, given: Given, extra: dict[str, Any], themes: list[tuple[str, str]]) -> None:
    """The theme, the note and the rating of a question not on the sheet, each saved as it is given."""
    if not extra.get("theme"):
        extra["theme"] = ask.select(_("Which theme does it belong to?"), themes, default=themes[0][0])
        given.save()
    if "note" not in extra:
        extra["note"] = ask.text(_("What did they answer? (optional)"), validate=note_text)
        given.save()
    extra["rating"] = ask.select(_("How did it sound?"), _translated(RATING_CHOICES), default="yellow")
    given.save()


# After the questions of the sheet: the questions not on it, the gut feeling, the notes.
CLOSING = (
    Prompt("extra", N_("Did you ask anything that was not on the sheet?"), "list", steps=_extras),
    Prompt("gut", N_("Overall, what does your gut say?"), "scale", lambda _a: _translated(GUT_CHOICES), default=3),
    Prompt("notes", N_("Anything else to remember? (optional)"), "text", validator=note_text),
)
