"""How well a company fits, from the debriefs: pure arithmetic, no terminal.

Per theme: green 1, yellow 0.5, red 0, averaged over the questions asked (the latest rating of a question
asked in several rounds counts). Overall: themes weighted by the candidate's priorities, n for the first of
n priorities down to 1 for the last; any other theme counts half of the lowest priority weight. A priority
theme with no question asked is unknown, never zero: it is left out of the overall fit and listed as a
must-know before any decision. Answers about the hiring process itself (the next-steps theme) say
nothing about fit and are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from revint_cli.formats.debrief_file import SCORE

PROCESS_THEME = "next-steps"


@dataclass(frozen=True)
class Rated:
    """One asked question: where it belongs, what it was, how it went."""

    theme: str
    question: str
    rating: str
    note: str = ""


@dataclass(frozen=True)
class Fit:
    themes: dict[str, Fraction | None]  # priority themes first, then the others asked about
    overall: Fraction | None
    unknown: list[str]
    red_flags: list[Rated]
    gut: int | None = None
    asked: dict[str, int] = field(default_factory=dict)


def rounded(value: Fraction | None, places: int = 2) -> float | None:
    """Half up, as people round: 0.125 -> 0.13 (floats would give 0.12)."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def percent(value: Fraction | float | None) -> str:
    """A fit as people read it, rounded half up (0.625 is 63%); `unknown` when nothing was asked."""
    if value is None:
        return "unknown"
    return f"{rounded(Fraction(value) * 100, 0):.0f}%"


def weights(priorities: Sequence[str], themes: Sequence[str]) -> dict[str, Fraction]:
    n = len(priorities)
    out = {theme: Fraction(n - i) for i, theme in enumerate(priorities)}
    other = Fraction(1, 2) if n else Fraction(1)
    for theme in themes:
        out.setdefault(theme, other)
    return out


def compute(priorities: Sequence[str], rated: Sequence[Rated], gut: int | None = None) -> Fit:
    priorities = fit_priorities(priorities)
    by_theme: dict[str, list[Fraction]] = {}
    for r in rated:
        if r.theme == PROCESS_THEME:
            continue
        by_theme.setdefault(r.theme, []).append(Fraction(SCORE[r.rating]))
    order = list(dict.fromkeys([*priorities, *by_theme]))
    themes: dict[str, Fraction | None] = {}
    for theme in order:
        scores = by_theme.get(theme)
        themes[theme] = sum(scores, Fraction(0)) / len(scores) if scores else None
    w = weights(priorities, order)
    known = [(w[t], v) for t, v in themes.items() if v is not None]
    total = sum((wt for wt, _ in known), Fraction(0))
    overall = sum((wt * v for wt, v in known), Fraction(0)) / total if total else None
    return Fit(
        themes=themes,
        overall=overall,
        unknown=[t for t in priorities if themes.get(t) is None],
        red_flags=[r for r in rated if r.rating == "red"],
        gut=gut,
        asked={t: len(v) for t, v in by_theme.items()},
    )


def fit_priorities(priorities: Sequence[str]) -> list[str]:
    """The priorities a fit can answer: the hiring process (next steps) is never unknown, nor weighed."""
    return [t for t in priorities if t != PROCESS_THEME]


def latest_ratings(rounds: Sequence[Mapping[str, Rated]]) -> list[Rated]:
    """Ratings over several rounds, oldest first: a question asked again counts with its latest rating."""
    merged: dict[str, Rated] = {}
    for ratings in rounds:
        for key, rated in ratings.items():
            merged.pop(key, None)
            merged[key] = rated
    return list(merged.values())
