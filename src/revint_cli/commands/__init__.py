"""One module per command, each a `run` function that does the work and returns what it shows (a
`console.Shown`); `cli.py` declares the options and prints. A new command gets a module here and a few
lines in `cli.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from revint_cli import answers


@dataclass
class WriteOptions:
    """What a command that gathers answers and writes a file (prep, brief) is given first."""

    answers: answers.Options = field(default_factory=answers.Options)
    output: str | None = None  # None: the default name; "-": standard output
    fmt: str = "md"
    force: bool = False
