"""Fixtures shared by the command tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

SHIPPED_BANK = Path(__file__).resolve().parents[2] / "data" / "question_bank.yaml"


@pytest.fixture(scope="module")
def raw_bank() -> dict[str, Any]:
    """The shipped bank read with plain PyYAML: an oracle independent of revint's own reader."""
    data: dict[str, Any] = yaml.safe_load(SHIPPED_BANK.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def counts(raw_bank: dict[str, Any]) -> Counter[str]:
    return Counter(q["theme"] for q in raw_bank["questions"])
