"""render(): dispatch, atomic writes, determinism and the `auditor report` command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.errors import AuditorError
from auditor.report import render as render_module
from auditor.report.render import FORMATS, render, write_atomic
from auditor.report.results import Results
from tests.conftest import run_auditor
from tests.report.conftest import EPOCH, SAMPLE


@pytest.mark.parametrize("fmt", ["html", "sarif", "junit", "md"])
def test_text_formats_are_byte_identical_across_runs(
    fmt: str,
    sample: Results,
    rendered_en: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = render(sample, fmt, tmp_path / "a", "en").read_bytes()
    second = render(sample, fmt, tmp_path / "b", "en").read_bytes()
    assert first == second == rendered_en[fmt].read_bytes()  # and equal to the CLI's run


def test_pdf_is_byte_identical_with_source_date_epoch(
    sample: Results, rendered_en: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = render(sample, "pdf", tmp_path / "again.pdf", "en").read_bytes()
    assert again == rendered_en["pdf"].read_bytes()  # another process, same bytes


def test_failed_render_leaves_the_existing_report_untouched(
    sample: Results, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("the good report")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(render_module, "renderer", lambda fmt: broken)
    with pytest.raises(RuntimeError):
        render(sample, "sarif", target, "en")
    assert target.read_text() == "the good report"
    monkeypatch.undo()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(AuditorError, match="No space left"):
        render(sample, "sarif", target, "en")
    assert target.read_text() == "the good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]  # no temp file left


def test_write_atomic_replaces_and_reports_bad_targets(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(AuditorError, match="cannot write report"):
        write_atomic(blocker / "out.md", b"x")


def test_unknown_format_and_language_are_user_errors(sample: Results, tmp_path: Path) -> None:
    with pytest.raises(AuditorError, match="unknown report format"):
        render(sample, "docx", tmp_path / "x", "en")
    with pytest.raises(AuditorError, match="unsupported report language"):
        render(sample, "md", tmp_path / "x", "fr")
    assert set(FORMATS) == {"pdf", "html", "sarif", "junit", "md"}


def test_report_command_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "auditor/results/v1",\n "tool": ')
    existing = tmp_path / "r.md"
    existing.write_text("keep me")
    for args, needle in (
        ([bad, "--md", existing], "bad.json:2:"),
        ([tmp_path / "nothere.json", "--md", existing], "results file not found"),
        ([SAMPLE], "nothing to write"),
        ([SAMPLE, "--md", existing / "r.md"], "cannot write report"),
    ):
        proc = run_auditor("report", *args)
        assert proc.returncode == 2, proc.stderr
        assert needle in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(SAMPLE.read_text(encoding="utf-8").replace('"grade": "F"', '"grade": 5', 1))
    proc = run_auditor("report", wrong, "--md", existing)
    assert proc.returncode == 2 and "frameworks.0.grade" in proc.stderr
    assert existing.read_text() == "keep me"


def test_report_command_writes_requested_files(tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    proc = run_auditor(
        "report",
        SAMPLE,
        "--md",
        out,
        "--junit",
        tmp_path / "j.xml",
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("## AI compliance audit report")
    assert (tmp_path / "j.xml").read_bytes().startswith(b"<?xml")
    assert not os.path.exists(tmp_path / "report.pdf")


def test_minimal_results_render_in_every_format(tmp_path: Path) -> None:
    """An out-of-scope audit: no findings, no scan, no verdict, no evidence."""
    minimal = Results.model_validate(
        {
            "schema": "auditor/results/v1",
            "tool": {"name": "auditor", "version": "0.1.0"},
            "generated_at": "2026-11-22T10:00:00Z",
            "deployment": {"name": "Tiny", "path": "tiny.yaml", "sha256": "0" * 64},
            "packs": [
                {"id": "eu-ai-act", "version": "1", "sha256": "1" * 64, "as_of": "2026-11-01"}
            ],
            "frameworks": [
                {
                    "pack": "eu-ai-act",
                    "classification": {"tier": "out_of_scope", "basis": ["No EU market"]},
                    "score": None,
                    "grade": "N/A",
                    "counts": {},
                }
            ],
            "findings": [],
        }
    )
    for fmt in FORMATS:
        for lang in ("en", "zh"):
            out = render(minimal, fmt, tmp_path / f"tiny-{lang}.{fmt}", lang)
            assert out.stat().st_size > 0
    html = (tmp_path / "tiny-en.html").read_text(encoding="utf-8")
    assert "NO VERDICT" in html and "No data sets were scanned" in html and "out_of_scope" in html
