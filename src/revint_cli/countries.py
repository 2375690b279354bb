"""Countries: the dated, sourced facts of pay and contracts that differ by country (data/countries.yaml).

A fact holds the numbers (a holiday allowance of 8%, a trial period of at most 2 months), a source and
the date it is known to hold, so that a year's change is one edit of the data; a question names only the
country's forms (a CAO, a période d'essai). The facts of an EU country include the EU's own.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated

from pydantic import Field

from revint_cli import loading, paths
from revint_cli.fields import CountryCode, Id, Line, Strict, Text, version


class Fact(Strict):
    id: Id
    topic: Id = Field(description="The bank topic the fact informs (a question's topic, or its id).")
    text: Text
    source: Text = Field(description="Where it was checked: an address and the page's title.")
    as_of: dt.date = Field(description="The date the fact is known to hold.")


class Country(Strict):
    id: CountryCode
    name: Line
    eu: bool = False
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    pay_period: Annotated[str, Field(pattern=r"^(month|year)$")] = "year"
    forms: dict[Id, Text] = Field(default_factory=dict, description="The country's own words for pay forms.")
    facts: list[Fact] = Field(default_factory=list)


class Shared(Strict):
    facts: list[Fact] = Field(default_factory=list)


class CountriesFile(Strict):
    version: version(1)  # type: ignore[valid-type]
    checked: dt.date
    countries: list[Country]
    eu: Shared = Field(default_factory=Shared)

    def get(self, code: str) -> Country | None:
        return next((c for c in self.countries if c.id == code), None)

    def facts(self, code: str) -> list[Fact]:
        """The facts that hold in country `code`: its own, then the EU's for a member state."""
        country = self.get(code)
        if country is None:
            return []
        return [*country.facts, *(self.eu.facts if country.eu else [])]


@cache
def load() -> CountriesFile:
    """The shipped facts, checked: a damaged file is `FILE:LINE: where: what`, exit 2."""
    resource = paths.bundled_countries()
    label = str(resource)
    doc = loading.parse(loading.decode(resource.read_bytes(), label), label)
    parsed, problems = loading.validate(CountriesFile, doc)
    if problems or parsed is None:
        loading.fail(loading.format_problems(label, doc, problems))
    return parsed


def codes() -> list[str]:
    return [c.id for c in load().countries]
