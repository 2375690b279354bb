"""revint themes: the table and its JSON."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from builders import CORE_THEMES, FURTHER_THEMES
from rich.cells import cell_len


THEME_IDS = [*CORE_THEMES, *FURTHER_THEMES]


def test_themes_table_lists_every_theme_with_its_count(cli, counts: Counter[str]) -> None:
    code, out, err = cli(["themes"])
    assert (code, err) == (0, "")
    rows = {}
    for line in out.splitlines():
        match = re.fullmatch(r"(\S+)\s+.*?\s(\d+)", line)
        if match and match[1] in THEME_IDS:
            rows[match[1]] = int(match[2])
    assert list(rows) == THEME_IDS  # all 17, in the bank's order
    assert rows == {theme: counts[theme] for theme in THEME_IDS}
    assert f"{sum(counts.values())} questions in 17 themes." in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_themes_json(cli, raw_bank: dict[str, Any], counts: Counter[str]) -> None:
    code, out, _ = cli(["themes", "--json"])
    assert code == 0
    themes = json.loads(out)
    assert [t["id"] for t in themes] == THEME_IDS
    assert {t["id"]: t["questions"] for t in themes} == {theme: counts[theme] for theme in THEME_IDS}
    raw_themes = {t["id"]: t for t in raw_bank["themes"]}
    for t in themes:
        assert t["title"] == raw_themes[t["id"]]["title"]
        assert t["core"] is bool(raw_themes[t["id"]].get("core", False))
