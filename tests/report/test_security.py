"""Hostile descriptor strings are shown, never obeyed; nothing is fetched; no raw PII anywhere."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest

from auditor.report.pdf import html_to_pdf
from tests.report.conftest import RAW_PII


def test_html_shows_hostile_strings_literally(hostile: dict) -> None:
    html = hostile["paths"]["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;img src=" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% raw %}" in html  # Jinja syntax in data is not evaluated
    assert "\u202e" not in html and "\u2066" not in html
    assert "[U+202E]exe.txt[U+2066]" in html
    assert 'href="javascript:' not in html


def test_pdf_shows_hostile_strings_and_fetches_nothing(
    hostile: dict, beacon: tuple[str, list[str]]
) -> None:
    _base, hits = beacon
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(hostile["paths"]["pdf"]).pages)
    flat = text.replace("\n", "")
    assert "{{ 7*7 }}" in flat
    assert "<script>alert(1)</script>" in flat
    assert "[U+202E]" in flat
    assert hits == []


def test_machine_outputs_keep_hostile_strings_inert(hostile: dict) -> None:
    paths = hostile["paths"]
    md = paths["md"].read_text(encoding="utf-8")
    assert "<img" not in md and "<script" not in md and "&lt;img" in md
    assert "\u202e" not in md
    sarif = paths["sarif"].read_text(encoding="utf-8")
    json.loads(sarif)
    assert "\u202e" not in sarif and "\\u202e" not in sarif.lower()
    root = ET.parse(paths["junit"]).getroot()  # still well-formed XML
    assert root.tag == "testsuites"
    from lxml import etree

    from tests.report.test_junit import XSD

    assert etree.XMLSchema(etree.parse(str(XSD))).validate(etree.parse(str(paths["junit"])))
    assert "\u202e" not in paths["junit"].read_text(encoding="utf-8")


def test_fetcher_refuses_network_and_foreign_files(
    beacon: tuple[str, list[str]], tmp_path: Path
) -> None:
    base, hits = beacon
    project = tmp_path / "project"
    project.mkdir()
    (project / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    )
    html = (
        f'<html><body><img src="{base}/img.png"><img src="https://example.invalid/x.png">'
        f'<link rel="stylesheet" href="{base}/x.css"><img src="file:///etc/passwd">'
        f'<img src="{(project / "logo.svg").as_uri()}"><p>x</p></body></html>'
    )
    pdf, refused = html_to_pdf(html, base_dir=project)
    assert pdf.startswith(b"%PDF")
    assert hits == []
    assert f"{base}/img.png" in refused and "https://example.invalid/x.png" in refused
    assert f"{base}/x.css" in refused and "file:///etc/passwd" in refused
    assert not any("logo.svg" in url for url in refused)  # the audited project is readable


@pytest.mark.parametrize("lang_fixture", ["rendered_en", "rendered_zh"])
def test_no_raw_pii_in_any_output(lang_fixture: str, request: pytest.FixtureRequest) -> None:
    paths: dict[str, Path] = request.getfixturevalue(lang_fixture)
    for fmt, path in paths.items():
        if fmt == "pdf":
            text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
        else:
            text = path.read_text(encoding="utf-8")
        squeezed = text.replace(" ", "").replace("\n", "")
        for raw in RAW_PII:
            assert raw not in text, (fmt, raw)
            assert raw.replace(" ", "") not in squeezed, (fmt, raw)
