"""The one error type for expected failures, and the exit codes revint uses."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # the user's input or environment: a file, a flag, an answer, a full disk, a closed stream
    INTERNAL = 3  # a bug in revint
    INTERRUPTED = 130  # Ctrl-C or Ctrl-D at a prompt
    BROKEN_PIPE = 141  # the reader went away (`revint questions | head`), as for other tools: 128 + SIGPIPE


class RevintError(Exception):
    """An expected failure: its lines (one per problem) go to stderr, and revint exits with `code`.

    A message is one line, or a list of lines: a line break inside a line (a key, a file or a session name
    that someone typed) is shown as `\\n`, never as a new line, so no one can forge a line of the error.
    """

    def __init__(self, message: str | Sequence[str], code: ExitCode = ExitCode.USAGE):
        self.lines = [message] if isinstance(message, str) else list(message)
        self.message = "\n".join(self.lines)
        super().__init__(self.message)
        self.code = code
