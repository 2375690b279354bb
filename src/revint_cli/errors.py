"""The one error type for expected failures, and the exit codes revint uses."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # bad input: a file, a flag, an answer
    INTERNAL = 3  # a bug in revint
    INTERRUPTED = 130  # Ctrl-C or Ctrl-D at a prompt


class RevintError(Exception):
    """An expected failure: the message is shown as is, on stderr, and revint exits with `code`.

    `details` holds further lines (one per problem) when a file has several problems at once.
    """

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details or []
