"""The tailoring rules of `revint prep` (see the tailor module's docstring): unit tests on small
hand-built banks, one section per rule, then properties over the shipped bank for any valid profile.

Questions of equal score are ordered by a shuffle seeded by the company and role; tests that depend on
which of two questions comes first give them different weights (bank format v2)."""

from __future__ import annotations

from typing import Any

import pytest
from support_examples import examples
from builders import closing, make_bank, make_profile, question, window
from hypothesis import given, settings
from hypothesis import strategies as st

from revint_cli import vocab
from revint_cli import questionbank as bank_mod
from revint_cli.formats.reasons import Reach, Reason, Warning
from revint_cli.render import markdown as render
from revint_cli.render import words
from revint_cli.planning import tailor as tailor
from revint_cli.questionbank import StageWindow, Bank, Question
from revint_cli.formats.profile import Profile
from revint_cli.formats.cheatsheet import Sheet
from revint_cli.planning.tailor import plan
from revint_cli.vocab import CLOSING_THEME, REMOTE_THEME


def ids(items: Any) -> list[str]:
    return [i.id for i in items]


def themes_of(p: Sheet) -> list[str]:
    """The themes of the sheet's items, in sheet order, each once."""
    return p.theme_order()


# ----- rule 1: eligibility and who to ask -----------------------------------------------------------------


def test_skipped_theme_contributes_nothing() -> None:
    bank = make_bank([question("a1", "alpha"), question("b1", "beta"), closing()])
    result = plan(bank, make_profile(minutes=60, skip_themes=["alpha"]))
    assert "a1" not in ids(result.questions) + ids(result.backup)
    assert "b1" in ids(result.questions)


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
    assert "a1" in ids(admitted.questions)
    assert "a1" not in ids(refused.questions) + ids(refused.backup)
    assert "a2" in ids(refused.questions)


def test_interviewers_filter_by_audience_and_are_assigned() -> None:
    bank = make_bank(
        [
            question("a-hr", "alpha", audience=["hr"]),
            question("b-peer", "beta", audience=["peer", "founder"]),
            closing(audience=["peer"]),
        ]
    )
    result = plan(bank, make_profile(minutes=60, interviewers=[{"name": "Ana", "role": "peer"}]))
    assert ids(result.questions) == ["b-peer", "next-steps-after"]
    assert all(i.ask is not None and i.ask.name == "Ana" and i.ask.role == "peer" for i in result.questions)
    assert "a-hr" not in ids(result.backup)


def test_each_question_goes_to_someone_in_its_audience() -> None:
    bank = make_bank(
        [question("a-hr", "alpha", audience=["hr"]), question("b-mgr", "beta", audience=["manager"]), closing()]
    )
    people = [{"name": "Mo", "role": "manager"}, {"name": "Hana", "role": "hr"}]
    result = plan(bank, make_profile(minutes=60, interviewers=people))
    asked = {i.id: i.ask.name for i in result.questions if i.ask}
    assert asked["a-hr"] == "Hana"
    assert asked["b-mgr"] == "Mo"


def test_the_person_named_first_is_asked_until_the_load_tips() -> None:
    themes = ("alpha", "beta", "gamma")
    bank = make_bank([question(f"{t}1", t, audience=["manager", "peer"]) for t in themes], themes=themes)
    people = [{"name": "Mo", "role": "manager"}, {"name": "Pat", "role": "peer"}]
    result = plan(bank, make_profile(minutes=60, interviewers=people))
    asked = {i.id: i.ask.name for i in result.questions if i.ask}
    # 3 minutes each: the manager, named first, takes two; with 6 minutes against none, the third goes to the peer
    assert asked == {"alpha1": "Mo", "beta1": "Mo", "gamma1": "Pat"}


def test_benefits_go_to_hr_even_when_the_manager_could_answer() -> None:
    bank = make_bank(
        [question("a-pay", "alpha", audience=["hr", "manager"]), question("b-day", "beta", audience=["peer", "hr"])],
        themes=("alpha", "beta"),
    )
    people = [{"name": "Mo", "role": "manager"}, {"name": "Hana", "role": "hr"}]
    result = plan(bank, make_profile(minutes=60, interviewers=people))
    assert {i.id: i.ask.name for i in result.questions if i.ask} == {"a-pay": "Hana", "b-day": "Hana"}


def test_no_interviewers_no_audience_filter_and_no_assignment() -> None:
    bank = make_bank([question("a-hr", "alpha", audience=["hr"]), closing(audience=["recruiter"])])
    result = plan(bank, make_profile(minutes=60))
    assert ids(result.questions) == ["a-hr", "next-steps-after"]
    assert all(i.ask is None for i in [*result.questions, *result.backup])


# ----- rule 2: research ------------------------------------------------------------------------------------


def test_skip_if_researched_is_dropped_only_with_a_note() -> None:
    bank = make_bank([question("a-look", "alpha", skip_if_researched=True), question("a-ask", "alpha"), closing()])
    with_note = plan(bank, make_profile(minutes=60, priorities=["alpha"], research={"alpha": "Found it on the blog"}))
    without = plan(bank, make_profile(minutes=60, priorities=["alpha"], research={"alpha": ""}))
    assert "a-look" not in ids(with_note.questions) + ids(with_note.backup)
    assert "a-ask" in ids(with_note.questions)
    assert with_note.research == {"alpha": "Found it on the blog"}
    assert "a-look" in ids(without.questions)
    assert without.research == {}


def test_a_note_on_another_theme_does_not_drop_the_question() -> None:
    bank = make_bank([question("a-look", "alpha", skip_if_researched=True), closing()])
    result = plan(bank, make_profile(minutes=60, research={"beta": "something"}))
    assert "a-look" in ids(result.questions)


# ----- rule 3: theme order, coverage, specificity ----------------------------------------------------------


def _three_each(themes: tuple[str, ...]) -> list[dict[str, Any]]:
    """Three questions per theme, ranked 1, 2, 3 by their weights (a v2 bank: see `ranked_bank`)."""
    return [question(f"{t}-{n}", t, weight=6 - n) for t in themes for n in (1, 2, 3)]


def ranked_bank(questions: list[dict[str, Any]], **kwargs: Any) -> Bank:
    return make_bank(questions, version=2, **kwargs)


def test_priorities_first_in_the_candidates_order() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    result = plan(bank, make_profile(minutes=120, priorities=["gamma", "alpha"]))
    assert themes_of(result) == ["gamma", "alpha", "beta", "next-steps"]


@pytest.mark.parametrize("mode", ["remote", "hybrid"])
def test_remote_work_right_after_priorities_for_remote_and_hybrid(mode: str) -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma", "remote-work")), closing()])
    result = plan(bank, make_profile(minutes=120, work_mode=mode, priorities=["gamma"]))
    assert themes_of(result)[:2] == ["gamma", REMOTE_THEME]
    # and it gets its question before any priority gets a second one
    tight = plan(bank, make_profile(minutes=7, work_mode=mode, priorities=["gamma"]))
    assert ids(tight.questions) == ["gamma-1", "remote-work-1", "next-steps-after"]


def test_remote_work_not_promoted_onsite() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma", "remote-work")), closing()])
    result = plan(bank, make_profile(minutes=120, work_mode="onsite", priorities=["gamma"]))
    assert themes_of(result) == ["gamma", "alpha", "beta", REMOTE_THEME, "next-steps"]


PAY_BANK_THEMES = ("alpha", "beta", "compensation", "next-steps")


def pay_bank() -> Bank:
    """Two themes, and the salary range: the one pay question that fits a screening call."""
    pay_range = question("compensation-range", "compensation", minutes=2, audience=["recruiter", "hr"])
    return ranked_bank([*_three_each(("alpha", "beta")), pay_range, closing()], themes=PAY_BANK_THEMES)


def test_the_salary_range_is_asked_at_a_screening_call_after_the_priorities() -> None:
    screening = make_profile(stage="screening", minutes=8, priorities=["beta"], interviewers=[{"role": "recruiter"}])
    # 1 (closing) + 3 (the priority) + 2 (the range) + 2 left: no room for another 3-minute question
    assert ids(plan(pay_bank(), screening).questions) == ["beta-1", "compensation-range", "next-steps-after"]
    # a tight call keeps the priority and leaves the range out
    tight = screening.model_copy(update={"minutes": 5})
    assert ids(plan(pay_bank(), tight).questions) == ["beta-1", "next-steps-after"]


def test_the_salary_range_is_not_pushed_when_skipped_or_later_on() -> None:
    skipped = make_profile(stage="screening", minutes=30, priorities=["beta"], skip_themes=["compensation"])
    assert "compensation-range" not in ids(plan(pay_bank(), skipped).questions)
    # at an interview the range is one question among the others: a priority's second question comes first
    later = make_profile(stage="interview", minutes=8, priorities=["beta"])
    assert ids(plan(pay_bank(), later).questions) == ["beta-1", "beta-2", "next-steps-after"]


def test_coverage_before_depth() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    # 1 (closing) + 3 * 3: exactly one question for each priority, none gets a second
    result = plan(bank, make_profile(minutes=10, priorities=["alpha", "beta", "gamma"]))
    assert ids(result.questions) == ["alpha-1", "beta-1", "gamma-1", "next-steps-after"]
    # three more minutes: the first priority gets its second question
    more = plan(bank, make_profile(minutes=13, priorities=["alpha", "beta", "gamma"]))
    assert ids(more.questions) == ["alpha-1", "alpha-2", "beta-1", "gamma-1", "next-steps-after"]


def test_coverage_takes_a_shorter_question_when_the_best_does_not_fit() -> None:
    """A priority theme whose best question is too long still gets one that fits before anyone's second."""
    bank = ranked_bank(
        [
            question("alpha-1", "alpha", weight=5),
            question("alpha-2", "alpha", weight=4),
            question("beta-long", "beta", minutes=6, weight=5),
            question("beta-short", "beta", minutes=2, weight=4),
            closing(),
        ]
    )
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta"]))
    assert ids(result.questions) == ["alpha-1", "beta-short", "next-steps-after"]


def test_a_custom_question_covers_its_theme() -> None:
    """The candidate's own question is their theme's first question: other priorities come before a second."""
    bank = ranked_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [{"text": "What would you change about alpha tomorrow?", "theme": "alpha", "minutes": 3}]
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta"], custom_questions=custom))
    assert ids(result.questions) == ["custom-1", "beta-1", "next-steps-after"]


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
    assert ids(tight.questions) == ["a-two-tags", "next-steps-after"]


def test_a_tag_naming_at_most_half_of_its_values_is_specific_all_or_more_is_not() -> None:
    bank = make_bank(
        [
            question("a-all", "alpha", work_modes=["all"]),
            question("a-two-modes", "alpha", work_modes=["remote", "hybrid"]),  # two of three: not specific
            question("a-hybrid", "alpha", work_modes=["hybrid"]),
            closing(),
        ]
    )
    profile = make_profile(minutes=5, work_mode="hybrid", priorities=["alpha"])
    result = plan(bank, profile)
    assert ids(result.questions) == ["a-hybrid", "next-steps-after"]
    scores = {q.id: tailor.specificity(q, profile) for q in bank.in_theme("alpha")}
    assert scores["a-all"] == scores["a-two-modes"] == 0 < scores["a-hybrid"]


def test_the_seniority_lifts_a_question_more_than_the_role_family_or_the_work_mode() -> None:
    bank = make_bank(
        [
            question("a-family", "alpha", role_families=["engineering"]),
            question("a-mode", "alpha", work_modes=["remote"]),
            question("a-senior", "alpha", seniority=["senior"]),
            closing(),
        ]
    )
    profile = make_profile(
        minutes=5, priorities=["alpha"], seniority="senior", role_family="engineering", work_mode="remote"
    )
    assert ids(plan(bank, profile).questions) == ["a-senior", "next-steps-after"]


def test_weight_ranks_within_a_theme() -> None:
    bank = ranked_bank([question(f"a-w{w}", "alpha", weight=w) for w in (2, 5, 1, 4, 3)] + [closing()])
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"]))
    assert ids(result.in_theme("alpha")) == ["a-w5", "a-w4", "a-w3", "a-w2", "a-w1"]


def test_a_narrow_stage_window_ranks_first_at_its_stage() -> None:
    bank = ranked_bank(
        [
            question("a-any", "alpha"),
            question("a-late", "alpha", stages=window("final", "offer")),
            question("a-offer", "alpha", stages=window("offer")),
            closing(),
        ]
    )
    offer = plan(bank, make_profile(minutes=60, stage="offer", priorities=["alpha"]))
    assert ids(offer.in_theme("alpha")) == ["a-offer", "a-late", "a-any"]
    interview = plan(bank, make_profile(minutes=60, stage="interview", priorities=["alpha"]))
    assert ids(interview.in_theme("alpha")) == ["a-any"]  # the windows leave the others out


def test_ties_go_by_a_shuffle_of_the_profile_not_by_file_order() -> None:
    questions = [question(f"a{n:02}", "alpha") for n in range(12)]
    forward = make_bank([*questions, closing()])
    backward = make_bank([*reversed(questions), closing()])
    profile = make_profile(minutes=120, priorities=["alpha"])
    order = ids(plan(forward, profile).in_theme("alpha"))
    assert order == ids(plan(backward, profile).in_theme("alpha"))  # file order does not matter
    assert order != sorted(order)
    others = {
        tuple(ids(plan(forward, make_profile(company=c, minutes=120, priorities=["alpha"])).in_theme("alpha")))
        for c in ("Acme", "Globex", "Umbrella", "Hooli")
    }
    assert len(others) > 1  # another company gets another order: every question gets its turn


# ----- rule 4: budget and the closing question ------------------------------------------------------------


def test_closing_minutes_are_reserved_first_and_it_comes_last() -> None:
    bank = make_bank([closing(minutes=2), question("a1", "alpha", minutes=4), question("b1", "beta", minutes=3)])
    result = plan(bank, make_profile(minutes=5, priorities=["alpha"]))
    assert ids(result.questions) == ["b1", "next-steps-after"]
    assert result.planned_minutes == 5
    assert "a1" in ids(result.backup)
    # the priority is not dropped in silence
    assert [(u.theme, u.reason) for u in result.uncovered] == [("alpha", Reason(code="no-time", params={"minutes": 4}))]
    assert words.reason(result.uncovered[0].reason).split(":")[0] == "no time left"


def test_closing_is_absent_when_skipped() -> None:
    bank = make_bank([question("a1", "alpha"), closing()])
    result = plan(bank, make_profile(minutes=30, skip_themes=["next-steps"]))
    assert ids(result.questions) == ["a1"]
    assert CLOSING_THEME not in result.theme_order()


def test_only_one_closing_question_even_when_next_steps_is_a_priority() -> None:
    bank = make_bank([question("a1", "alpha"), closing("next-steps-a"), closing("next-steps-b")])
    result = plan(bank, make_profile(minutes=60, priorities=["next-steps", "alpha"]))
    assert ids(result.questions) == ["a1", "next-steps-a"]


def test_a_closing_question_that_fits_is_taken_when_the_best_does_not() -> None:
    bank = make_bank(
        [closing("next-steps-long", minutes=8), closing("next-steps-short", minutes=1), question("a1", "alpha")]
    )
    result = plan(bank, make_profile(minutes=5))
    assert ids(result.questions)[-1] == "next-steps-short"


@pytest.mark.parametrize("minutes", [5, 6, 7, 9, 13, 20])
def test_budget_is_never_exceeded(minutes: int) -> None:
    bank = ranked_bank(
        [*_three_each(("alpha", "beta", "gamma")), question("g-long", "gamma", minutes=10), closing(minutes=2)]
    )
    result = plan(bank, make_profile(minutes=minutes, priorities=["gamma", "beta"]))
    assert result.planned_minutes == sum(i.minutes for i in result.questions) <= minutes
    assert result.budget_minutes == minutes


# ----- rule 5: the candidate's own questions ---------------------------------------------------------------


def test_custom_questions_first_in_their_theme_and_counted() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [
        {"text": "What surprised the last person who joined alpha?", "theme": "alpha", "minutes": 4},
        {"text": "What keeps beta busy in December?", "theme": "beta", "minutes": 2},
    ]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha", "beta"], custom_questions=custom))
    assert ids(result.in_theme("alpha"))[0] == "custom-1"
    assert ids(result.in_theme("beta"))[0] == "custom-2"
    assert [i.source for i in result.questions if i.id.startswith("custom-")] == ["custom", "custom"]
    assert result.planned_minutes == sum(i.minutes for i in result.questions)
    assert {i.id: i.minutes for i in result.questions}["custom-1"] == 4


def test_custom_question_in_a_theme_outside_the_priorities_is_kept() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta")), closing()])
    custom = [{"text": "What would you do differently with gamma?", "theme": "gamma", "minutes": 3}]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], custom_questions=custom))
    assert "custom-1" in ids(result.in_theme("gamma"))


def test_custom_question_that_does_not_fit_is_a_backup_with_a_warning() -> None:
    bank = make_bank([question("a1", "alpha"), closing(minutes=2)])
    custom = [{"text": "What would you change about alpha first?", "theme": "alpha", "minutes": 10}]
    result = plan(bank, make_profile(minutes=8, custom_questions=custom))
    assert "custom-1" not in ids(result.questions)
    (backup,) = [b for b in result.backup if b.id == "custom-1"]
    assert Warning(code="did-not-fit", params={"minutes": 8}) in backup.warnings
    assert any("8 minutes" in words.warning(w) for w in backup.warnings)


def _coded(text: str, stage: str = "interview", bank: Bank | None = None) -> list[Warning]:
    bank = bank or make_bank([question("a1", "alpha"), closing()])
    custom = [{"text": text, "theme": "alpha", "minutes": 2}]
    result = plan(bank, make_profile(minutes=30, stage=stage, custom_questions=custom))
    (item,) = [i for i in result.questions if i.id == "custom-1"]
    return list(item.warnings)


def _warnings(text: str, stage: str = "interview", bank: Bank | None = None) -> list[str]:
    return [words.warning(w) for w in _coded(text, stage, bank)]


@pytest.mark.parametrize("text", ["Is there a gym?", "Do you use Python", "Can I work from home on Fridays?"])
def test_closed_question_is_warned(text: str) -> None:
    assert Warning(code="closed-question") in _coded(text)
    assert any("yes/no" in w for w in _warnings(text))


@pytest.mark.parametrize("text", ["How is work planned?", "Is it true that what you build ships weekly?"])
def test_open_question_is_not_warned(text: str) -> None:
    assert _warnings(text) == []


@pytest.mark.parametrize("stage", ["screening", "interview"])
@pytest.mark.parametrize("text", ["What is the salary range?", "How much paid time off is there?"])
def test_pay_early_is_warned(stage: str, text: str) -> None:
    assert Warning(code="pay-too-early", params={"stage": stage}) in _coded(text, stage)
    assert any("pay and time off" in w and stage in w for w in _warnings(text, stage))


@pytest.mark.parametrize("stage", ["final", "offer"])
def test_pay_late_is_fine(stage: str) -> None:
    assert _warnings("What is the salary range?", stage) == []


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
    (item,) = [i for i in result.questions if i.id == "custom-1"]
    assert item.warnings == [Warning(code="repeats-bank", params={"question": "a1"})]
    assert any("'a1'" in words.warning(w) for w in item.warnings)
    assert "a1" not in ids(result.questions) + ids(result.backup)


# ----- rule 6: backups -------------------------------------------------------------------------------------


def test_backups_are_the_next_best_that_did_not_fit() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    result = plan(bank, make_profile(minutes=7, priorities=["alpha", "beta", "gamma"]))
    assert ids(result.questions) == ["alpha-1", "beta-1", "next-steps-after"]
    assert ids(result.backup)[0] == "gamma-1"
    assert not set(ids(result.backup)) & set(ids(result.questions))
    assert 0 < len(result.backup) <= 5


def test_no_backups_when_everything_fits() -> None:
    bank = make_bank([question("a1", "alpha"), closing()])
    result = plan(bank, make_profile(minutes=60))
    assert result.backup == []


# ----- rule 7: determinism ---------------------------------------------------------------------------------


def test_same_input_same_plan_and_bytes() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    profile = make_profile(
        minutes=11,
        priorities=["beta"],
        interviewers=[{"role": "manager"}, {"role": "peer"}],
        custom_questions=[{"text": "Is it fun?", "theme": "gamma"}],
    )
    first, second = plan(bank, profile), plan(bank, profile)
    assert first == second
    assert render.markdown(first).encode() == render.markdown(second).encode()
    assert first.to_json() == second.to_json()


# ----- topics, filling the time, priorities never dropped in silence ----------------------------------------


def test_never_two_questions_of_one_topic_on_a_sheet() -> None:
    bank = ranked_bank(
        [
            question("a-pay-1", "alpha", topic="pay", weight=5),
            question("a-pay-2", "alpha", topic="pay", weight=4),
            question("b-pay", "beta", topic="pay", weight=5),
            question("a-other", "alpha", weight=1),
            closing(),
        ]
    )
    result = plan(bank, make_profile(minutes=60, priorities=["alpha", "beta"]))
    chosen = ids(result.questions)
    assert "a-pay-1" in chosen
    assert "a-pay-2" not in chosen
    assert "b-pay" not in chosen
    assert "a-other" in chosen
    # and not among the backups either: a backup is a question one could still ask
    assert not {"a-pay-2", "b-pay"} & set(ids(result.backup))


def test_an_own_question_repeating_a_bank_question_leaves_out_its_whole_topic() -> None:
    text = "How does the team decide what to build next quarter?"
    bank = ranked_bank(
        [
            question("a1", "alpha", text=text, topic="roadmap"),
            question("a2", "alpha", topic="roadmap"),
            question("a3", "alpha"),
            closing(),
        ]
    )
    custom = [{"text": text, "theme": "alpha", "minutes": 3}]
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], custom_questions=custom))
    everything = ids(result.questions) + ids(result.backup)
    assert "a1" not in everything
    assert "a2" not in everything
    assert "a3" in everything


def test_minutes_left_are_filled_while_anything_fits() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    # 1 + 9 questions of 3 minutes: 28 minutes hold the closing question and all nine
    result = plan(bank, make_profile(minutes=28, priorities=["alpha"]))
    assert result.planned_minutes == 28
    assert result.backup == []
    # with 27, eight fit and two minutes stay free, since nothing is that short
    tighter = plan(bank, make_profile(minutes=27, priorities=["alpha"]))
    assert tighter.planned_minutes == 25
    assert len(tighter.questions) == 9


def test_filling_goes_round_the_themes_one_question_at_a_time() -> None:
    bank = ranked_bank([*_three_each(("alpha", "beta", "gamma")), closing()])
    result = plan(bank, make_profile(minutes=1 + 3 * 7, priorities=["alpha"]))
    # coverage: alpha 1, 2 and 3 (a priority gets up to three), beta and gamma once each; then the fill
    # gives beta and gamma one more each, not beta two
    assert ids(result.questions) == [
        "alpha-1",
        "alpha-2",
        "alpha-3",
        "beta-1",
        "beta-2",
        "gamma-1",
        "gamma-2",
        "next-steps-after",
    ]


def test_a_priority_no_one_named_can_answer_is_asked_through_someone_else() -> None:
    bank = make_bank([question("a-hr", "alpha", audience=["hr"]), question("b1", "beta"), closing()])
    result = plan(
        bank, make_profile(minutes=60, priorities=["alpha"], interviewers=[{"name": "Mo", "role": "manager"}])
    )
    (item,) = result.in_theme("alpha")
    assert item.id == "a-hr"
    assert item.ask is None
    assert item.reach == Reach(audiences=["hr"])
    assert words.reach(item.reach) == "ask to be put in touch with HR"
    assert result.uncovered == []
    # and the sheet says so where the question stands
    assert "- [ ] What is the story behind a-hr? (~3 min) · ask to be put in touch with HR" in render.markdown(result)


def test_a_priority_with_no_question_for_the_stage_is_listed_with_the_reason() -> None:
    bank = make_bank([question("a-offer", "alpha", stages=["offer"]), question("b1", "beta"), closing()])
    result = plan(bank, make_profile(minutes=60, stage="screening", priorities=["alpha", "beta"]))
    assert [(u.theme, u.reason) for u in result.uncovered] == [
        ("alpha", Reason(code="no-stage-fit", params={"stage": "screening"}))
    ]
    assert words.reason(result.uncovered[0].reason) == "no question of this theme fits the screening stage"
    markdown = render.markdown(result)
    assert "## Not covered on this sheet" in markdown
    assert "- **Alpha:** no question of this theme fits the screening stage" in markdown


def test_a_priority_with_no_question_for_the_candidate_says_why() -> None:
    bank = make_bank([question("a-junior", "alpha", seniority=["junior"]), closing()])
    result = plan(bank, make_profile(minutes=60, seniority="executive", role_family="data", priorities=["alpha"]))
    tags = {"seniority": "executive", "role_family": "data", "work_mode": "onsite"}
    assert [u.reason for u in result.uncovered] == [Reason(code="no-tag-fit", params=dict(tags))]
    assert [words.reason(u.reason) for u in result.uncovered] == [
        "no question of this theme fits a executive data role, onsite"
    ]


def test_a_priority_whose_question_is_answered_by_research_says_so() -> None:
    bank = make_bank([question("a-look", "alpha", skip_if_researched=True), closing()])
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], research={"alpha": "On their blog"}))
    assert [u.reason for u in result.uncovered] == [Reason(code="researched")]
    assert [words.reason(u.reason) for u in result.uncovered] == ["your research note already answers its questions"]


@pytest.mark.parametrize("role", ["founder", "executive"])
def test_a_founder_or_an_executive_can_answer_skip_level_questions(role: str) -> None:
    bank = make_bank([question("a-skip", "alpha", audience=["skip-level"]), closing(audience=["manager"])])
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], interviewers=[{"role": role}]))
    (item,) = result.in_theme("alpha")
    assert item.ask is not None
    assert item.ask.role == role
    assert item.reach is None


def test_a_peer_cannot_answer_skip_level_questions() -> None:
    bank = make_bank([question("a-skip", "alpha", audience=["skip-level"]), closing(audience=["peer"])])
    result = plan(bank, make_profile(minutes=60, priorities=["alpha"], interviewers=[{"role": "peer"}]))
    (item,) = result.in_theme("alpha")
    assert item.ask is None
    assert item.reach == Reach(audiences=["skip-level"])
    assert words.reach(item.reach) == "ask to be put in touch with the skip-level manager"


def test_own_questions_are_assigned_to_an_interviewer() -> None:
    bank = make_bank([question("a1", "alpha", audience=["hr"]), closing(audience=["hr"])])
    people = [{"name": "Mo", "role": "manager"}, {"name": "Hana", "role": "hr"}]
    custom = [{"text": "What made the last hire succeed?", "theme": "alpha", "minutes": 2}]
    result = plan(bank, make_profile(minutes=60, interviewers=people, custom_questions=custom))
    own = next(i for i in result.questions if i.id == "custom-1")
    assert own.ask is not None
    assert own.ask.name in ("Mo", "Hana")
    assert own.ask.label() in ("Mo (manager)", "Hana (HR)")


def test_an_own_question_that_does_not_fit_never_vanishes() -> None:
    bank = make_bank([question("a1", "alpha"), closing()])
    custom = [
        {"text": "What would you change about alpha first?", "theme": "alpha", "minutes": 4},
        {"text": "Who decides what alpha builds next?", "theme": "alpha", "minutes": 4},
    ]
    result = plan(bank, make_profile(minutes=5, custom_questions=custom))
    assert ids(result.questions)[:1] == ["custom-1"]
    assert ids(result.backup)[0] == "custom-2"  # the first backup
    assert result.backup[0].warnings == [Warning(code="did-not-fit", params={"minutes": 5})]
    assert [words.warning(w) for w in result.backup[0].warnings] == ["did not fit in your 5 minutes"]


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
        sector=draw(st.none() | st.sampled_from(vocab.SECTORS)),
        employer=draw(st.none() | st.sampled_from(vocab.EMPLOYERS)),
        country=draw(st.none() | st.sampled_from(["NL", "FR", "VN", "DE", "GB", "US", "BE", "ES", "IT"])),
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


def can_answer(role: str, q: Question) -> bool:
    """Its audience, or a founder or an executive for what a skip-level manager answers."""
    return role in q.audience or (role in ("founder", "executive") and "skip-level" in q.audience)


def fits_candidate(q: Question, p: Profile) -> bool:
    """Rule 1 without who can answer, written out again from the docstring rather than imported."""
    return (
        q.theme not in p.skip_themes
        and q.stages.admits(p.stage)
        and admits(q.seniority, p.seniority)
        and admits(q.role_families, p.role_family)
        and admits(q.work_modes, p.work_mode)
        and all(admits(getattr(q, tag), getattr(p, name)) for tag, name in WHERE_TAGS if getattr(p, name) is not None)
        and (p.sector is not None or q.sectors == ["all"])
        and (p.country is not None or q.countries == ["all"])
        and not (q.skip_if_researched and p.research.get(q.theme))
    )


# A question for some sectors, kinds of employer or countries fits only a profile that names one of them;
# a kind of employer not named excludes nothing.
WHERE_TAGS = (("sectors", "sector"), ("employers", "employer"), ("countries", "country"))


def decisive_topics(p: Profile) -> list[str]:
    info = SHIPPED.sectors.get(p.sector or "")
    return list(info.decisive_topics) if info else []


def is_eligible(q: Question, p: Profile) -> bool:
    return fits_candidate(q, p) and (not p.interviewers or any(can_answer(iv.role, q) for iv in p.interviewers))


def candidates(result: Sheet, p: Profile) -> list[Question]:
    """Eligible bank questions, less the topics left out because a custom question repeats them."""
    repeated = {str(w.params["question"]) for i in result.all_items() for w in i.warnings if w.code == "repeats-bank"}
    topics = {SHIPPED.questions[r].topic_id for r in repeated}
    return [q for q in SHIPPED.questions.values() if is_eligible(q, p) and q.topic_id not in topics]


def check_budget_and_eligibility(result: Sheet, p: Profile) -> None:
    assert result.budget_minutes == p.minutes
    assert result.planned_minutes == sum(i.minutes for i in result.questions) <= p.minutes
    for item in result.all_items():
        if item.source != "bank":
            continue
        q = SHIPPED.questions[item.id]
        if item.reach:  # a priority nobody named can answer: it fits the candidate all the same
            assert fits_candidate(q, p), f"{item.id} does not fit the candidate"
            assert item.theme in p.priorities or q.topic_id in decisive_topics(p)
        else:
            assert is_eligible(q, p), f"{item.id} is not eligible"
    chosen = ids(result.questions)
    assert len(chosen) == len(set(chosen))
    assert not set(chosen) & set(ids(result.backup))


def check_topics(result: Sheet) -> None:
    topics = [SHIPPED.questions[i.id].topic_id for i in result.questions if i.source == "bank"]
    assert len(topics) == len(set(topics)), "two questions of one topic"


def check_who_to_ask(result: Sheet, p: Profile) -> None:
    for item in result.all_items():
        if not p.interviewers or item.reach:
            assert item.ask is None, f"{item.id} is assigned"
        elif item.source == "custom":
            assert item.ask in p.interviewers
        else:
            assert item.ask in p.interviewers
            assert can_answer(item.ask.role, SHIPPED.questions[item.id]), f"{item.id} asked of {item.ask.role}"


def check_closing(result: Sheet, p: Profile, pool: list[Question]) -> None:
    bank_closing = [i for i in result.questions if i.theme == CLOSING_THEME and i.source == "bank"]
    # the closing question's minutes are reserved before any other bank question, after the own questions
    own = sum(i.minutes for i in result.questions if i.source == "custom")
    fits = [q for q in pool if q.theme == CLOSING_THEME and q.minutes <= p.minutes - own]
    if CLOSING_THEME in p.skip_themes or not fits:
        assert bank_closing == []
    else:
        assert len(bank_closing) == 1, "exactly one closing question"
        assert result.questions[-1] == bank_closing[0], "the closing question is last"


def check_theme_order(result: Sheet, p: Profile) -> None:
    order = [i.theme for i in result.questions]
    grouped = themes_of(result)
    assert order == [t for t in grouped for _ in range(order.count(t))], "each theme's questions are together"
    body = [t for t in grouped if t != CLOSING_THEME]
    wanted = [t for t in p.priorities if t in body]
    assert body[: len(wanted)] == wanted, "priorities first, in the candidate's order"
    if p.work_mode in ("remote", "hybrid") and REMOTE_THEME in body and REMOTE_THEME not in p.priorities:
        assert body[len(wanted)] == REMOTE_THEME, "remote-work right after the priorities"


def check_priorities_never_dropped(result: Sheet, p: Profile) -> None:
    uncovered = [u.theme for u in result.uncovered]
    for theme in p.priorities:
        if theme == CLOSING_THEME:
            continue
        assert bool(result.in_theme(theme)) != (theme in uncovered), f"{theme}: on the sheet or listed, not both"


def check_priority_coverage(result: Sheet, p: Profile, pool: list[Question]) -> None:
    """No theme gets a second question while a priority theme with an eligible question that fits the time
    then left has none. When a question was taken, the time left was at least what is left at the end plus
    that question's minutes."""
    left = p.minutes - result.planned_minutes
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
    topics = {SHIPPED.questions[i.id].topic_id for i in result.questions if i.source == "bank"}
    for theme in p.priorities:
        if theme == CLOSING_THEME or result.in_theme(theme):
            continue
        for q in pool:
            if q.theme == theme and q.topic_id not in topics:
                assert q.minutes > left + smallest, f"{theme} has none ({q.id} fitted) while a theme has a second"


def check_ranking(result: Sheet, p: Profile, pool: list[Question]) -> None:
    """Within a theme, better-scored questions first; a better one is left out only when it did not fit at
    the time a worse one was taken, or its topic was already on the sheet."""
    left = p.minutes - result.planned_minutes
    topics = {SHIPPED.questions[i.id].topic_id for i in result.questions if i.source == "bank"}
    for theme in themes_of(result):
        decisive = decisive_topics(p)  # taken for its topic, before the theme's depth: not by the theme's rank
        chosen = [
            SHIPPED.questions[i.id]
            for i in result.in_theme(theme)
            if i.source == "bank" and not i.reach and SHIPPED.questions[i.id].topic_id not in decisive
        ]
        scores = [tailor.score(q, p) for q in chosen]
        assert scores == sorted(scores, reverse=True), f"better before worse in {theme}"
        for q in pool:
            if q.theme != theme or q in chosen or q.topic_id in topics:
                continue
            for c in chosen:
                if tailor.score(q, p) > tailor.score(c, p):
                    assert q.minutes > left + c.minutes, f"{q.id} ranks above {c.id} and fitted"


def check_decisive_topics(result: Sheet, p: Profile) -> None:
    """Each topic that decides the sector's jobs is on the sheet or reported, never dropped in silence."""
    on_sheet = {SHIPPED.questions[i.id].topic_id for i in result.questions if i.id in SHIPPED.questions}
    missed = [m.topic for m in result.missed_topics]
    for topic in decisive_topics(p):
        of_topic = [q for q in SHIPPED.questions.values() if q.topic_id == topic]
        any_stage = [
            q.model_copy(update={"stages": StageWindow(earliest="screening", latest="offer")}) for q in of_topic
        ]
        theirs = any(fits_candidate(q.model_copy(update={"skip_if_researched": False}), p) for q in any_stage)
        if not theirs:  # written for other levels or kinds of role: not this candidate's topic, not reported
            assert topic not in missed
            continue
        assert (topic in on_sheet) != (topic in missed), f"decisive topic {topic}: on the sheet or reported, not both"


def check_fill(result: Sheet, p: Profile, pool: list[Question]) -> None:
    """Minutes left over mean nothing else fits: every question left out is longer, or repeats a topic."""
    left = p.minutes - result.planned_minutes
    topics = {SHIPPED.questions[i.id].topic_id for i in result.questions if i.source == "bank"}
    chosen = set(ids(result.questions))
    for q in pool:
        if q.id not in chosen and q.topic_id not in topics and q.theme != CLOSING_THEME:  # one closing question
            assert q.minutes > left, f"{q.id} ({q.minutes} min) fits the {left} minutes left"


def check_research_and_customs(result: Sheet, p: Profile) -> None:
    noted = {t for t, note in p.research.items() if note}
    for item in result.all_items():
        if item.source == "bank":
            assert not (SHIPPED.questions[item.id].skip_if_researched and item.theme in noted), item.id
    assert result.research == {t: n for t, n in p.research.items() if n}
    for theme in themes_of(result):
        sources = [i.source for i in result.in_theme(theme)]
        assert sources == sorted(sources, key=lambda s: s != "custom"), f"customs first in {theme}"
        numbers = [int(i.id.removeprefix("custom-")) for i in result.in_theme(theme) if i.source == "custom"]
        assert numbers == sorted(numbers), f"the candidate's order within {theme}"
    custom_ids = {f"custom-{n}" for n in range(1, len(p.custom_questions) + 1)}
    kept = {i.id for i in result.questions if i.source == "custom"}
    # every own question is on the sheet or among the backups: never lost
    assert kept | {i.id for i in result.backup if i.source == "custom"} == custom_ids
    for n, custom in enumerate(p.custom_questions, start=1):
        if f"custom-{n}" in kept:
            assert {i.id: i.theme for i in result.questions}[f"custom-{n}"] == custom.theme


@settings(max_examples=examples(400), deadline=None)
@given(profiles())
def test_plan_properties(p: Profile) -> None:
    result = plan(SHIPPED, p)
    pool = candidates(result, p)
    check_budget_and_eligibility(result, p)
    check_topics(result)
    check_who_to_ask(result, p)
    check_closing(result, p, pool)
    check_theme_order(result, p)
    check_priorities_never_dropped(result, p)
    check_priority_coverage(result, p, pool)
    check_ranking(result, p, pool)
    check_fill(result, p, pool)
    check_decisive_topics(result, p)
    check_research_and_customs(result, p)
    # deterministic: the same profile and bank give the same plan and the same bytes
    again = plan(SHIPPED, p)
    assert again == result
    assert render.markdown(again).encode() == render.markdown(result).encode()
    assert again.to_json() == result.to_json()
