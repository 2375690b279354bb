"""countries: the dated, sourced facts of pay and contracts by country."""

from __future__ import annotations

import datetime as dt

from revint_cli import countries

REQUIRED = {"NL", "FR", "VN", "DE", "GB", "US"}


def test_the_countries_the_product_promises_are_there() -> None:
    assert REQUIRED <= set(countries.codes())


def test_every_fact_is_dated_and_sourced() -> None:
    data = countries.load()
    for country in data.countries:
        assert country.facts, country.id
        for fact in country.facts:
            assert fact.id.startswith(country.id.lower() + "-"), fact.id
            assert "http" in fact.source, fact.id
            assert fact.as_of <= dt.date.today(), fact.id


def test_an_eu_country_has_the_eu_facts_and_others_do_not() -> None:
    data = countries.load()
    eu_ids = {f.id for f in data.eu.facts}
    assert eu_ids
    assert eu_ids <= {f.id for f in data.facts("NL")}
    assert not eu_ids & {f.id for f in data.facts("US")}
    assert not eu_ids & {f.id for f in data.facts("VN")}
    assert data.facts("ZZ") == []


def test_the_facts_hold_the_numbers_so_a_change_is_one_edit() -> None:
    nl = {f.id: f for f in countries.load().facts("NL")}
    assert "8%" in nl["nl-holiday-allowance"].text


def test_the_wizard_offers_exactly_the_countries_with_facts() -> None:
    from revint_cli import labels

    assert set(labels.COUNTRY) == set(countries.codes())
    for country in countries.load().countries:
        assert labels.COUNTRY[country.id] == country.name
