"""Guards for the shipped question bank, so that it stays good as people add to it.

The bank is product content: the counts, the shape of every question, and the honesty of its tags are
checked here, on the file as shipped.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from builders import CORE_THEMES, FURTHER_THEMES

from revint_cli import vocab
from revint_cli import questionbank as bank_mod
from revint_cli.questionbank import Question, StageWindow, looks_closed

BANK = bank_mod.load()
QUESTIONS = list(BANK.questions.values())
CORE = CORE_THEMES
FURTHER = FURTHER_THEMES
# Googleable, presumptuous or off-putting: never in the bank, in any wording we can foresee.
BANNED = (
    "what does the company do",
    "what does your company do",
    "how many employees",
    "how big is the company",
    "how soon can i be promoted",
    "when can i take vacation",
    "how much vacation",
    "did i get the job",
    "do you have any concerns",
    "what is the salary",
    "what are the working hours",
    "who are your competitors",
    "when was the company founded",
)
PAY_OR_LEAVE = re.compile(
    r"\b(salary|salaries|pay|paid (leave|holidays?|time)|bonus(es)?|equity|stock|commission|vacation|pto|time off"
    r"|holiday allowance|13th month|pay rise|raises)\b",
    re.I,
)  # "paid down" or "raise a concern" are not about pay
SIMILAR = 0.8
EARLY_STAGES = ("screening", "interview")
LATE_STAGES = ("final", "offer")
PAY_RANGE = "pay-range"  # the one pay topic fit for a screening call
PAY_AUDIENCES = {"hr", "recruiter", "manager", "founder"}
ROLE_FAMILIES_OF_THEIR_OWN = ("data", "operations", "people", "finance", "marketing")
EXECUTIVE_THEMES = ("company", "leadership", "expectations", "impact", "team", "autonomy")


def near_duplicates(
    texts: list[tuple[str, str]], limit: float = SIMILAR, involving: set[int] | None = None
) -> list[tuple[str, str, float]]:
    """Pairs of texts (where, text) whose difflib ratio, lowercased, is above `limit`.

    Only plausible pairs are compared (`plausible_pairs`): texts whose lengths allow the ratio, and that share
    at least WORD_SHARE of the words of the shorter one. Texts above the limit share far more (at 0.8, never
    under 0.6 of 10,000 made by swapping, inserting, replacing and dropping words), so nothing is missed
    that the full pairwise scan (`near_duplicates_pairwise`) would find.
    """
    lowered = [(where, text.lower()) for where, text in texts]
    pairs = plausible_pairs([text for _, text in lowered], limit)
    if involving is not None:  # only the pairs with one of these texts (the rest are checked on their own)
        pairs = [(j, i) for j, i in pairs if j in involving or i in involving]
    return _compared(lowered, pairs, limit)


def near_duplicates_pairwise(texts: list[tuple[str, str]], limit: float = SIMILAR) -> list[tuple[str, str, float]]:
    """The same check over every pair: the reference the bucketed one is tested against."""
    lowered = [(where, text.lower()) for where, text in texts]
    return _compared(lowered, [(j, i) for i in range(len(lowered)) for j in range(i)], limit)


def _compared(
    lowered: list[tuple[str, str]], pairs: list[tuple[int, int]], limit: float
) -> list[tuple[str, str, float]]:
    found = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    current = -1
    for j, i in pairs:  # sorted by i: the second text's index is built once
        if i != current:
            matcher.set_seq2(lowered[i][1])
            current = i
        matcher.set_seq1(lowered[j][1])
        if matcher.real_quick_ratio() > limit and matcher.quick_ratio() > limit and matcher.ratio() > limit:
            found.append((lowered[j][0], lowered[i][0], round(matcher.ratio(), 2)))
    return found


WORD_SHARE = 0.4


def plausible_pairs(texts: list[str], limit: float) -> list[tuple[int, int]]:
    """(j, i), j < i, sorted: the pairs that share WORD_SHARE of the shorter text's words and whose lengths
    allow a ratio above `limit`. Found by prefix filtering: each text is looked up by its rarest words, as
    many as a pair reaching the share could miss plus one, so that one of them is always shared."""
    words = [set(re.findall(r"[\w']+", text)) for text in texts]
    frequency = Counter(w for ws in words for w in ws)
    postings: dict[str, list[int]] = {}
    for n, ws in enumerate(words):
        for w in ws:
            postings.setdefault(w, []).append(n)
    pairs: set[tuple[int, int]] = set()
    for n, ws in enumerate(words):
        rarest = sorted(ws, key=lambda w: (frequency[w], w))
        for w in rarest[: len(ws) - math.ceil(WORD_SHARE * len(ws)) + 1]:
            for other in postings[w]:
                if other != n:
                    pairs.add((min(n, other), max(n, other)))
    return sorted(
        ((j, i) for j, i in pairs if _may_be_similar(texts[j], texts[i], words[j], words[i], limit)),
        key=lambda p: (p[1], p[0]),
    )


def _may_be_similar(a: str, b: str, wa: set[str], wb: set[str], limit: float) -> bool:
    shared_enough = len(wa & wb) >= WORD_SHARE * min(len(wa), len(wb))
    return shared_enough and 2 * min(len(a), len(b)) / (len(a) + len(b)) > limit


def every_text() -> list[tuple[str, str]]:
    texts = []
    for q in QUESTIONS:
        texts.append((q.id, q.text))
        texts += [(f"{q.id} follow_ups[{i}]", f) for i, f in enumerate(q.follow_ups)]
    return texts


def test_the_bank_has_at_least_240_questions_in_the_17_themes() -> None:
    assert len(QUESTIONS) >= 240
    assert set(CORE + FURTHER) <= set(BANK.themes)
    assert all(BANK.themes[t].core for t in CORE)
    assert not any(BANK.themes[t].core for t in FURTHER)


@pytest.mark.parametrize("theme", CORE + FURTHER)
def test_each_theme_has_its_minimum(theme: str) -> None:
    minimum = 18 if theme in CORE else 6 if theme == "next-steps" else 10
    assert len(BANK.in_theme(theme)) >= minimum


def test_every_question_names_a_theme_that_exists() -> None:
    assert {q.theme for q in QUESTIONS} <= set(BANK.themes)


@pytest.mark.parametrize("theme", sorted(BANK.themes))
def test_each_theme_says_what_to_research_and_where(theme: str) -> None:
    prompts = BANK.themes[theme].research_prompts
    assert len(prompts) >= 3
    for prompt in prompts:
        assert prompt.where
        assert prompt.prompt.endswith("?") or prompt.prompt.endswith(".")


def test_role_specific_questions_are_there_for_each_kind_of_candidate() -> None:
    def count(*families: str) -> int:
        return sum(1 for q in QUESTIONS if q.role_families != ["all"] and set(q.role_families) & set(families))

    assert count("engineering") >= 20
    assert count("product", "design") >= 10
    assert count("sales", "marketing", "customer-service") >= 10
    managers = [q for q in QUESTIONS if "manager" in q.seniority and "all" not in q.seniority]
    assert len(managers) >= 15


IMPERATIVES = ("Walk me through", "Tell me", "Describe", "Talk me through", "Take me through")


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_each_question_is_open_specific_and_complete(question: Question) -> None:
    for text in (question.text, *question.follow_ups):
        assert len(text) <= 200, text
        assert text.endswith("?"), text
        assert not looks_closed(text), f"opens like a yes/no question: {text}"
        assert not any(banned in text.lower() for banned in BANNED), text
        if text.startswith(IMPERATIVES):  # "Walk me through X?" is a request; "Walk me through X: who ...?" asks
            assert re.search(r"[.:;] \S", text), f"a request with a question mark, not a question: {text}"
    assert question.id.startswith(f"{question.theme}-")
    assert len(question.follow_ups) >= 2
    assert question.listen_for.green
    assert question.listen_for.red
    assert len(question.why) >= 20  # says what the answer reveals, not a word or two
    assert 1 <= question.minutes <= 10


def test_minutes_are_honest_estimates() -> None:
    minutes = Counter(q.minutes for q in QUESTIONS)
    assert sum(n for m, n in minutes.items() if 2 <= m <= 5) >= 0.9 * len(QUESTIONS)


def test_no_two_questions_or_follow_ups_are_near_duplicates() -> None:
    assert near_duplicates(every_text()) == []


# Words that carry no subject of their own: two questions that share most of the rest ask the same thing.
FILLER = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been being this that these
    those it its i me my we our you your they them their he she his her what how which when where who whom
    whose why do does did done would could should will can may might must have has had here there than then
    so if about into over under after before up out any some each every most more much many one two just also
    still like such only own same other others very tell time last recent recently team company people person
    someone something thing things work working job role new usually typically actually really""".split()
)
SAME_MEANING = 0.5


def subject_words(text: str) -> set[str]:
    words = (w for w in re.findall(r"[a-z]+", text.lower()) if w not in FILLER and len(w) > 2)
    return {re.sub(r"(ing|ed|es|s)$", "", w) if len(w) > 6 else w for w in words}


def same_meaning_without_topic(questions: list[Question]) -> list[tuple[str, str, float]]:
    """Pairs of questions whose subject words mostly overlap (Jaccard) but that share no topic, so that one
    sheet could hold both."""
    found = []
    words = [(q, subject_words(q.text)) for q in questions]
    for i, (a, wa) in enumerate(words):
        for b, wb in words[:i]:
            if a.topic_id == b.topic_id or min(len(wa), len(wb)) < 3:
                continue
            overlap = len(wa & wb) / len(wa | wb)
            if overlap >= SAME_MEANING:
                found.append((b.id, a.id, round(overlap, 2)))
    return found


def test_questions_of_the_same_meaning_share_a_topic() -> None:
    assert same_meaning_without_topic(QUESTIONS) == []


def test_the_same_meaning_check_finds_a_reordered_copy() -> None:
    original = BANK.questions["growth-last-promotion"]
    copy = original.model_copy(
        update={
            "id": "growth-copy",
            "topic": None,
            "text": "Who decided the most recent promotion on this team, which evidence did they look at, and how "
            "long did it take from the first conversation to the announcement?",
        }
    )
    assert same_meaning_without_topic([original, copy])
    assert not same_meaning_without_topic([original, copy.model_copy(update={"topic": original.topic_id})])
    assert not same_meaning_without_topic([original, QUESTIONS[-1]])


def test_each_kind_of_candidate_finds_questions_of_their_own() -> None:
    def family(name: str) -> int:
        return sum(1 for q in QUESTIONS if name in q.role_families)

    assert {f: family(f) for f in ROLE_FAMILIES_OF_THEIR_OWN if family(f) < 6} == {}

    def tagged(level: str, theme: str) -> int:
        return sum(1 for q in BANK.in_theme(theme) if level in q.seniority)

    assert {t: tagged("junior", t) for t in CORE if tagged("junior", t) < 3} == {}
    assert {t: tagged("executive", t) for t in EXECUTIVE_THEMES if tagged("executive", t) < 3} == {}


def test_the_near_duplicate_check_finds_a_reworded_copy() -> None:
    original = QUESTIONS[0].text
    reworded = original.replace("which", "what", 1).rstrip("?") + " exactly?"
    assert near_duplicates([("a", original), ("b", reworded)])
    assert not near_duplicates([("a", QUESTIONS[0].text), ("b", QUESTIONS[-1].text)])


def _reordered(text: str) -> str:
    """`text` with two pairs of neighbouring words swapped: the same words, in another order."""
    words = text.split()
    for n in (1, len(words) // 2):
        words[n], words[n + 1] = words[n + 1], words[n]
    return " ".join(words)


def test_the_near_duplicate_check_finds_copies_hidden_in_the_bank() -> None:
    # Planted among every text of the bank, a reworded and a reordered copy are found, and nothing else.
    first, last = QUESTIONS[0], QUESTIONS[-1]
    reworded = first.text.replace("which", "what", 1).rstrip("?") + " exactly?"
    planted = [("reworded", reworded), ("reordered", _reordered(last.text))]
    texts = [*every_text(), *planted]
    found = {(a, b) for a, b, _ in near_duplicates(texts, involving={len(texts) - 2, len(texts) - 1})}
    assert found == {(first.id, "reworded"), (last.id, "reordered")}


def test_the_bucketed_check_finds_what_the_pairwise_one_finds() -> None:
    # On a slice of the bank with copies planted in it, at the limit and below it.
    texts = every_text()[:80]
    planted = [(f"{where} copy", _reordered(text)) for where, text in texts[::10]]
    for limit in (SIMILAR, 0.7):
        expected = near_duplicates_pairwise([*texts, *planted], limit)
        assert expected
        assert near_duplicates([*texts, *planted], limit) == expected
    assert {copy for _, copy, _ in expected} >= {where for where, _ in planted}  # at 0.7, every copy


def early_pay_questions(questions: list[Question]) -> list[str]:
    """Questions that speak of pay or time off before the final stage; the salary range alone may come first."""
    return [
        q.id
        for q in questions
        if q.stages.earliest in EARLY_STAGES
        and q.topic != PAY_RANGE
        and any(PAY_OR_LEAVE.search(text) for text in (q.text, *q.follow_ups))
    ]


def test_pay_and_time_off_wait_for_the_final_stage_or_the_offer() -> None:
    assert early_pay_questions(QUESTIONS) == []
    for q in BANK.in_theme("compensation"):
        if q.topic != PAY_RANGE:
            assert q.stages.earliest in LATE_STAGES, q.id
        assert {"hr", "recruiter"} & set(q.audience), q.id  # the people who know the package
        assert set(q.audience) <= PAY_AUDIENCES, q.id  # never a peer's or a skip-level's guess


def test_the_salary_range_can_be_asked_at_the_screening_call() -> None:
    # a fair first question (in the EU employers must state the range before the interview): of the
    # compensation theme, answerable by a recruiter, from the screening call on
    ranges = [q for q in QUESTIONS if q.topic == PAY_RANGE]
    assert ranges
    for q in ranges:
        assert q.theme == "compensation", q.id
        assert q.stages.earliest == "screening", q.id
        assert "recruiter" in q.audience, q.id


def test_the_pay_check_finds_an_early_question_about_pay() -> None:
    leave = QUESTIONS[0].model_copy(update={"text": "How much paid leave do people take?", "stages": StageWindow()})
    hidden = QUESTIONS[0].model_copy(
        update={"follow_ups": ["What bonus did people get last year?", "Who decides?"], "stages": StageWindow()}
    )
    ranged = leave.model_copy(update={"topic": PAY_RANGE})
    late = leave.model_copy(update={"stages": StageWindow(earliest="final")})
    assert early_pay_questions([leave, hidden, ranged, late]) == [leave.id, hidden.id]


def test_the_day_to_day_goes_to_peers_and_strategy_to_leaders() -> None:
    typical = BANK.in_theme("typical-day")
    assert sum("peer" in q.audience for q in typical) >= 0.75 * len(typical)
    for q in BANK.in_theme("company"):
        assert {"skip-level", "founder", "executive", "manager"} & set(q.audience), q.id
    for q in BANK.in_theme("expectations"):
        assert "manager" in q.audience or "skip-level" in q.audience, q.id


def test_every_stage_can_close_with_next_steps() -> None:
    # for every stage and every person met, a closing question that fits every candidate
    closing = [
        q
        for q in BANK.in_theme(vocab.CLOSING_THEME)
        if q.seniority == ["all"] and q.role_families == ["all"] and q.work_modes == ["all"]
    ]
    missing = [
        f"{stage} {role}"
        for stage in vocab.STAGES
        for role in vocab.AUDIENCES
        if not any(q.stages.admits(stage) and q.answerable_by(role) for q in closing)
    ]
    assert missing == []
    # at the offer call, "what happens next" is the offer itself (the process, the start date, whom to call
    # with questions): questions written for that call alone, for everyone one may meet there
    offer_only = [q for q in closing if q.stages.earliest == "offer"]
    assert [role for role in vocab.AUDIENCES if not any(q.answerable_by(role) for q in offer_only)] == []


def test_the_first_question_of_each_theme_fits_everyone() -> None:
    for theme in BANK.themes:
        first = BANK.in_theme(theme)[0]
        assert first.seniority == ["all"], first.id
        assert first.role_families == ["all"], first.id
        if theme != "remote-work":
            assert first.work_modes == ["all"], first.id


def test_ids_referenced_by_the_docs_exist() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for qid in ("autonomy-approvals", "growth-budget"):
        assert qid in BANK.questions
        assert qid in readme


# The subjects real candidates ask about that the first bank missed: each has a question of its own (its
# text or a follow-up names it), so that a candidate who cares about it finds it on a sheet.
SUBJECTS = {
    "salary range": r"salary range",
    "contract type": r"fixed-term|permanent",
    "probation": r"probation",
    "notice period": r"notice period",
    "non-compete": r"non-compete",
    "side work": r"side project|outside work",
    "hours": r"part-time|four-day|compressed hours",
    "parental leave": r"parental leave",
    "sick leave": r"sick leave",
    "visa": r"\bvisa\b",
    "relocation": r"relocat",
    "layoffs": r"job cuts|layoff",
    "runway": r"runway",
    "legacy code": r"legacy|oldest",
    "testing": r"\btest",
    "security": r"security",
    "on-call pay": r"on-call time paid|on-call.*\bpaid\b",
    "AI tooling": r"\bAI\b",
    "accessibility": r"accessib|adjustments",
    "holiday allowance and a 13th month": r"13th month",
    "collective agreement": r"collective agreement",
}


@pytest.mark.parametrize("subject", SUBJECTS)
def test_each_subject_candidates_ask_about_has_a_question(subject: str) -> None:
    pattern = re.compile(SUBJECTS[subject], re.IGNORECASE)
    assert any(pattern.search(" ".join([q.text, *q.follow_ups])) for q in QUESTIONS), subject
