"""The JSON of each document: the data itself, as the contracts define it (`revint.sheet/2`,
`revint.compare/1`, `revint.brief/1`). No words are added here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from revint_cli.untrusted import to_json

if TYPE_CHECKING:
    from revint_cli.formats.cheatsheet import Sheet
    from revint_cli.interviewer.differences import Comparison
    from revint_cli.interviewer.plan import Brief


def sheet(sheet: Sheet, *, compact: bool = False) -> str:
    return sheet.to_json()


def compare(data: Mapping[str, Any], titles: Mapping[str, str]) -> list[Any]:
    return [to_json(data)]


def brief(brief: Brief) -> str:
    return brief.to_json()


def brief_comparison(result: Comparison) -> str:
    return result.to_json()
