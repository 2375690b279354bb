"""Start-up time of `revint --help`, `revint themes` and `revint prep --answers` (warm bank cache: the
warm-up run fills it), against a minimal one-command typer app's `--help`, that app running its command,
and a "floor" for prep: a typer app with prep's options that reads the YAML file and validates a small model.

Run: python benchmarks/startup.py [RUNS]   (default 15 runs each, after one warm-up run)
Every command runs in a fresh interpreter; the table shows the median wall time and the ratio to the
minimal app, all measured in the same run so that the machine's speed cancels out.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


if __name__ == "__main__":
    app()
'''

# The least a command like prep can do in this stack: typer with prep's options, a YAML file read and a
# small pydantic model validated. What revint adds beyond it is its own work.
FLOOR_APP = """
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer()


@app.command()
def prep(
    answers: Annotated[Optional[Path], typer.Option("--answers")] = None,
    sets: Annotated[Optional[list[str]], typer.Option("--set")] = None,
    no_input: bool = False,
    output: Optional[str] = None,
    fmt: str = "md",
    compact: bool = False,
    force: bool = False,
    resume: bool = False,
    draft: Optional[str] = None,
    next_round: Optional[str] = None,
) -> None:
    import yaml
    from pydantic import BaseModel

    class Profile(BaseModel):
        company: str
        role: str
        stage: str = "interview"
        minutes: int = 20
        priorities: list[str] = []

    data = yaml.safe_load(answers.read_text(encoding="utf-8")) if answers else {}
    print(Profile.model_validate({k: v for k, v in data.items() if k in Profile.model_fields}).model_dump_json())


if __name__ == "__main__":
    app()
"""


def revint_command() -> list[str]:
    """The installed `revint` script next to this interpreter, or `python -m revint_cli` without one."""
    script = Path(sys.executable).with_name("revint")
    if script.exists():
        return [str(script)]
    found = shutil.which("revint")
    return [found] if found else [sys.executable, "-m", "revint_cli"]


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "acme-backend.yaml"


def median_ms(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median and minimum wall time in milliseconds of `argv`, after one warm-up run (which must succeed)."""
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    if runs < 10:
        sys.exit("use at least 10 runs")
    revint = revint_command()
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        floor = Path(tmp) / "floor_app.py"
        floor.write_text(FLOOR_APP, encoding="utf-8")
        env = {**os.environ, "REVINT_HOME": tmp, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb"}
        env.pop("REVINT_BANK", None)
        # as installed: compiled modules are kept (the warm-up run writes them for an editable install)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cases = [
            ("minimal typer app --help", [sys.executable, str(minimal), "--help"]),
            # typer 0.29 coerces every parameter of a command that runs through pydantic: its own floor
            ("minimal typer app, its command", [sys.executable, str(minimal), "--name", "x"]),
            ("typer floor for prep", [sys.executable, str(floor), "--answers", str(EXAMPLE)]),
            ("revint --help", [*revint, "--help"]),
            ("revint themes", [*revint, "themes"]),
            (
                "revint prep --answers",
                [*revint, "prep", "--answers", str(EXAMPLE), "-o", "-", "--no-input"],
            ),
            ("python -c pass (floor)", [sys.executable, "-c", "pass"]),
        ]
        results = [(label, *median_ms(argv, runs, env)) for label, argv in cases]

    base = results[0][1]
    print(f"{runs} runs each; revint is {' '.join(revint)}")
    print(f"{'command':<28} {'median ms':>10} {'min ms':>8} {'x minimal':>10}")
    for label, med, low in results:
        print(f"{label:<28} {med:>10.0f} {low:>8.0f} {med / base:>10.2f}")


if __name__ == "__main__":
    main()
