"""`revint bank validate` and `revint bank schema`: check bank files, print the format's JSON schema."""

from __future__ import annotations

from pathlib import Path

from revint_cli import questionbank as bank_mod
from revint_cli.console import Shown
from revint_cli.i18n import _, ngettext


def validate(files: list[Path], *, include_default: bool) -> Shown:
    loaded = bank_mod.load(files, include_default=include_default, cache=False)
    names = ", ".join(Path(s).name for s in loaded.sources)
    themes = ngettext("{count} theme", "{count} themes", len(loaded.themes)).format(count=len(loaded.themes))
    n = len(loaded.questions)
    questions = ngettext("{count} question", "{count} questions", n).format(count=n)
    message = _("valid: {themes}, {questions} ({files})").format(themes=themes, questions=questions, files=names)
    return Shown(out=[message + "\n"])


def schema() -> Shown:
    return Shown(out=[bank_mod.schema_text()])
