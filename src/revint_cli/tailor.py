"""Choosing the questions: pure functions from a bank and a profile to a plan. No terminal here.

The rules, in order:
1. A question is eligible when its theme is not skipped, its tags admit the profile's stage, seniority,
   role family and work mode, and (with interviewers named) one of them is in its audience.
   A `skip_if_researched` question is dropped when its theme has a research note.
2. One `next-steps` question closes the sheet: the best one that fits; its minutes are reserved first.
3. The candidate's own questions come next, first in their themes.
4. Then coverage before depth: every priority theme gets its best question that fits, then remote-work for
   remote and hybrid candidates, then a second question per priority, then one question for each other
   theme that fits, then a third per priority; the candidate's own questions count towards these. Within a
   theme, questions tagged for exactly this role family, seniority or work mode come before generic ones;
   otherwise the bank's order is its ranking.
5. The planned minutes never exceed the budget; the best questions that did not fit are the backups.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from revint_cli.bank import Bank, Question, looks_closed
from revint_cli.profile import Interviewer, Profile

CLOSING_THEME = "next-steps"
REMOTE_THEME = "remote-work"
BACKUP_COUNT = 5
LATE_STAGES = ("final", "offer")
REPEAT_RATIO = 0.8
_PAY = re.compile(
    r"\b(pay|paid|salary|salaries|compensation|bonus(es)?|equity|stock|options|raise|wage|vacation|holidays?|pto|time off|leave)\b",
    re.I,
)


@dataclass(frozen=True)
class Item:
    """One question on the sheet, from the bank or the candidate."""

    id: str
    theme: str
    text: str
    minutes: int
    why: str = ""
    follow_ups: tuple[str, ...] = ()
    green: tuple[str, ...] = ()
    red: tuple[str, ...] = ()
    ask: Interviewer | None = None
    source: str = "bank"
    warnings: tuple[str, ...] = ()
    recheck: str | None = None  # why it is asked again (next round: a red answer to cross-check)


@dataclass(frozen=True)
class Plan:
    profile: Profile
    items: tuple[Item, ...]  # sheet order: themes in order, the closing question last
    backup: tuple[Item, ...]
    theme_order: tuple[str, ...]
    budget: int
    planned: int
    research: Mapping[str, str] = field(default_factory=dict)

    def in_theme(self, theme: str) -> list[Item]:
        return [item for item in self.items if item.theme == theme]


@dataclass(frozen=True)
class Carry:
    """What an earlier round tells the next one (see `revint prep --next-round`)."""

    first: Sequence[str] = ()  # question ids to put first in their theme (yellow and red answers)
    done: Collection[str] = ()  # question ids not to ask again (green answers)
    recheck: Mapping[str, str] = field(default_factory=dict)  # question id -> role that answered red
    themes_first: Sequence[str] = ()  # priority themes to cover first (nobody has answered them yet)


def eligible(question: Question, profile: Profile, *, carried: bool = False) -> bool:
    """Rule 1. A `carried` question (asked in an earlier round, to be asked again) passes any stage."""
    if question.theme in profile.skip_themes:
        return False
    if not question.stages.admits(profile.stage) and not carried:
        return False
    if not (
        question.admits("seniority", profile.seniority)
        and question.admits("role_families", profile.role_family)
        and question.admits("work_modes", profile.work_mode)
    ):
        return False
    if profile.interviewers and not any(question.answerable_by(iv.role) for iv in profile.interviewers):
        return False
    return not (question.skip_if_researched and profile.research_notes().get(question.theme))


def specificity(question: Question, profile: Profile) -> int:
    """How many of the profile's role family, seniority and work mode the question is tagged for by name."""
    return sum(
        question.specific_to(tag, value)
        for tag, value in (
            ("role_families", profile.role_family),
            ("seniority", profile.seniority),
            ("work_modes", profile.work_mode),
        )
    )


def theme_order(bank: Bank, profile: Profile, extra: Sequence[str] = (), themes_first: Sequence[str] = ()) -> list[str]:
    """Priorities (those in `themes_first` ahead of the others), then remote-work for remote and hybrid
    candidates, then `extra`, then the bank's order. The closing theme always comes last.
    """
    priorities = [t for t in themes_first if t in profile.priorities]
    priorities += [t for t in profile.priorities if t not in priorities]
    order = [t for t in priorities if t in bank.themes]
    if profile.work_mode in ("remote", "hybrid") and REMOTE_THEME in bank.themes:
        order.append(REMOTE_THEME)
    order += list(extra)
    order += [t for t in bank.themes if t not in profile.skip_themes]
    order = [t for t in dict.fromkeys(order) if t != CLOSING_THEME]
    if CLOSING_THEME in bank.themes and (CLOSING_THEME not in profile.skip_themes or CLOSING_THEME in extra):
        order.append(CLOSING_THEME)
    return order


def custom_warnings(text: str, stage: str, bank_texts: Mapping[str, str]) -> tuple[list[str], str | None]:
    """Warnings for the candidate's own question, and the id of the bank question it repeats, if any."""
    warnings: list[str] = []
    if looks_closed(text):
        warnings.append("looks like a yes/no question: open it with What, How or Tell me about")
    if stage not in LATE_STAGES and _PAY.search(text):
        warnings.append(f"pay and time off usually wait for the final stage or the offer (this is {stage})")
    repeats = _closest(text, bank_texts)
    if repeats:
        warnings.append(f"repeats the bank question '{repeats}', so that one is left out")
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


class _Asker:
    """Assigns each question to an interviewer in its audience, spreading the minutes when both fit."""

    def __init__(self, interviewers: Sequence[Interviewer]):
        self.interviewers = list(interviewers)
        self.load = [0] * len(self.interviewers)

    def pick(self, question: Question, *, count: bool = True, avoid: str | None = None) -> Interviewer | None:
        fits = [i for i, iv in enumerate(self.interviewers) if iv.role in question.audience]
        if avoid is not None and any(self.interviewers[i].role != avoid for i in fits):
            fits = [i for i in fits if self.interviewers[i].role != avoid]
        if not fits:
            return None
        best = min(fits, key=lambda i: (self.load[i], i))
        if count:
            self.load[best] += question.minutes
        return self.interviewers[best]


def _item(question: Question, ask: Interviewer | None, recheck: str | None = None) -> Item:
    return Item(
        id=question.id,
        theme=question.theme,
        text=question.text,
        minutes=question.minutes,
        why=question.why,
        follow_ups=tuple(question.follow_ups),
        green=tuple(question.listen_for.green),
        red=tuple(question.listen_for.red),
        ask=ask,
        recheck=recheck,
    )


def carried_item(question: Question, asker: _Asker, carry: Carry, *, count: bool = True) -> Item:
    """The sheet item for `question`, assigned to someone; a red answer's question goes to someone else
    than the person who gave it when anyone else is named, and says why it is asked again."""
    recheck = carry.recheck.get(question.id)
    ask = asker.pick(question, count=count, avoid=recheck)
    note = None
    if recheck is not None:
        other = ask is not None and ask.role != recheck
        note = f"asked again to cross-check a red answer from the {recheck}" + (
            "" if other else " (no one else named to ask)"
        )
    return _item(question, ask, note)


def plan(bank: Bank, profile: Profile, carry: Carry | None = None) -> Plan:
    carry = carry or Carry()
    budget = profile.minutes
    left = budget
    asker = _Asker(profile.interviewers)

    # The candidate's own questions, with their warnings; a bank question they repeat is left out.
    bank_texts = {q.id: q.text for q in bank.questions.values()}
    customs: list[Item] = []
    repeated: set[str] = set()
    for n, custom in enumerate(profile.custom_questions, start=1):
        warnings, repeats = custom_warnings(custom.text, profile.stage, bank_texts)
        if repeats:
            repeated.add(repeats)
        customs.append(
            Item(
                id=f"custom-{n}",
                theme=custom.theme,
                text=custom.text,
                minutes=custom.minutes,
                source="custom",
                warnings=tuple(warnings),
            )
        )

    order = theme_order(bank, profile, extra=[c.theme for c in customs], themes_first=carry.themes_first)
    ranked: dict[str, list[Question]] = {}
    first = {qid: i for i, qid in enumerate(carry.first)}
    position = {qid: i for i, qid in enumerate(bank.questions)}
    for theme in order:
        pool = [
            q
            for q in bank.in_theme(theme)
            if eligible(q, profile, carried=q.id in first) and q.id not in repeated and q.id not in carry.done
        ]
        pool.sort(key=lambda q: (first.get(q.id, len(first)), -specificity(q, profile), position[q.id]))
        ranked[theme] = pool

    chosen: dict[str, Item] = {}  # question id -> item, in the order chosen

    def take(question: Question) -> bool:
        nonlocal left
        if question.id in chosen or question.minutes > left:
            return False
        chosen[question.id] = carried_item(question, asker, carry)
        left -= question.minutes
        return True

    # The best closing question that fits: a long best one must not leave the sheet without one.
    for question in ranked.get(CLOSING_THEME, []):
        if take(question):
            break

    kept_customs: list[Item] = []
    dropped_customs: list[Item] = []
    for own in customs:
        if own.minutes <= left:
            left -= own.minutes
            kept_customs.append(own)
        else:
            dropped_customs.append(replace(own, warnings=(*own.warnings, f"did not fit in your {budget} minutes")))

    priorities = [t for t in order if t in profile.priorities and t != CLOSING_THEME]
    promoted = [REMOTE_THEME] if profile.work_mode in ("remote", "hybrid") and REMOTE_THEME not in priorities else []
    others = [t for t in order if t not in priorities and t not in promoted and t != CLOSING_THEME]
    # At most three questions per priority theme and one per other theme, coverage first. A pass gives each
    # of its themes one more question, up to `upto` in all: the best one still left that fits the time, so
    # that a long best question does not leave a theme empty while others get a second. The candidate's own
    # questions count: a theme with one is already covered.
    count = {theme: sum(c.theme == theme for c in kept_customs) for theme in order}
    passes = [(priorities, 1), (promoted, 1), (priorities, 2), (others, 1), (priorities, 3)]
    for themes, upto in passes:
        for theme in themes:
            if count.get(theme, 0) >= upto:
                continue
            for question in ranked.get(theme, []):
                if take(question):
                    count[theme] = count.get(theme, 0) + 1
                    break

    # Backups: the best eligible questions left out, nearest to being chosen first.
    leftovers: list[Question] = []
    for rank in range(max((len(p) for p in ranked.values()), default=0)):
        for theme in [*priorities, *promoted, *others, CLOSING_THEME]:
            pool = ranked.get(theme, [])
            if rank < len(pool) and pool[rank].id not in chosen:
                leftovers.append(pool[rank])
    backup = [*dropped_customs, *(carried_item(q, asker, carry, count=False) for q in leftovers)][:BACKUP_COUNT]

    items: list[Item] = []
    for theme in order:
        items += [c for c in kept_customs if c.theme == theme]
        items += [chosen[q.id] for q in ranked.get(theme, []) if q.id in chosen]
    research = {t: note for t, note in profile.research_notes().items()}
    planned = sum(item.minutes for item in items)
    return Plan(
        profile=profile,
        items=tuple(items),
        backup=tuple(backup),
        theme_order=tuple(t for t in order if any(i.theme == t for i in items)),
        budget=budget,
        planned=planned,
        research=research,
    )
