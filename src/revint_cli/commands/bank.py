"""`revint bank validate` and `revint bank schema`: check bank files, print the format's JSON schema."""

from __future__ import annotations

from pathlib import Path

from revint_cli import questionbank as bank_mod
from revint_cli.console import Shown


def validate(files: list[Path], *, include_default: bool) -> Shown:
    loaded = bank_mod.load(files, include_default=include_default, cache=False)
    names = ", ".join(Path(s).name for s in loaded.sources)
    themes, questions = _count(len(loaded.themes), "theme"), _count(len(loaded.questions), "question")
    return Shown(out=[f"valid: {themes}, {questions} ({names})\n"])


def schema() -> Shown:
    return Shown(out=[bank_mod.schema_text()])


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
