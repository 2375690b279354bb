"""Every document revint writes, in every format it is written in: one table, (document, format) ->
renderer, and the typed ways the commands call it.

| document        | formats                              |
|-----------------|--------------------------------------|
| `sheet`         | md (`markdown`), json, html (`html`) |
| `compare`       | table (`compare_table`), md (`compare_md`), json |
| `brief`         | md, json                             |
| `brief-compare` | md, json                             |

A renderer's module is imported when it is first used: the HTML page's module loads only for
`--format html`. The words every renderer shows live in `words`; adding a format is one row here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from revint_cli.formats.cheatsheet import Sheet

Document = Literal["sheet", "compare", "brief", "brief-compare"]

# (document, format) -> "module:function", in the order `--help` and the errors list the formats.
REGISTRY: dict[tuple[Document, str], str] = {
    ("sheet", "md"): "revint_cli.render.markdown:markdown",
    ("sheet", "json"): "revint_cli.render.jsonout:sheet",
    ("sheet", "html"): "revint_cli.render.html:html",
    ("compare", "table"): "revint_cli.render.compare_table:table",
    ("compare", "md"): "revint_cli.render.compare_md:markdown",
    ("compare", "json"): "revint_cli.render.jsonout:compare",
    ("brief", "md"): "revint_cli.render.brief_md:markdown",
    ("brief", "json"): "revint_cli.render.jsonout:brief",
    ("brief-compare", "md"): "revint_cli.render.brief_compare_md:comparison_markdown",
    ("brief-compare", "json"): "revint_cli.render.jsonout:brief_comparison",
}


def formats(document: Document) -> tuple[str, ...]:
    """The formats `document` is written in, in the registry's order."""
    return tuple(fmt for doc, fmt in REGISTRY if doc == document)


def renderer(document: Document, fmt: str) -> Callable[..., Any]:
    """The function that writes `document` in `fmt` (its module imported now); KeyError for a pair the
    registry does not hold (the command line checks `--format` against `formats` first)."""
    module, _, name = REGISTRY[(document, fmt)].partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def sheet(sheet: Sheet, fmt: str, *, compact: bool = False) -> str:
    """The sheet in `fmt`; `compact` applies to md and html (the JSON always holds the whole sheet)."""
    text: str = renderer("sheet", fmt)(sheet, compact=compact)
    return text
