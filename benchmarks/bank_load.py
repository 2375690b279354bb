"""Bank load time for 250, 1,000 and 5,000 questions, cold (parsed and validated) and warm (from the cache).

Run: python benchmarks/bank_load.py [RUNS]   (default 5 runs each; the median is shown)
The banks are made from the shipped one, its questions repeated under new ids until the size is reached.
Each cold run starts with an empty cache; each warm run reads the cache the cold run wrote.
"""

from __future__ import annotations

import os
import statistics
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
    from revint_cli import questionbank as bank

    if cold:
        for stale in cache.glob("*"):
            stale.unlink()
    start = time.perf_counter()
    loaded = bank.load([path], include_default=False)
    elapsed = (time.perf_counter() - start) * 1000
    assert len(loaded.questions) > 0
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REVINT_HOME"] = tmp
        cache = Path(tmp) / "cache"
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
