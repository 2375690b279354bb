"""The wheel as users get it: built from this tree, installed in a clean venv, run from somewhere else.

Slow (about 15 s, most of it pip fetching the dependencies); skip it with `-m "not slow"`.
"""

from __future__ import annotations

import collections
import importlib.util
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
THEMES = ["autonomy", "communication", "culture", "growth", "team", "compensation", "next-steps"]


def run(argv: list[str | Path], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, argv))} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("build") is None:
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist, REPO], cwd=REPO)
    else:
        # With hatchling at hand there is no need for an isolated build environment (faster, offline).
        isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
        run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", dist, REPO], cwd=REPO)
    (built,) = dist.glob("revint-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv (no system site-packages) with the wheel installed; returns its scripts directory."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True, clear=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], cwd=env_dir)
    return bin_dir


def test_wheel_holds_the_bank_and_schema(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert [n for n, count in collections.Counter(names).items() if count > 1] == []
        assert zf.read("revint_cli/data/question_bank.yaml") == (REPO / "data/question_bank.yaml").read_bytes()
        assert (
            zf.read("revint_cli/data/question_bank.schema.json")
            == (REPO / "data/question_bank.schema.json").read_bytes()
        )
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "revint = revint_cli.cli:main" in zf.read(entry_points).decode()
    assert "revint_cli/cli/entry.py" in names
    assert {"revint_cli/data/title_words/en.yaml", "revint_cli/data/title_words/rules.yaml"} <= set(names)
    assert not any(n.startswith(("tests/", "benchmarks/", "data/")) for n in names)


def test_installed_revint_lists_the_themes_from_elsewhere(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run([installed / "python", "-c", "import revint_cli; print(revint_cli.__file__)"], cwd=elsewhere)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), "revint_cli was not imported from the venv"
    out = run([installed / "revint", "themes"], cwd=elsewhere).stdout
    listed = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert set(THEMES) <= listed
    assert "questions in 17 themes." in out
    out = run([installed / "revint", "bank", "validate"], cwd=elsewhere).stdout
    assert out.startswith("valid: 17 themes, ")
