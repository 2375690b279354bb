"""store.transaction: several files written as one, all of them or none."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from revint_cli.errors import RevintError
from revint_cli.store.transaction import Writes


def writes(*items: tuple[Path, str, bool]) -> Writes:
    batch = Writes()
    for path, text, replace in items:
        batch.add(path, text, replace=replace, make_folder=True)  # as revint's own files: folders are made
    return batch


def test_every_file_is_written(work: Path) -> None:
    writes((work / "a.md", "A", False), (work / "deep" / "b.json", "B", False)).commit()
    assert (work / "a.md").read_text() == "A"
    assert (work / "deep" / "b.json").read_text() == "B"


def test_clashes_are_named_together_before_anything_is_written(work: Path) -> None:
    (work / "a.md").write_text("old a")
    (work / "b.md").write_text("old b")
    batch = writes((work / "new.md", "N", False), (work / "a.md", "A", False), (work / "b.md", "B", False))
    with pytest.raises(RevintError) as err:
        batch.commit()
    assert err.value.message == (
        f"{work / 'a.md'} and {work / 'b.md'} already exist; use --force to replace them, or -o to write elsewhere"
    )
    assert not (work / "new.md").exists()
    assert (work / "a.md").read_text() == "old a"


def test_one_clash_is_worded_in_the_singular(work: Path) -> None:
    (work / "a.md").write_text("old")
    with pytest.raises(RevintError, match=r"a\.md already exists; use --force to replace it"):
        writes((work / "a.md", "A", False)).commit()


def test_a_full_disk_at_any_file_leaves_nothing_behind(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "kept.md").write_text("old")
    real = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    batch = writes((work / "kept.md", "new", True), (work / "sub" / "b.md", "B", False))
    with pytest.raises(RevintError, match="No space left on device"):
        batch.commit()
    assert sorted(p.name for p in work.iterdir()) == ["kept.md"]
    assert (work / "kept.md").read_text() == "old"


def test_a_failed_move_puts_back_what_was_replaced(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "a.md").write_text("old a")
    real = os.replace
    calls = {"n": 0}

    def replace(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # a.md's backup, a.md, then b.md fails
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(RevintError, match="Input/output error"):
        writes((work / "a.md", "new a", True), (work / "b.md", "B", False)).commit()
    monkeypatch.setattr(os, "replace", real)
    assert (work / "a.md").read_text() == "old a"
    assert sorted(p.name for p in work.iterdir()) == ["a.md"]


def test_a_link_is_never_replaced(work: Path) -> None:
    target = work / "target.md"
    target.write_text("theirs")
    (work / "link.md").symlink_to(target)
    with pytest.raises(RevintError, match="not a regular file"):
        writes((work / "link.md", "mine", True)).commit()
    assert target.read_text() == "theirs"


def test_a_folder_the_user_names_must_exist_while_revints_own_are_made(tmp_path: Path) -> None:
    from revint_cli.errors import RevintError

    batch = Writes()
    batch.add(tmp_path / "no-such-dir" / "x.md", "sheet", replace=False)
    with pytest.raises(RevintError, match="no-such-dir: no such folder; create it first, or choose another -o"):
        batch.commit()
    assert not (tmp_path / "no-such-dir").exists()
    kept = Writes()
    kept.add(tmp_path / "home" / "sessions" / "s" / "profile.yaml", "x", replace=True, make_folder=True)
    kept.commit()
    assert (tmp_path / "home" / "sessions" / "s" / "profile.yaml").read_text() == "x"
