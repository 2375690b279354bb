"""How many examples a property test draws: the full count in CI (`CI` set, as `.ci/run` runs), a fifth of
it in a developer's default run, which is meant to be quick. `REVINT_FULL_EXAMPLES=1` asks for CI's counts."""

from __future__ import annotations

import os

FULL = bool(os.environ.get("CI") or os.environ.get("REVINT_FULL_EXAMPLES"))


def examples(full: int) -> int:
    """`full` in CI; a fifth of it (at least 10) otherwise."""
    return full if FULL else max(full // 5, 10)
