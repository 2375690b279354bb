"""Two interviewers of one company, side by side: where their drafted answers differ, or only one has an
answer. Why each joined and why each stays are their own, and left out. Its markdown is
`render.brief_compare_md`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from revint_cli.i18n import _
from revint_cli.interviewer.answers import OWN_REASONS, PERSONAL, PROCESS, BriefProfile, DraftAnswer
from revint_cli.interviewer.guidance import lower_first
from revint_cli.labels import STAGE, label
from revint_cli.untrusted import to_json

Status = Literal["differ", "only-first", "only-second"]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Difference:
    id: str
    text: str
    status: Status
    first: DraftAnswer
    second: DraftAnswer
    numbers: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # both give numbers, and not the same


@dataclass(frozen=True)
class Comparison:
    labels: tuple[str, str]
    differences: list[Difference]
    agreed: list[str]  # ids answered the same way by both
    warnings: list[str]

    def to_json(self) -> str:
        return to_json(
            {
                "schema": "revint.brief-compare/1",
                "first": self.labels[0],
                "second": self.labels[1],
                "differences": [
                    {
                        "id": d.id,
                        "text": d.text,
                        "status": d.status,
                        "first": d.first.model_dump(),
                        "second": d.second.model_dump(),
                        **({"numbers": [list(d.numbers[0]), list(d.numbers[1])]} if d.numbers else {}),
                    }
                    for d in self.differences
                ],
                "agreed": self.agreed,
                "warnings": self.warnings,
            }
        )


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())

    return norm(a) == norm(b)


def _mismatches(first: BriefProfile, second: BriefProfile) -> list[str]:
    """Why the two files may not be about the same conversation: another role, another stage."""
    warnings = []
    if (lower_first(first.company), lower_first(first.role)) != (lower_first(second.company), lower_first(second.role)):
        message = _(
            "the files are for different roles: {first_role} at {first_company}, {second_role} at {second_company}"
        )
        warnings.append(
            message.format(
                first_role=first.role,
                first_company=first.company,
                second_role=second.role,
                second_company=second.company,
            )
        )
    if first.stage != second.stage:
        warnings.append(
            _("the files are for different stages: {first} and {second}").format(
                first=label(STAGE, first.stage), second=label(STAGE, second.stage)
            )
        )
    return warnings


def compare(first: BriefProfile, second: BriefProfile, texts: Mapping[str, str], labels: tuple[str, str]) -> Comparison:
    """Where two interviewers' drafted answers differ, or one of them has none; why each joined and why each
    stays are their own, and left out. `texts` gives each id's question (the prompts' and the bank's); the
    order is the prompts, then the questions, then the process."""
    warnings = _mismatches(first, second)

    def given(profile: BriefProfile, key: str) -> bool:
        return bool(profile.answer(key).answer.strip())

    ids = [
        k for k in (*first.answers, *second.answers) if k not in OWN_REASONS and (given(first, k) or given(second, k))
    ]
    order = {key: n for n, key in enumerate((*(pid for pid, _t in PERSONAL), *texts, *(pid for pid, _t in PROCESS)))}
    ids = sorted(dict.fromkeys(ids), key=lambda k: (order.get(k, len(order)), k))
    differences: list[Difference] = []
    agreed: list[str] = []
    for key in ids:
        a, b = first.answer(key), second.answer(key)
        text = texts.get(key, key)
        if not given(second, key):
            differences.append(Difference(key, text, "only-first", a, b))
        elif not given(first, key):
            differences.append(Difference(key, text, "only-second", a, b))
        elif _same(a.answer, b.answer):
            agreed.append(key)
        else:
            na, nb = tuple(_NUMBER.findall(a.answer)), tuple(_NUMBER.findall(b.answer))
            numbers = (na, nb) if na and nb and sorted(na) != sorted(nb) else None
            differences.append(Difference(key, text, "differ", a, b, numbers))
    return Comparison(labels, differences, agreed, warnings)
