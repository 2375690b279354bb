"""Nothing lost under faults, races and hostile text: one test per case the attack run found.

Each test drives the real command line (in-process through `run`, or as a subprocess where a second
process, a closed stream or a locale is the point) and checks what a user would see: one clear line on
stderr, exit 2, and every file as it was, or the work done.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "acme-backend.yaml"
DEBRIEF = REPO / "examples" / "acme-debrief.yaml"
SESSION = "acme-corp-senior-backend-engineer"

Cli = Callable[[Sequence[str]], Any]


def answers_file(folder: Path, name: str = "p.yaml", **fields: Any) -> Path:
    data: dict[str, Any] = {
        "company": "Acme",
        "role": "Analyst",
        "stage": "interview",
        "minutes": 20,
        "interviewers": [{"role": "manager"}],
        "priorities": ["growth"],
    }
    data.update(fields)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    return lines[0]


def home_files(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def revint(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "revint_cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kw,
    )


# ----- races ---------------------------------------------------------------------------------------------


def test_two_preps_of_one_sheet_at_once_never_replace_it_without_force(work: Path) -> None:
    """Both exited 0 and one sheet replaced the other: now one of them says the file exists."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "revint_cli", "prep", "--answers", str(EXAMPLE), "--no-input"],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    assert "already exist" in one_line(loser) or "in use" in one_line(loser)


def test_a_session_being_written_is_locked_for_a_second_writer(cli: Cli, work: Path, revint_home: Path) -> None:
    """Another revint holding the session's lock makes a second writer wait, then give one clear line."""
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from revint_cli.store import locks\nwith locks.session({SESSION!r}):\n    input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    lock = revint_home / "locks" / f"session-{SESSION}.lock"
    try:
        for _ in range(200):  # until the other process holds it
            probe = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"import fcntl,os; fd=os.open({str(lock)!r}, os.O_RDWR); fcntl.flock(fd, fcntl.LOCK_EX|fcntl.LOCK_NB)",
                ],
                capture_output=True,
            )
            if probe.returncode != 0:
                break
        os.environ["REVINT_LOCK_TIMEOUT"] = "0.2"
        code, _, err = cli(["debrief", SESSION, "--answers", str(DEBRIEF), "--no-input"])
    finally:
        os.environ.pop("REVINT_LOCK_TIMEOUT", None)
        holder.communicate("\n", timeout=30)
    assert code == 2
    assert "in use" in one_line(err)
    assert SESSION in err
    assert not list((revint_home / "sessions" / SESSION).glob("debrief-*.yaml"))


def test_two_debriefs_of_one_round_keep_one_and_refuse_the_other(cli: Cli, work: Path) -> None:
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    results: list[Any] = []

    def debrief() -> None:
        results.append(revint("debrief", SESSION, "--answers", str(DEBRIEF), "--no-input", cwd=work))

    threads = [threading.Thread(target=debrief) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.returncode for r in results)
    assert codes == [0, 2], [(r.returncode, r.stderr) for r in results]
    loser = next(r for r in results if r.returncode == 2)
    assert "already debriefed" in one_line(loser.stderr) or "in use" in loser.stderr


def test_a_debrief_rates_the_round_it_read(cli: Cli, work: Path, revint_home: Path) -> None:
    """A prep that replaced the sheet after the debrief read it: the debrief refuses instead of rating
    questions the sheet no longer holds."""
    from revint_cli.store import sessionstore

    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    original = sessionstore.load
    calls = {"n": 0}

    def load_then_replan(name: str) -> Any:
        session = original(name)
        calls["n"] += 1
        if calls["n"] > 1:  # only the debrief's first read is followed by another revint's prep
            return session
        # another revint replans the round in the meantime, with other priorities
        other = answers_file(
            work,
            "other.yaml",
            company="Acme Corp",
            role="Senior Backend Engineer",
            priorities=["compensation", "wellbeing"],
            stage="final",
        )
        assert revint("prep", "--answers", str(other), "--no-input", "-o", "-", "--force").returncode == 0
        return session

    sessionstore.load = load_then_replan  # type: ignore[assignment]
    try:
        code, _, err = cli(["debrief", SESSION, "--answers", str(DEBRIEF), "--no-input"])
    finally:
        sessionstore.load = original  # type: ignore[assignment]
    assert code == 2
    assert "changed" in one_line(err)
    assert not list((revint_home / "sessions" / SESSION).glob("debrief-*.yaml"))


def test_a_readable_name_equal_to_another_hashed_name_gets_its_own_session(
    cli: Cli, work: Path, revint_home: Path
) -> None:
    """`Acme|Corp`/`Dev` is kept as acme-corp-dev-41fdba (acme-corp-dev being Acme Corp's); `Acme Corp` /
    `Dev 41fdba` reads as that same name and used to take that session over."""
    first = answers_file(work, "a.yaml", company="Acme Corp", role="Dev")
    second = answers_file(work, "b.yaml", company="Acme|Corp", role="Dev")
    third = answers_file(work, "c.yaml", company="Acme Corp", role="Dev 41fdba")
    for path in (first, second, third):
        assert cli(["prep", "--answers", str(path), "--no-input", "-o", "-"]).code == 0
    kept = {}
    for folder in (revint_home / "sessions").iterdir():
        data = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8"))
        kept[(data["company"], data["role"])] = folder.name
    assert len(kept) == 3, kept


# ----- faults leave nothing half done ---------------------------------------------------------------------


@contextmanager
def disk_full_after(n: int) -> Iterator[None]:
    """Every file written after the first `n` fails as a full disk would."""
    real = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > n:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    os.fsync = fsync  # type: ignore[assignment]
    try:
        yield
    finally:
        os.fsync = real  # type: ignore[assignment]


@pytest.mark.parametrize("writes", [0, 1, 2, 3])
def test_a_full_disk_leaves_the_world_as_it_found_it(cli: Cli, work: Path, revint_home: Path, writes: int) -> None:
    before_work, before_home = sorted(p.name for p in work.iterdir()), home_files(revint_home)
    with disk_full_after(writes):
        code, _, err = cli(["prep", "--answers", str(EXAMPLE), "--no-input"])
    assert code == 2
    assert "No space left" in one_line(err)
    assert sorted(p.name for p in work.iterdir()) == before_work
    sessions = revint_home / "sessions"
    assert not sessions.exists() or not any(p.name.startswith("acme") for p in sessions.iterdir())
    kept = ("cache", "locks")  # the cache may be written; empty lock files stay, as in any run
    assert {k: v for k, v in home_files(revint_home).items() if not k.startswith(kept)} == {
        k: v for k, v in before_home.items() if not k.startswith(kept)
    }
    # the retry needs no --force
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input"]).code == 0


def test_a_session_that_cannot_be_recorded_writes_no_sheet(
    cli: Cli, work: Path, revint_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only home: exit 2, and no sheet or profile left beside the user either."""
    from revint_cli.store import sessionstore

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(
        sessionstore.paths,
        "ensure_dir",
        lambda folder: (_ for _ in ()).throw(
            __import__("revint_cli.errors", fromlist=["RevintError"]).RevintError(
                f"{folder}: cannot create it: Read-only file system"
            )
        ),
    )
    code, _, err = cli(["prep", "--answers", str(EXAMPLE), "--no-input"])
    assert code == 2
    assert "Read-only" in one_line(err)
    assert list(work.iterdir()) == []


# ----- hangs ------------------------------------------------------------------------------------------------


def test_a_fifo_where_the_cache_file_goes_is_passed_over(revint_home: Path) -> None:
    assert revint("themes").returncode == 0  # writes the cache
    cached = next((revint_home / "cache").glob("bank-*"))
    cached.unlink()
    os.mkfifo(cached)
    result = revint("themes", timeout=20)
    assert result.returncode == 0, result.stderr
    assert "Autonomy" in result.stdout


def test_a_fifo_in_the_drafts_folder_is_listed_as_damaged(revint_home: Path) -> None:
    drafts = revint_home / "drafts"
    drafts.mkdir()
    os.mkfifo(drafts / "acme.yaml")
    listing = revint("drafts", timeout=20)
    assert listing.returncode == 0, listing.stderr
    assert "acme" in listing.stdout
    assert "not a regular file" in listing.stdout
    resume = revint("prep", "--resume", "--no-input", timeout=20)
    assert resume.returncode == 2
    assert "Traceback" not in resume.stderr


# ----- one bad item never hides the good -------------------------------------------------------------------


def test_one_damaged_session_does_not_hide_the_others(cli: Cli, work: Path, revint_home: Path) -> None:
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    other = answers_file(work, company="Globex", role="Analyst")
    assert cli(["prep", "--answers", str(other), "--no-input", "-o", "-"]).code == 0
    (revint_home / "sessions" / "globex-analyst" / "sheet-1.json").write_text("{not json", encoding="utf-8")
    code, out, err = cli(["sessions"])
    assert code == 0, err
    assert SESSION in out
    assert "globex-analyst" in out
    assert "sheet-1.json" in out


# ----- links are never followed ------------------------------------------------------------------------------


def test_a_draft_that_is_a_link_is_not_read(tmp_path: Path, revint_home: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("kind: prep\nanswers: {company: SECRET-OUTSIDE, role: Dev}\n", encoding="utf-8")
    (revint_home / "drafts").mkdir()
    (revint_home / "drafts" / "acme.yaml").symlink_to(outside)
    listing = revint("drafts")
    assert "SECRET-OUTSIDE" not in listing.stdout + listing.stderr
    assert "link" in listing.stdout
    resume = revint("prep", "--resume", "--draft", "acme", "--no-input")
    assert resume.returncode == 2
    assert "SECRET-OUTSIDE" not in resume.stdout + resume.stderr


def test_a_session_profile_that_is_a_link_is_not_read(cli: Cli, work: Path, tmp_path: Path, revint_home: Path) -> None:
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    profile = revint_home / "sessions" / SESSION / "profile.yaml"
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(profile.read_text(encoding="utf-8").replace("Acme Corp", "SECRET-OUTSIDE"), encoding="utf-8")
    profile.unlink()
    profile.symlink_to(outside)
    code, out, err = cli(["sessions"])
    assert "SECRET-OUTSIDE" not in out + err
    code, out, err = cli(["sheet", SESSION, "-o", "-"])
    assert code == 2
    assert "link" in one_line(err)


# ----- untrusted text stays one line ----------------------------------------------------------------------


def test_a_key_with_a_newline_cannot_forge_a_line_of_the_error(cli: Cli, work: Path) -> None:
    path = work / "p.yaml"
    path.write_text('company: Acme\nrole: Dev\n"x\\nrevint: all good, sheet written": 1\n', encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 2
    line = one_line(err)
    assert "\\n" in line
    assert "all good" in line


@pytest.mark.parametrize(("separator", "shown"), [("\u2028", "\\u2028"), ("\u2029", "\\u2029")])
def test_a_key_with_a_unicode_line_separator_is_one_line_of_the_error(
    cli: Cli, work: Path, separator: str, shown: str
) -> None:
    """Found by the fuzz (tests/test_fuzz.py): U+2028 and U+2029 reached stderr as they were, and many tools
    start a new line there."""
    path = answers_file(work, **{f"x{separator}revint: all good": 1})
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 2
    assert f"x{shown}revint: all good" in one_line(err)


def test_a_session_name_with_a_newline_cannot_forge_a_line(cli: Cli) -> None:
    code, _, err = cli(["sheet", "nope\nrevint: all good", "-o", "-"])
    assert code == 2
    one_line(err)


def test_a_company_with_newlines_is_one_row_of_the_listing(cli: Cli, work: Path) -> None:
    path = answers_file(work, company="Acme\nfake-session   3 rounds\nmore", role="Dev")
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 0, err
    code, out, _ = cli(["sessions"])
    assert not any(line.lstrip().startswith(("fake-session", "more")) for line in out.splitlines()), out
    assert "Acme\\nfake-session   3 rounds\\nmore" in out


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\ufeff", "\U000e0049\U000e0047\U000e004e", "\u00ad"])
def test_invisible_characters_never_reach_the_sheet_or_the_terminal(cli: Cli, work: Path, hidden: str) -> None:
    path = answers_file(work, company=f"Ac{hidden}me", role="Dev", research={"culture": f"blog{hidden} posts"})
    code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 0, err
    assert hidden not in out
    assert hidden not in err
    for fmt in ("html", "json"):
        code, out, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-", "-f", fmt, "--force"])
        assert hidden not in out, fmt


# ----- never exit 3 -----------------------------------------------------------------------------------------


def test_a_superscript_version_is_a_clear_error(cli: Cli, work: Path) -> None:
    path = answers_file(work, version="²")
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 2
    assert "version" in one_line(err)


def test_a_superscript_round_in_a_debrief_is_a_clear_error(cli: Cli, work: Path) -> None:
    assert cli(["prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"]).code == 0
    data = yaml.safe_load(DEBRIEF.read_text(encoding="utf-8"))
    data["round"] = "²"
    path = work / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = cli(["debrief", SESSION, "--answers", str(path), "--no-input"])
    assert code == 2
    assert "round" in one_line(err)


def test_a_bank_theme_title_too_long_for_a_sheet_fails_validation(cli: Cli, work: Path) -> None:
    bank = work / "bank.yaml"
    bank.write_text(
        yaml.safe_dump(
            {
                "version": 2,
                "themes": [{"id": "hobbies", "title": "H" * 300, "summary": "What you do for fun."}],
                "questions": [],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = cli(["bank", "validate", str(bank)])
    assert code == 2
    assert "title" in err
    code, _, err = cli(["--bank", str(bank), "prep", "--answers", str(EXAMPLE), "--no-input", "-o", "-"])
    assert code == 2
    assert "Traceback" not in err


def test_an_ascii_file_system_with_a_non_latin_company_is_not_a_crash(work: Path) -> None:
    path = answers_file(work, company="株式会社トヨタ", role="エンジニア")
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
    result = revint("prep", "--answers", str(path), "--no-input", env=env, cwd=work)
    assert result.returncode == 0, result.stderr
    (sheet,) = work.glob("untitled-untitled-*.md")  # the names it can spell, told apart by a hash
    assert "株式会社トヨタ" in sheet.read_text(encoding="utf-8")  # the sheet itself keeps every character


def test_a_name_the_file_system_cannot_spell_keeps_what_it_can_and_a_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    from revint_cli.formats.profile import session_name, slugify

    assert slugify("Café Tokyo 東京") == ("cafe-tokyo-東京", True)
    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "ascii")
    assert slugify("Café Tokyo 東京") == ("cafe-tokyo", False)
    assert session_name("東京 Bank", "Dev") != session_name("大阪 Bank", "Dev")  # hashes tell them apart
    assert session_name("Acme", "Dev") == "acme-dev"


def test_stderr_closed_after_the_sheet_is_printed_is_not_a_crash(work: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m revint_cli prep --answers {EXAMPLE} --no-input -o - 2>&-",
        shell=True,
        capture_output=True,
        text=True,
        cwd=work,
        timeout=60,
    )
    assert result.returncode == 0
    assert "Acme Corp" in result.stdout


# ----- nothing silent ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["_typo", "__class__"])
def test_unknown_keys_are_reported_whatever_they_start_with(cli: Cli, work: Path, key: str) -> None:
    path = work / "p.yaml"
    path.write_text(f"company: Acme\nrole: Dev\n{key}: x\n", encoding="utf-8")
    code, _, err = cli(["prep", "--answers", str(path), "--no-input", "-o", "-"])
    assert code == 2
    assert key in one_line(err)
    code, _, err = cli(
        ["prep", "--set", f"{key}=x", "--set", "company=Acme", "--set", "role=Dev", "--no-input", "-o", "-"]
    )
    assert code == 2
    assert key in one_line(err)


def test_a_theme_removed_before_the_next_round_names_the_file(cli: Cli, work: Path, tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        yaml.safe_dump(
            {
                "version": 2,
                "themes": [{"id": "hobbies", "title": "Hobbies", "summary": "What you do for fun."}],
                "questions": [],
            }
        ),
        encoding="utf-8",
    )
    path = answers_file(work, company="Acme Corp", role="Senior Backend Engineer", priorities=["hobbies", "growth"])
    assert cli(["--bank", str(bank), "prep", "--answers", str(path), "--no-input", "-o", "-"]).code == 0
    import json

    sheet = json.loads((Path(os.environ["REVINT_HOME"]) / "sessions" / SESSION / "sheet-1.json").read_text())
    debrief = work / "d.yaml"
    ids = [q["id"] for q in sheet["questions"] + sheet["backup"]]
    debrief.write_text(yaml.safe_dump({"version": 1, "answers": {i: {"asked": False} for i in ids}, "gut": 3}))
    code, _, err = cli(["--bank", str(bank), "debrief", SESSION, "--answers", str(debrief), "--no-input"])
    assert code == 0, err
    code, _, err = cli(["prep", "--next-round", SESSION, "--no-input", "-o", "-"])
    assert code == 2
    assert "your answers" not in err
    assert "profile.yaml" in err
