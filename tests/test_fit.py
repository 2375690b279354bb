"""The fit arithmetic: green 1, yellow 0.5, red 0 per theme; priorities weigh n..1, other themes half of
the lowest; an unasked priority is unknown, never zero; next steps say nothing about fit."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from revint_cli.planning.fit import PROCESS_THEME, Rated, compute, latest_ratings, rounded, weights


def rated(theme: str, rating: str, note: str = "", question: str | None = None) -> Rated:
    return Rated(theme, question or f"A question about {theme}?", rating, note)


def test_a_theme_is_the_average_of_its_answers() -> None:
    fit = compute([], [rated("team", "green"), rated("team", "yellow"), rated("team", "red"), rated("team", "green")])
    assert fit.themes == {"team": F(5, 8)}  # (1 + 0.5 + 0 + 1) / 4
    assert fit.asked == {"team": 4}


def test_an_unasked_priority_is_unknown_not_zero() -> None:
    fit = compute(["growth", "team"], [rated("team", "green")])
    assert fit.themes == {"growth": None, "team": F(1)}
    assert fit.unknown == ["growth"]
    assert fit.overall == F(1)  # growth is left out, not counted as 0 (which would give 1/3)


def test_a_priority_with_only_red_answers_is_zero_and_known() -> None:
    fit = compute(["growth", "team"], [rated("growth", "red", "no budget"), rated("team", "green")])
    assert fit.themes["growth"] == F(0)
    assert fit.unknown == []
    assert fit.overall == F(1, 3)  # (2*0 + 1*1) / 3


def test_priorities_weigh_n_down_to_1_and_other_themes_half_of_the_lowest() -> None:
    assert weights(["a", "b", "c"], ["a", "b", "c", "x", "y"]) == {"a": 3, "b": 2, "c": 1, "x": F(1, 2), "y": F(1, 2)}
    fit = compute(
        ["a", "b", "c"],
        [rated("a", "green"), rated("b", "red"), rated("x", "yellow"), rated("y", "green"), rated("y", "red")],
    )
    # a=1 (w3), b=0 (w2), c unknown, x=1/2 (w1/2), y=1/2 (w1/2): (3 + 0 + 1/4 + 1/4) / (3 + 2 + 1/2 + 1/2)
    assert fit.overall == F(7, 12)
    assert fit.unknown == ["c"]
    assert list(fit.themes) == ["a", "b", "c", "x", "y"]  # priorities first, in order


def test_the_order_of_priorities_matters() -> None:
    answers = [rated("a", "green"), rated("b", "red")]
    assert compute(["a", "b"], answers).overall == F(2, 3)
    assert compute(["b", "a"], answers).overall == F(1, 3)


def test_without_priorities_every_theme_weighs_the_same() -> None:
    assert weights([], ["x", "y"]) == {"x": 1, "y": 1}
    fit = compute([], [rated("x", "green"), rated("y", "red"), rated("y", "green")])
    assert fit.overall == F(3, 4)  # themes, not answers, are averaged: (1 + 1/2) / 2
    assert fit.unknown == []


def test_no_answer_at_all_is_an_unknown_overall() -> None:
    fit = compute(["growth"], [])
    assert fit.overall is None
    assert fit.unknown == ["growth"]
    assert compute([], []).overall is None


def test_next_steps_answers_are_left_out_of_the_fit_but_a_red_one_is_still_a_red_flag() -> None:
    fit = compute(
        ["team"],
        [
            rated("team", "green"),
            rated(PROCESS_THEME, "red", "no timeline at all"),
            rated(PROCESS_THEME, "green"),
        ],
    )
    assert PROCESS_THEME not in fit.themes
    assert PROCESS_THEME not in fit.asked
    assert fit.overall == F(1)
    assert [(f.theme, f.note) for f in fit.red_flags] == [(PROCESS_THEME, "no timeline at all")]


def test_every_red_answer_is_listed_with_its_note_in_order() -> None:
    answers = [
        rated("team", "red", "billing has no owner", "Who owns billing?"),
        rated("growth", "green"),
        rated("culture", "red", "", "What happened after the outage?"),
        rated("team", "yellow"),
    ]
    fit = compute(["growth"], answers, gut=2)
    assert [(f.question, f.theme, f.note) for f in fit.red_flags] == [
        ("Who owns billing?", "team", "billing has no owner"),
        ("What happened after the outage?", "culture", ""),
    ]
    assert fit.gut == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (F(1, 8), 0.13),  # a float would give 0.12
        (F(5, 8), 0.63),  # round(0.625, 2) gives 0.62
        (F(3, 8), 0.38),
        (F(1, 200), 0.01),
        (F(2, 3), 0.67),
        (F(1, 3), 0.33),
        (F(7, 12), 0.58),
        (F(0), 0.0),
        (F(1), 1.0),
        (None, None),
    ],
)
def test_rounded_is_half_up(value: F | None, expected: float | None) -> None:
    assert rounded(value) == expected


def test_rounded_to_other_places() -> None:
    assert rounded(F(1, 8), 1) == 0.1
    assert rounded(F(1, 4), 1) == 0.3
    assert rounded(F(5, 8), 0) == 1.0


def test_the_latest_rating_of_a_question_wins() -> None:
    first = {"q1": rated("team", "red", "round 1"), "q2": rated("growth", "yellow")}
    second = {"q1": rated("team", "green", "round 2")}
    merged = latest_ratings([first, second])
    assert [(r.theme, r.rating, r.note) for r in merged] == [("growth", "yellow", ""), ("team", "green", "round 2")]
    fit = compute(["team"], merged)
    assert fit.themes["team"] == F(1)
    assert fit.red_flags == []


def test_next_steps_as_a_priority_is_never_unknown_nor_weighed() -> None:
    """The wizard offers every theme as a priority; the hiring process says nothing about fit."""
    fit = compute(["growth", PROCESS_THEME, "team"], [rated("growth", "green"), rated("team", "red")])
    assert fit.unknown == []
    assert PROCESS_THEME not in fit.themes
    assert fit.overall == F(2, 3)  # growth 2, team 1: the two priorities that count
    assert compute([PROCESS_THEME], [rated(PROCESS_THEME, "green")]).unknown == []
