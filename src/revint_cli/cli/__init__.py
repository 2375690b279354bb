"""The command line: the typer interface (`base`), its commands by the moment they serve (`browsing`,
`preparing`, `afterwards`, `interviewing`), and the entry point where errors become messages and exit codes
(`entry`).

Each command's work lives in `commands/NAME.py` and is imported when the command runs, so that
`revint --help` stays fast and questionary is only imported where a prompt is shown.
"""

# Importing them registers the commands, in the order help lists them.
from revint_cli.cli import browsing, preparing, afterwards, interviewing  # noqa: F401, I001  # isort: skip
from revint_cli.cli.base import app, load_bank
from revint_cli.cli.entry import main, run

__all__ = ["app", "load_bank", "main", "run"]
