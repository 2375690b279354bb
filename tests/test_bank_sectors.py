"""Guards for the sectors of the shipped bank: each sector's own questions and decisive topics, and a
generic bank that speaks to every workplace.

A generic question (for every sector, kind of employer, family and country) carries no word that belongs to
one sector's jobs; those words go into questions tagged for the sector.
"""

from __future__ import annotations

import re

import pytest

from revint_cli import questionbank, vocab
from revint_cli.questionbank import Question

BANK = questionbank.load()
QUESTIONS = list(BANK.questions.values())
SECTORS_WITH_BLOCKS = [s for s in vocab.SECTORS if s != "technology"]  # technology: the bank it started from
MAIN_CONVERSATIONS = ("interview", "final")

# Words that name one sector's work; in a generic question they would tell everyone else it is not for them.
SECTOR_WORDS = {
    "technology": ("shipped", "codebase", "staff-level", "sprint", "funding round", "hiring committee", "deploy",
                   "startup", "stock options", "product roadmap"),
    "healthcare": ("patients", "ward", "nurses", "clinical"),
    "education": ("pupils", "classroom", "teachers"),
    "legal": ("billable", "partner track", "associates"),
    "public-sector": ("minister", "ministers", "civil servant", "vetting"),
    "research": ("postdoc", "authorship", "principal investigator"),
    "hospitality": ("kitchen", "service charge", "brigade"),
    "retail": ("shrinkage", "footfall"),
    "logistics": ("warehouse", "forklift", "peak season"),
    "non-profit": ("trustee", "trustees", "donors", "beneficiaries"),
    "finance": ("trading desk",),
    "consulting": ("utilisation", "chargeable"),
}  # fmt: skip


def generic(q: Question) -> bool:
    return all(getattr(q, tag) == ["all"] for tag in ("sectors", "employers", "countries", "role_families"))


def sector_words_in(q: Question) -> list[tuple[str, str]]:
    texts = [q.text, q.why, *q.follow_ups, *q.listen_for.green, *q.listen_for.red]
    return [
        (sector, word)
        for sector, words in SECTOR_WORDS.items()
        for word in words
        if any(re.search(rf"\b{re.escape(word)}\b", t, re.I) for t in texts)
    ]


def test_no_generic_question_carries_one_sectors_words() -> None:
    found = {q.id: sector_words_in(q) for q in QUESTIONS if generic(q) and sector_words_in(q)}
    assert found == {}


def test_the_check_finds_a_sector_word_in_a_generic_question() -> None:
    first = next(q for q in QUESTIONS if generic(q))
    planted = first.model_copy(update={"text": "How are the pupils grouped, and who decides?"})
    assert sector_words_in(planted) == [("education", "pupils")]


@pytest.mark.parametrize("sector", SECTORS_WITH_BLOCKS)
def test_each_sector_has_its_own_questions_and_decisive_topics(sector: str) -> None:
    info = BANK.sectors[sector]
    own = [q for q in QUESTIONS if sector in q.sectors]
    assert len(own) >= 15
    assert len({q.theme for q in own}) >= 5  # across the themes that matter there
    assert len(info.decisive_topics) >= 4
    assert info.audience_labels  # what its people are called where a founder or a skip-level means little


@pytest.mark.parametrize("sector", SECTORS_WITH_BLOCKS)
def test_each_decisive_topic_is_asked_at_the_stages_it_belongs_to(sector: str) -> None:
    """Every decisive topic has a question for the sector; one about pay or leave waits for the final round
    or the offer, as every pay question does; any other can be asked in the main conversations."""
    for topic in BANK.sectors[sector].decisive_topics:
        of_topic = [q for q in QUESTIONS if q.topic_id == topic and ("all" in q.sectors or sector in q.sectors)]
        assert of_topic, f"{sector}: no question of its decisive topic {topic}"
        if all(q.theme == "compensation" for q in of_topic):
            assert all(q.stages.earliest in ("final", "offer") or q.topic == "pay-range" for q in of_topic), topic
        else:
            assert any(q.stages.admits(s) for q in of_topic for s in MAIN_CONVERSATIONS), topic


def test_every_country_variant_stands_in_for_a_question_everyone_gets() -> None:
    """A country's pay or contract question shares its topic with a neutral one, so that a candidate who
    names no country still gets that question, stating no country's rules."""
    neutral_topics = {q.topic_id for q in QUESTIONS if q.countries == ["all"]}
    variants = [q for q in QUESTIONS if q.countries != ["all"]]
    assert len(variants) >= 30
    assert sorted({q.id for q in variants if q.topic_id not in neutral_topics}) == []
