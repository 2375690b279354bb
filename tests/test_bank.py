"""The bank format: errors with exact line numbers, layering of custom banks, and the shipped schema."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from revint_cli import vocab
from revint_cli import fields, paths
from revint_cli import questionbank as bank
from revint_cli.errors import ExitCode, RevintError

REPO = Path(__file__).resolve().parents[1]
SHIPPED_BANK = REPO / "data" / "question_bank.yaml"
SHIPPED_SCHEMA = REPO / "data" / "question_bank.schema.json"

PETS_THEME = """\
- id: pets
  title: Pets
  summary: Whether the office is friendly to animals.
  research_prompts:
  - id: pets-policy
    prompt: Does the careers page mention pets?
    where: [careers page]
"""


def question(qid: str = "pets-dog", theme: str = "pets", **fields: str | None) -> str:
    """One question of a bank, as YAML lines; a field given as None is left out, unknown fields are added."""
    values: dict[str, str | None] = {
        "id": qid,
        "theme": theme,
        "text": "Can I bring my dog to the office?",
        "why": "Shows whether the office rules fit your life.",
        "minutes": "2",
        "audience": "[peer, manager]",
        "stages": "[interview, final]",
        "seniority": "[all]",
        "role_families": "[all]",
        "work_modes": "[onsite, hybrid]",
        "follow_ups": "['Which dogs are welcome?', 'Who decided the rule?']",
        "listen_for": "\n    green: [a clear written rule]\n    red: [it depends on who you ask]",
    }
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "- " + "\n  ".join(lines) + "\n"


def bank_text(*questions: str, themes: Sequence[str] = (PETS_THEME,)) -> str:
    text = "# a custom bank\nversion: 1\n"
    if themes:
        text += "themes:\n" + "".join(themes)
    if questions:
        text += "questions:\n" + "".join(questions)
    return text


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`-th line containing `needle` (which must occur that often)."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) >= occurrence, f"{needle!r} occurs {len(found)} times"
    return found[occurrence - 1]


def problems(text: str, label: str = "user.yaml", *, with_shipped: bool = False) -> list[str]:
    """The lines of the error for a bank `text` (layered over the shipped bank if asked)."""
    sources = [(str(SHIPPED_BANK), SHIPPED_BANK.read_text(encoding="utf-8"))] if with_shipped else []
    with pytest.raises(RevintError) as caught:
        bank.merge([*sources, (label, text)])
    assert caught.value.code == ExitCode.USAGE
    return caught.value.message.splitlines()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> bank.Bank:
    return bank.load()


# ----- a valid small bank --------------------------------------------------------------------------------


def test_small_bank_is_valid() -> None:
    loaded = bank.merge([("user.yaml", bank_text(question(), question("pets-cat", text="And my cat?")))])
    assert loaded.theme_ids() == ["pets"]
    assert list(loaded.questions) == ["pets-dog", "pets-cat"]
    dog = loaded.questions["pets-dog"]
    assert dog.minutes == 2
    assert dog.audience == ["peer", "manager"]
    assert dog.admits("seniority", "junior")
    assert not dog.admits("work_modes", "remote")
    assert loaded.themes["pets"].research_prompts[0].where == ["careers page"]


# ----- errors, each at its exact line --------------------------------------------------------------------


def test_malformed_yaml_bank_gives_line_and_column() -> None:
    text = bank_text(question(text="Can I bring my dog: yes or no?"))
    line = line_of(text, "my dog: yes")
    column = text.splitlines()[line - 1].index("dog:") + len("dog:")
    assert problems(text) == [
        f"user.yaml:{line}:{column}: YAML syntax error: mapping values are not allowed in this context"
    ]


def test_unclosed_list_in_a_bank() -> None:
    text = bank_text(question(stages="[interview, final"))
    (message,) = problems(text)
    # The parser notices at the next line, which still points the reader at the right place.
    after = line_of(text, "stages:") + 1
    assert re.fullmatch(rf"user\.yaml:{after}:\d+: YAML syntax error: .+", message), message


def test_duplicate_question_id() -> None:
    text = bank_text(question(), question(text="Can my dog come on Fridays?"))
    first, second = line_of(text, "- id: pets-dog"), line_of(text, "- id: pets-dog", 2)
    assert problems(text) == [
        f"user.yaml:{second}: questions[1].id: duplicate id 'pets-dog' (first at line {first}, questions[0])"
    ]


def test_duplicate_theme_and_research_prompt_ids() -> None:
    text = bank_text(question(), themes=[PETS_THEME, PETS_THEME.replace("title: Pets", "title: More pets")])
    first_theme, second_theme = line_of(text, "- id: pets"), line_of(text, "- id: pets", 3)
    assert line_of(text, "- id: pets", 2) == line_of(text, "- id: pets-policy")  # "pets" is a prefix of it
    first_prompt, second_prompt = line_of(text, "- id: pets-policy"), line_of(text, "- id: pets-policy", 2)
    assert problems(text) == [
        f"user.yaml:{second_theme}: themes[1].id: duplicate id 'pets' (first at line {first_theme}, themes[0])",
        f"user.yaml:{second_prompt}: themes[1].research_prompts[0].id: duplicate id 'pets-policy' "
        f"(first at line {first_prompt}, themes[0].research_prompts[0])",
        "2 problems",
    ]


def test_unknown_theme_with_did_you_mean() -> None:
    text = bank_text(question(theme="pet"))
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'theme: pet')}: questions[0].theme: unknown theme 'pet'; did you mean 'pets'?"
    ]


def test_unknown_theme_against_the_shipped_bank() -> None:
    text = bank_text(question(theme="autonmy"), themes=())
    assert problems(text, with_shipped=True) == [
        f"user.yaml:{line_of(text, 'theme: autonmy')}: questions[0].theme: "
        "unknown theme 'autonmy'; did you mean 'autonomy'?"
    ]


def test_unknown_theme_without_a_close_match_lists_the_known_ones() -> None:
    text = bank_text(question(theme="zebra"))
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'theme: zebra')}: questions[0].theme: unknown theme 'zebra' (known: pets)"
    ]


def test_unknown_theme_when_no_theme_exists() -> None:
    text = bank_text(question(), themes=())
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'theme: pets')}: questions[0].theme: "
        "unknown theme 'pets' (there are none to choose from)"
    ]


@pytest.mark.parametrize(
    ("field", "value", "path", "message"),
    [
        ("audience", "[managr]", "audience[0]", "unknown value 'managr'; did you mean 'manager'?"),
        ("audience", "[peer, hr, recrutier]", "audience[2]", "unknown value 'recrutier'; did you mean 'recruiter'?"),
        ("stages", "[finals]", "stages[0]", "unknown value 'finals'; did you mean 'final'?"),
        ("work_modes", "[remote, hybird]", "work_modes[1]", "unknown value 'hybird'; did you mean 'hybrid'?"),
        (
            "role_families",
            "[enginering]",
            "role_families[0]",
            "unknown value 'enginering'; did you mean 'engineering'?",
        ),
        ("seniority", "[al]", "seniority[0]", "unknown value 'al'; did you mean 'all'?"),
    ],
)
def test_wrong_enum_value_with_did_you_mean(field: str, value: str, path: str, message: str) -> None:
    text = bank_text(question(**{field: value}))
    assert problems(text) == [f"user.yaml:{line_of(text, f'{field}: ')}: questions[0].{path}: {message}"]


@pytest.mark.parametrize("minutes", ["12", "0", "-1", "11", "2.5", "three", "[2]"])
def test_minutes_out_of_range(minutes: str) -> None:
    text = bank_text(question(minutes=minutes))
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'minutes:')}: questions[0].minutes: must be an integer from 1 to 10"
    ]


@pytest.mark.parametrize("minutes", ["1", "10", "'7'"])
def test_minutes_in_range(minutes: str) -> None:
    loaded = bank.merge([("user.yaml", bank_text(question(minutes=minutes)))])
    assert loaded.questions["pets-dog"].minutes == int(minutes.strip("'"))


def test_question_text_must_end_with_a_question_mark() -> None:
    text = bank_text(question(text="Tell me about the dogs."))
    line = line_of(text, "text: Tell me")
    assert problems(text) == [f"user.yaml:{line}: questions[0].text: must be a question ending with '?'"]


def test_follow_up_must_be_a_question_too() -> None:
    text = bank_text(question(follow_ups="\n  - Which dogs?\n  - Tell me more"))
    line = line_of(text, "- Tell me more")
    assert problems(text) == [f"user.yaml:{line}: questions[0].follow_ups[1]: must be a question ending with '?'"]


def test_follow_ups_need_two_items() -> None:
    text = bank_text(question(follow_ups="['Which dogs?']"))
    line = line_of(text, "follow_ups:")
    assert problems(text) == [f"user.yaml:{line}: questions[0].follow_ups: needs at least 2 items"]


def test_seniority_all_with_another_value() -> None:
    text = bank_text(question(seniority="[all, mid]"))
    line = line_of(text, "seniority:")
    assert problems(text) == [
        f"user.yaml:{line}: questions[0].seniority: use [all] on its own, or list the values without 'all'"
    ]


def test_value_listed_twice() -> None:
    text = bank_text(question(audience="[peer, hr, peer]"))
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'audience:')}: questions[0].audience: lists 'peer' more than once"
    ]


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        (bank_text(question(wyh="typo")), "wyh:", "questions[0].wyh: unknown key 'wyh'; did you mean 'why'?"),
        (
            bank_text(question(listen_for="\n    green: [x]\n    red: [y]\n    gren: [z]")),
            "gren:",
            "questions[0].listen_for.gren: unknown key 'gren'; did you mean 'green'?",
        ),
        (bank_text() + "qestions: []\n", "qestions:", "qestions: unknown key 'qestions'; did you mean 'questions'?"),
        (
            bank_text(themes=[PETS_THEME + "  mood: calm\n"]),
            "mood:",
            "themes[0].mood: unknown key 'mood' (known: id, title, summary, core, research_prompts)",
        ),
    ],
)
def test_unknown_key(text: str, needle: str, message: str) -> None:
    assert problems(text) == [f"user.yaml:{line_of(text, needle)}: {message}"]


def test_missing_field_is_reported_where_its_question_starts() -> None:
    text = bank_text(question(why=None))
    assert problems(text) == [f"user.yaml:{line_of(text, '- id: pets-dog')}: questions[0].why: required, but missing"]


def test_duplicate_key_inside_a_question() -> None:
    text = bank_text(question(minutes="2", stages="[final]\n  minutes: 3"))
    first, again = line_of(text, "minutes: 2"), line_of(text, "minutes: 3")
    assert problems(text) == [
        f"user.yaml:{again}: questions[0].minutes: duplicate key 'minutes' (first at line {first})"
    ]


def test_version() -> None:
    assert problems("themes: []\n") == ["user.yaml:1: version: required, but missing"]
    text = "# a comment\nversion: 3\n"
    assert problems(text) == ["user.yaml:2: version: unsupported version '3'; this revint reads version 2"]


def test_ids_must_be_kebab_case() -> None:
    text = bank_text(question(qid="Pets_Dog"))
    assert problems(text) == [
        f"user.yaml:{line_of(text, 'id: Pets_Dog')}: questions[0].id: "
        "'Pets_Dog' must be kebab-case: lowercase words joined by '-'"
    ]


def test_several_problems_reported_at_once_in_line_order() -> None:
    text = bank_text(
        question(minutes="12", audience="[managr]"),
        question("pets-cat", text="No question here", follow_ups="[Why?]", seniority="[all, mid]"),
        question("pets-cat", theme="petz"),
    )
    lines = problems(text)
    expected = [
        f"user.yaml:{line_of(text, 'minutes: 12')}: questions[0].minutes: must be an integer from 1 to 10",
        f"user.yaml:{line_of(text, 'managr')}: questions[0].audience[0]: unknown value 'managr'; did you mean 'manager'?",
        f"user.yaml:{line_of(text, 'No question here')}: questions[1].text: must be a question ending with '?'",
        f"user.yaml:{line_of(text, '[all, mid]')}: questions[1].seniority: use [all] on its own, "
        "or list the values without 'all'",
        f"user.yaml:{line_of(text, '[Why?]')}: questions[1].follow_ups: needs at least 2 items",
        f"user.yaml:{line_of(text, '- id: pets-cat', 2)}: questions[2].id: duplicate id 'pets-cat' "
        f"(first at line {line_of(text, '- id: pets-cat')}, questions[1])",
        f"user.yaml:{line_of(text, 'theme: petz')}: questions[2].theme: unknown theme 'petz'; did you mean 'pets'?",
    ]
    assert lines == [*expected, "7 problems"]


def test_problems_of_every_file_are_reported() -> None:
    first = bank_text(question(minutes="12"))
    second = bank_text(question("pets-cat", text="Cats"), themes=())
    with pytest.raises(RevintError) as caught:
        bank.merge([("one.yaml", first), ("two.yaml", second)])
    assert caught.value.message.splitlines() == [
        f"one.yaml:{line_of(first, 'minutes:')}: questions[0].minutes: must be an integer from 1 to 10",
        f"two.yaml:{line_of(second, 'text: Cats')}: questions[0].text: must be a question ending with '?'",
        "2 problems",
    ]


def test_load_labels_problems_with_the_file_path(tmp_path: Path) -> None:
    text = bank_text(question(minutes="12"))
    path = write(tmp_path, "mine.yaml", text)
    with pytest.raises(RevintError) as caught:
        bank.load([path])
    assert (
        caught.value.message
        == f"{path}:{line_of(text, 'minutes:')}: questions[0].minutes: must be an integer from 1 to 10"
    )


# ----- layering custom banks over the shipped one --------------------------------------------------------


def test_new_questions_for_an_existing_theme_are_added(tmp_path: Path, shipped: bank.Bank) -> None:
    before = [q.id for q in shipped.in_theme("autonomy")]
    path = write(
        tmp_path,
        "more.yaml",
        bank_text(question("my-autonomy-one", "autonomy"), question("my-autonomy-two", "autonomy"), themes=()),
    )
    layered = bank.load([path])
    assert [q.id for q in layered.in_theme("autonomy")] == [*before, "my-autonomy-one", "my-autonomy-two"]
    assert len(layered.questions) == len(shipped.questions) + 2
    assert layered.theme_ids() == shipped.theme_ids()
    assert layered.sources == [str(paths.bundled_bank()), str(path)]


def test_an_existing_id_replaces_the_question(tmp_path: Path, shipped: bank.Bank) -> None:
    original = shipped.in_theme("autonomy")[0]
    new_text = "What would I be trusted to decide on my own in the first month?"
    path = write(tmp_path, "mine.yaml", bank_text(question(original.id, "autonomy", text=new_text), themes=()))
    layered = bank.load([path])
    assert layered.questions[original.id].text == new_text
    assert len(layered.questions) == len(shipped.questions)
    assert list(layered.questions) == list(shipped.questions)  # replaced in place, not moved or duplicated
    assert [q.id for q in layered.in_theme("autonomy")].count(original.id) == 1
    assert layered.sources[-1] == str(path)


def test_a_new_theme_is_added(tmp_path: Path, shipped: bank.Bank) -> None:
    path = write(tmp_path, "pets.yaml", bank_text(question()))
    layered = bank.load([path])
    assert layered.theme_ids() == [*shipped.theme_ids(), "pets"]
    assert [q.id for q in layered.in_theme("pets")] == ["pets-dog"]
    assert layered.themes["pets"].title == "Pets"


def test_an_existing_theme_can_be_retitled(tmp_path: Path, shipped: bank.Bank) -> None:
    theme = "- id: autonomy\n  title: Freedom\n  summary: How free you are.\n"
    layered = bank.load([write(tmp_path, "t.yaml", bank_text(themes=[theme]))])
    assert layered.themes["autonomy"].title == "Freedom"
    assert layered.theme_ids() == shipped.theme_ids()
    assert len(layered.in_theme("autonomy")) == len(shipped.in_theme("autonomy"))


def test_later_files_win(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", bank_text(question(text="First?")))
    second = write(tmp_path, "b.yaml", bank_text(question(text="Second?"), themes=()))
    layered = bank.load([first, second], include_default=False)
    assert layered.questions["pets-dog"].text == "Second?"
    assert layered.sources == [str(first), str(second)]


def test_a_question_may_use_a_theme_from_a_later_file(tmp_path: Path) -> None:
    questions_only = write(tmp_path, "q.yaml", bank_text(question(), themes=()))
    themes_only = write(tmp_path, "t.yaml", bank_text())
    layered = bank.load([questions_only, themes_only], include_default=False)
    assert layered.theme_ids() == ["pets"]
    assert list(layered.questions) == ["pets-dog"]


def test_without_the_default_bank_only_the_files_count(tmp_path: Path) -> None:
    layered = bank.load([write(tmp_path, "pets.yaml", bank_text(question()))], include_default=False)
    assert layered.theme_ids() == ["pets"]
    assert list(layered.questions) == ["pets-dog"]


def test_no_bank_at_all_is_a_clear_error() -> None:
    with pytest.raises(RevintError) as caught:
        bank.load([], include_default=False)
    assert caught.value.message == "no question bank: --no-default-bank needs at least one --bank FILE"


# ----- the shipped bank and its schema -------------------------------------------------------------------


def test_shipped_bank_is_valid_and_every_question_has_a_theme(shipped: bank.Bank) -> None:
    assert len(shipped.themes) == 17
    assert {q.theme for q in shipped.questions.values()} <= set(shipped.themes)
    assert shipped.sources == [str(paths.bundled_bank())]


def test_bundled_bank_is_the_repository_file() -> None:
    assert paths.bundled_bank().read_bytes() == SHIPPED_BANK.read_bytes()
    assert paths.bundled_schema().read_bytes() == SHIPPED_SCHEMA.read_bytes()


def test_shipped_schema_is_up_to_date() -> None:
    # If this fails: revint bank schema > data/question_bank.schema.json
    assert SHIPPED_SCHEMA.read_text(encoding="utf-8") == bank.schema_text()


def test_shipped_bank_points_editors_at_the_schema() -> None:
    first_line = SHIPPED_BANK.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=question_bank.schema.json"


def test_schema_describes_the_format() -> None:
    schema = json.loads(bank.schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["version"]
    assert schema["additionalProperties"] is False
    question_schema = schema["$defs"]["Question"]
    assert question_schema["additionalProperties"] is False
    # Editors can only flag a bad id if the kebab-case pattern is in the schema.
    for model in ("Question", "Theme", "ResearchPrompt"):
        assert schema["$defs"][model]["properties"]["id"]["pattern"] == fields.KEBAB
    assert question_schema["properties"]["minutes"]["minimum"] == 1
    assert question_schema["properties"]["minutes"]["maximum"] == 10
    assert question_schema["properties"]["audience"]["items"]["enum"] == list(vocab.AUDIENCES)
    assert question_schema["properties"]["follow_ups"]["minItems"] == 2
