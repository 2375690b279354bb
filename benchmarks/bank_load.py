"""Bank load time, cold (parsed and validated) and warm (from the cache).

Run: python benchmarks/bank_load.py [RUNS]   (default 5 runs each; the median is shown)

1. Default settings, as a new user has them: no REVINT_HOME, no XDG variables, a fresh HOME (so the cache is
   ~/.cache/revint, outside revint's home). The shipped bank loaded in-process, and `revint themes` run as a
   command, each cold (no cache yet) and warm (the cache the cold run wrote).
2. Banks of 250, 1,000 and 5,000 questions with REVINT_HOME set, made from the shipped one, its questions
   repeated under new ids until the size is reached. Each cold run starts with an empty cache; each warm
   run reads the cache the cold run wrote.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

SIZES = (250, 1000, 5000)


def make_bank(size: int, folder: Path) -> Path:
    from revint_cli import paths

    shipped = yaml.safe_load(paths.bundled_bank().read_text(encoding="utf-8"))
    questions = []
    n = 0
    while len(questions) < size:
        for q in shipped["questions"]:
            if len(questions) == size:
                break
            copy = yaml.safe_load(yaml.safe_dump(q))  # a deep copy: shared lists would be written as anchors
            copy.update(id=f"{q['id']}-{n}", text=f"{q['text'][:-1]} ({n})?")
            copy.pop("topic", None)
            questions.append(copy)
        n += 1
    path = folder / f"bank-{size}.yaml"
    path.write_text(
        yaml.safe_dump({"version": 2, "themes": shipped["themes"], "questions": questions}), encoding="utf-8"
    )
    return path


def timed(path: Path, cache: Path, *, cold: bool) -> float:
    from revint_cli.questionbank import load

    if cold:
        for stale in cache.glob("*"):
            stale.unlink()
    start = time.perf_counter()
    loaded = load([path], include_default=False)
    elapsed = (time.perf_counter() - start) * 1000
    assert len(loaded.questions) > 0
    return elapsed


def _default_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVINT_", "XDG_"))}
    return {**env, "HOME": str(home)}


def _command_ms(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "revint_cli", "themes"], env=env, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def default_settings(runs: int) -> None:
    """The shipped bank for a new user: in-process load and the whole `revint themes`, cold and warm."""
    from revint_cli import paths
    from revint_cli.questionbank import load

    loads: dict[str, list[float]] = {"cold": [], "warm": []}
    commands: dict[str, list[float]] = {"cold": [], "warm": []}
    saved = dict(os.environ)
    try:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as home:
                os.environ.clear()
                os.environ.update(_default_env(Path(home)))
                for kind in ("cold", "warm"):
                    start = time.perf_counter()
                    load()
                    loads[kind].append((time.perf_counter() - start) * 1000)
                assert list(paths.cache_dir().glob("bank-*.marshal")), "nothing was cached"
            with tempfile.TemporaryDirectory() as home:
                env = _default_env(Path(home))
                for kind in ("cold", "warm"):
                    commands[kind].append(_command_ms(env))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    print("default settings (no REVINT_HOME, a fresh HOME), the shipped bank:")
    print(f"{'':>22} {'cold ms':>9} {'warm ms':>9} {'cold/warm':>10}")
    for name, times in (("load()", loads), ("revint themes", commands)):
        c, w = statistics.median(times["cold"]), statistics.median(times["warm"])
        print(f"{name:>22} {c:>9.0f} {w:>9.0f} {c / w:>10.1f}")
    print()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    default_settings(runs)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REVINT_HOME"] = tmp
        cache = Path(tmp) / "cache"
        print("REVINT_HOME set, generated banks:")
        print(f"{'questions':>10} {'cold ms':>9} {'warm ms':>9} {'cold/warm':>10}")
        for size in SIZES:
            path = make_bank(size, Path(tmp))
            cold, warm = [], []
            for _ in range(runs):
                cold.append(timed(path, cache, cold=True))
                warm.append(timed(path, cache, cold=False))
            c, w = statistics.median(cold), statistics.median(warm)
            print(f"{size:>10} {c:>9.0f} {w:>9.0f} {c / w:>10.1f}")


if __name__ == "__main__":
    main()
