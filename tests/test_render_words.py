"""`render.words`: every code the planner records has its wording, whole sentences with plural forms; and
`render`'s one registry of documents and formats, which the commands take their `--format` values from."""

from __future__ import annotations

import gettext
from typing import get_args

import pytest

from revint_cli import i18n, render, vocab
from revint_cli.formats.reasons import Reach, Reason, Recheck, UncoveredCode, Warning, WarningCode
from revint_cli.render import compare_md, words


def test_every_code_has_its_wording() -> None:
    assert set(words.REASONS) == set(get_args(UncoveredCode))
    assert set(words.WARNINGS) == set(get_args(WarningCode))


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (
            Reason(code="no-time", params={"minutes": 1}),
            "no time left: its best question takes 1 minute (first under If time allows)",
        ),
        (
            Reason(code="no-time", params={"minutes": 4}),
            "no time left: its best question takes 4 minutes (first under If time allows)",
        ),
        (
            Reason(code="nobody-can-answer", params={"audiences": ["hr", "founder", "executive"]}),
            "no time left, and none of the people you meet can answer it (HR, the founder or the executive can)",
        ),
        (Reason(code="unknown-theme"), "the question bank has no such theme"),
        (Reason(code="no-questions"), "the question bank has no questions for this theme"),
        (Reason(code="answered-earlier"), "answered well in an earlier round"),
        (Reason(code="legacy", params={"text": "as the first release wrote it"}), "as the first release wrote it"),
    ],
)
def test_reasons_read_as_before(reason: Reason, text: str) -> None:
    assert words.reason(reason) == text


def test_warnings_count_their_minutes() -> None:
    assert words.warning(Warning(code="did-not-fit", params={"minutes": 1})) == "did not fit in your 1 minute"
    assert words.warning(Warning(code="did-not-fit", params={"minutes": 30})) == "did not fit in your 30 minutes"


def test_recheck_and_reach() -> None:
    assert words.recheck(Recheck(role="hr")) == "asked again to cross-check a red answer from HR"
    no_one = Recheck(role="interviewer", other_named=False)
    assert (
        words.recheck(no_one)
        == "asked again to cross-check a red answer from the interviewer (no one else named to ask)"
    )
    assert words.recheck(Recheck(text="kept as it was")) == "kept as it was"
    assert words.reach(Reach(audiences=["skip-level"])) == "ask to be put in touch with the skip-level manager"
    assert (
        words.refer(Reach(audiences=["founder", "executive"]))
        == "Offer to put them in touch with the founder or the executive"
    )


class Catalog(gettext.NullTranslations):
    """A language of our own: every message changed, so nothing can depend on the English words."""

    def gettext(self, message: str) -> str:
        return {"Overall fit": "Gesamt", "{first} and {last}": "{first} und {last}"}.get(message, message)


@pytest.fixture
def other_language() -> object:
    i18n.use(Catalog())
    yield
    i18n.use(gettext.NullTranslations())


@pytest.mark.usefixtures("other_language")
def test_compare_styles_a_row_by_its_kind_never_by_its_words() -> None:
    company = {"company": "A", "role": "R", "fit": {}, "overall": 0.5, "unknown": [], "red_flags": [], "gut": 3}
    data = {
        "priorities": [],
        "companies": [{**company, "debriefed": True}, {**company, "overall": None, "debriefed": True}],
    }
    (text,) = compare_md.markdown(data, {})
    assert "| **Gesamt** | **50%** | unknown |" in text
    _, summary = compare_md.rows(data, {})
    assert [row.kind for row in summary] == ["overall", "gut", "red-flags"]


@pytest.mark.usefixtures("other_language")
def test_several_people_are_joined_by_the_language() -> None:
    assert words.all_of(["Sam", "Ana", "the peer"]) == "Sam und Ana und the peer"


def test_one_registry_gives_every_command_its_formats() -> None:
    from revint_cli.commands import brief, compare, prep

    assert prep.FORMATS == render.formats("sheet") == ("md", "json", "html")
    assert compare.FORMATS == render.formats("compare") == ("table", "md", "json")
    assert brief.FORMATS == render.formats("brief") == render.formats("brief-compare") == ("md", "json")
    assert not hasattr(vocab, "SHEET_FORMATS")
    for document, fmt in render.REGISTRY:
        assert callable(render.renderer(document, fmt))
