"""The cache of parsed banks: written and read back for a user on default settings, never a reason to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from revint_cli import paths
from revint_cli.errors import RevintError
from revint_cli.questionbank import cache as bankcache
from revint_cli.questionbank import load

# A second run that must not parse: the YAML parser raises if it is called at all.
_NO_PARSE = """
import sys
from revint_cli import loading
def refuse(*args, **kwargs):
    raise RuntimeError("the bank was parsed again")
loading.parse = refuse
from revint_cli.cli import run
sys.exit(run(["themes"]))
"""


def _default_env(home: Path) -> dict[str, str]:
    """A new user's environment: a fresh HOME and none of revint's or the XDG variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVINT_", "XDG_"))}
    env["HOME"] = str(home)
    return env


def test_a_new_user_on_default_settings_gets_a_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _default_env(home)
    first = subprocess.run(
        [sys.executable, "-m", "revint_cli", "themes"], env=env, capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    cached = list((home / ".cache" / "revint").glob("bank-*.marshal"))
    assert len(cached) == 1
    second = subprocess.run([sys.executable, "-c", _NO_PARSE], env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_the_probe_sees_a_parse(tmp_path: Path) -> None:
    # The check above can fail: with no cache, the refusing parser stops the run.
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _NO_PARSE], env=_default_env(home), capture_output=True, text=True, check=False
    )
    assert done.returncode == 3
    assert "the bank was parsed again" in done.stderr


@pytest.fixture
def default_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Default settings in-process: no REVINT_HOME, a fresh HOME; the cache root it implies."""
    monkeypatch.delenv("REVINT_HOME")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    root = paths.cache_dir()
    assert not root.is_relative_to(paths.home())
    return root


def test_the_cache_outside_the_home_is_written_and_read(default_cache: Path) -> None:
    shipped = load()
    assert len(list(default_cache.glob("bank-*.marshal"))) == 1
    again = load()
    assert again.questions == shipped.questions
    assert again.themes == shipped.themes


def test_a_linked_cache_root_is_never_followed(default_cache: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    default_cache.parent.mkdir(parents=True)
    default_cache.symlink_to(elsewhere)
    with pytest.raises(RevintError, match="symbolic link"):
        paths.checked_dir(default_cache)
    assert load().questions  # the bank still loads, without a cache
    assert list(elsewhere.iterdir()) == []


def test_a_cache_root_that_is_a_file_is_refused_and_skipped(default_cache: Path) -> None:
    default_cache.parent.mkdir(parents=True)
    default_cache.write_text("not a folder")
    with pytest.raises(RevintError, match="not a folder"):
        paths.ensure_dir(default_cache)
    assert load().questions
    assert default_cache.read_text() == "not a folder"


def test_a_folder_outside_both_roots_is_a_bug(default_cache: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="neither inside"):
        paths.checked_dir(tmp_path / "somewhere")


@pytest.fixture(autouse=True)
def empty_cache(revint_home: Path) -> None:
    """These tests start with no cache at all (the other tests start with the shipped bank's)."""
    for cached in (revint_home / "cache").glob("*"):
        cached.unlink()


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"truncated"[:3]])
def test_a_damaged_cache_file_is_ignored_and_rewritten(damage: bytes) -> None:
    shipped = load()
    (cached,) = paths.cache_dir().glob("bank-*.marshal")
    cached.write_bytes(damage)
    assert load().questions == shipped.questions
    assert cached.read_bytes() != damage


def test_a_cache_file_damaged_into_other_data_is_not_used() -> None:
    """A damaged byte inside a title still reads as data, under the right key: the file's digest tells."""
    load()
    (cached,) = paths.cache_dir().glob("bank-*.marshal")
    data = cached.read_bytes()
    assert data.count(b"\x08Autonomy") == 1
    damaged = data.replace(b"\x08Autonomy", b"\x08Aut0nomy")
    cached.write_bytes(damaged)
    assert load().themes["autonomy"].title == "Autonomy"
    assert cached.read_bytes() != damaged  # written again


def test_a_cache_file_of_another_key_is_not_used() -> None:
    load()
    (cached,) = paths.cache_dir().glob("bank-*.marshal")
    key = cached.stem.removeprefix("bank-")
    assert bankcache.read(key + "0" * 32) is None


def test_a_read_only_cache_runs_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise RevintError("cannot write")

    monkeypatch.setattr("revint_cli.fsutil.atomic_write_bytes", refuse)
    assert load().questions
    assert list(paths.cache_dir().glob("*")) == []
