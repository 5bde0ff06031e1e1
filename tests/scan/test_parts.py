"""Big files scanned in parts by several workers: cut points, line numbers, CSV headers,
per-file caps and column results are the same as a scan in one piece."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from auditor.scan import api
from auditor.scan.baseline import SourceLines
from auditor.scan.walk import iter_lines, line_parts
from tests.scan.conftest import scan, values

NAMES = ["Jane Doe", "Li Wei", "Ana García", "Tom O'Brien"]
CARD = "4111 1111 1111 1111"
CN_ID = "110101199003074477"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_parts_cover_the_file_at_line_ends(tmp_path: Path, newline: str) -> None:
    rng = random.Random(7)
    path = tmp_path / "f.txt"
    lines = ["x" * rng.randint(0, 90) + "中文" * rng.randint(0, 3) for _ in range(500)]
    path.write_bytes(newline.join(lines).encode("utf-8"))
    whole = list(iter_lines(path, "utf-8"))
    for part_bytes in (1, 64, 1000, 10_000_000):
        for block in (5, 4096, 1 << 20):
            parts = line_parts(path, part_bytes, block=block)
            assert parts[0][0] == 0 and parts[-1][1] == path.stat().st_size
            assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
            pieced = [
                row
                for start, end, first in parts
                for row in iter_lines(path, "utf-8", part=(start, end), first_line=first)
            ]
            assert pieced == whole


def test_lone_carriage_returns_are_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"a\rb\rc\nd\n" * 100)
    assert line_parts(path, 8) == [(0, path.stat().st_size, 1)]


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "PART_BYTES", 2048)


def _write_big(tmp_path: Path) -> Path:
    rng = random.Random(3)
    root = tmp_path / "big"
    root.mkdir()
    with (root / "log.txt").open("w", encoding="utf-8") as fh:
        for i in range(600):
            name = rng.choice(NAMES)
            fh.write(f"2024-03-0{i % 9 + 1} ticket {i}: Dear {name}, card {CARD} noted.\n")
            if i % 7 == 0:
                fh.write(f"身份证号{CN_ID}，谢谢\n")
    with (root / "people.csv").open("w", encoding="utf-8") as fh:
        fh.write("full_name,身份证号,note\n")
        for i in range(400):
            fh.write(f"{rng.choice(NAMES)},{CN_ID},row {i}\n")
    with (root / "chat.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(f'{{"id": {i}, "text": "mail jane{i}@example.com or call +44 20 7946 0958"}}\n')
    return root


def test_parts_give_the_same_results_as_one_piece(tmp_path: Path, small_parts: None) -> None:
    root = _write_big(tmp_path)
    assert all(len(api._parts(t, None)) > 3 for t in api.discover([root]))
    one = scan(root, jobs=1)
    two = scan(root, jobs=2)
    assert one.model_dump() == two.model_dump()
    csv = next(f for f in two.files if f.path.endswith("people.csv"))
    assert csv.records == 400  # the header is read once, not once per part
    assert csv.pii_columns == {"full_name": "PERSON", "身份证号": "CN_RESIDENT_ID"}
    # positions in later parts point at the values in the file
    found = values(two, root)
    assert ("CN_RESIDENT_ID", CN_ID) in found and ("CREDIT_CARD", CARD) in found
    assert found.count(("PHONE_NUMBER", "+44 20 7946 0958")) == 300


def test_per_file_cap_holds_across_parts(
    tmp_path: Path, small_parts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "MAX_FINDINGS_PER_FILE", 50)
    root = _write_big(tmp_path)
    res = scan(root / "chat.jsonl", jobs=2)
    (info,) = res.files
    assert len(res.findings) == 50
    assert info.findings_dropped == sum(info.counts.values()) - 50 == 550


def test_source_lines_keep_only_the_lines_with_findings(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text(
        "".join(
            f"mail jane{i}@example.com\n" if i % 10 == 0 else "nothing here\n" for i in range(1000)
        ),
        encoding="utf-8",
    )
    res = scan(path)
    source = SourceLines(res)
    assert [source.value(f) for f in res.findings[:2]] == ["jane0@example.com", "jane10@example.com"]
    assert sorted(source._lines[res.findings[0].path]) == list(range(1, 1000, 10))


def test_source_lines_count_lines_like_the_scanner(tmp_path: Path) -> None:
    path = tmp_path / "sep.txt"
    # U+2028 and a form feed are no line ends for the scanner (str.splitlines says they are)
    path.write_text("intro \u2028 more \x0c text\nmail jane.doe@example.com\n", encoding="utf-8")
    res = scan(path)
    (finding,) = res.findings
    assert finding.line == 2
    assert SourceLines(res).value(finding) == "jane.doe@example.com"
