"""Everything revint prints goes through here: what a command shows, as data, and one way to print it.

A command returns a `Shown`: verbatim text for standard output (a sheet, JSON), and rich renderables
(tables, styled lines) for the terminal. Untrusted text enters a renderable only as plain `Text` through
`line`, `cell` and `safe`, never as markup, so a company called `[link=...]` stays that text.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from revint_cli.errors import ExitCode, RevintError
from revint_cli.untrusted import safe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


@dataclass
class Shown:
    """What a command shows: `out` goes to standard output, `err` to standard error (messages, summaries)."""

    out: list[Any] = field(default_factory=list)  # str: written as is; anything else: printed by rich
    err: list[Any] = field(default_factory=list)

    def extend(self, other: Shown) -> Shown:
        self.out += other.out
        self.err += other.err
        return self


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    """A small table as plain text, untrusted cells made safe: for summaries printed where loading rich
    would cost more than the rest of the command (`revint prep`)."""
    cells = [[safe(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        for row in cells
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def plain(text: str) -> str:
    """One line of plain text, made safe, for `Shown` lists."""
    return safe(text) + "\n"


def line(*parts: str | tuple[str, str]) -> Text:
    """A styled line from parts: plain strings (untrusted, made safe) or (text, style) pairs. A line break
    inside a part is shown as `\\n`: a company name cannot add a row to a listing."""
    from rich.text import Text

    return Text.assemble(*((safe(p[0]), p[1]) if isinstance(p, tuple) else safe(p) for p in parts))


def cell(text: object, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(text), style=style)


def table(*columns: str, **options: Any) -> Table:
    from rich.table import Table

    grid = Table(box=None, header_style="bold", pad_edge=False, **options)
    for column in columns:
        grid.add_column(column)
    return grid


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich exits 1 on its own; revint exits 141 (see cli.run)
            raise BrokenPipeError

    return _Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=False)


def show(shown: Shown) -> None:
    """Print what a command shows: standard output first, then the messages on standard error."""
    try:
        for stream, items in ((sys.stdout, shown.out), (sys.stderr, shown.err)):
            printer = None
            for item in items:
                if isinstance(item, str):
                    stream.write(item)
                    stream.flush()
                else:
                    from rich.text import Text

                    printer = printer or console(stderr=stream is sys.stderr)
                    printer.print(item, soft_wrap=isinstance(item, Text))  # a line is never cut nor broken
    except BrokenPipeError:  # raised as revint's own, so that no layer between here and cli.run eats it
        raise RevintError("", ExitCode.BROKEN_PIPE) from None
