"""Rule 3 of the planner (`planning.tailor`): the candidate's own questions. Pure functions.

They come first in their themes and are assigned to an interviewer like any other; one that repeats a bank
question leaves out that question's whole topic; one that does not fit the time goes to the backups with a
warning. What is worth knowing about one is a `Warning` code: `closed-question`, `pay-too-early`,
`repeats-bank`, `did-not-fit`. The wizard checks an own question as it is typed with `custom_warnings`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

from revint_cli.formats.cheatsheet import Item
from revint_cli.formats.profile import CustomQuestion
from revint_cli.formats.reasons import Warning
from revint_cli.planning.draft import Draft
from revint_cli.questionbank import Bank, looks_closed

LATE_STAGES = ("final", "offer")
REPEAT_RATIO = 0.8
_PAY = re.compile(
    r"\b(pay|paid|salary|salaries|compensation|bonus(es)?|equity|stock|options|raise|wage|vacation|holidays?|pto|time off|leave)\b",
    re.I,
)


def custom_warnings(text: str, stage: str, bank_texts: Mapping[str, str]) -> tuple[list[Warning], str | None]:
    """Warnings for the candidate's own question, and the id of the bank question it repeats, if any."""
    warnings: list[Warning] = []
    if looks_closed(text):
        warnings.append(Warning(code="closed-question"))
    if stage not in LATE_STAGES and _PAY.search(text):
        warnings.append(Warning(code="pay-too-early", params={"stage": stage}))
    repeats = _closest(text, bank_texts)
    if repeats:
        warnings.append(Warning(code="repeats-bank", params={"question": repeats}))
    return warnings, repeats


def _closest(text: str, bank_texts: Mapping[str, str]) -> str | None:
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(text.lower())
    for qid, other in bank_texts.items():
        matcher.set_seq1(other.lower())
        if (
            matcher.real_quick_ratio() > REPEAT_RATIO
            and matcher.quick_ratio() > REPEAT_RATIO
            and matcher.ratio() > REPEAT_RATIO
        ):
            return qid
    return None


def own_questions(draft: Draft, customs: Sequence[CustomQuestion], bank: Bank) -> set[str]:
    """Rule 3. Returns the topics the candidate's own questions repeat, to be left out of the bank's choice."""
    bank_texts = {q.id: q.text for q in bank.questions.values()}
    repeated: set[str] = set()
    for n, custom in enumerate(customs, start=1):
        warnings, repeats = custom_warnings(custom.text, draft.profile.stage, bank_texts)
        if repeats:
            repeated.add(bank.questions[repeats].topic_id)
        fits = custom.minutes <= draft.left
        if fits:
            draft.left -= custom.minutes
            draft.count[custom.theme] = draft.count.get(custom.theme, 0) + 1
        else:
            warnings.append(Warning(code="did-not-fit", params={"minutes": draft.profile.minutes}))
        own = Item(
            id=f"custom-{n}",
            theme=custom.theme,
            text=custom.text,
            minutes=custom.minutes,
            ask=draft.asker.for_own(custom.minutes, count=fits),
            source="custom",
            warnings=warnings,
        )
        (draft.own if fits else draft.own_left_out).append(own)
    return repeated
