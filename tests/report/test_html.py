"""The HTML report: self-contained, escaped, same strings in both languages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from auditor.resources import data_dir


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster", "background") or (
                name == "href" and tag != "a"
            ):
                self.links.append(f"{tag}.{name}={value}")


def test_html_has_no_external_resources(rendered_en: dict[str, Path]) -> None:
    text = rendered_en["html"].read_text(encoding="utf-8")
    parser = _Resources()
    parser.feed(text)
    assert parser.links == []
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parser.tags)
    assert "svg" in parser.tags  # the PII chart is inline
    for url in re.findall(r"url\(([^)]*)\)", text):
        raise AssertionError(f"CSS url() in a self-contained report: {url}")
    assert "@import" not in text
    assert "@font-face" not in text  # fonts by family name: fontconfig finds the system files
    assert 'font-family: "WenQuanYi Micro Hei"' in text


def test_strings_files_have_the_same_keys() -> None:
    def keys(d: dict, prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out.add(prefix + str(k))
            if isinstance(v, dict):
                out |= keys(v, f"{prefix}{k}.")
        return out

    folder = data_dir("templates") / "strings"
    en = yaml.safe_load((folder / "en.yaml").read_text(encoding="utf-8"))
    zh = yaml.safe_load((folder / "zh.yaml").read_text(encoding="utf-8"))
    assert keys(en) == keys(zh)
    assert all(isinstance(k, str) for k in en)  # YAML 1.1 would turn a bare yes/no key into a bool


def test_zh_html_declares_its_language(rendered_zh: dict[str, Path]) -> None:
    text = rendered_zh["html"].read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in text
    assert "2026年11月22日" in text
