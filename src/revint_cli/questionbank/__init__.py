"""The question bank: its models (`models`), the loading and layering of bank files (`layering`), the cache
of parsed banks (`cache`), and how a question is worded (`wording`).

The public names are importable from here (`from revint_cli.questionbank import Bank, load`), each loaded
on first use, so that importing one of them costs only its own module: the models need pydantic, loading
needs YAML, and neither is needed for `revint --help`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revint_cli.questionbank.layering import load, merge, schema, schema_text
    from revint_cli.questionbank.models import (
        FORMAT_VERSION,
        Bank,
        BankFile,
        BankFileV1,
        Question,
        QuestionV1,
        ResearchPrompt,
        Signals,
        StageWindow,
        Theme,
    )
    from revint_cli.questionbank.wording import looks_closed

__all__ = [
    "FORMAT_VERSION",
    "Bank",
    "BankFile",
    "BankFileV1",
    "Question",
    "QuestionV1",
    "ResearchPrompt",
    "Signals",
    "StageWindow",
    "Theme",
    "load",
    "looks_closed",
    "merge",
    "schema",
    "schema_text",
]
_LAYERING = ("load", "merge", "schema", "schema_text")
_WORDING = ("looks_closed",)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    home = "layering" if name in _LAYERING else "wording" if name in _WORDING else "models"
    return getattr(import_module(f"{__name__}.{home}"), name)  # looked up each time: a patch of it is seen
