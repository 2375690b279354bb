"""What the employer's sector, its kind and the job's country change in the plan. Pure functions.

- `fits_where`: a question tagged for sectors, kinds of employer or countries fits only a profile that names
  one of them; a question for [all] fits everyone. A profile that names no sector or no country gets only
  the [all] ones, so no country's rules are stated as fact for a candidate who did not say where the job
  is; a kind of employer not known excludes nothing (most company names say nothing of it).
- `lift`: naming the profile's country lifts a question most (its variant of a pay or contract question
  beats the neutral one of the same topic; the EU's variant names its 27 members), then its sector (a
  nurse's questions before the generic ones), then its kind of employer, each only where the tag names few
  of its values.
- `decisive`: each topic the profile's sector names as deciding the job (`SectorInfo.decisive_topics`) gets
  a question when one fits, right after the priorities; one that cannot is reported with its reason, as an
  uncovered priority is (`MissedTopic`), never dropped in silence. A topic none of whose questions is
  written for the candidate's level or kind of role is not theirs, and not reported.
- `audience_labels` and `facts`: what the sheet carries so that its renderers need no bank: how the sector
  calls the people met ("the ward manager"), and the country's dated, sourced facts on the topics asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from revint_cli.formats.cheatsheet import Fact, MissedTopic
from revint_cli.formats.profile import Profile
from revint_cli.formats.reasons import Reach, Reason
from revint_cli.planning.draft import Draft
from revint_cli.questionbank import Bank, Question
from revint_cli.vocab import CLOSING_THEME, EMPLOYERS, SECTORS, STAGES

# (question tag, profile field, lift): the country most, then the sector, then the kind of employer.
WHERE = (("countries", "country", 5), ("sectors", "sector", 4), ("employers", "employer", 2))


def fits_where(question: Question, profile: Profile) -> bool:
    """The question's sectors, kinds of employer and countries admit the profile's."""
    for tag, field_name, _lift in WHERE:
        values, value = getattr(question, tag), getattr(profile, field_name)
        if value is None and tag == "employers":  # a kind of employer not known excludes nothing
            continue
        if "all" not in values and value not in values:
            return False
    return True


# How many values a tag may name and still be specific: a question for four kinds of employer out of eight
# is one that leaves some out, not one written for the candidate's (as `tailor.specificity` counts).
SPECIFIC = {"countries": 27, "sectors": len(SECTORS) // 3, "employers": len(EMPLOYERS) // 3}


def lift(question: Question, profile: Profile) -> int:
    """How much naming the profile's country, sector or kind of employer lifts a question."""
    lifted = 0
    for tag, name, weight in WHERE:
        values = getattr(question, tag)
        if "all" not in values and getattr(profile, name) in values and len(values) <= SPECIFIC[tag]:
            lifted += weight
    return lifted


@dataclass(frozen=True)
class Judge:
    """What the planner knows of questions, handed to the rule of decisive topics."""

    could_ask: Callable[[], list[Question]]  # those that fit the candidate, whoever can answer them, ranked
    score: Callable[[Question], int]
    theirs: Callable[[Question], bool]  # written for the candidate, whatever the stage


def decisive_topics(bank: Bank, profile: Profile) -> list[str]:
    info = bank.sectors.get(profile.sector or "")
    return list(info.decisive_topics) if info else []


def decisive(draft: Draft, bank: Bank, judge: Judge) -> list[MissedTopic]:
    """Each decisive topic of the profile's sector on the sheet when a question of it fits, else reported.

    The draft's ranked pools hold the questions someone named can answer; a topic's question is looked for
    in the priority themes first, then by score."""
    topics = decisive_topics(bank, draft.profile)
    if not topics:
        return []
    closed = draft.count.get(CLOSING_THEME, 0) > 0  # a sheet holds one closing question (rule 4 chose it)
    everyone: list[Question] | None = None  # every question that fits, whoever answers: read only if needed
    priorities = draft.profile.priorities
    pooled = [
        (n, q)
        for pool in draft.ranked.values()
        for n, q in enumerate(pool)
        if not (closed and q.theme == CLOSING_THEME)
    ]
    ranked = [q for _n, q in sorted(pooled, key=lambda nq: (nq[1].theme not in priorities, -judge.score(nq[1]), nq[0]))]
    missed = []
    for topic in topics:
        if topic in draft.topics:
            continue
        answerable = [q for q in ranked if q.topic_id == topic]
        if any(draft.take(q) for q in answerable):
            continue
        if everyone is None:
            everyone = [q for q in judge.could_ask() if not (closed and q.theme == CLOSING_THEME)]
        anyone = [q for q in everyone if q.topic_id == topic]
        if not answerable and anyone and draft.profile.interviewers:
            if any(draft.take(q, reach=Reach(audiences=q.who_can_answer())) for q in anyone):
                continue
        reported = _missed(draft, bank, topic, answerable, anyone, judge)
        if reported is not None:
            missed.append(reported)
    return missed


def _missed(
    draft: Draft, bank: Bank, topic: str, answerable: list[Question], anyone: list[Question], judge: Judge
) -> MissedTopic | None:
    """Why a decisive topic is not on the sheet; None when none of its questions is written for this
    candidate's level, kind of role or way of working (preceptorship for a senior nurse): not their topic."""
    of_topic = [q for q in bank.questions.values() if q.topic_id == topic]
    if of_topic and not any(judge.theirs(q) for q in of_topic):
        return None
    found = answerable or anyone or of_topic
    best = found[0] if found else None
    if answerable:
        reason = Reason(code="no-time", params={"minutes": answerable[0].minutes})
    elif anyone:
        reason = Reason(code="nobody-can-answer", params={"audiences": anyone[0].who_can_answer()})
    elif not of_topic:
        reason = Reason(code="no-questions")
    else:
        stages: list[str] = [s for s in STAGES if any(q.stages.earliest == s for q in of_topic if judge.theirs(q))]
        reason = Reason(code="later-stage", params={"stage": draft.profile.stage, "stages": stages})
    if best is None:
        return MissedTopic(topic=topic, text=topic, reason=reason)
    return MissedTopic(topic=topic, text=best.text, question=best.id, theme=best.theme, reason=reason)


def audience_labels(bank: Bank, profile: Profile) -> dict[str, str]:
    """How the profile's sector calls each audience ({manager: "charge nurse or ward manager"}), if it does."""
    info = bank.sectors.get(profile.sector or "")
    return {str(role): text for role, text in info.audience_labels.items()} if info else {}


def facts(profile: Profile, topics: set[str]) -> list[Fact]:
    """The country's facts on the topics of the sheet (an EU member's include the EU's); none without a country."""
    if profile.country is None:
        return []
    from revint_cli import countries

    shipped = countries.load()
    name = shipped.get(profile.country)
    return [
        Fact(topic=f.topic, text=f.text, source=f.source, as_of=f.as_of, country=name.name if name else profile.country)
        for f in shipped.facts(profile.country)
        if f.topic in topics
    ]
