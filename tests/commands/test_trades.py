"""The example profiles of other trades (examples/trades/): each prepares a sheet of its own sector.

Their sector, family and kind of employer are left to be read from the job title and the company's name,
as a candidate would leave them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from revint_cli import questionbank

TRADES = Path(__file__).resolve().parents[2] / "examples" / "trades"
EXPECTED = {
    "nurse": ("healthcare", "clinical"),
    "teacher": ("education", "teaching"),
    "chef": ("hospitality", "trades"),
    "gemeente": ("public-sector", "policy"),
    "associate": ("legal", "legal"),
    "warehouse": ("logistics", "trades"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_trades_profile_gets_its_sectors_sheet(cli, work: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(["prep", "--answers", str(TRADES / f"{name}.yaml"), "-f", "json", "-o", "-"])
    assert code == 0, err
    sheet = json.loads(out)
    sector, family = EXPECTED[name]
    assert (sheet["profile"]["sector"], sheet["profile"]["role_family"]) == (sector, family)
    bank = questionbank.load()
    asked = [bank.questions[q["id"]] for q in sheet["questions"] if q["id"] in bank.questions]
    assert all(q.sectors == ["all"] or sector in q.sectors for q in asked)
    assert sum(sector in q.sectors for q in asked) >= len(asked) // 3  # its own questions, not only generic ones
    country = yaml.safe_load((TRADES / f"{name}.yaml").read_text(encoding="utf-8"))["country"]
    assert all(q.countries == ["all"] or country in q.countries for q in asked)
    on_sheet = {q.topic_id for q in asked}
    reported = {m["topic"] for m in sheet["missed_topics"]}
    for topic in bank.sectors[sector].decisive_topics:
        assert topic not in reported or topic not in on_sheet
    assert "decides jobs like this one" in err or not reported
