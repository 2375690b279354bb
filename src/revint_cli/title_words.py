"""The words `titles` reads job titles and employers' names with: data, one file per language in
data/title_words/ (en.yaml, nl.yaml, fr.yaml), and rules.yaml for what holds in every language.

A new language is one more file of the same keys; `titles` folds the words (case, accents, punctuation)
when it first needs them. Read with PyYAML's own loader (plain data, checked by tests/test_titles.py), not
the bank's models, so the first guess stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from revint_cli import paths

RULES = "rules.yaml"
Table = dict[str, dict[str, tuple[str, ...]]]  # {language: {value: words}}
PER_LANGUAGE = ("family", "family_weak", "seniority", "sector_roles", "sector_employers", "employer_kinds")


@dataclass(frozen=True)
class Words:
    family: Table
    family_weak: Table
    seniority: Table
    sector_roles: Table
    sector_employers: Table
    employer_kinds: Table
    compound_heads: tuple[str, ...]  # words that end compounds ("wijkverpleegkundige" reads as "verpleegkundige")
    family_order: tuple[str, ...]  # where two words name different families, the one earlier wins
    seniority_order: tuple[str, ...]
    employer_order: tuple[str, ...]
    in_sector: dict[str, dict[str, dict[str, tuple[str, ...]]]]  # {sector: {field: {value: words}}}
    sector_family: dict[str, str]  # the family of a title that names none, by its sector


@cache
def words() -> Words:
    """Every language's words, read once."""
    folder = paths.bundled_title_words()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    languages = {f.name.removesuffix(".yaml"): _read(f.read_text(encoding="utf-8")) for f in files if f.name != RULES}
    rules = _read(folder.joinpath(RULES).read_text(encoding="utf-8"))
    tables = {key: {lang: _words_of(doc.get(key, {})) for lang, doc in languages.items()} for key in PER_LANGUAGE}
    return Words(
        **tables,
        compound_heads=tuple(h for doc in languages.values() for h in doc.get("compound_heads", ())),
        family_order=tuple(rules["family_order"]),
        seniority_order=tuple(rules["seniority_order"]),
        employer_order=tuple(rules["employer_order"]),
        in_sector={s: {k: _words_of(t) for k, t in fields.items()} for s, fields in rules["in_sector"].items()},
        sector_family=dict(rules["sector_family"]),
    )


def _read(text: str) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    return data


def _words_of(by_value: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {value: tuple(ws) for value, ws in by_value.items()}
