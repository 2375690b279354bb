"""How a question is worded, per language, and the bank package's lazy re-exports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from revint_cli import questionbank
from revint_cli.questionbank import wording


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Is the team growing?", True),
        ("Do you like it here?", True),
        ("Is there a moment when you knew what to change, and how?", False),
        ("What is hard here right now?", False),
        ("Island life: what is it like?", False),  # "is" must be a whole word
    ],
)
def test_english_closed_questions_are_found(text: str, closed: bool) -> None:
    assert wording.looks_closed(text) is closed
    assert wording.looks_closed(text, "en") is closed


def test_a_language_without_words_is_never_flagged() -> None:
    assert wording.looks_closed("Is the team growing?", "nl") is False


def test_the_package_names_its_modules_public_names() -> None:
    from revint_cli.questionbank import layering, models

    assert questionbank.Bank is models.Bank
    assert questionbank.load is layering.load
    assert questionbank.looks_closed is wording.looks_closed
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = questionbank.nothing  # type: ignore[attr-defined]


def test_importing_the_package_loads_neither_pydantic_nor_yaml() -> None:
    probe = "import sys, revint_cli.questionbank; print(sorted({'pydantic', 'yaml'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
