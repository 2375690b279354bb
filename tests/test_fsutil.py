"""Nothing overwritten without --force, nothing half-written: every write is a temp file and a rename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from revint_cli import fsutil
from revint_cli.errors import RevintError
from support_sessions import ACME, EXAMPLES, debrief_examples


class Crash(BaseException):
    """Stands for the process being killed between writing the temp file and renaming it."""


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder of its own (out also holds revint's home)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file(out: Path) -> None:
    target = out / "deep" / "er" / "sheet.md"
    fsutil.atomic_write(target, "héllo 👋\n")
    assert target.read_bytes() == "héllo 👋\n".encode()
    assert leftovers(target.parent) == []


def test_replacing_keeps_the_mode_of_the_old_file(out: Path) -> None:
    target = out / "profile.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    fsutil.atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_temp_file_is_beside_the_target_and_renamed_over_it(out: Path, monkeypatch) -> None:
    seen: list[tuple[Path, Path, str]] = []
    real = fsutil._replace

    def spy(src: Path, dst: Path) -> None:
        seen.append((src, dst, src.read_text(encoding="utf-8")))
        real(src, dst)

    monkeypatch.setattr(fsutil, "_replace", spy)
    target = out / "sheet.md"
    fsutil.atomic_write(target, "complete\n")

    [(src, dst, content)] = seen
    assert dst == target
    assert src.parent == target.parent  # same directory: the rename is atomic, never a copy across disks
    assert src.name.startswith(".sheet.md.")
    assert content == "complete\n"  # fully written (and flushed) before the rename
    assert not src.exists()


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), Crash()], ids=["disk-full", "killed"])
@pytest.mark.parametrize("where", ["_replace", "fsync"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temp(out: Path, monkeypatch, failure, where) -> None:
    target = out / "sheet.md"
    target.write_text("the old sheet\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise failure

    if where == "_replace":
        monkeypatch.setattr(fsutil, "_replace", fail)
    else:
        monkeypatch.setattr(fsutil.os, "fsync", fail)

    expected = RevintError if isinstance(failure, OSError) else Crash
    with pytest.raises(expected) as caught:
        fsutil.atomic_write(target, "the new sheet, half of it\n")

    if expected is RevintError:
        assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "the old sheet\n"
    assert sorted(p.name for p in out.iterdir()) == ["sheet.md"]


def test_an_interrupted_first_write_leaves_nothing(out: Path, monkeypatch) -> None:
    monkeypatch.setattr(fsutil, "_replace", lambda src, dst: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        fsutil.atomic_write(out / "sheet.md", "x")
    assert list(out.iterdir()) == []


def test_without_force_an_existing_file_is_an_error_and_untouched(out: Path) -> None:
    target = out / "sheet.md"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(RevintError, match="already exists; use --force"):
        fsutil.atomic_write(target, "theirs\n", force=False)
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_folder_that_cannot_be_made_is_a_clear_error(out: Path) -> None:
    blocker = out / "notes.txt"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    with pytest.raises(RevintError, match=r"notes.txt/sheet.md: cannot write: "):
        fsutil.atomic_write(blocker / "sheet.md", "x")


# ----- through the CLI -----------------------------------------------------------------------------------


def test_prep_does_not_replace_a_sheet_or_profile_without_force(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    sheet = tmp_path / "acme-corp-senior-backend-engineer.md"
    profile = tmp_path / "acme-corp-senior-backend-engineer.profile.yaml"
    for existing in ([sheet], [profile], [sheet, profile]):
        for path in (sheet, profile):
            path.unlink(missing_ok=True)
        for path in existing:
            path.write_text(f"my own {path.name}\n", encoding="utf-8")

        code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml")])

        assert code == 2
        assert "use --force to replace" in err
        for path in existing:
            assert path.name in err
            assert path.read_text(encoding="utf-8") == f"my own {path.name}\n"
        assert [p for p in (sheet, profile) if p.exists()] == existing  # the other one was not written either

    code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), "--force"])
    assert code == 0, err
    assert sheet.read_text(encoding="utf-8").startswith("# Reverse interview: ")
    assert profile.read_text(encoding="utf-8").startswith("# revint profile")


def test_prep_interrupted_while_writing_keeps_the_old_files(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    sheet = tmp_path / "acme-corp-senior-backend-engineer.md"
    sheet.write_text("the old sheet\n", encoding="utf-8")

    def full(src: Path, dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil, "_replace", full)
    code, _, err = cli(["prep", "--answers", str(EXAMPLES / "acme-backend.yaml"), "--force"])

    assert code == 2
    assert err == f"{sheet.name}: cannot write: No space left on device\n"
    assert sheet.read_text(encoding="utf-8") == "the old sheet\n"
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "acme-corp-senior-backend-engineer.profile.yaml").exists()


def test_every_file_revint_writes_goes_through_a_rename(cli, tmp_path: Path, revint_home: Path, monkeypatch) -> None:
    """prep, debrief, a next round and a draft: each file that exists afterwards was renamed into place."""
    from revint_cli.store import draftstore as drafts

    renamed: set[Path] = set()
    real = fsutil._replace

    def spy(src: Path, dst: Path) -> None:
        assert src.resolve().parent == dst.resolve().parent
        renamed.add(dst.resolve())
        real(src, dst)

    monkeypatch.setattr(fsutil, "_replace", spy)
    work = tmp_path / "work"
    work.mkdir()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    monkeypatch.chdir(work)

    debrief_examples(cli, revint_home, inputs)
    code, _, err = cli(["prep", "--next-round", ACME, "--no-input", "-o", "next.md"])
    assert code == 0, err
    drafts.Recorder("prep")({"company": "Hooli"})

    seeded = revint_home / "cache"  # the shipped bank's cache, copied in by the test fixture
    locks = revint_home / "locks"  # empty lock files, opened but never written
    written = {
        p.resolve()
        for folder in (work, revint_home)
        for p in folder.rglob("*")
        if p.is_file() and seeded not in p.parents and locks not in p.parents
    }
    assert written  # sheets, profiles, sessions, debriefs, a draft
    assert written <= renamed, f"written without a rename: {sorted(map(str, written - renamed))}"
    assert {p.suffix for p in written} >= {".md", ".yaml", ".json"}
    assert all(not p.name.endswith(".tmp") for p in written)


def test_mode_of_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        fsutil.atomic_write(tmp_path / "new.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o640
