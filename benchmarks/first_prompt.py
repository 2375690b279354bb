"""How long until the first prompt of `revint prep` appears, against a bare typer + questionary app.

Run: python benchmarks/first_prompt.py [RUNS]. Each command runs in a real pseudo-terminal (pexpect);
the time is from spawn to the prompt text on screen. Printed as medians and ratios, all in one run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

BARE_APP = """
import typer

app = typer.Typer()


@app.command()
def prep() -> None:
    import questionary

    questionary.text("Which company is the interview with?").unsafe_ask()


@app.command()
def other() -> None:
    pass


app()
"""


def first_prompt(argv: list[str], env: dict[str, str], cwd: str) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, cwd=cwd, encoding="utf-8", timeout=30, dimensions=(24, 100))
    child.expect("Which company")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", REVINT_HOME=str(Path(tmp) / "home"), TERM="xterm")
        commands = {
            "bare typer + questionary": [sys.executable, str(bare), "prep"],
            "revint prep": [sys.executable, "-m", "revint_cli", "prep"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so that machine noise hits both alike
            for name, argv in commands.items():
                times[name].append(first_prompt(argv, env, tmp))
    base = statistics.median(times["bare typer + questionary"])
    print(f"time to the first prompt, median of {runs} runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<26} {median * 1000:7.1f} ms   x{median / base:.2f}")


if __name__ == "__main__":
    main()
