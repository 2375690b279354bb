"""What the sector, the kind of employer and the country change in the plan (planning/sectors.py)."""

from __future__ import annotations

from typing import Any

from builders import closing, make_bank, make_profile, question, window

from revint_cli.planning import tailor
from revint_cli.render import markdown

CARE = {
    "id": "healthcare",
    "title": "Healthcare",
    "decisive_topics": ["staffing-ratio", "rota"],
    "audience_labels": {"manager": "ward manager"},
}


def bank(*extra: dict[str, Any], sectors: list[dict[str, Any]] | None = None):  # type: ignore[no-untyped-def]
    return make_bank(
        [
            question("alpha-generic", "alpha", weight=1),
            question("alpha-ratio", "alpha", topic="staffing-ratio", sectors=["healthcare"]),
            question("beta-rota", "beta", topic="rota", sectors=["healthcare"], stages=window("final", "offer")),
            question("beta-generic", "beta"),
            question("gamma-startup", "gamma", employers=["startup"]),
            question("gamma-pay", "gamma", topic="pay-range"),
            question("gamma-pay-nl", "gamma", topic="pay-range", countries=["NL"]),
            closing(),
            *extra,
        ],
        version=2,
        sectors=[CARE] if sectors is None else sectors,
    )


def ids(sheet) -> set[str]:  # type: ignore[no-untyped-def]
    return {i.id for i in [*sheet.questions, *sheet.backup]}


def test_a_question_of_one_sector_employer_or_country_fits_only_that_profile() -> None:
    b = bank()
    nobody = tailor.plan(b, make_profile(minutes=60, stage="final", employer="company"))
    assert ids(nobody).isdisjoint({"alpha-ratio", "beta-rota", "gamma-startup", "gamma-pay-nl"})
    unknown_employer = tailor.plan(b, make_profile(minutes=60, stage="final"))
    assert "gamma-startup" in ids(unknown_employer)  # a kind of employer not known excludes nothing
    nurse = tailor.plan(
        b, make_profile(minutes=60, stage="final", sector="healthcare", employer="startup", country="NL")
    )
    assert {"alpha-ratio", "beta-rota", "gamma-startup", "gamma-pay-nl"} <= ids(nurse)


def test_the_country_variant_stands_in_for_the_neutral_question_of_its_topic() -> None:
    sheet = tailor.plan(bank(), make_profile(minutes=60, stage="final", country="NL"))
    chosen = {i.id for i in sheet.questions}
    assert "gamma-pay-nl" in chosen
    assert "gamma-pay" not in chosen


def test_the_sectors_own_question_comes_before_the_generic_one() -> None:
    sheet = tailor.plan(bank(), make_profile(minutes=6, stage="final", sector="healthcare", priorities=["alpha"]))
    assert [i.id for i in sheet.in_theme("alpha")] == ["alpha-ratio"]


def test_a_decisive_topic_is_planned_before_depth() -> None:
    # beta is nobody's priority, yet the rota decides a nurse's job: it is on a short sheet
    sheet = tailor.plan(bank(), make_profile(minutes=7, stage="final", sector="healthcare", priorities=["alpha"]))
    assert "beta-rota" in {i.id for i in sheet.questions}
    assert sheet.missed_topics == []


def test_a_decisive_topic_that_cannot_fit_is_reported_with_its_reason() -> None:
    sheet = tailor.plan(bank(), make_profile(minutes=30, stage="screening", sector="healthcare"))
    (missed,) = sheet.missed_topics
    assert (missed.topic, missed.reason.code) == ("rota", "later-stage")
    assert missed.reason.params["stages"] == ["final"]
    assert missed.text == "What is the story behind beta-rota?"
    text = markdown.markdown(sheet)
    assert "Decides jobs like this one:** What is the story behind beta-rota?" in text
    assert "another conversation (final round), not this screening call" in text


def test_no_time_for_a_decisive_topic_is_reported_too() -> None:
    sheet = tailor.plan(bank(), make_profile(minutes=5, stage="final", sector="healthcare", priorities=["alpha"]))
    assert [(m.topic, m.reason.code) for m in sheet.missed_topics] == [("rota", "no-time")]


def test_a_decisive_topic_nobody_met_can_answer_is_asked_to_be_put_in_touch() -> None:
    b = bank(question("beta-rota-hr", "beta", topic="rota", sectors=["healthcare"], audience=["hr"]))
    b.questions.pop("beta-rota")
    profile = make_profile(minutes=30, stage="final", sector="healthcare", interviewers=[{"role": "peer"}])
    sheet = tailor.plan(b, profile)
    item = next(i for i in sheet.questions if i.id == "beta-rota-hr")
    assert item.reach is not None
    assert item.reach.audiences == ["hr"]
    assert sheet.missed_topics == []


def test_the_sectors_names_for_people_are_on_the_sheet() -> None:
    profile = make_profile(minutes=20, stage="final", sector="healthcare", interviewers=[{"role": "manager"}])
    sheet = tailor.plan(bank(), profile)
    assert sheet.audience_labels == {"manager": "ward manager"}
    text = markdown.markdown(sheet)
    assert "**With:** the ward manager" in text
    assert "## Alpha · ask the ward manager" in text
    named = make_profile(
        minutes=20, stage="final", sector="healthcare", interviewers=[{"name": "Ana", "role": "manager"}]
    )
    assert "Ana (ward manager)" in markdown.markdown(tailor.plan(bank(), named))


def test_a_sector_without_decisive_topics_or_a_profile_without_a_sector_reports_nothing() -> None:
    assert tailor.plan(bank(), make_profile(minutes=5, stage="screening")).missed_topics == []
    plain = bank(sectors=[{"id": "healthcare", "title": "Healthcare"}])
    assert tailor.plan(plain, make_profile(minutes=5, stage="screening", sector="healthcare")).missed_topics == []


def test_the_countrys_facts_come_with_its_pay_question_and_none_without_a_country() -> None:
    nl = tailor.plan(bank(), make_profile(minutes=60, stage="final", country="NL"))
    assert nl.facts
    assert all(f.country == "Netherlands" and f.topic == "pay-range" for f in nl.facts)
    assert any("vakantiegeld" in f.text for f in nl.facts)
    text = markdown.markdown(nl)
    assert "What holds in Netherlands" in text
    assert "(source: https://" in text
    assert "## What holds" not in markdown.markdown(nl, compact=True)
    assert tailor.plan(bank(), make_profile(minutes=60, stage="final")).facts == []


def test_the_eus_facts_only_for_a_member_state() -> None:
    from revint_cli import countries

    shipped = countries.load()
    eu_ids = {f.id for f in shipped.eu.facts}
    assert eu_ids
    members = [c.id for c in shipped.countries if c.eu]
    others = [c.id for c in shipped.countries if not c.eu]
    assert members
    assert others
    assert all(eu_ids <= {f.id for f in shipped.facts(code)} for code in members)
    assert all(eu_ids.isdisjoint({f.id for f in shipped.facts(code)}) for code in others)


def test_a_decisive_question_that_found_no_time_heads_the_backups() -> None:
    sheet = tailor.plan(bank(), make_profile(minutes=5, stage="final", sector="healthcare", priorities=["alpha"]))
    (missed,) = sheet.missed_topics
    assert missed.question == "beta-rota"
    assert sheet.backup[0].id == "beta-rota"


def test_whom_to_be_put_in_touch_with_is_named_as_the_sector_names_them() -> None:
    b = bank(question("beta-rota-manager", "beta", topic="rota", sectors=["healthcare"], audience=["manager"]))
    b.questions.pop("beta-rota")
    profile = make_profile(minutes=30, stage="final", sector="healthcare", interviewers=[{"role": "hr"}])
    text = markdown.markdown(tailor.plan(b, profile))
    assert "ask to be put in touch with the ward manager" in text


def test_with_the_shipped_bank_a_country_brings_its_words_and_none_brings_no_countrys_rules() -> None:
    from revint_cli import questionbank

    shipped = questionbank.load()
    fields = dict(stage="offer", minutes=30, priorities=["compensation"], interviewers=[{"role": "hr"}])
    dutch = tailor.plan(shipped, make_profile(country="NL", **fields))
    text = markdown.markdown(dutch)
    assert any(w in text for w in ("CAO", "vakantiegeld", "schaal"))
    assert "## What holds in Netherlands" in text
    nowhere = tailor.plan(shipped, make_profile(**fields))
    assert all(shipped.questions[i.id].countries == ["all"] for i in nowhere.all_items() if i.id in shipped.questions)
    assert nowhere.facts == []
    assert "CAO" not in markdown.markdown(nowhere)


def test_the_html_page_shows_the_countrys_facts_and_the_decisive_topics_not_covered() -> None:
    from revint_cli import render

    nl = render.sheet(tailor.plan(bank(), make_profile(minutes=60, stage="final", country="NL")), "html")
    assert '<section class="country"><h2>What holds in Netherlands' in nl
    screening = tailor.plan(bank(), make_profile(minutes=30, stage="screening", sector="healthcare"))
    page = render.sheet(screening, "html")
    assert "Decides jobs like this one:</b> What is the story behind beta-rota?" in page
    assert '<section class="country">' not in page
