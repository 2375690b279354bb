"""The interviewer's brief as pure functions: the signals rewritten, the mirrored candidate, the questions
chosen, the `revint.brief/1` contract, the markdown, and two interviewers compared."""

from __future__ import annotations

import json
from typing import Any

import pytest
from builders import make_bank, question
from markdown_it import MarkdownIt

from revint_cli import questionbank as bank_mod
from revint_cli import loading, yamlio
from revint_cli.interviewer import answers, differences, guidance, plan
from revint_cli.planning import tailor as tailor
from revint_cli.interviewer.answers import BriefProfile, DraftAnswer
from revint_cli.interviewer.plan import Brief
from revint_cli.render import brief_compare_md, brief_md

SHIPPED = bank_mod.load()


def profile(**fields: Any) -> BriefProfile:
    data: dict[str, Any] = {"company": "Acme Corp", "role": "Senior Backend Engineer"}
    data.update(fields)
    return BriefProfile.model_validate(data)


FINAL_MANAGER = profile(
    role_family="engineering",
    seniority="senior",
    work_mode="remote",
    stage="final",
    interviewer={"name": "Sam Lee", "role": "manager"},
    minutes=15,
)


# ----- green signals as guidance, red ones as what not to be heard doing ---------------------------------


@pytest.mark.parametrize(
    ("signal", "advice"),
    [
        ("they name a specific recent decision made alone", "Name a specific recent decision made alone"),
        ("they describe each person's strengths", "Describe each person's strengths"),
        ("they are candid about skill gaps", "Be candid about skill gaps"),
        ("they're candid about skill gaps", "Be candid about skill gaps"),
        ("they can explain the trade-off", "Explain the trade-off"),
        ("they have thought about the mix", "Show you have thought about the mix"),
        ("a story of accepting someone else's call", "Tell a story of accepting someone else's call"),
        ("a recent example of a moved date", "Give a recent example of a moved date"),
        ("a few clear metrics with today's baseline", "Give a few clear metrics with today's baseline"),
        ("a named contact and a checklist before day one", "Describe a named contact and a checklist before day one"),
        ("the manager negotiated scope with evidence", "Show that the manager negotiated scope with evidence"),
        ("the answer matches what the job ad said", "Show that the answer matches what the job ad said"),
        ("learning time is counted as work time", "Show that learning time is counted as work time"),
        ("customers received a candid explanation", "Show that customers received a candid explanation"),
        ("a meeting was recently dropped", "Show that a meeting was recently dropped"),
        ("a decision came back within days", "Show that a decision came back within days"),
        ("strategy reviewed on a set rhythm", "Describe strategy reviewed on a set rhythm"),
        ("instructions updated by each newcomer", "Describe instructions updated by each newcomer"),
        ("detected by monitoring, with a named lead", "Show that it is detected by monitoring, with a named lead"),
        ("HR owns the process end to end", "Show that HR owns the process end to end"),
        (
            "'we changed it after your feedback'",
            "Words such as 'we changed it after your feedback', with the story behind them",
        ),
        ("transparency about the number of candidates", "Be open about the number of candidates"),
        ("clarity on who decides", "Be clear on who decides"),
        ("  they   name\ta person ", "Name a person"),
        ("", ""),
    ],
)
def test_guidance_rewrites_a_green_signal_as_advice(signal: str, advice: str) -> None:
    assert guidance.guidance(signal) == advice


@pytest.mark.parametrize(
    ("signal", "worry"),
    [
        ("they cannot name a single decision", "You cannot name a single decision"),
        ("they're vague about the budget", "You're vague about the budget"),
        ("'eventually everyone goes into management'", "Saying 'eventually everyone goes into management'"),
        ("the top level sits below managers", "The top level sits below managers"),
        ("theyre", "Theyre"),
    ],
)
def test_worry_speaks_to_the_interviewer(signal: str, worry: str) -> None:
    assert guidance.worry(signal) == worry


def test_every_green_signal_of_the_shipped_bank_becomes_one_capitalised_line() -> None:
    for q in SHIPPED.questions.values():
        for signal in q.listen_for.green:
            advice = guidance.guidance(signal)
            assert advice[:1].isupper(), (q.id, signal, advice)
            assert "\n" not in advice
            assert not advice.lower().startswith("they "), (q.id, advice)
            assert guidance.guidance(signal) == advice  # deterministic


# ----- the answers file --------------------------------------------------------------------------------


def test_the_answers_file_has_stage_defaults_and_shorthands() -> None:
    p = BriefProfile.model_validate(
        {"company": "A", "role": "B", "stage": "screening", "interviewer": "peer", "answers": {"you-why-stay": "x"}}
    )
    assert p.minutes == 10
    assert p.interviewer.role == "peer"
    assert p.answers["you-why-stay"] == DraftAnswer(answer="x")
    assert profile().interviewer.role == "manager"


def test_the_answers_file_round_trips_through_yaml() -> None:
    p = FINAL_MANAGER.model_copy(
        update={
            "themes": ["growth"],
            "answers": {
                "you-why-joined": DraftAnswer(answer="The team"),
                "growth-x": DraftAnswer(answer="a", example="b"),
            },
        }
    )
    text = answers.to_yaml(p)
    assert text.startswith("# revint brief: replay with `revint brief --answers THIS_FILE`")
    again = BriefProfile.model_validate(yamlio.parse(text).data)
    assert again == p
    assert "you-why-joined: The team" in text


def test_unknown_themes_and_answer_ids_are_named_with_a_suggestion() -> None:
    problems = answers.check_against_bank({"themes": ["growth", "growht"], "answers": {"you-why-joind": "x"}}, SHIPPED)
    assert (("themes", 1), "unknown theme 'growht'; did you mean 'growth'?") in problems
    assert any(loc == ("answers", "you-why-joind") and "did you mean 'you-why-joined'" in msg for loc, msg in problems)


# ----- the questions: what the mirrored candidate would ask this interviewer ---------------------------------


def test_the_mirrored_candidate_meets_only_this_interviewer() -> None:
    p = FINAL_MANAGER.model_copy(update={"themes": ["growth", "autonomy"]})
    mirrored = plan.mirrored_profile(p)
    assert [iv.role for iv in mirrored.interviewers] == ["manager"]
    assert mirrored.interviewers[0].name is None
    assert (mirrored.stage, mirrored.seniority, mirrored.minutes) == ("final", "senior", 15)
    assert mirrored.priorities == ["growth", "autonomy"]
    assert mirrored.research == {}


@pytest.mark.parametrize("role", ["manager", "peer", "hr", "recruiter", "skip-level", "founder", "executive"])
@pytest.mark.parametrize("stage", ["screening", "interview", "final", "offer"])
def test_the_brief_holds_exactly_the_questions_of_the_mirrored_sheet(role: str, stage: str) -> None:
    p = BriefProfile.model_validate(
        {**FINAL_MANAGER.model_dump(), "interviewer": {"role": role}, "stage": stage, "minutes": 20}
    )
    sheet = tailor.plan(SHIPPED, plan.mirrored_profile(p))
    result = plan.plan(SHIPPED, p)
    assert [i.id for i in result.questions] == [i.id for i in sheet.questions]
    assert [i.id for i in result.also_likely] == [i.id for i in sheet.backup]
    assert result.planned_minutes == sheet.planned_minutes <= 20
    for item in sheet.questions:
        if item.reach is None:
            assert item.ask is not None
            assert item.ask.role == role


def test_only_questions_this_interviewer_can_answer_and_a_reach_becomes_an_offer() -> None:
    bank = make_bank(
        [
            question("alpha-peer", "alpha", audience=["peer"]),
            question("alpha-hr", "alpha", audience=["hr"]),
            question("beta-skip", "beta", audience=["skip-level"]),
            question("next-steps-after", "next-steps", minutes=1, audience=["hr", "peer"]),
        ]
    )
    result = plan.plan(bank, profile(interviewer="hr", themes=["beta"], minutes=20))
    ids = [i.id for i in result.questions]
    assert "alpha-hr" in ids
    assert "alpha-peer" not in ids
    skip = next(i for i in result.questions if i.id == "beta-skip")
    assert skip.refer == "Offer to put them in touch with the skip-level manager"
    assert result.questions[-1].id == "next-steps-after"


def test_each_question_carries_why_guidance_worries_and_the_drafted_answer() -> None:
    bank = make_bank(
        [
            question(
                "alpha-1",
                "alpha",
                listen_for={"green": ["they name the person"], "red": ["they cannot say"]},
            )
        ]
    )
    p = profile(answers={"alpha-1": {"answer": "Priya, since March", "example": "the billing rewrite"}})
    (item,) = plan.plan(bank, p).questions
    assert item.why == "Shows alpha-1."
    assert item.strong == ["Name the person"]
    assert item.worries == ["You cannot say"]
    assert (item.answer, item.example) == ("Priya, since March", "the billing rewrite")


def test_the_brief_opens_with_the_personal_prompts_and_closes_with_the_process() -> None:
    result = plan.plan(
        SHIPPED, FINAL_MANAGER.model_copy(update={"answers": {"process-steps": DraftAnswer(answer="One more call")}})
    )
    assert [p.text for p in result.personal] == [
        "Why did you join?",
        "Why do you stay?",
        "What is hard here right now?",
        "How does this role help fix it?",
    ]
    assert [p.id for p in result.process] == [
        "process-steps",
        "process-timeline",
        "process-decides",
        "process-hear-back",
    ]
    assert result.process[0].answer == "One more call"


# ----- revint.brief/1 ----------------------------------------------------------------------------------------


def test_the_json_is_revint_brief_1_and_reads_back_through_the_same_model() -> None:
    result = plan.plan(SHIPPED, FINAL_MANAGER)
    text = result.to_json()
    data = json.loads(text)
    assert data["schema"] == "revint.brief/1"
    assert list(data) == [
        "schema",
        "company",
        "role",
        "profile",
        "budget_minutes",
        "planned_minutes",
        "theme_titles",
        "personal",
        "questions",
        "also_likely",
        "uncovered",
        "process",
    ]
    first = data["questions"][0]
    assert {"id", "theme", "text", "minutes", "why", "strong", "worries", "follow_ups", "answer", "example"} <= set(
        first
    )
    assert data["profile"]["interviewer"] == {"name": "Sam Lee", "role": "manager"}
    again, problems = loading.validate(Brief, loading.parse(text, "brief.json"))
    assert problems == []
    assert again is not None
    assert again.to_json() == text


def test_a_hand_edited_brief_fails_with_its_line() -> None:
    text = plan.plan(SHIPPED, FINAL_MANAGER).to_json().replace('"minutes": 15', '"minutes": "soon"', 1)
    doc = loading.parse(text, "brief.json")
    _, problems = loading.validate(Brief, doc)
    lines = loading.format_problems("brief.json", doc, problems)
    assert lines
    assert lines[0].startswith("brief.json:")
    assert "minutes" in lines[0]


# ----- markdown --------------------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, str]]:
    """(heading tag, text) for every heading, in order."""
    tokens = MarkdownIt("commonmark").parse(text)
    return [(tok.tag, tokens[n + 1].content) for n, tok in enumerate(tokens) if tok.type == "heading_open"]


def test_the_markdown_is_one_title_prompts_questions_and_the_process() -> None:
    result = plan.plan(SHIPPED, FINAL_MANAGER)
    text = brief_md.markdown(result)
    headings = _tokens(text)
    assert headings[0] == ("h1", "Interviewer brief: Senior Backend Engineer at Acme Corp")
    assert headings[1] == ("h2", "Before you meet them")
    assert headings[-1] == ("h2", "Close: the process")
    assert [t for tag, t in headings if tag == "h3"] == [i.text for i in result.questions]
    themes = [t for tag, t in headings[2:-1] if tag == "h2" and t != "Also likely"]
    assert themes == [result.title(t) for t in dict.fromkeys(i.theme for i in result.questions)]
    for label in ("*They want to learn:*", "*A strong, honest answer:*", "*Will worry a prepared candidate:*"):
        assert text.count(label) == len(result.questions)
    assert text.count("- *Your answer:*") == text.count("- *A real example:*") == len(result.questions)
    assert text.count("- [ ] ") == len(answers.PERSONAL) + len(answers.PROCESS)


def test_the_markdown_keeps_what_people_typed_literal() -> None:
    p = profile(company="A|B # <b>Co</b>", answers={"you-why-stay": "- *the* people"})
    text = brief_md.markdown(plan.plan(SHIPPED, p))
    tokens = MarkdownIt("commonmark").parse(text)
    assert not any(t.type == "html_inline" or t.type == "html_block" for t in tokens)
    rendered = MarkdownIt("commonmark").render(text)
    assert "A|B # &lt;b&gt;Co&lt;/b&gt;" in rendered
    assert "- *the* people" in rendered.replace("\\", "")


# ----- two interviewers ---------------------------------------------------------------------------------------


def test_compare_lists_differences_missing_answers_and_different_numbers() -> None:
    texts = answers.prompt_texts(SHIPPED)
    qid = next(iter(SHIPPED.questions))
    a = profile(
        interviewer={"name": "Sam", "role": "manager"},
        answers={
            "you-hard-now": "On-call, twice a week",
            "process-timeline": "A decision within 5 days",
            qid: "We ship weekly",
            "process-decides": "Me",
        },
    )
    b = profile(
        interviewer={"name": "Kim", "role": "peer"},
        answers={
            "you-why-stay": "the  people",
            "process-timeline": "Within 10 days",
            "you-hard-now": "On-call",
            "you-why-joined": "the mission",
        },
    )
    result = differences.compare(a, b, texts, ("Sam", "Kim"))
    assert result.agreed == []  # why each joined and stays is their own: not compared
    got = [(d.id, d.status) for d in result.differences]
    assert got == [
        ("you-hard-now", "differ"),
        (qid, "only-first"),
        ("process-timeline", "differ"),
        ("process-decides", "only-first"),
    ]
    assert result.differences[0].numbers is None  # only one of them gives a number
    timeline = result.differences[2]
    assert timeline.numbers == (("5",), ("10",))
    assert timeline.text == "What is the timeline, and can you keep to it?"
    text = brief_compare_md.comparison_markdown(result)
    assert "⚠ the numbers differ: 5 and 10" in text
    assert "*only Sam has an answer*" in text
    assert json.loads(result.to_json())["differences"][2]["numbers"] == [["5"], ["10"]]
    assert result.warnings == []


def test_compare_warns_when_the_files_are_for_different_roles() -> None:
    result = differences.compare(profile(), profile(role="Designer", stage="final"), {}, ("a", "b"))
    assert len(result.warnings) == 2
    assert result.differences == []
    assert result.agreed == []
    assert "No differences" in brief_compare_md.comparison_markdown(result)


def test_each_question_shows_its_id_for_the_answers_file() -> None:
    result = plan.plan(SHIPPED, FINAL_MANAGER)
    text = brief_md.markdown(result)
    for item in result.questions:
        assert f"*~{item.minutes} min* · `{item.id}`" in text


def test_signals_in_a_language_without_a_rewriter_stay_as_written() -> None:
    assert guidance.guidance("they  name a decision", "nl") == "they name a decision"
    assert guidance.worry("they cannot name one", "nl") == "they cannot name one"
    assert guidance.guidance("they name a decision") == "Name a decision"


def test_the_mirrored_candidate_works_where_the_interviewer_does() -> None:
    """The sector, the kind of employer and the country the interviewer gives are the candidate's too."""
    p = FINAL_MANAGER.model_copy(update={"sector": "healthcare", "employer": "hospital", "country": "NL"})
    mirrored = plan.mirrored_profile(p)
    assert (mirrored.sector, mirrored.employer, mirrored.country) == ("healthcare", "hospital", "NL")
    assert (mirrored.company, mirrored.role, mirrored.work_mode) == (p.company, p.role, p.work_mode)
