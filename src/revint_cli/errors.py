"""The one error type for expected failures, and the exit codes revint uses."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # the user's input or environment: a file, a flag, an answer, a full disk, a closed stream
    INTERNAL = 3  # a bug in revint
    INTERRUPTED = 130  # Ctrl-C or Ctrl-D at a prompt
    BROKEN_PIPE = 141  # the reader went away (`revint questions | head`), as for other tools: 128 + SIGPIPE


class RevintError(Exception):
    """An expected failure: the message (one line per problem) goes to stderr, and revint exits with `code`."""

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE):
        super().__init__(message)
        self.message = message
        self.code = code
