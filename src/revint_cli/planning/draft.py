"""The sheet while it is being planned (`Draft`): what is chosen, the minutes left, the topics used, who
asks what (`Asker`), and what an earlier round carries into the next one (`Carry`). `tailor` applies its
rules to a `Draft`; nothing here decides which question comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from revint_cli.formats.cheatsheet import Item, Signals, Uncovered
from revint_cli.formats.profile import Interviewer, Profile
from revint_cli.formats.reasons import Reach, Recheck
from revint_cli.questionbank import Question


@dataclass(frozen=True)
class Carry:
    """What an earlier round tells the next one (see `revint prep --next-round`)."""

    first: Sequence[str] = ()  # question ids to put first in their theme (yellow and red answers)
    done: Collection[str] = ()  # question ids not to ask again (green answers)
    recheck: Mapping[str, str] = field(default_factory=dict)  # question id -> role that answered red
    themes_first: Sequence[str] = ()  # priority themes to cover first (nobody has answered them yet)


# Minutes of questions one interviewer may carry beyond the other before a question goes to the second best
# person to ask it: the person the bank names first gets the question, unless that unbalances the meeting.
PREFERENCE_MINUTES = 4


class Asker:
    """Assigns each question to an interviewer who can answer it: the one the bank names first in its
    audience (benefits to HR, the day-to-day to a peer), unless that person already carries more than
    PREFERENCE_MINUTES more than the other; then the minutes are spread."""

    def __init__(self, interviewers: Sequence[Interviewer]):
        self.people = list(interviewers)
        self.load = [0] * len(self.people)

    def pick(self, can: Sequence[int], minutes: int, count: bool, rank: Callable[[int], int]) -> Interviewer | None:
        if not can:
            return None
        best = min(can, key=lambda i: (self.load[i] + PREFERENCE_MINUTES * rank(i), i))
        if count:
            self.load[best] += minutes
        return self.people[best]

    def for_question(self, question: Question, *, count: bool = True, avoid: str | None = None) -> Interviewer | None:
        can = [i for i, p in enumerate(self.people) if question.answerable_by(p.role)]
        if avoid is not None and any(self.people[i].role != avoid for i in can):
            can = [i for i in can if self.people[i].role != avoid]
        return self.pick(can, question.minutes, count, lambda i: question.rank_of(self.people[i].role))

    def for_own(self, minutes: int, *, count: bool = True) -> Interviewer | None:
        return self.pick(list(range(len(self.people))), minutes, count, lambda i: 0)


@dataclass
class Draft:
    """The sheet being planned: what is chosen, the minutes left, the topics used."""

    profile: Profile
    carry: Carry
    asker: Asker
    left: int
    ranked: dict[str, list[Question]] = field(default_factory=dict)
    chosen: dict[str, Item] = field(default_factory=dict)  # question id -> item, in the order chosen
    topics: set[str] = field(default_factory=set)
    own: list[Item] = field(default_factory=list)
    own_left_out: list[Item] = field(default_factory=list)
    count: dict[str, int] = field(default_factory=dict)
    uncovered: list[Uncovered] = field(default_factory=list)

    def fits(self, question: Question) -> bool:
        return question.id not in self.chosen and question.topic_id not in self.topics and question.minutes <= self.left

    def take(self, question: Question, *, reach: Reach | None = None) -> bool:
        if not self.fits(question):
            return False
        self.chosen[question.id] = self.item(question, reach=reach)
        self.topics.add(question.topic_id)
        self.left -= question.minutes
        self.count[question.theme] = self.count.get(question.theme, 0) + 1
        return True

    def take_best(self, theme: str) -> bool:
        return any(self.take(q) for q in self.ranked.get(theme, []))

    def item(self, question: Question, *, count: bool = True, reach: Reach | None = None) -> Item:
        """The sheet item for `question`, assigned to someone; a red answer's question goes to someone else
        than the person who gave it when anyone else is named, and says why it is asked again."""
        recheck_role = self.carry.recheck.get(question.id)
        ask = None if reach else self.asker.for_question(question, count=count, avoid=recheck_role)
        recheck = None
        if recheck_role is not None:
            recheck = Recheck(role=recheck_role, other_named=ask is not None and ask.role != recheck_role)
        return Item(
            id=question.id,
            theme=question.theme,
            text=question.text,
            minutes=question.minutes,
            ask=ask,
            why=question.why,
            follow_ups=list(question.follow_ups),
            listen_for=Signals(green=list(question.listen_for.green), red=list(question.listen_for.red)),
            recheck=recheck,
            reach=reach,
        )
