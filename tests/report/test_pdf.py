"""The PDF, parsed back: sections, numbers, Chinese, fonts, outline, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from auditor.report.results import Results

CJK_FONTS = ("WenQuanYi", "NotoSansCJK", "Noto-Sans-CJK", "SourceHan")


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


@pytest.fixture(scope="module")
def en_text(rendered_en: dict[str, Path]) -> str:
    return _text(rendered_en["pdf"])


@pytest.fixture(scope="module")
def zh_text(rendered_zh: dict[str, Path]) -> str:
    return _text(rendered_zh["pdf"])


def _fonts(path: Path) -> dict[str, str]:
    """Embedded font name -> the FontFile key it is embedded under."""
    found = {}
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            keys = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor]
            found[str(descriptor["/FontName"])] = keys[0] if keys else ""
    return found


def test_every_section_is_present(en_text: str) -> None:
    for heading in (
        "Document control",
        "Contents",
        "Executive summary",
        "Scope",
        "Findings by regime",
        "Personal data",
        "Evidence index",
        "Exceptions register",
        "Open questions",
        "Procurement checklist",
        "Methodology",
        "Limitations and disclaimers",
        "Sign-off",
        "Bilingual glossary",
        "Reproduce this report",
    ):
        assert heading in en_text, heading


def test_numbers_from_the_results_are_printed(en_text: str, sample: Results) -> None:
    en_text = " ".join(en_text.split())  # table cells wrap at arbitrary spaces
    assert "NOT READY" in en_text
    for fw in sample.frameworks:
        assert fw.classification.tier in en_text
        assert f"Score {fw.score} / 100, grade {fw.grade}" in en_text
    for pack in sample.packs:
        assert pack.sha256 in en_text.replace(" ", "")
    assert "4,812,330" in en_text  # bytes scanned
    assert "3,020" in en_text  # PERSON count
    assert "12.5% – 16.9%" in en_text  # an EMAIL_ADDRESS prevalence interval
    assert "2027-12-02" in en_text  # an upcoming obligation's date
    assert "ENJOINED" in en_text  # legal status of the enjoined California law
    assert "INVALID: expired on 2026-10-01" in en_text  # the expired waiver is flagged
    assert "MISSING" in en_text  # missing evidence
    assert "not legal advice" in en_text
    assert "DRAFT" in en_text  # the default is a draft
    assert "Page 3 of 18" in en_text or "Page 3 of" in en_text


def test_every_rule_appears(en_text: str, sample: Results) -> None:
    flat = en_text.replace("\n", "")
    for finding in sample.findings:
        assert finding.rule_id in flat, finding.rule_id


def test_chinese_report_uses_chinese_strings_rule_texts_and_dates(
    zh_text: str, sample: Results
) -> None:
    for heading in (
        "执行摘要",
        "各法规体系的审计发现",
        "个人信息",
        "采购核查清单",
        "签署",
        "局限性与免责声明",
    ):
        assert heading in zh_text
    assert "尚不具备采购条件" in zh_text
    assert "2026年11月22日" in zh_text  # audit date, Chinese format
    assert sample.findings[0].zh["title"] in zh_text.replace("\n", "")
    assert "公章" in zh_text  # seal box
    assert "草稿" not in zh_text  # rendered with --final


def test_cjk_font_is_embedded(rendered_en: dict[str, Path], rendered_zh: dict[str, Path]) -> None:
    for pdf in (
        rendered_zh["pdf"],
        rendered_en["pdf"],
    ):  # English reports carry the glossary's 中文
        fonts = _fonts(pdf)
        cjk = {name: key for name, key in fonts.items() if any(c in name for c in CJK_FONTS)}
        assert cjk, fonts
        assert set(cjk.values()) <= {"/FontFile2", "/FontFile3"}


def test_outline_bookmarks_and_page_count(rendered_en: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(rendered_en["pdf"])
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Executive summary" in titles and "Sign-off" in titles
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert any(
        any(getattr(x, "title", "") == "EU AI Act (eu-ai-act 2026.11.0)" for x in n) for n in nested
    )
    assert 10 <= len(reader.pages) <= 40
    box = reader.pages[0].mediabox  # A4 in points
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842


def test_toc_has_page_numbers(en_text: str) -> None:
    start = en_text.index("Contents")
    toc = en_text[start : en_text.index("Appendix", start)]
    assert re.search(r"Executive summary \.{5,} 3\b", toc)  # leader dots, then the page number
    assert re.search(r"Personal data \.{5,} \d+", toc)


def test_metadata_dates_follow_source_date_epoch(rendered_en: dict[str, Path]) -> None:
    meta = pypdf.PdfReader(rendered_en["pdf"]).metadata
    assert meta["/CreationDate"] == "D:20261118110640Z" == meta["/ModDate"]
    assert meta["/Title"].startswith("AI compliance audit report")
