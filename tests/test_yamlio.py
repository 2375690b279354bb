"""Strict YAML reading (yamlio) and reading users' files (loading): every refusal names the line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from revint_cli import loading, yamlio
from revint_cli.errors import ExitCode, RevintError

HAS_LIBYAML = hasattr(yaml, "CSafeLoader")


@pytest.fixture(
    params=[
        pytest.param("libyaml", marks=pytest.mark.skipif(not HAS_LIBYAML, reason="PyYAML built without libyaml")),
        "pure-python",
    ]
)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the libyaml event parser and with PyYAML's pure-Python one: both must behave the same."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)
    else:
        monkeypatch.setattr(yamlio, "_Loader", yaml.CSafeLoader)
    return str(request.param)


def parse_error(text: str, label: str = "f.yaml") -> str:
    """The one-line message of loading.parse refusing `text`."""
    with pytest.raises(RevintError) as caught:
        loading.parse(text, label)
    assert caught.value.code == ExitCode.USAGE
    return caught.value.message


def read_error(path: Path) -> str:
    with pytest.raises(RevintError) as caught:
        loading.read_text(path)
    assert caught.value.code == ExitCode.USAGE
    return caught.value.message


# ----- what plain YAML turns into ----------------------------------------------------------------------


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "typed",
    [
        "NO",
        "no",
        "yes",
        "On",
        "off",
        "true",
        "1.10",
        "1.0",
        "007",
        "0x1F",
        "0o17",
        "1e3",
        ".inf",
        "2026-12-01",
        "12:30",
    ],
)
def test_scalars_stay_the_text_that_was_typed(typed: str) -> None:
    # YAML 1.1 would turn these into booleans, floats, ints or dates; the models decide instead.
    assert yamlio.parse(f"value: {typed}\n").data == {"value": typed}


@pytest.mark.usefixtures("loader")
def test_company_no_and_role_one_point_ten_stay_strings() -> None:
    doc = loading.parse("company: NO\nrole: 1.10\n", "profile.yaml")
    assert doc.data == {"company": "NO", "role": "1.10"}
    assert isinstance(doc.data["company"], str)
    assert isinstance(doc.data["role"], str)


@pytest.mark.usefixtures("loader")
def test_nulls_and_quoted_strings() -> None:
    doc = yamlio.parse("a:\nb: ~\nc: null\nd: ''\ne: 'null'\nf: \"~\"\ng: !!null x\nh: !!str 5\n")
    assert doc.data == {"a": None, "b": None, "c": None, "d": "", "e": "null", "f": "~", "g": None, "h": "5"}


@pytest.mark.usefixtures("loader")
def test_lines_of_nested_values() -> None:
    text = "a:\n- id: x\n  b: [1, 2]\n- id: y\n  c:\n    d: 1\n"
    doc = yamlio.parse(text)
    assert doc.data == {"a": [{"id": "x", "b": ["1", "2"]}, {"id": "y", "c": {"d": "1"}}]}
    assert doc.lines[("a",)] == 1
    assert doc.lines[("a", 0)] == 2
    assert doc.lines[("a", 0, "b", 1)] == 3
    assert doc.lines[("a", 1, "id")] == 4
    assert doc.lines[("a", 1, "c", "d")] == 6
    # A missing key is reported where its mapping starts.
    assert doc.line_of(("a", 1, "missing")) == 4


def test_dump_round_trips_the_strings_that_look_like_other_types() -> None:
    data = {"company": "NO", "role": "1.10", "when": "2026-12-01", "empty": "", "nothing": None, "text": "Déjà vu?"}
    assert yamlio.parse(yamlio.dump(data)).data == data


# ----- what is refused, and where ------------------------------------------------------------------------


@pytest.mark.usefixtures("loader")
def test_anchor_refused_with_its_line() -> None:
    assert parse_error("a: 1\nb: &shared [1, 2]\nc: *shared\n") == "f.yaml:2: YAML anchors (&shared) are not allowed"


@pytest.mark.usefixtures("loader")
def test_alias_refused_with_its_line() -> None:
    message = parse_error("a: 1\nb: [2]\nc: *shared\n")
    assert message == "f.yaml:3: YAML aliases (*name) are not allowed; write the value out"


@pytest.mark.usefixtures("loader")
def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    text = 'a: &a ["lol", "lol"]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n'
    assert parse_error(text) == "f.yaml:1: YAML anchors (&a) are not allowed"


@pytest.mark.usefixtures("loader")
def test_duplicate_key_reported_with_both_lines() -> None:
    text = "company: Acme\nrole: Engineer\ncompany: Globex\n"
    doc = loading.parse(text, "f.yaml")
    assert doc.data["company"] == "Acme"  # the first one stays; the second is a problem, not an overwrite
    lines = loading.format_problems("f.yaml", doc, doc.problems)
    assert lines == ["f.yaml:3: company: duplicate key 'company' (first at line 1)"]


@pytest.mark.usefixtures("loader")
def test_duplicate_keys_nested_and_repeated_three_times() -> None:
    text = "q:\n- id: a\n  text: one\n  text: two\n  why: x\n  text: three\n"
    doc = loading.parse(text, "f.yaml")
    assert loading.format_problems("f.yaml", doc, doc.problems) == [
        "f.yaml:4: q[0].text: duplicate key 'text' (first at line 3)",
        "f.yaml:6: q[0].text: duplicate key 'text' (first at line 3, again at line 4)",
    ]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: 1\nb: !!python/object/apply:os.system ['echo hi']\n", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("a: 1\nb: !!python/name:os.system\n", "tag:yaml.org,2002:python/name:os.system"),
        ("a: 1\nb: !custom value\n", "!custom"),
        ("a: 1\nb: !!binary aGk=\n", "tag:yaml.org,2002:binary"),
        ("a: 1\nb: !!set {x, y}\n", "tag:yaml.org,2002:set"),
        ("a: 1\nb: !<tag:example.com,2026:thing> {x: 1}\n", "tag:example.com,2026:thing"),
    ],
)
def test_custom_and_python_tags_refused_with_their_line(text: str, tag: str) -> None:
    assert parse_error(text) == f"f.yaml:2: YAML tag {tag} is not allowed"


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_deep_nesting_is_our_error_not_recursion_error(opening: str) -> None:
    text = opening * 10_000
    message = parse_error(text)  # a RecursionError would escape pytest.raises(RevintError) and fail the test
    assert message == f"f.yaml:1: nested deeper than {yamlio.MAX_DEPTH} levels"


@pytest.mark.usefixtures("loader")
def test_nesting_limit_is_exact() -> None:
    depth = yamlio.MAX_DEPTH
    ok = yamlio.parse("[" * depth + "x" + "]" * depth).data
    for _ in range(depth - 1):
        ok = ok[0]
    assert ok == ["x"]
    with pytest.raises(yamlio.YamlSyntaxError, match="nested deeper"):
        yamlio.parse("[" * (depth + 1) + "]" * (depth + 1))


@pytest.mark.usefixtures("loader")
def test_deep_block_nesting_reports_the_line_where_the_limit_is_crossed() -> None:
    text = "".join(f"{' ' * i}k{i}:\n" for i in range(40)) + " " * 40 + "leaf: 1\n"
    # The root mapping plus k0..k30 are 32 levels: the mapping under k31, on line 33, is one too many.
    assert parse_error(text) == f"f.yaml:33: nested deeper than {yamlio.MAX_DEPTH} levels"


@pytest.mark.usefixtures("loader")
def test_second_document_refused() -> None:
    assert parse_error("a: 1\n---\nb: 2\n") == "f.yaml:2: only one YAML document is allowed (found a second '---')"
    assert loading.parse("---\na: 1\n", "f.yaml").data == {"a": "1"}


@pytest.mark.usefixtures("loader")
def test_list_or_mapping_as_a_key_refused() -> None:
    assert parse_error("a: 1\n? [x, y]\n: 2\n") == "f.yaml:2: a mapping key must be a plain word, not a list or mapping"


@pytest.mark.usefixtures("loader")
def test_syntax_error_has_line_and_column() -> None:
    message = parse_error("company: Acme\nrole: Engineer\n  stage: final\n")
    assert re.fullmatch(
        r"f\.yaml:3:8: YAML syntax error: mapping values are not allowed (in this context|here)", message
    )


@pytest.mark.usefixtures("loader")
def test_unclosed_flow_list_is_a_syntax_error_with_a_line() -> None:
    message = parse_error("a: [1, 2\nb: 3\n")
    assert re.fullmatch(r"f\.yaml:2:\d+: YAML syntax error: .+", message), message


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("char", "code"), [("\x00", "0000"), ("\x07", "0007"), ("\x1b", "001B")])
def test_control_character_refused_with_its_line(char: str, code: str) -> None:
    # Non-ASCII text before it: libyaml counts positions in bytes, which must not shift the line.
    message = parse_error(f"a: café — ok\nb: déjà\nc: x{char}y\n")
    assert message.startswith(f"f.yaml:3: character U+{code} is not allowed in YAML: ")
    assert "\n" not in message


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("text", "line"),
    [("- a\n- b\n", 1), ("just some text\n", 1), ("# a comment\n\n- a\n", 3), ("---\n~\n", 2)],
)
def test_top_level_must_be_a_mapping(text: str, line: int) -> None:
    assert parse_error(text) == f"f.yaml:{line}: expected a mapping of keys to values at the top level"


# ----- reading files -----------------------------------------------------------------------------------


def test_reads_a_file_and_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfcompany: Acme\n")
    assert loading.parse(loading.read_text(path), str(path)).data == {"company": "Acme"}


@pytest.mark.parametrize(
    ("data", "line", "byte"),
    [
        (b"company: Acme\nrole: caf\xe9\n", 2, "e9"),  # Latin-1
        (b"a: 1\nb: 2\nc: 3\n\nd: \xff\xfe\n", 5, "ff"),
        (b"\xff\xfea\x00:\x00 \x001\x00\n\x00", 1, "ff"),  # UTF-16
        (b"\xef\xbb\xbfa: 1\nb: x\xc3\n", 2, "c3"),  # a BOM, then a cut multi-byte character
        (b"\xef\xbb\xbfa: 1\n\xff: 2\n", 2, "ff"),  # the BOM must not shift the byte shown
    ],
)
def test_not_utf8_names_the_line_and_byte(tmp_path: Path, data: bytes, line: int, byte: str) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(data)
    assert read_error(path) == f"{path}:{line}: not UTF-8 text (byte 0x{byte}); save the file as UTF-8"


@pytest.mark.parametrize(
    "content", [b"", b"\n\n", b"   \n\t\n", b"# only a comment\n", b"# one\n  # two, indented\n\n# three"]
)
def test_empty_or_comment_only_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(content)
    assert read_error(path) == f"{path}: the file is empty"


def test_directory(tmp_path: Path) -> None:
    assert read_error(tmp_path) == f"{tmp_path}: is a directory, not a YAML file"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert read_error(path) == f"{path}: no such file"


def test_missing_parent_directory(tmp_path: Path) -> None:
    path = tmp_path / "no-such-dir" / "bank.yaml"
    assert read_error(path) == f"{path}: no such file"


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user can read a mode-000 file (running as root?)")
        assert read_error(path) == f"{path}: permission denied (cannot read it)"
    finally:
        path.chmod(0o600)


def test_permission_error_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same refusal as above, simulated, so that it is checked even where the tests run as root.
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert read_error(path) == f"{path}: permission denied (cannot read it)"


def test_over_5_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"a: " + b"x" * loading.MAX_BYTES + b"\n")
    assert read_error(path) == f"{path}: too large (at most 5 MB)"


def test_exactly_5_mb_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    head = b"a: 1\n#"
    path.write_bytes(head + b"x" * (loading.MAX_BYTES - len(head)))
    assert path.stat().st_size == loading.MAX_BYTES
    assert loading.parse(loading.read_text(path), str(path)).data == {"a": "1"}


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_too_large_not_a_hang() -> None:
    # A device reports size 0, so only a bounded read stops it from filling the memory.
    assert read_error(Path("/dev/zero")) == "/dev/zero: too large (at most 5 MB)"


def test_load_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    from pydantic import BaseModel, ConfigDict

    class Small(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str
        count: int

    path = tmp_path / "small.yaml"
    path.write_text("# a small file\nname: [not, text]\ncount: many\ncolour: blue\n", encoding="utf-8")
    with pytest.raises(RevintError) as caught:
        loading.load(path, Small)
    assert caught.value.message.splitlines() == [
        f"{path}:2: name: must be text, not a list or mapping",
        f"{path}:3: count: must be a whole number, not 'many'",
        f"{path}:4: colour: unknown key 'colour' (known: name, count)",
        "3 problems",
    ]
    path.write_text("name: x\ncount: 3\n", encoding="utf-8")
    model, doc = loading.load(path, Small)
    assert (model.name, model.count) == ("x", 3)
    assert doc.lines[("count",)] == 2
