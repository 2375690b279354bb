"""The interviewer's side: brief."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from revint_cli.cli import base
from revint_cli.cli.base import AnswersFile, Draft, NoInput, app, option, output_option, sets_option
from revint_cli.errors import RevintError
from revint_cli.i18n import _

BriefSets = Annotated[Optional[list[str]], sets_option("a key", "--set minutes=15, --set interviewer.role=peer")]
BriefOutput = Annotated[Optional[str], output_option("brief", "COMPANY-ROLE-brief.md here")]
CompareFiles = Annotated[
    Optional[tuple[Path, Path]],
    option(
        "--compare",
        metavar="A B",
        help="Compare two interviewers' answers files: where they differ, or one has no answer.",
    ),
]


@app.command()
def brief(
    answers: AnswersFile = None,
    sets: BriefSets = None,
    no_input: NoInput = False,
    output: BriefOutput = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="md or json.")] = "md",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing brief or answers file.")] = False,
    record: Annotated[
        bool, typer.Option("--record", help="Also draft your answer to each question; they are saved for replay.")
    ] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted brief.")] = False,
    draft: Draft = None,
    compare_files: CompareFiles = None,
) -> None:
    """Prepare to answer a candidate's questions honestly: an interviewer's brief.

    Asks the role, the stage, who you are to the candidate and the minutes set aside for their questions;
    then lists the questions such a candidate is most likely to ask you, what they want to learn, what a
    strong answer contains and what would worry them.
    """
    from revint_cli import answers as answers_mod
    from revint_cli.commands import brief as command

    fmt = base.check_format(fmt, command.FORMATS)
    if compare_files is not None:
        if answers is not None or sets or resume or record or output is not None:
            raise RevintError(_("--compare takes two answers files, and only --format besides"))
        return base.show(command.compare(base.load_bank(), compare_files[0], compare_files[1], fmt))
    base.check_draft(draft, resume)
    given = answers_mod.Options(answers, list(sets or []), no_input, resume, draft)
    opts = command.Options(given, output, fmt, force, record)
    base.show(command.run(base.load_bank, opts, interactive=base.interactive(), eager=bool(base.State.bank_files)))
