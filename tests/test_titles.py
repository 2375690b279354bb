"""Reading job titles and employers' names (revint_cli.titles) against a table of real titles."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from revint_cli import title_words, vocab
from revint_cli.titles import Guess, fold, guess

ROOT = Path(__file__).resolve().parents[1]
ROWS: list[dict[str, Any]] = yaml.load((ROOT / "tests" / "data" / "titles.yaml").read_text("utf-8"), yaml.CSafeLoader)[
    "titles"
]


def _id(row: dict[str, Any]) -> str:
    return f"{row['title']} @ {row['employer']}"


def _expected(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["sector"], row["role_family"], row["seniority"]


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_a_title_reads_as_its_table_says(row: dict[str, Any]) -> None:
    got = guess(row["title"], row["employer"])
    assert (got.sector, got.role_family, got.seniority) == _expected(row), dict(got.read_from)
    if "employer_kind" in row:
        assert got.employer_kind == row["employer_kind"], dict(got.read_from)


def test_the_table_is_large_and_mixes_languages() -> None:
    assert len(ROWS) >= 60
    assert len({r["sector"] for r in ROWS}) >= 12
    assert sum("employer_kind" in r for r in ROWS) >= 20


@pytest.fixture(scope="module")
def bank_sectors() -> dict[str, Any]:
    """The sectors the shipped bank describes, with the words of their titles and employers."""
    from revint_cli import questionbank

    return {sid: info.title_words for sid, info in questionbank.load().sectors.items()}


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_a_banks_sector_words_read_the_same(row: dict[str, Any], bank_sectors: dict[str, Any]) -> None:
    got = guess(row["title"], row["employer"], bank_sectors)
    sector = None if row["sector"] == "technology" else row["sector"]  # no bank describes technology yet
    assert (got.sector, got.role_family, got.seniority) == (sector, *_expected(row)[1:]), dict(got.read_from)


@pytest.mark.parametrize(
    ("title", "employer", "expected"),
    [
        ("Staff Nurse", "", ("clinical", "mid")),
        ("Postdoctoral Research Associate", "", ("research", "mid")),
        ("Researcher", "", ("research", "mid")),
        ("UX Researcher", "", ("design", "mid")),
        ("Head of Science", "Camp Hill School", ("teaching", "manager")),
        ("Head of Engineering", "", ("engineering", "executive")),
        ("Store Manager", "", ("operations", "manager")),
        ("Warehouse Shift Supervisor", "", ("trades", "lead")),
        ("Chef de partie", "", ("trades", "mid")),
        ("Chef de rayon", "", ("operations", "lead")),
        ("Chef d'équipe", "", ("operations", "lead")),
        ("Associate", "Allen & Overy LLP", ("legal", "mid")),
        ("Associate", "Houthoff advocaten", ("legal", "mid")),
        ("Associate", "Darrois Villey avocats", ("legal", "mid")),
        # an LLP of accountants is in finance, where an associate is read as a bank's (above the analysts);
        # at an audit firm it is the graduate grade: the title alone cannot tell
        ("Associate", "PwC LLP", ("finance", "mid")),
        ("Avocat associé", "", ("legal", "executive")),
        ("Vice President", "Deutsche Bank", ("finance", "senior")),
        ("Vice President", "", ("other", "executive")),
        ("Beleidsmedewerker", "", ("policy", "mid")),
        ("Docent", "", ("teaching", "mid")),
        ("Verpleegkundige", "", ("clinical", "mid")),
        ("Infirmière", "", ("clinical", "mid")),
        ("Professeur des écoles", "", ("teaching", "mid")),
    ],
)
def test_the_known_traps(title: str, employer: str, expected: tuple[str, str]) -> None:
    got = guess(title, employer)
    assert (got.role_family, got.seniority) == expected, dict(got.read_from)


def test_the_trap_sectors() -> None:
    assert guess("Store Manager").sector == "retail"
    assert guess("Warehouse Shift Supervisor").sector == "logistics"
    assert guess("Chef de partie").sector == "hospitality"
    assert guess("Chef de rayon").sector == "retail"
    assert guess("Chef d'équipe").sector is None  # a team leader, not a cook
    assert guess("Beleidsmedewerker").sector == "public-sector"
    for employer in ("Gemeente Utrecht", "Ministerie van Justitie", "Ministère des Armées"):
        assert guess("Adviseur", employer).employer_kind == "public-body", employer


@pytest.mark.parametrize(
    ("title", "employer", "field", "words"),
    [
        ("Wijkverpleegkundige", "", "role_family", "Wijkverpleegkundige"),
        ("Kinderverpleegkundige", "", "role_family", "verpleegkundige"),  # a compound reads as its last word
        ("Staff Nurse", "St Thomas' Hospital", "seniority", "Staff Nurse"),
        ("Charge Nurse, Emergency Department", "", "role_family", "Charge Nurse"),
        ("Staff Nurse", "St Thomas' Hospital", "sector", "Hospital"),
        ("Staff Nurse", "St Thomas' Hospital", "employer_kind", "Hospital"),
        ("UX Researcher", "", "role_family", "UX Researcher"),
        ("Vice President, Leveraged Finance", "J.P. Morgan", "seniority", "Vice President"),
        ("Vice President, Leveraged Finance", "J.P. Morgan", "sector", "J.P. Morgan"),
        ("Associate, Corporate", "Linklaters", "role_family", "Associate"),  # as a law firm reads it
        ("Head of Science", "Camp Hill School", "role_family", "School"),  # the sector decided the family
        ("Infirmière diplômée d'État", "", "role_family", "Infirmière diplômée d'État"),
        ("Professeure stagiaire d'anglais", "", "seniority", "stagiaire"),
    ],
)
def test_read_from_says_which_words_decided(title: str, employer: str, field: str, words: str) -> None:
    assert guess(title, employer).read_from[field] == words


def test_a_level_or_a_sector_no_word_names_is_not_read_from_anything() -> None:
    got = guess("Florist")
    assert (got.sector, got.role_family, got.seniority, got.employer_kind) == (None, "other", "mid", None)
    assert dict(got.read_from) == {}
    assert guess("").role_family == "other"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Infirmière", "INFIRMIERE"),
        ("Chef d'équipe", "chef d’equipe"),
        ("Aide-soignante", "aide soignante"),
        ("Élève-avocat", "eleve avocat"),
        ("Vrijwilligerscoördinator", "VRIJWILLIGERSCOORDINATOR"),
    ],
)
def test_case_accents_and_punctuation_are_ignored(one: str, other: str) -> None:
    a, b = guess(one), guess(other)
    assert (a.sector, a.role_family, a.seniority) == (b.sector, b.role_family, b.seniority)
    assert a.role_family != "other"


def test_fold() -> None:
    assert fold("Chef d'Équipe") == "chef d equipe"
    assert fold("  Sage-femme / Maïeuticien ") == "sage femme maieuticien"
    assert fold("Œuvre") == "oeuvre"


def test_words_inside_other_words_do_not_count() -> None:
    assert guess("Pharmacist").role_family == "clinical"  # not "pharma"-anything, and no "pm" inside
    assert guess("Transport Planner").seniority == "mid"  # "lead" is not inside "planner"
    assert guess("Marketing Assistant", "Leadership Institute").seniority == "junior"


def test_a_guess_is_a_frozen_value() -> None:
    got = guess("Staff Nurse", "St Thomas' Hospital")
    assert dataclasses.is_dataclass(Guess)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.seniority = "lead"  # type: ignore[misc]
    assert got == guess("Staff Nurse", "St Thomas' Hospital")
    assert hash(got) == hash(guess("Staff Nurse", "St Thomas' Hospital"))
    with pytest.raises(TypeError):
        got.read_from["seniority"] = "x"  # type: ignore[index]


def test_every_word_table_speaks_the_vocabulary() -> None:
    W = title_words.words()
    families = set(vocab.ROLE_FAMILIES) - {"other"}
    assert set(W.family_order) == families
    assert set(W.seniority_order) == set(vocab.SENIORITIES)
    assert set(W.employer_order) == set(vocab.EMPLOYERS)
    for table, values in (
        (W.family, families | {""}),
        (W.family_weak, families),
        (W.seniority, set(vocab.SENIORITIES)),
        (W.sector_roles, set(vocab.SECTORS)),
        (W.sector_employers, set(vocab.SECTORS)),
        (W.employer_kinds, set(vocab.EMPLOYERS) | {""}),
    ):
        assert set(table) == {"en", "nl", "fr"}
        for language in table.values():
            assert set(language) <= values
            assert all(fold(w) for words in language.values() for w in words)
    for sector, meanings in W.in_sector.items():
        assert sector in vocab.SECTORS
        assert set(meanings.get("role_family", {})) <= families
        assert set(meanings.get("seniority", {})) <= set(vocab.SENIORITIES)
    assert set(W.sector_family) <= set(vocab.SECTORS)
    assert set(W.sector_family.values()) <= families


def test_importing_defers_the_tables() -> None:
    """The wizard imports the reader before its first prompt: the tables wait for the first guess."""
    probe = (
        "import sys, revint_cli.titles as t\n"
        "assert 'revint_cli.title_words' not in sys.modules and 'unicodedata' not in sys.modules\n"
        "assert 'yaml' not in sys.modules\n"
        "t.guess('Staff Nurse')\n"
        "assert 'revint_cli.title_words' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_each_language_file_holds_only_the_known_tables() -> None:
    """A new language is one file of data/title_words/ with these keys, and nothing else to change."""
    import yaml

    folder = Path(__file__).parents[1] / "data" / "title_words"
    languages = sorted(p.stem for p in folder.glob("*.yaml") if p.name != title_words.RULES)
    assert languages == ["en", "fr", "nl"]
    for lang in languages:
        keys = set(yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8")))
        assert keys <= {*title_words.PER_LANGUAGE, "compound_heads"}, lang
    assert set(title_words.words().family) == set(languages)
