"""Every candidate gets a full sheet: sweeps over the shipped bank, and properties over random profiles.

The sweeps are the documented ones the bank is held to:
- every stage x every single interviewer x every seniority x every role family x every work mode: each
  theme that stage wants (below) has at least two questions that person can answer;
- every question appears on the sheet of at least one profile of the reachability sweep (below).
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from support_examples import examples
from builders import make_profile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revint_cli import questionbank as bank_mod
from revint_cli import vocab
from revint_cli.planning import tailor as tailor
from revint_cli.questionbank import Question
from revint_cli.formats.profile import Profile

BANK = bank_mod.load(cache=False)
QUESTIONS = list(BANK.questions.values())
THEMES = [t for t in BANK.themes if t != vocab.CLOSING_THEME]

# The themes every person a candidate may meet can speak to honestly, so that no conversation leaves a
# candidate with nothing to ask about them:
WANTED = {
    # a recruiter's or HR's screening call: what the company and the team are like, what a day holds, how
    # people grow, how it feels to work there, and what happens next
    "screening": ("company", "team", "typical-day", "growth", "culture", "next-steps"),
    # the interviews with the manager, peers or leaders: the same, asked of the people who live it
    "interview": ("company", "team", "typical-day", "growth", "culture", "next-steps"),
    # the final round: the same again, now with the depth of a last chance before an offer
    "final": ("company", "team", "typical-day", "growth", "culture", "next-steps"),
    # the call before signing, often with HR, the manager or a founder: the same, and how the offer
    # process goes on (the closing questions are about the offer itself at this stage)
    "offer": ("company", "team", "typical-day", "growth", "culture", "next-steps"),
}


def admits(q: Question, stage: str, role: str, seniority: str, family: str, mode: str) -> bool:
    return (
        q.stages.admits(stage)
        and q.answerable_by(role)
        and q.admits("seniority", seniority)
        and q.admits("role_families", family)
        and q.admits("work_modes", mode)
    )


@pytest.mark.parametrize(("stage", "role"), list(itertools.product(vocab.STAGES, vocab.AUDIENCES)))
def test_every_wanted_theme_has_two_questions_for_every_person_and_candidate(stage: str, role: str) -> None:
    short: list[str] = []
    theirs = [q for q in QUESTIONS if q.stages.admits(stage) and q.answerable_by(role)]  # the same `admits`, sooner
    for seniority, family, mode in itertools.product(vocab.SENIORITIES, vocab.ROLE_FAMILIES, vocab.WORK_MODES):
        counts = Counter(q.theme for q in theirs if admits(q, stage, role, seniority, family, mode))
        short += [
            f"{theme} ({seniority} {family} {mode}): {counts[theme]}" for theme in WANTED[stage] if counts[theme] < 2
        ]
    assert short == []


def test_the_sweep_check_finds_a_theme_with_too_few_questions() -> None:
    only_one = [q for q in QUESTIONS if q.theme != "culture"] + [q for q in QUESTIONS if q.theme == "culture"][:1]
    counts = Counter(q.theme for q in only_one if admits(q, "interview", "peer", "mid", "other", "onsite"))
    assert counts["culture"] < 2


def fitting_left(sheet_ids: set[str], topics: set[str], p: Profile, minutes_left: int) -> list[str]:
    """Questions that fit the profile and the time left, not on the sheet and of no topic already used."""
    return [
        q.id
        for q in QUESTIONS
        if q.theme != vocab.CLOSING_THEME
        and q.id not in sheet_ids
        and q.topic_id not in topics
        and q.minutes <= minutes_left
        and tailor.eligible(q, p)
    ]


profiles = st.builds(
    make_profile,
    company=st.sampled_from(["Acme", "株式会社トヨタ", "Bakkerij Ö&Zn", "Globex"]),
    role=st.sampled_from(["Analyst", "Engineer", "Head of People", "Coordinator"]),
    stage=st.sampled_from(vocab.STAGES),
    seniority=st.sampled_from(vocab.SENIORITIES),
    role_family=st.sampled_from(vocab.ROLE_FAMILIES),
    work_mode=st.sampled_from(vocab.WORK_MODES),
    minutes=st.integers(5, 120),
    interviewers=st.lists(st.builds(dict, role=st.sampled_from(vocab.AUDIENCES)), max_size=2),
    priorities=st.lists(st.sampled_from(THEMES), max_size=5, unique=True),
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles)
def test_every_priority_is_covered_or_reported_and_the_time_is_used(p: Profile) -> None:
    sheet = tailor.plan(BANK, p)
    covered = {item.theme for item in sheet.questions}
    uncovered = {gap.theme: gap.reason for gap in sheet.uncovered}
    for theme in p.priorities:
        assert theme in covered or uncovered.get(theme), theme
    assert set(uncovered).isdisjoint(covered)
    assert sheet.planned_minutes == sum(i.minutes for i in sheet.questions) <= p.minutes
    ids = {i.id for i in sheet.questions}
    topics = {BANK.questions[i].topic_id for i in ids if i in BANK.questions}
    assert len(topics) == len(ids)  # never two questions of one topic
    left = p.minutes - sheet.planned_minutes
    assert fitting_left(ids, topics, p, left) == []  # minutes left over are filled while anything fits
    fitting_minutes = sum(q.minutes for q in QUESTIONS if tailor.eligible(q, p))
    if p.minutes >= 15 and fitting_minutes >= p.minutes:
        assert sheet.planned_minutes >= 0.8 * p.minutes


def sheet_ids(**fields: object) -> set[str]:
    return {i.id for i in tailor.plan(BANK, make_profile(**fields)).questions}


@pytest.mark.parametrize("family", ["engineering", "marketing", "data", "finance"])
@pytest.mark.parametrize("stage", ["interview", "final"])
def test_a_junior_and_an_executive_share_at_most_half_of_their_sheet(family: str, stage: str) -> None:
    common = dict(
        role_family=family,
        stage=stage,
        minutes=30,
        interviewers=[{"role": "manager"}],
        priorities=["growth", "autonomy", "team"],
    )
    junior, executive = sheet_ids(seniority="junior", **common), sheet_ids(seniority="executive", **common)
    assert len(junior & executive) <= 0.5 * min(len(junior), len(executive))


def test_the_offer_call_with_a_founder_covers_every_priority() -> None:
    sheet = tailor.plan(
        BANK,
        make_profile(
            role="Team Lead",
            seniority="lead",
            stage="offer",
            minutes=30,
            interviewers=[{"role": "founder"}],
            priorities=["growth", "autonomy", "company"],
        ),
    )
    assert {"growth", "autonomy", "company"} <= {i.theme for i in sheet.questions}
    assert sheet.planned_minutes >= 24
    closing = sheet.closing()
    assert closing
    assert all(BANK.questions[i.id].stages.earliest == "offer" for i in closing)


def test_a_recruiters_screening_call_is_as_full_as_one_with_nobody_named() -> None:
    fields = dict(
        role="Junior Analyst",
        role_family="data",
        seniority="junior",
        stage="screening",
        minutes=15,
        priorities=["growth", "typical-day"],
    )
    named = tailor.plan(BANK, make_profile(interviewers=[{"role": "recruiter"}], **fields))
    assert {"growth", "typical-day"} <= {i.theme for i in named.questions}
    assert named.planned_minutes >= 12
    assert all(i.ask is not None and i.ask.role == "recruiter" for i in named.questions)


# The reachability sweep: for each question, the profiles its own tags describe (its earliest stage, each
# audience it names, its first seniority, role family, work mode, sector, kind of employer and country, or
# mid, other, onsite and none for [all]),
# with its theme as the only priority and 45 minutes, at three companies (ties are shuffled by company).
COMPANIES = ("Acme", "Globex", "Initech")


def own_profiles(q: Question) -> list[Profile]:
    def first(values: list[str], fallback: str) -> str:
        return fallback if values == ["all"] else values[0]

    return [
        make_profile(
            company=company,
            stage=q.stages.earliest,
            seniority=first(q.seniority, "mid"),
            role_family=first(q.role_families, "other"),
            work_mode=first(q.work_modes, "onsite"),
            sector=None if q.sectors == ["all"] else q.sectors[0],
            employer=None if q.employers == ["all"] else q.employers[0],
            country=None if q.countries == ["all"] else q.countries[0],
            interviewers=[{"role": role}],
            priorities=[q.theme] if q.theme != vocab.CLOSING_THEME else [],
            minutes=45,
        )
        for company in COMPANIES
        for role in q.audience
    ]


def test_every_question_is_reachable() -> None:
    planned: dict[str, set[str]] = {}  # questions of one theme and the same tags share their profiles

    def sheet_of(p: Profile) -> set[str]:
        key = p.model_dump_json()
        if key not in planned:
            planned[key] = {i.id for i in tailor.plan(BANK, p).questions}
        return planned[key]

    unreached = [q.id for q in QUESTIONS if not any(q.id in sheet_of(p) for p in own_profiles(q))]
    assert unreached == []
