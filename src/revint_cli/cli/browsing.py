"""Commands that browse and check the question bank: themes, questions, bank validate, bank schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from revint_cli.cli import base
from revint_cli.cli.base import JsonFlag, app, bank_app


@app.command()
def themes(json_out: JsonFlag = False) -> None:
    """List the themes of the question bank."""
    from revint_cli.commands import themes as command

    base.show(command.run(base.load_bank(), json_out=json_out))


@app.command()
def questions(
    theme: Annotated[
        Optional[str], typer.Option("--theme", "-t", metavar="ID", help="Only this theme (see revint themes).")
    ] = None,
    stage: Annotated[
        Optional[str],
        typer.Option(
            "--stage", "-s", metavar="STAGE", help="Only questions for this stage: screening, interview, final, offer."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Browse the questions of the bank, with why to ask them and what to listen for."""
    import shutil

    from revint_cli.commands import questions as command

    width = shutil.get_terminal_size().columns
    base.show(command.run(base.load_bank(), theme=theme, stage=stage, json_out=json_out, width=width))


@bank_app.command("validate")
def bank_validate(
    files: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="FILE", help="Bank files to check, layered over the shipped bank.", show_default=False),
    ] = None,
) -> None:
    """Check bank files: every problem is listed as FILE:LINE: field: message."""
    from revint_cli.commands import bank as command

    base.show(command.validate([*base.State.bank_files, *(files or [])], include_default=base.State.default_bank))


@bank_app.command("schema")
def bank_schema() -> None:
    """Print the JSON schema of the bank format (for editors and other tools)."""
    from revint_cli.commands import bank as command

    base.show(command.schema())
