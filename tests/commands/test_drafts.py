"""Drafts in-process: listing and clearing them, naming them, and never losing one to another prep."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import yaml

from revint_cli.store import draftstore as drafts
from revint_cli.errors import RevintError
from support_sessions import EXAMPLES


def draft_names(home: Path) -> list[str]:
    return sorted(p.stem for p in (home / "drafts").glob("*.yaml"))


def test_drafts_lists_company_role_and_last_change_newest_first(cli, revint_home: Path) -> None:
    older = drafts.save("prep", "acme-corp-backend-engineer", {"company": "Acme Corp", "role": "Backend Engineer"})
    drafts.save("prep", "globex-designer", {"company": "Globex", "role": "Designer", "minutes": 30})
    stamp = time.mktime((2026, 11, 20, 9, 41, 0, 0, 0, -1))
    os.utime(older, (stamp, stamp))

    code, out, err = cli(["drafts"])

    assert code == 0, err
    lines = out.splitlines()
    # one block per draft, newest first: the name on a line of its own, then company and role
    assert lines[0].split()[:2] == ["globex-designer", "prep"]
    assert lines[1].strip() == "Globex · Designer"
    assert lines[2].split() == ["acme-corp-backend-engineer", "prep", "·", "2026-11-20", "09:41"]
    assert lines[3].strip() == "Acme Corp · Backend Engineer"
    assert lines[4:] == ["", "Continue the newest prep: revint prep --resume (or --resume --draft NAME)"]


def test_drafts_with_none_says_so(cli) -> None:
    code, out, _ = cli(["drafts"])
    assert code == 0
    assert "No unfinished preps or debriefs." in out


def test_drafts_lists_a_damaged_file_with_its_line(cli, revint_home: Path) -> None:
    drafts.save("prep", "good", {"company": "Acme", "role": "Dev"})
    (revint_home / "drafts" / "broken.yaml").write_text("kind: prep\nanswers: [\n", encoding="utf-8")
    (revint_home / "drafts" / "other.yaml").write_text("hello: world\n", encoding="utf-8")
    code, out, err = cli(["drafts"])
    assert code == 0, err
    assert out.splitlines()[:2] == ["good  prep · " + out.splitlines()[0].split(" · ")[1], "  Acme · Dev"]
    assert re.search(r"^broken  damaged · .*\n  .*broken\.yaml:3:1: YAML syntax error", out, flags=re.MULTILINE)
    assert re.search(r"^other  damaged · .*\n  .*other\.yaml:1: ", out, flags=re.MULTILINE)
    assert "revint drafts --clear NAME" in out


def test_drafts_clear_removes_only_that_draft(cli, revint_home: Path) -> None:
    drafts.save("prep", "acme-dev", {"company": "Acme", "role": "Dev"})
    drafts.save("prep", "globex-dev", {"company": "Globex", "role": "Dev"})

    code, _, err = cli(["drafts", "--clear", "acme-dev"])

    assert code == 0
    assert "Removed the draft acme-dev." in err
    assert draft_names(revint_home) == ["globex-dev"]


def test_drafts_clear_unknown_name_is_exit_2(cli, revint_home: Path) -> None:
    drafts.save("prep", "acme-dev", {"company": "Acme", "role": "Dev"})
    code, _, err = cli(["drafts", "--clear", "acme-devv"])
    assert code == 2
    assert "no draft named 'acme-devv'" in err
    assert draft_names(revint_home) == ["acme-dev"]


@pytest.mark.parametrize("name", ["../secret", "../sessions/acme/profile", "/tmp/x", ".hidden", ""])
def test_drafts_clear_never_reaches_outside_the_drafts_folder(cli, revint_home: Path, name: str) -> None:
    """A name with a path in it names no draft: it must not delete REVINT_HOME/secret.yaml or a session."""
    (revint_home / "drafts").mkdir()
    secret = revint_home / "secret.yaml"
    secret.write_text("kind: prep\nanswers: {company: Keep}\n", encoding="utf-8")
    profile = revint_home / "sessions" / "acme" / "profile.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_text("company: Keep\n", encoding="utf-8")

    code, _, err = cli(["drafts", "--clear", name])

    assert code == 2
    assert "no draft named" in err
    assert secret.exists()
    assert profile.exists()


def test_resume_with_a_path_as_draft_name_is_refused(cli, revint_home: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    outside = revint_home / "elsewhere.yaml"
    outside.write_text("kind: prep\nanswers: {company: Acme, role: Dev}\n", encoding="utf-8")
    code, _, err = cli(["prep", "--resume", "--draft", "../elsewhere", "--no-input"])
    assert code == 2
    assert "no draft named '../elsewhere'" in err
    assert list(tmp_path.glob("*.md")) == []


def test_resume_a_complete_draft_writes_the_sheet_and_removes_the_draft(
    cli, revint_home: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = yaml.safe_load((EXAMPLES / "acme-backend.yaml").read_text(encoding="utf-8"))
    drafts.save("prep", "acme-corp-senior-backend-engineer", answers)
    drafts.save("prep", "globex-dev", {"company": "Globex", "role": "Dev"})
    old = time.time() - 3600
    os.utime(revint_home / "drafts" / "globex-dev.yaml", (old, old))  # the acme one is the newest

    code, _, err = cli(["prep", "--resume"])

    assert code == 0, err
    assert (tmp_path / "acme-corp-senior-backend-engineer.md").is_file()
    assert draft_names(revint_home) == ["globex-dev"]


def test_resume_without_drafts_is_exit_2(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(["prep", "--resume"])
    assert code == 2
    assert "no unfinished prep to resume" in err


def test_resume_a_debrief_draft_as_a_prep_is_refused(cli, revint_home: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    drafts.save("debrief", "debrief-acme", {"answers": {}, "gut": 3}, drafts.Meta(session="acme"))
    code, _, err = cli(["prep", "--resume", "--draft", "debrief-acme", "--no-input"])
    assert code == 2
    assert "is a debrief; continue it with revint debrief --resume" in err
    assert draft_names(revint_home) == ["debrief-acme"]


# ----- the recorder: every answer saved at once, under a name that follows the company and role ---------


def test_recorder_saves_every_answer_and_renames_once_company_and_role_are_known(revint_home: Path) -> None:
    record = drafts.Recorder("prep")
    record({"company": "Café Zoë"})
    assert draft_names(revint_home) == ["untitled"]
    assert drafts.latest("prep").answers == {"company": "Café Zoë"}

    record({"company": "Café Zoë", "role": "Data Analyst"})
    assert draft_names(revint_home) == ["cafe-zoe-data-analyst"]
    record({"company": "Café Zoë", "role": "Data Analyst", "minutes": 30})
    # Scalars come back as the text typed; the profile model decides what is a number.
    assert drafts.latest("prep").answers == {"company": "Café Zoë", "role": "Data Analyst", "minutes": "30"}

    record.discard()
    assert draft_names(revint_home) == []


def test_a_new_prep_does_not_overwrite_an_earlier_untitled_draft(revint_home: Path) -> None:
    earlier = drafts.Recorder("prep")
    earlier({"company": "Hooli"})  # interrupted before the role

    record = drafts.Recorder("prep")
    record({"company": "Initech"})

    assert draft_names(revint_home) == ["untitled", "untitled-2"]
    assert drafts.load(revint_home / "drafts" / "untitled.yaml").answers == {"company": "Hooli"}
    record({"company": "Initech", "role": "Dev"})
    assert draft_names(revint_home) == ["initech-dev", "untitled"]
    assert drafts.load(revint_home / "drafts" / "untitled.yaml").answers == {"company": "Hooli"}


def test_a_new_prep_for_the_same_job_keeps_the_earlier_draft(revint_home: Path) -> None:
    earlier = drafts.Recorder("prep")
    earlier({"company": "Acme", "role": "Dev", "minutes": 45, "stage": "final"})

    record = drafts.Recorder("prep")
    record({"company": "Acme", "role": "Dev"})

    assert draft_names(revint_home) == ["acme-dev", "acme-dev-2"]
    assert (
        drafts.load(revint_home / "drafts" / "acme-dev.yaml").answers["minutes"] == "45"
    )  # scalars come back as typed


def test_replaying_a_complete_answers_file_leaves_other_drafts_alone(
    cli, revint_home: Path, tmp_path: Path, monkeypatch
) -> None:
    """A prep that never saved a draft must not remove one: `untitled` is someone's interrupted prep."""
    monkeypatch.chdir(tmp_path)
    drafts.Recorder("prep")({"company": "Hooli"})
    code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml")])
    assert code == 0, err
    assert draft_names(revint_home) == ["untitled"]


def test_a_resumed_untitled_draft_takes_its_name_when_the_role_is_known(revint_home: Path) -> None:
    drafts.Recorder("prep")({"company": "Hooli"})
    resumed = drafts.latest("prep")
    record = drafts.Recorder("prep", resumed.name)
    record({"company": "Hooli", "role": "Dev"})
    assert draft_names(revint_home) == ["hooli-dev"]
    record.discard()
    assert draft_names(revint_home) == []


def test_latest_named_draft_must_exist() -> None:
    with pytest.raises(RevintError, match="no draft named 'nope'"):
        drafts.latest("prep", "nope")


# ----- the meta: what a draft needs beside its answers ---------------------------------------------------


def test_the_meta_is_a_section_of_its_own_beside_kind_and_answers(revint_home: Path) -> None:
    meta = drafts.Meta(session="acme", company="Acme", role="Dev", pending=["extra"], backups=["culture-q"])
    path = drafts.save("debrief", "debrief-acme", {"answers": {}, "gut": 3}, meta)
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(written) == ["kind", "meta", "answers"]
    assert written["meta"] == {
        "session": "acme",
        "company": "Acme",
        "role": "Dev",
        "pending": ["extra"],
        "backups": ["culture-q"],
    }
    assert written["answers"] == {"answers": {}, "gut": 3}
    loaded = drafts.load(path)
    assert loaded.meta == meta
    assert (loaded.company, loaded.role) == ("Acme", "Dev")  # listed before the answers hold either


def test_a_draft_without_meta_writes_no_meta_section(revint_home: Path) -> None:
    path = drafts.save("prep", "acme-dev", {"company": "Acme", "role": "Dev"}, drafts.Meta())
    assert "meta" not in yaml.safe_load(path.read_text(encoding="utf-8"))
    assert drafts.load(path).meta == drafts.Meta()


def test_every_meta_field_comes_back_as_it_was_saved(revint_home: Path) -> None:
    meta = drafts.Meta(
        pending=["interviewers"],
        defaults={"stage": "final", "format": "video"},
        next_round="acme-dev",
        backups=[],
        recorded=True,
    )
    assert drafts.load(drafts.save("prep", "acme-dev", {"company": "Acme"}, meta)).meta == meta


@pytest.mark.parametrize(
    ("meta", "line", "says"),
    [
        ("meta: [1]\n", 2, "meta: must be a mapping"),
        ("meta:\n  colour: blue\n", 3, "meta.colour: unknown key"),
        ("meta:\n  pending: interviewers\n", 3, "meta.pending: must be a list of texts"),
        ("meta:\n  recorded: maybe\n", 3, "meta.recorded: not a valid value"),
    ],
)
def test_a_damaged_meta_names_its_line(revint_home: Path, meta: str, line: int, says: str) -> None:
    folder = revint_home / "drafts"
    folder.mkdir()
    path = folder / "acme-dev.yaml"
    path.write_text(f"kind: prep\n{meta}answers:\n  company: Acme\n", encoding="utf-8")
    with pytest.raises(RevintError) as damaged:
        drafts.load(path)
    assert damaged.value.message.startswith(f"{path}:{line}: {says}"), damaged.value.message
    assert "revint drafts --clear acme-dev" in damaged.value.message


# Drafts as the previous release wrote them: the meta among the answers, under keys starting with "_".
PREVIOUS_PREP = """\
# An unfinished revint prep: continue it with `revint prep --resume`.
kind: prep
answers:
  company: Acme
  role: Dev
  interviewers:
  - role: peer
  _pending:
    interviewers: true
  _defaults:
    stage: final
    minutes: 30
  _next_round: acme-dev
"""
PREVIOUS_DEBRIEF = """\
kind: debrief
answers:
  _session: acme-dev
  _company: Acme
  _role: Dev
  _backups_checked: true
  answers:
    growth-q:
      asked: true
      rating: green
  gut: 4
"""
PREVIOUS_BRIEF = """\
kind: brief
answers:
  company: Acme
  _recorded: true
"""


def write_draft(home: Path, name: str, text: str) -> Path:
    (home / "drafts").mkdir(exist_ok=True)
    path = home / "drafts" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_prep_draft_of_the_previous_release_is_converted_on_read(revint_home: Path) -> None:
    draft = drafts.load(write_draft(revint_home, "acme-dev", PREVIOUS_PREP))
    assert draft.answers == {"company": "Acme", "role": "Dev", "interviewers": [{"role": "peer"}]}
    assert draft.meta == drafts.Meta(
        pending=["interviewers"], defaults={"stage": "final", "minutes": "30"}, next_round="acme-dev"
    )
    assert draft.doc is not None
    assert draft.doc.line_of(("role",)) == 5  # the lines still point into the file


def test_a_debrief_draft_of_the_previous_release_is_converted_on_read(revint_home: Path) -> None:
    draft = drafts.load(write_draft(revint_home, "debrief-acme-dev", PREVIOUS_DEBRIEF))
    assert draft.answers == {"answers": {"growth-q": {"asked": "true", "rating": "green"}}, "gut": "4"}
    # that release only knew the backups were checked: those ticked are the answered ones, as it read them
    assert draft.meta == drafts.Meta(session="acme-dev", company="Acme", role="Dev", backups=["growth-q"])
    assert (draft.company, draft.role) == ("Acme", "Dev")


def test_a_brief_draft_of_the_previous_release_is_converted_on_read(revint_home: Path) -> None:
    draft = drafts.load(write_draft(revint_home, "brief-acme", PREVIOUS_BRIEF))
    assert (draft.answers, draft.meta) == ({"company": "Acme"}, drafts.Meta(recorded=True))


def test_a_prep_draft_of_the_previous_release_resumes_and_is_saved_in_the_new_shape(
    cli, revint_home: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = yaml.safe_load((EXAMPLES / "acme-backend.yaml").read_text(encoding="utf-8"))
    text = yaml.safe_dump({"kind": "prep", "answers": {**answers, "_pending": {}, "_defaults": {"minutes": 45}}})
    write_draft(revint_home, "acme-corp-senior-backend-engineer", text)

    code, _, err = cli(["prep", "--resume", "--no-input"])

    assert code == 0, err
    assert (tmp_path / "acme-corp-senior-backend-engineer.md").is_file()
    assert draft_names(revint_home) == []


def test_the_hint_names_the_command_of_each_kind_of_draft(cli, revint_home: Path) -> None:
    drafts.save("debrief", "acme-corp-dev", {"answers": {}})
    code, out, _ = cli(["drafts"])
    assert code == 0
    assert "Continue the newest debrief: revint debrief --resume" in out
    assert "revint prep --resume" not in out  # only a debrief is there to continue
    drafts.save("prep", "globex-designer", {"company": "Globex", "role": "Designer"})
    out = cli(["drafts"]).out
    assert "revint prep --resume" in out
    assert "revint debrief --resume" in out
