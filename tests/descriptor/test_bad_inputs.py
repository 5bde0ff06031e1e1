"""Every bad descriptor a user could hand us: exit code 2, one line per problem, no traceback.

The corpus is tests/bad_inputs/*.yaml (one problem per file, named after it) plus a few cases
that cannot be committed sensibly (a 6 MB file, a folder, a device), generated under tmp_path.
Each runs `python -m auditor check FILE` in its own subprocess; the subprocesses run two at a
time in one module fixture so the corpus costs a few seconds, not a minute.
"""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "bad_inputs"


@dataclass(frozen=True)
class Expect:
    lines: tuple[int | None, ...]  # the line of each problem, in order; None: no line applies
    message: str  # a piece of the (first) message that tells the user what to do


# One entry per corpus file; a new bad input without an entry fails test_every_file_has_an_expectation.
EXPECTATIONS: dict[str, Expect] = {
    "absolute_dataset_path.yaml": Expect((8, 9), "'/home/reviewer/.ssh' is absolute"),
    "alias_bomb.yaml": Expect((11,), "alias bomb"),
    "binary.yaml": Expect((None,), "binary file"),
    "binary_value.yaml": Expect((5,), "binary (!!binary) values are not allowed"),
    "capitalised_enum.yaml": Expect(
        (5,), "'Implemented' is not allowed (did you mean 'implemented'?)"
    ),
    "comments_only.yaml": Expect((None,), "empty file"),
    "complex_key.yaml": Expect((4,), "mapping keys must be plain scalars"),
    "control_character.yaml": Expect((4,), "U+0007 is not allowed"),
    "custom_tag.yaml": Expect((4,), "could not determine a constructor for the tag '!Ref'"),
    "datetime_for_date.yaml": Expect(
        (5,), "deployment.launch_date: Datetimes provided to dates should have zero time"
    ),
    "duplicate_keys.yaml": Expect((8,), "duplicate key 'markets' (the first is on line 6)"),
    "duplicate_section.yaml": Expect((9,), "duplicate key 'controls' (the first is on line 5)"),
    "empty.yaml": Expect((None,), "empty file"),
    "empty_section.yaml": Expect((3,), "system: is empty: fill it in"),
    "empty_system_name.yaml": Expect((3,), "system.name: String should have at least 1 character"),
    "evidence_not_a_list.yaml": Expect((7,), "evidence: expected a list, e.g. [docs/oversight.md]"),
    "flow_mapping_comma.yaml": Expect((6,), "unknown key 'Sweden Central'"),
    "full_width_colon.yaml": Expect((3,), "full-width colon"),
    "infinite_number.yaml": Expect(
        (6, 8), "model.training_compute_flops: Input should be a finite number"
    ),
    "invalid_country_name.yaml": Expect(
        (4,), "'Germany' is not an ISO 3166-1 alpha-2 country code"
    ),
    "invalid_date.yaml": Expect((5,), "invalid value '2026-02-30': day is out of range for month"),
    "invalid_date_month.yaml": Expect((7,), "invalid value '2027-13-01'"),
    "invalid_date_text.yaml": Expect((5,), "deployment.launch_date: Input should be a valid date"),
    "invalid_market.yaml": Expect((6,), "'UK' is not a market code (did you mean 'GB'?)"),
    "invalid_us_state.yaml": Expect((5,), "'US-CAL' is not a market code"),
    "latin1.yaml": Expect((3,), "byte 0xe9 is not UTF-8; save the file as UTF-8"),
    "lowercase_market.yaml": Expect((5, 5), "'eu' is not a market code (did you mean 'EU'?)"),
    "line_break_in_value.yaml": Expect(
        (6, 7), "deployment.audience: 'public\\nfacing' is not allowed"
    ),
    "malformed_bad_indent.yaml": Expect((5,), "mapping values are not allowed here"),
    "malformed_unclosed_bracket.yaml": Expect((7,), "expected ',' or ']'"),
    "merge_key_scalar.yaml": Expect((2,), "expected a mapping or list of mappings for merging"),
    "missing_schema.yaml": Expect((1,), "missing 'schema: auditor/deployment/v1'"),
    "missing_system.yaml": Expect((1,), "system: required field is missing"),
    "missing_system_name.yaml": Expect((2,), "system.name: required field is missing"),
    "misspelt_control_status.yaml": Expect(
        (5,), "'implmented' is not allowed (did you mean 'implemented'?)"
    ),
    "misspelt_enum.yaml": Expect((6,), "'publik' is not allowed (did you mean 'public'?)"),
    "misspelt_use_case.yaml": Expect((4,), "(did you mean 'employment.recruitment'?)"),
    "multiple_documents.yaml": Expect((4,), "expected a single document"),
    "negative_count.yaml": Expect((5,), "greater than or equal to 0"),
    "nested_too_deep.yaml": Expect((6,), "nested more than 64 levels deep"),
    "non_string_control_key.yaml": Expect((5,), "controls.1: expected text, got the int 1"),
    "null_document.yaml": Expect((1,), "top level is null"),
    "null_key.yaml": Expect((4,), "mapping keys must be plain scalars"),
    "python_object_tag.yaml": Expect(
        (4,), "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
    ),
    "rate_as_percent.yaml": Expect((6,), "refusal_rate: Input should be less than or equal to 1"),
    "recursive_alias.yaml": Expect((5,), "recursive YAML alias"),
    "schema_not_text.yaml": Expect((1,), "unknown schema '1'"),
    "several_problems.yaml": Expect((5, 7, 8), "system.role: 'vendor' is not allowed"),
    "surrogate_escape.yaml": Expect((3,), "system.name: Input should be a valid string"),
    "tab_indented.yaml": Expect((3,), "YAML does not allow tabs"),
    "top_level_list.yaml": Expect((1,), "top level is a list"),
    "top_level_scalar.yaml": Expect((1,), "top level is plain text"),
    "unknown_control_attribute.yaml": Expect(
        (7,), "unknown key 'auditr' (did you mean 'auditor'?)"
    ),
    "unknown_nested_key.yaml": Expect(
        (5,), "unknown key 'conversationl' (did you mean 'conversational'?)"
    ),
    "unknown_top_level_key.yaml": Expect((4,), "unknown key 'contorls' (did you mean 'controls'?)"),
    "utf16_no_bom.yaml": Expect((None,), "UTF-16 text without a byte-order mark"),
    "version_as_number.yaml": Expect(
        (5,), "expected text, got the float 2.1; put the value in quotes"
    ),
    "waivers_not_a_list.yaml": Expect((4,), "waivers: Input should be a valid list"),
    "windows1252.yaml": Expect((4,), "byte 0x92 is not UTF-8"),
    "wrong_schema_version.yaml": Expect((1,), "unknown schema 'auditor/deployment/v2'"),
    "wrong_type_bool.yaml": Expect(
        (5,), "capabilities.conversational: Input should be a valid boolean"
    ),
    "wrong_type_int.yaml": Expect(
        (5,), "deployment.monthly_active_users: Input should be a valid integer"
    ),
    "wrong_type_list.yaml": Expect((5,), "outputs: expected a list, e.g. [text]"),
    "wrong_type_section.yaml": Expect((3,), "system: expected a mapping of 'key: value' lines"),
    "zero_width_key.yaml": Expect((2, 3), "system.name: required field is missing"),
}

# Cases built at run time: name -> (how to make it under a tmp folder, expectation).
GENERATED: dict[str, Expect] = {
    "huge.yaml": Expect((None,), "the limit is 5,242,880"),
    "a folder.yaml": Expect((None,), "is a folder"),
    "missing.yaml": Expect((None,), "no such file"),
    "deeply_nested.yaml": Expect((None,), "nested too deeply"),
    "/dev/null": Expect((None,), "not a regular file"),
    "symlink_loop.yaml": Expect((None,), "no such file"),
}


def _make_generated(folder: Path) -> dict[str, Path]:
    huge = folder / "huge.yaml"
    # Valid YAML padded with comments to 6 MB: only the size limit may refuse it.
    with huge.open("w", encoding="utf-8") as out:
        out.write("schema: auditor/deployment/v1\nsystem:\n  name: HireRank\n")
        out.write(("# " + "padding " * 12 + "\n") * 64_000)
    (folder / "a folder.yaml").mkdir()
    deep = folder / "deeply_nested.yaml"
    deep.write_text(
        "schema: auditor/deployment/v1\nextensions: " + "[" * 20_000 + "]" * 20_000 + "\n"
    )
    loop = folder / "symlink_loop.yaml"
    loop.symlink_to(loop)
    return {
        "huge.yaml": huge,
        "a folder.yaml": folder / "a folder.yaml",
        "missing.yaml": folder / "missing.yaml",
        "deeply_nested.yaml": deep,
        "/dev/null": Path("/dev/null"),
        "symlink_loop.yaml": loop,
    }


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory, run_cli
) -> dict[str, tuple[str, subprocess.CompletedProcess[str]]]:
    """name -> (the path as given on the command line, the finished `auditor check` run)."""
    generated = _make_generated(tmp_path_factory.mktemp("generated"))
    targets = {name: str(Path("tests/bad_inputs") / name) for name in EXPECTATIONS}
    targets.update({name: str(path) for name, path in generated.items()})
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {name: pool.submit(run_cli, "check", target) for name, target in targets.items()}
        return {name: (targets[name], future.result()) for name, future in futures.items()}


def test_every_file_has_an_expectation() -> None:
    on_disk = {p.name for p in BAD.glob("*.yaml")}
    assert on_disk == set(EXPECTATIONS), (
        "add new bad inputs to EXPECTATIONS (and remove deleted ones)"
    )


@pytest.mark.parametrize("name", sorted(EXPECTATIONS) + sorted(GENERATED))
def test_bad_input_is_refused_with_one_clear_line(name: str, runs: dict) -> None:
    target, result = runs[name]
    expect = EXPECTATIONS.get(name) or GENERATED[name]
    assert result.returncode == 2, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    assert ": ok" not in result.stdout
    lines = result.stderr.splitlines()
    # One line per problem, each `FILE[:LINE[:COL]]: message`, never wrapped onto a second line.
    assert len(lines) == len(expect.lines), result.stderr
    for text, line in zip(lines, expect.lines, strict=True):
        assert text.startswith(f"{target}:"), text
        got = text[len(target) + 1 :]
        if line is None:
            assert not re.match(r"\d+:", got), f"no line expected: {text}"
        else:
            assert got.startswith(f"{line}:"), f"expected line {line}: {text}"
    assert expect.message in lines[0], lines[0]


def test_raw_control_characters_never_reach_the_terminal(runs: dict) -> None:
    for _target, result in runs.values():
        assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_several_files_report_each_and_exit_2(run_cli, sample_descriptors: list[Path]) -> None:
    good = sample_descriptors[0].relative_to(REPO)
    result = run_cli(
        "check", "tests/bad_inputs/misspelt_enum.yaml", good, "tests/bad_inputs/empty.yaml"
    )
    assert result.returncode == 2
    assert f"{good}: ok" in result.stdout
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == [
        "tests/bad_inputs/misspelt_enum.yaml",
        "tests/bad_inputs/empty.yaml",
    ]


def test_no_arguments_is_a_usage_error(run_cli) -> None:
    result = run_cli("check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
