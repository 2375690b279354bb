"""The tailoring rules of `revint prep`: unit tests on small hand-built banks, then properties over the
shipped bank for any valid profile."""

from __future__ import annotations

import re
from typing import Any

import pytest
from builders import closing, make_bank, make_profile, question
from hypothesis import given, settings
from hypothesis import strategies as st

from revint_cli import vocab
from revint_cli import bank as bank_mod
from revint_cli import render
from revint_cli.bank import Bank, Question
from revint_cli.profile import Profile
from revint_cli.tailor import CLOSING_THEME, REMOTE_THEME, Plan, plan


def ids(items: Any) -> list[str]:
    return [i.id for i in items]


def themes_of(p: Plan) -> list[str]:
    """The themes of the sheet's items, in sheet order, each once."""
    return list(dict.fromkeys(i.theme for i in p.items))


# ----- rule 1: eligibility and who to ask -----------------------------------------------------------------


def test_skipped_theme_contributes_nothing() -> None:
    bank = make_bank([question("a1", "alpha"), question("b1", "beta"), closing()])
    result = plan(bank, make_profile(minutes=60, skip_themes=["alpha"]))
    assert "a1" not in ids(result.items) + ids(result.backup)
    assert "b1" in ids(result.items)


@pytest.mark.parametrize(
    ("tag", "only", "profile_key", "other"),
    [
        ("stages", ["final"], "stage", "screening"),
        ("seniority", ["senior"], "seniority", "junior"),
        ("role_families", ["sales"], "role_family", "engineering"),
        ("work_modes", ["remote"], "work_mode", "onsite"),
    ],
)
def test_tags_must_admit_the_profile(tag: str, only: list[str], profile_key: str, other: str) -> None:
    bank = make_bank([question("a1", "alpha", **{tag: only}), question("a2", "alpha"), closing()])
    admitted = plan(bank, make_profile(minutes=60, **{profile_key: only[0]}))
    refused = plan(bank, make_profile(minutes=60, **{profile_key: other}))
    assert "a1" in ids(admitted.items)
    assert "a1" not in ids(refused.items) + ids(refused.backup)
    assert "a2" in ids(refused.items)


def test_interviewers_filter_by_audience_and_are_assigned() -> None:
    bank = make_bank(
        [
            question("a-hr", "alpha", audience=["hr"]),
            question("b-peer", "beta", audience=["peer", "founder"]),
            closing(audience=["peer"]),
        ]
    )
    result = plan(bank, make_profile(minutes=60, interviewers=[{"name": "Ana", "role": "peer"}]))
    assert ids(result.items) == ["b-peer", "next-steps-after"]
    assert all(i.ask is not None and i.ask.name == "Ana" and i.ask.role == "peer" for i in result.items)
    assert "a-hr" not in ids(result.backup)


def test_each_question_goes_to_someone_in_its_audience() -> None:
    bank = make_bank(
        [question("a-hr", "alpha", audience=["hr"]), question("b-mgr", "beta", audience=["manager"]), closing()]
    )
    people = [{"name": "Mo", "role": "manager"}, {"name": "Hana", "role": "hr"}]
    result = plan(bank, make_profile(minutes=60, interviewers=people))
    asked = {i.id: i.ask.name for i in result.items if i.ask}
    assert asked["a-hr"] == "Hana"
    assert asked["b-mgr"] == "Mo"


def test_load_is_spread_when_both_can_answer() -> None:
    bank = make_bank(
        [question("a1", "alpha", audience=["manager", "peer"]), question("b1", "beta", audience=["manager", "peer"])],
        themes=("alpha", "beta"),
    )
    people = [{"name": "Mo", "role": "manager"}, {"name": "Pat", "role": "peer"}]
    result = plan(bank, make_profile(minutes=60, interviewers=people))
    assert sorted(i.ask.name for i in result.items if i.ask) == ["Mo", "Pat"]


def test_no_interviewers_no_audience_filter_and_no_assignment() -> None:
    bank = make_bank([question("a-hr", "alpha", audience=["hr"]), closing(audience=["recruiter"])])
    result = plan(bank, make_profile(minutes=60))
    assert ids(result.items) == ["a-hr", "next-steps-after"]
    assert all(i.ask is None for i in [*result.items, *result.backup])


# ----- rule 2: research ------------------------------------------------------------------------------------


def test_skip_if_researched_is_dropped_only_with_a_note() -> None:
    bank = make_bank([question("a-look", "alpha", skip_if_researched=True), question("a-ask", "alpha"), closing()])
    with_note = plan(bank, make_profile(minutes=60, priorities=["alpha"], research={"alpha": "Found it on the blog"}))
    without = plan(bank, make_profile(minutes=60, priorities=["alpha"], research={"alpha": ""}))
    assert "a-look" not in ids(with_note.items) + ids(with_note.backup)
    assert "a-ask" in ids(with_note.items)
    assert with_note.research == {"alpha": "Found it on the blog"}
    assert "a-look" in ids(without.items)
    assert without.research == {}


def test_a_note_on_another_theme_does_not_drop_the_question() -> None:
    bank = make_bank([question("a-look", "alpha", skip_if_researched=True), closing()])
    result = plan(bank, make_profile(minutes=60, research={"beta": "something"}))
    assert "a-look" in ids(result.items)


# ----- rule 3: theme order, coverage, specificity ----------------------------------------------------------


def _three_each(themes: tuple[str, ...]) -> list[dict[str, Any]]:
    return [question(f"{t}-{n}", t) for t in themes for n in (1, 2, 3)]


def test_priorities_first_in_the_candidates_order() -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    result = plan(bank, make_profile(minutes=120, priorities=["gamma", "alpha"]))
    assert themes_of(result) == ["gamma", "alpha", "beta", "next-steps"]


@pytest.mark.parametrize("mode", ["remote", "hybrid"])
def test_remote_work_right_after_priorities_for_remote_and_hybrid(mode: str) -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma", "remote-work")), closing()])
    result = plan(bank, make_profile(minutes=120, work_mode=mode, priorities=["gamma"]))
    assert themes_of(result)[:2] == ["gamma", REMOTE_THEME]
    # and it gets its question before any priority gets a second one
    tight = plan(bank, make_profile(minutes=7, work_mode=mode, priorities=["gamma"]))
    assert ids(tight.items) == ["gamma-1", "remote-work-1", "next-steps-after"]


def test_remote_work_not_promoted_onsite() -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma", "remote-work")), closing()])
    result = plan(bank, make_profile(minutes=120, work_mode="onsite", priorities=["gamma"]))
    assert themes_of(result) == ["gamma", "alpha", "beta", REMOTE_THEME, "next-steps"]


def test_coverage_before_depth() -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    # 1 (closing) + 3 * 3: exactly one question for each priority, none gets a second
    result = plan(bank, make_profile(minutes=10, priorities=["alpha", "beta", "gamma"]))
    assert ids(result.items) == ["alpha-1", "beta-1", "gamma-1", "next-steps-after"]
    # three more minutes: the first priority gets its second question
    more = plan(bank, make_profile(minutes=13, priorities=["alpha", "beta", "gamma"]))
    assert ids(more.items) == ["alpha-1", "alpha-2", "beta-1", "gamma-1", "next-steps-after"]


def test_coverage_takes_a_shorter_question_when_the_best_does_not_fit() -> None:
    """A priority theme whose best question is too long still gets one that fits before anyone's second."""
    bank = make_bank(
        [
            question("alpha-1", "alpha"),
            question("alpha-2", "alpha"),
            question("beta-long", "beta", minutes=6),
            question("beta-short", "beta", minutes=2),
            closing(),
        ]
    )
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta"]))
    assert ids(result.items) == ["alpha-1", "beta-short", "next-steps-after"]


def test_a_custom_question_covers_its_theme() -> None:
    """The candidate's own question is their theme's first question: other priorities come before a second."""
    bank = make_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [{"text": "What would you change about alpha tomorrow?", "theme": "alpha", "minutes": 3}]
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta"], custom_questions=custom))
    assert ids(result.items) == ["custom-1", "beta-1", "next-steps-after"]


def test_specific_question_beats_generic_one() -> None:
    bank = make_bank(
        [
            question("a-generic", "alpha"),
            question("a-seniority", "alpha", seniority=["senior", "lead"]),
            question("a-two-tags", "alpha", seniority=["senior"], role_families=["engineering"]),
            closing(),
        ]
    )
    profile = make_profile(minutes=120, priorities=["alpha"], seniority="senior", role_family="engineering")
    assert ids(plan(bank, profile).in_theme("alpha")) == ["a-two-tags", "a-seniority", "a-generic"]
    tight = plan(bank, make_profile(minutes=5, priorities=["alpha"], seniority="senior", role_family="engineering"))
    assert ids(tight.items) == ["a-two-tags", "next-steps-after"]


def test_a_tag_listing_the_value_among_others_is_specific_all_is_not() -> None:
    bank = make_bank(
        [
            question("a-all", "alpha", work_modes=["all"]),
            question("a-remote", "alpha", work_modes=["remote", "hybrid"]),
            closing(),
        ]
    )
    result = plan(bank, make_profile(minutes=5, work_mode="hybrid", priorities=["alpha"]))
    assert ids(result.items) == ["a-remote", "next-steps-after"]


# ----- rule 4: budget and the closing question ------------------------------------------------------------


def test_closing_minutes_are_reserved_first_and_it_comes_last() -> None:
    bank = make_bank([closing(minutes=2), question("a1", "alpha", minutes=4), question("b1", "beta", minutes=3)])
    result = plan(bank, make_profile(minutes=5, priorities=["alpha"]))
    assert ids(result.items) == ["b1", "next-steps-after"]
    assert result.planned == 5
    assert "a1" in ids(result.backup)


def test_closing_is_absent_when_skipped() -> None:
    bank = make_bank([question("a1", "alpha"), closing()])
    result = plan(bank, make_profile(minutes=30, skip_themes=["next-steps"]))
    assert ids(result.items) == ["a1"]
    assert CLOSING_THEME not in result.theme_order


def test_only_one_closing_question_even_when_next_steps_is_a_priority() -> None:
    bank = make_bank([question("a1", "alpha"), closing("next-steps-a"), closing("next-steps-b")])
    result = plan(bank, make_profile(minutes=60, priorities=["next-steps", "alpha"]))
    assert ids(result.items) == ["a1", "next-steps-a"]


def test_a_closing_question_that_fits_is_taken_when_the_best_does_not() -> None:
    bank = make_bank(
        [closing("next-steps-long", minutes=8), closing("next-steps-short", minutes=1), question("a1", "alpha")]
    )
    result = plan(bank, make_profile(minutes=5))
    assert ids(result.items)[-1] == "next-steps-short"


@pytest.mark.parametrize("minutes", [5, 6, 7, 9, 13, 20])
def test_budget_is_never_exceeded(minutes: int) -> None:
    bank = make_bank(
        [*_three_each(("alpha", "beta", "gamma")), question("g-long", "gamma", minutes=10), closing(minutes=2)]
    )
    result = plan(bank, make_profile(minutes=minutes, priorities=["gamma", "beta"]))
    assert result.planned == sum(i.minutes for i in result.items) <= minutes
    assert result.budget == minutes


# ----- rule 5: the candidate's own questions ---------------------------------------------------------------


def test_custom_questions_first_in_their_theme_and_counted() -> None:
    bank = make_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [
        {"text": "What surprised the last person who joined alpha?", "theme": "alpha", "minutes": 4},
        {"text": "What keeps beta busy in December?", "theme": "beta", "minutes": 2},
    ]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha", "beta"], custom_questions=custom))
    assert ids(result.in_theme("alpha"))[0] == "custom-1"
    assert ids(result.in_theme("beta"))[0] == "custom-2"
    assert [i.source for i in result.items if i.id.startswith("custom-")] == ["custom", "custom"]
    assert result.planned == sum(i.minutes for i in result.items)
    assert {i.id: i.minutes for i in result.items}["custom-1"] == 4


def test_custom_question_in_a_theme_outside_the_priorities_is_kept() -> None:
    bank = make_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [{"text": "What would you do differently with gamma?", "theme": "gamma", "minutes": 3}]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], custom_questions=custom))
    assert "custom-1" in ids(result.in_theme("gamma"))


def test_custom_question_that_does_not_fit_is_a_backup_with_a_warning() -> None:
    bank = make_bank([question("a1", "alpha"), closing(minutes=2)])
    custom = [{"text": "What would you change about alpha first?", "theme": "alpha", "minutes": 10}]
    result = plan(bank, make_profile(minutes=8, custom_questions=custom))
    assert "custom-1" not in ids(result.items)
    (backup,) = [b for b in result.backup if b.id == "custom-1"]
    assert any("8 minutes" in w for w in backup.warnings)


def _warnings(text: str, stage: str = "interview", bank: Bank | None = None) -> tuple[str, ...]:
    bank = bank or make_bank([question("a1", "alpha"), closing()])
    custom = [{"text": text, "theme": "alpha", "minutes": 2}]
    result = plan(bank, make_profile(minutes=30, stage=stage, custom_questions=custom))
    (item,) = [i for i in result.items if i.id == "custom-1"]
    return item.warnings


@pytest.mark.parametrize("text", ["Is there a gym?", "Do you use Python", "Can I work from home on Fridays?"])
def test_closed_question_is_warned(text: str) -> None:
    assert any("yes/no" in w for w in _warnings(text))


@pytest.mark.parametrize("text", ["How is work planned?", "Is it true that what you build ships weekly?"])
def test_open_question_is_not_warned(text: str) -> None:
    assert _warnings(text) == ()


@pytest.mark.parametrize("stage", ["screening", "interview"])
@pytest.mark.parametrize("text", ["What is the salary range?", "How much paid time off is there?"])
def test_pay_early_is_warned(stage: str, text: str) -> None:
    assert any("pay and time off" in w and stage in w for w in _warnings(text, stage))


@pytest.mark.parametrize("stage", ["final", "offer"])
def test_pay_late_is_fine(stage: str) -> None:
    assert _warnings("What is the salary range?", stage) == ()


def test_custom_repeating_a_bank_question_is_warned_and_the_bank_one_left_out() -> None:
    bank = make_bank(
        [
            question("a1", "alpha", text="How does the team decide what to build next quarter?"),
            question("a2", "alpha"),
            closing(),
        ]
    )
    custom = [{"text": "How does the team decide what to build next quarter?", "theme": "alpha", "minutes": 3}]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], custom_questions=custom))
    (item,) = [i for i in result.items if i.id == "custom-1"]
    assert any("'a1'" in w for w in item.warnings)
    assert "a1" not in ids(result.items) + ids(result.backup)


# ----- rule 6: backups -------------------------------------------------------------------------------------


def test_backups_are_the_next_best_that_did_not_fit() -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta", "gamma"]))
    assert ids(result.items) == ["alpha-1", "beta-1", "next-steps-after"]
    assert ids(result.backup)[0] == "gamma-1"
    assert not set(ids(result.backup)) & set(ids(result.items))
    assert 0 < len(result.backup) <= 5


def test_no_backups_when_everything_fits() -> None:
    bank = make_bank([question("a1", "alpha"), closing()])
    result = plan(bank, make_profile(minutes=60))
    assert result.backup == ()


# ----- rule 7: determinism ---------------------------------------------------------------------------------


def test_same_input_same_plan_and_bytes() -> None:
    bank = make_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    profile = make_profile(
        minutes=11,
        priorities=["beta"],
        interviewers=[{"role": "manager"}, {"role": "peer"}],
        custom_questions=[{"text": "Is it fun?", "theme": "gamma"}],
    )
    first, second = plan(bank, profile), plan(bank, profile)
    assert first == second
    assert render.markdown(first, bank).encode() == render.markdown(second, bank).encode()
    assert render.to_json(render.sheet_data(first)) == render.to_json(render.sheet_data(second))


# ----- properties over the shipped bank --------------------------------------------------------------------
#
# One plan per generated profile, every rule checked on it: planning is cheap, generating is not.

SHIPPED = bank_mod.load()
THEMES = list(SHIPPED.themes)
CUSTOM_TEXTS = [
    "How did the team handle the last missed deadline?",
    "Is there a gym?",
    "What is the salary band for this role?",
    "What would make you regret hiring me in a year?",
    "Who would I eat lunch with on my first day?",
]


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    priorities = draw(st.lists(st.sampled_from(THEMES), unique=True, max_size=5))
    rest = [t for t in THEMES if t not in priorities]
    skip = draw(st.lists(st.sampled_from(rest), unique=True, max_size=4))
    interviewers = draw(
        st.lists(
            st.fixed_dictionaries(
                {"role": st.sampled_from(vocab.AUDIENCES)}, optional={"name": st.sampled_from(["Sam", "Ana Müller"])}
            ),
            max_size=2,
        )
    )
    research = draw(
        st.dictionaries(st.sampled_from(THEMES), st.sampled_from(["", "Blog post on their on-call rota"]), max_size=5)
    )
    # Own questions often land in a priority theme, and budgets are often tight: where the rules bite.
    custom_theme = st.sampled_from(priorities) | st.sampled_from(THEMES) if priorities else st.sampled_from(THEMES)
    customs = draw(
        st.lists(
            st.fixed_dictionaries(
                {"text": st.sampled_from(CUSTOM_TEXTS), "theme": custom_theme, "minutes": st.integers(1, 10)}
            ),
            max_size=3,
        )
    )
    return make_profile(
        role_family=draw(st.sampled_from(vocab.ROLE_FAMILIES)),
        seniority=draw(st.sampled_from(vocab.SENIORITIES)),
        work_mode=draw(st.sampled_from(vocab.WORK_MODES)),
        stage=draw(st.sampled_from(vocab.STAGES)),
        minutes=draw(st.integers(5, 15) | st.integers(5, 120)),
        interviewers=interviewers,
        priorities=priorities,
        skip_themes=skip,
        research=research,
        custom_questions=customs,
    )


def admits(values: list[str], value: str) -> bool:
    return "all" in values or value in values


def is_eligible(q: Question, p: Profile) -> bool:
    """Rules 1 and 2, written out again from the issue rather than imported."""
    return (
        q.theme not in p.skip_themes
        and p.stage in q.stages
        and admits(q.seniority, p.seniority)
        and admits(q.role_families, p.role_family)
        and admits(q.work_modes, p.work_mode)
        and (not p.interviewers or any(iv.role in q.audience for iv in p.interviewers))
        and not (q.skip_if_researched and p.research.get(q.theme))
    )


def specificity(q: Question, p: Profile) -> int:
    return (p.role_family in q.role_families) + (p.seniority in q.seniority) + (p.work_mode in q.work_modes)


_REPEATS = re.compile(r"repeats the bank question '([^']+)'")


def candidates(result: Plan, p: Profile) -> list[Question]:
    """Eligible bank questions, less those left out because a custom question repeats them."""
    repeated = {m for i in [*result.items, *result.backup] for w in i.warnings for m in _REPEATS.findall(w)}
    return [q for q in SHIPPED.questions.values() if is_eligible(q, p) and q.id not in repeated]


def check_budget_and_eligibility(result: Plan, p: Profile) -> None:
    assert result.budget == p.minutes
    assert result.planned == sum(i.minutes for i in result.items) <= p.minutes
    for item in [*result.items, *result.backup]:
        if item.source == "bank":
            assert is_eligible(SHIPPED.questions[item.id], p), f"{item.id} is not eligible"
    chosen = ids(result.items)
    assert len(chosen) == len(set(chosen))
    assert not set(chosen) & set(ids(result.backup))


def check_who_to_ask(result: Plan, p: Profile) -> None:
    for item in [*result.items, *result.backup]:
        if not p.interviewers or item.source == "custom":
            assert item.ask is None, f"{item.id} is assigned"
        else:
            assert item.ask in p.interviewers
            assert item.ask.role in SHIPPED.questions[item.id].audience, f"{item.id} asked of {item.ask.role}"


def check_closing(result: Plan, p: Profile, pool: list[Question]) -> None:
    bank_closing = [i for i in result.items if i.theme == CLOSING_THEME and i.source == "bank"]
    fits = [q for q in pool if q.theme == CLOSING_THEME and q.minutes <= p.minutes]
    if CLOSING_THEME in p.skip_themes or not fits:
        assert bank_closing == []
    else:
        assert len(bank_closing) == 1, "exactly one closing question"
        assert result.items[-1] == bank_closing[0], "the closing question is last"


def check_theme_order(result: Plan, p: Profile) -> None:
    order = [i.theme for i in result.items]
    grouped = themes_of(result)
    assert order == [t for t in grouped for _ in range(order.count(t))], "each theme's questions are together"
    body = [t for t in grouped if t != CLOSING_THEME]
    wanted = [t for t in p.priorities if t in body]
    assert body[: len(wanted)] == wanted, "priorities first, in the candidate's order"
    if p.work_mode in ("remote", "hybrid") and REMOTE_THEME in body and REMOTE_THEME not in p.priorities:
        assert body[len(wanted)] == REMOTE_THEME, "remote-work right after the priorities"


def check_priority_coverage(result: Plan, p: Profile, pool: list[Question]) -> None:
    """No theme gets a second question while a priority theme with an eligible question that fits the time
    then left has none. When a question was taken, the time left was at least what is left at the end plus
    that question's minutes."""
    left = p.minutes - result.planned
    seconds = [
        item
        for theme in themes_of(result)
        if theme != CLOSING_THEME
        for item in result.in_theme(theme)[1:]
        if item.source == "bank"
    ]
    if not seconds:
        return
    smallest = min(i.minutes for i in seconds)
    for theme in p.priorities:
        if theme == CLOSING_THEME or result.in_theme(theme):
            continue
        for q in pool:
            if q.theme == theme:
                assert q.minutes > left + smallest, f"{theme} has none ({q.id} fitted) while a theme has a second"


def check_specificity(result: Plan, p: Profile, pool: list[Question]) -> None:
    """Within a theme, more specific questions first; a more specific one is left out only when it did not fit
    at the time a less specific one was taken."""
    left = p.minutes - result.planned
    for theme in themes_of(result):
        chosen = [SHIPPED.questions[i.id] for i in result.in_theme(theme) if i.source == "bank"]
        levels = [specificity(q, p) for q in chosen]
        assert levels == sorted(levels, reverse=True), f"specific before generic in {theme}"
        for q in pool:
            if q.theme != theme or q in chosen:
                continue
            for c in chosen:
                if specificity(q, p) > specificity(c, p):
                    assert q.minutes > left + c.minutes, f"{q.id} is more specific than {c.id} and fitted"


def check_research_and_customs(result: Plan, p: Profile) -> None:
    noted = {t for t, note in p.research.items() if note}
    for item in [*result.items, *result.backup]:
        if item.source == "bank":
            assert not (SHIPPED.questions[item.id].skip_if_researched and item.theme in noted), item.id
    assert result.research == {t: n for t, n in p.research.items() if n}
    for theme in themes_of(result):
        sources = [i.source for i in result.in_theme(theme)]
        assert sources == sorted(sources, key=lambda s: s != "custom"), f"customs first in {theme}"
        numbers = [int(i.id.removeprefix("custom-")) for i in result.in_theme(theme) if i.source == "custom"]
        assert numbers == sorted(numbers), f"the candidate's order within {theme}"
    custom_ids = {f"custom-{n}" for n in range(1, len(p.custom_questions) + 1)}
    kept = {i.id for i in result.items if i.source == "custom"}
    assert kept <= custom_ids
    assert {i.id for i in result.backup if i.source == "custom"} <= custom_ids - kept
    for n, custom in enumerate(p.custom_questions, start=1):
        if f"custom-{n}" in kept:
            assert {i.id: i.theme for i in result.items}[f"custom-{n}"] == custom.theme


@settings(max_examples=400, deadline=None)
@given(profiles())
def test_plan_properties(p: Profile) -> None:
    result = plan(SHIPPED, p)
    pool = candidates(result, p)
    check_budget_and_eligibility(result, p)
    check_who_to_ask(result, p)
    check_closing(result, p, pool)
    check_theme_order(result, p)
    check_priority_coverage(result, p, pool)
    check_specificity(result, p, pool)
    check_research_and_customs(result, p)
    # deterministic: the same profile and bank give the same plan and the same bytes
    again = plan(SHIPPED, p)
    assert again == result
    assert render.markdown(again, SHIPPED).encode() == render.markdown(result, SHIPPED).encode()
    assert render.to_json(render.sheet_data(again)) == render.to_json(render.sheet_data(result))
