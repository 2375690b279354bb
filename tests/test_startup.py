"""Start-up: commands that never prompt must not import questionary or prompt_toolkit (about 120 ms)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from revint_cli.cli import run
code = run({argv!r})
{after}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("questionary", "prompt_toolkit"))
sys.stdout.flush()
print("\\nPROMPT-MODULES " + json.dumps(loaded), file=sys.stderr)
sys.exit(code)
"""


def prompt_modules(argv: list[str], after: str = "") -> list[str]:
    """The questionary and prompt_toolkit modules loaded after running `revint ARGV` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv, after=after)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    marker = [line for line in done.stderr.splitlines() if line.startswith("PROMPT-MODULES ")]
    assert len(marker) == 1, done.stderr
    modules: list[str] = json.loads(marker[0].removeprefix("PROMPT-MODULES "))
    return modules


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["themes"], ["questions", "--theme", "autonomy"], ["bank", "validate"], ["--version"]],
    ids=lambda argv: " ".join(argv),
)
def test_no_prompt_library_is_imported(argv: list[str]) -> None:
    assert prompt_modules(argv) == []


def test_the_probe_sees_an_import() -> None:
    # The check above can fail: importing questionary after the command is noticed.
    assert "questionary" in prompt_modules(["themes"], after="import questionary")
