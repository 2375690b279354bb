"""Choosing the questions: pure functions from a bank and a profile to a sheet. No terminal here.

The rules, each one function below, applied in this order by `plan` to the sheet being planned
(`planning.draft.Draft`). What a rule says about a question or a theme is data, a code with its parameters
(`formats.reasons`), never a sentence: `render.words` words it.
1. `eligible`: a question fits when its theme is not skipped, its stage window holds the profile's stage,
   its tags admit the profile's seniority, role family, work mode, sector, employer and country
   (`planning.sectors.fits_where`), and (with interviewers named) one of
   them can answer it (a founder or an executive answers what a skip-level manager can). A
   `skip_if_researched` question is left out when its theme has a research note.
2. `rank`: within a theme, questions carried from an earlier round come first; then the best fit: the
   question's weight, plus a lift for a tag that names the profile's seniority (3), role family (2) or
   work mode (2) among at most half of its values, plus the narrowness of its stage window (a question written for the offer call
   ranks first at the offer call). Ties go by a stable shuffle seeded by the company and the role, never
   by file order: every question of the bank gets its turn, and one profile always gets the same sheet.
3. `own_questions`: the candidate's own questions come first in their themes and are assigned to an
   interviewer like any other; one that repeats a bank question leaves out that question's whole topic.
   An own question that does not fit the time goes to the backups with a warning: it never vanishes.
   Its warnings (`Warning`): `closed-question`, `pay-too-early` (before the final stage), `repeats-bank`
   (with the id of the bank question left out), `did-not-fit`.
4. `closing_question`: the best question of the closing theme (next steps) that fits; its minutes are
   reserved first, so a long best one never leaves the sheet without one.
5. `coverage`: coverage before depth: each priority theme gets a question; the candidate's own questions
   count. A sheet never holds two questions of one topic.
6. `reach`: a priority theme that none of the named people can answer still gets its best question for the
   stage, marked with whom to ask to be put in touch with (`Reach`: the audiences that can answer it),
   before any theme gets a second question; a priority with no question at all is listed as uncovered,
   with the reason (`Reason`: `no-time`, `nobody-can-answer`, `no-stage-fit`, `no-tag-fit`,
   `answered-earlier`, `researched`, `unknown-theme`, `no-questions`). Then each topic that decides jobs in
   the profile's sector gets a question, or is reported (`planning.sectors.decisive`).
7. `depth`: the promoted themes (`promoted_themes`: remote-work for remote and hybrid candidates, the salary
   range at a screening call), then a second question per priority, one per other theme, a third per priority.
8. `fill`: minutes left over are filled, one more question per theme and round, while any question fits.
9. `backups`: the candidate's own questions that did not fit, red answers of an earlier round that could
   not be asked again (kept as reminders), then the best questions left out, nearest to being chosen.
A question asked again after a red answer (rules 2 and 9) says so (`Recheck`: who gave the answer, and
whether someone else is named to ask it this time).
The planned minutes never exceed the budget. The same profile and bank always give the same sheet.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

from revint_cli.formats.cheatsheet import Item, MissedTopic, Sheet, Uncovered
from revint_cli.formats.profile import Profile
from revint_cli.formats.reasons import Reach, Reason
from revint_cli.planning import sectors
from revint_cli.planning.draft import Asker, Carry, Draft
from revint_cli.planning.own import own_questions
from revint_cli.questionbank import Bank, Question
from revint_cli.vocab import (
    CLOSING_THEME,
    PAY_THEME,
    REMOTE_THEME,
    ROLE_FAMILIES,
    SENIORITIES,
    STAGES,
    WORK_MODES,
)

BACKUP_COUNT = 5


# ----- rule 1: eligibility --------------------------------------------------------------------------------


def fits_candidate(question: Question, profile: Profile, *, carried: bool = False) -> bool:
    """The stage, the tags and the research: everything but who can answer. A `carried` question (asked in
    an earlier round, to be asked again) passes any stage."""
    if question.theme in profile.skip_themes:
        return False
    if not (carried or question.stages.admits(profile.stage)):
        return False
    if not (
        sectors.fits_where(question, profile)
        and question.admits("seniority", profile.seniority)
        and question.admits("role_families", profile.role_family)
        and question.admits("work_modes", profile.work_mode)
    ):
        return False
    return not (question.skip_if_researched and profile.research_notes().get(question.theme))


def eligible(question: Question, profile: Profile, *, carried: bool = False) -> bool:
    """Rule 1."""
    if profile.interviewers and not any(question.answerable_by(iv.role) for iv in profile.interviewers):
        return False
    return fits_candidate(question, profile, carried=carried)


# ----- rule 2: ranking ------------------------------------------------------------------------------------


# How much naming the profile's value in a tag lifts a question: the seniority most (a junior and an
# executive ask different things), then the role family and the work mode.
TAG_LIFT = (("seniority", "seniority", 3), ("role_families", "role_family", 2), ("work_modes", "work_mode", 2))


def specificity(question: Question, profile: Profile) -> int:
    """The lift of the tags that name the profile's seniority, role family or work mode, counting only tags
    that name at most half of their values (a question for "everyone but juniors" is not specific)."""
    sizes = {"seniority": len(SENIORITIES), "role_families": len(ROLE_FAMILIES), "work_modes": len(WORK_MODES)}
    lift = 0
    for tag, field_name, weight in TAG_LIFT:
        values = getattr(question, tag)
        if getattr(profile, field_name) in values and 2 * len(values) <= sizes[tag]:
            lift += weight
    return lift


def score(question: Question, profile: Profile) -> int:
    """How well a question fits: its weight, the tags it names for this profile (`sectors.lift` for where),
    the narrowness of its window."""
    window = STAGES.index(question.stages.latest) - STAGES.index(question.stages.earliest) + 1
    return question.weight + specificity(question, profile) + sectors.lift(question, profile) + (len(STAGES) - window)


def rank(questions: Iterable[Question], profile: Profile, first: Sequence[str] = ()) -> list[Question]:
    """Rule 2: carried questions first (in `first`'s order), then by score, then by the profile's shuffle."""
    carried = {qid: i for i, qid in enumerate(first)}
    seed = f"{profile.company}\0{profile.role}\0".encode()
    return sorted(
        questions,
        key=lambda q: (carried.get(q.id, len(carried)), -score(q, profile), zlib.crc32(seed + q.id.encode()), q.id),
    )


# ----- rules 4, 5 and 7: the closing question, coverage and depth -----------------------------------------


def closing_question(draft: Draft, decisive: Sequence[str] = ()) -> None:
    """Rule 4: the best closing question, one of a topic that decides the sector's jobs first (a paid trial
    shift), since a sheet holds one."""
    pool = draft.ranked.get(CLOSING_THEME, [])
    any(draft.take(q) for q in [*(q for q in pool if q.topic_id in decisive), *pool])


def promoted_themes(bank: Bank, profile: Profile, priorities: Sequence[str]) -> list[str]:
    """The themes that get a question before any theme gets a second one (rule 7): remote-work for remote
    and hybrid candidates, and at a screening call the salary range (the one pay question that fits
    there), unless the candidate skips them or already named them."""
    themes = [REMOTE_THEME] if profile.work_mode in ("remote", "hybrid") else []
    themes += [PAY_THEME] if profile.stage == "screening" else []
    return [t for t in themes if t in bank.themes and t not in priorities and t not in profile.skip_themes]


def coverage(draft: Draft, priorities: Sequence[str]) -> None:
    """Rule 5: one question for each priority."""
    _passes(draft, [(priorities, 1)])


def depth(draft: Draft, priorities: Sequence[str], promoted: Sequence[str], others: Sequence[str]) -> None:
    """Rule 7: one question for each promoted theme, a second per priority, one for each other theme, a third
    per priority."""
    _passes(draft, [(promoted, 1), (priorities, 2), (others, 1), (priorities, 3)])


def _passes(draft: Draft, passes: Sequence[tuple[Sequence[str], int]]) -> None:
    """Each pass gives each of its themes one more question, up to `upto` in all."""
    for themes, upto in passes:
        for theme in themes:
            if draft.count.get(theme, 0) < upto:
                draft.take_best(theme)


# ----- rule 6: priorities never dropped in silence ----------------------------------------------------------


def reach(draft: Draft, bank: Bank, priorities: Sequence[str]) -> None:
    """Rule 6."""
    for theme in priorities:
        if draft.count.get(theme, 0):
            continue
        reason = _reach_theme(draft, bank, theme)
        if reason is not None:
            draft.uncovered.append(Uncovered(theme=theme, reason=reason))


def _reach_theme(draft: Draft, bank: Bank, theme: str) -> Reason | None:
    """Rule 6 for one priority: its best question marked with whom to ask to be put in touch with (None),
    or why it has no question."""
    if theme not in bank.themes:
        return Reason(code="unknown-theme")
    fitting = rank((q for q in bank.in_theme(theme) if _could_ask(draft, q)), draft.profile)
    if fitting and draft.ranked.get(theme):  # someone named can answer, but time ran out
        return Reason(code="no-time", params={"minutes": draft.ranked[theme][0].minutes})
    if fitting and draft.profile.interviewers:
        if any(draft.take(q, reach=Reach(audiences=q.who_can_answer())) for q in fitting):
            return None
        return Reason(code="nobody-can-answer", params={"audiences": fitting[0].who_can_answer()})
    return _why_nothing_fits(draft, bank, theme)


def _could_ask(draft: Draft, question: Question) -> bool:
    """Fits the candidate and has not been answered well in an earlier round; anyone may be the one to ask."""
    return fits_candidate(question, draft.profile) and question.id not in draft.carry.done


def _why_nothing_fits(draft: Draft, bank: Bank, theme: str) -> Reason:
    profile = draft.profile
    questions = bank.in_theme(theme)
    if not questions:
        return Reason(code="no-questions")
    in_stage = [q for q in questions if q.stages.admits(profile.stage)]
    if not in_stage:
        return Reason(code="no-stage-fit", params={"stage": profile.stage})
    tagged = [q for q in in_stage if fits_candidate(q.model_copy(update={"skip_if_researched": False}), profile)]
    if not tagged:
        tags = {"seniority": profile.seniority, "role_family": profile.role_family, "work_mode": profile.work_mode}
        return Reason(code="no-tag-fit", params=dict(tags))
    if all(q.id in draft.carry.done for q in tagged):
        return Reason(code="answered-earlier")
    return Reason(code="researched")


# ----- rules 8 and 9: filling the time, and the backups ---------------------------------------------------


def fill(draft: Draft, themes: Sequence[str]) -> None:
    """Rule 8: one more question per theme and round, while any question fits the minutes left."""
    while any([draft.take_best(theme) for theme in themes]):
        pass


def backups(draft: Draft, bank: Bank, themes: Sequence[str], decisive: Sequence[str] = ()) -> list[Item]:
    """Rule 9: the candidate's own questions that did not fit, then red answers of an earlier round that
    could not be asked again (kept as reminders), the questions of decisive topics that found no time
    (`decisive`, their ids), then the best bank questions left out."""
    wanted = [*draft.carry.recheck, *decisive]
    reminders = [
        bank.questions[qid] for qid in dict.fromkeys(wanted) if qid in bank.questions and qid not in draft.chosen
    ]
    leftovers: list[Question] = []
    topics = set(draft.topics) | {q.topic_id for q in reminders}
    depth = max((len(pool) for pool in draft.ranked.values()), default=0)
    for position in range(depth):
        for theme in themes:
            pool = draft.ranked.get(theme, [])
            if position < len(pool) and pool[position].id not in draft.chosen and pool[position].topic_id not in topics:
                leftovers.append(pool[position])
                topics.add(pool[position].topic_id)
        if len(leftovers) >= BACKUP_COUNT:
            break
    return [*draft.own_left_out, *(draft.item(q, count=False) for q in [*reminders, *leftovers[:BACKUP_COUNT]])]


# ----- the driver -------------------------------------------------------------------------------------------


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


def plan(bank: Bank, profile: Profile, carry: Carry | None = None) -> Sheet:
    carry = carry or Carry()
    draft = Draft(profile, carry, Asker(profile.interviewers), left=profile.minutes)

    repeated = own_questions(draft, profile.custom_questions, bank)
    order = theme_order(
        bank, profile, extra=[c.theme for c in profile.custom_questions], themes_first=carry.themes_first
    )
    by_theme: dict[str, list[Question]] = {}
    for q in bank.questions.values():
        by_theme.setdefault(q.theme, []).append(q)
    for theme in order:
        pool = [
            q
            for q in by_theme.get(theme, [])
            if eligible(q, profile, carried=q.id in carry.first)
            and q.topic_id not in repeated
            and q.id not in carry.done
        ]
        draft.ranked[theme] = rank(pool, profile, carry.first)

    priorities = [t for t in order if t in profile.priorities and t != CLOSING_THEME]
    promoted = promoted_themes(bank, profile, priorities)
    others = [t for t in order if t not in priorities and t not in promoted and t != CLOSING_THEME]

    closing_question(draft, sectors.decisive_topics(bank, profile))
    coverage(draft, priorities)
    reach(draft, bank, [t for t in profile.priorities if t != CLOSING_THEME])
    judge = sectors.Judge(
        could_ask=lambda: rank((q for t in order for q in by_theme.get(t, []) if _could_ask(draft, q)), profile),
        score=lambda q: score(q, profile),
        theirs=lambda q: fits_candidate(q, profile, carried=True),
    )
    missed = sectors.decisive(draft, bank, judge)
    depth(draft, priorities, promoted, others)
    fill(draft, [*priorities, *promoted, *others])
    no_time = [m.question for m in missed if m.reason.code == "no-time"]
    spare = backups(draft, bank, [*priorities, *promoted, *others, CLOSING_THEME], no_time)
    return _sheet(draft, bank, order, spare, missed)


def _sheet(draft: Draft, bank: Bank, order: list[str], spare: list[Item], missed: list[MissedTopic]) -> Sheet:
    """The sheet: per theme in the sheet's order, the candidate's own questions, then the bank's by rank."""
    profile = draft.profile
    items: list[Item] = []
    for theme in order:
        position = {q.id: n for n, q in enumerate(draft.ranked.get(theme, []))}
        chosen = sorted((i for i in draft.chosen.values() if i.theme == theme), key=lambda i: position.get(i.id, 0))
        items += [own for own in draft.own if own.theme == theme] + chosen
    titles = {t.id: t.title for t in bank.themes.values()}
    shown = [*(i.theme for i in [*items, *spare]), *profile.research, *(u.theme for u in draft.uncovered)]
    shown += [m.theme for m in missed if m.theme]
    asked = {bank.questions[i.id].topic_id for i in [*items, *spare] if i.id in bank.questions}
    return Sheet(
        company=profile.company,
        role=profile.role,
        profile=profile,
        budget_minutes=profile.minutes,
        planned_minutes=sum(item.minutes for item in items),
        research=profile.research_notes(),
        theme_titles={t: titles[t] for t in dict.fromkeys(shown) if t in titles},
        questions=items,
        backup=spare,
        uncovered=draft.uncovered,
        missed_topics=missed,
        audience_labels=sectors.audience_labels(bank, profile),
        facts=sectors.facts(profile, asked),
    )
