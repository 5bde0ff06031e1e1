"""Shared, expensive fixtures of the report tests: each PDF is rendered once per session."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from auditor.report.load import load_results
from auditor.report.results import Results
from tests.conftest import run_auditor

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "results-sample.json"
EPOCH = "1795000000"  # 2026-11-18T11:06:40Z

# The raw values the sample's masked excerpts stand for: none may ever appear in an output.
RAW_PII = [
    "zhang.wei@example.com",
    "+86 138 0013 8021",
    "13800138021",
    "110101199003077578",
    "jane@example.org",
    "Markus Keller",
    "123-45-6789",
    "DE89370400440532013000",
    "DE89 3704 0044 0532 0130 00",
    "4111111111111111",
    "4111 1111 1111 1111",
    "+1 (415) 555-0199",
]


@pytest.fixture(scope="session")
def sample() -> Results:
    return load_results(SAMPLE)


def _render_all(out: Path, results_json: Path, lang: str, *extra: str) -> dict[str, Path]:
    paths = {
        fmt: out / f"report-{lang}.{ext}"
        for fmt, ext in (
            ("pdf", "pdf"),
            ("html", "html"),
            ("sarif", "sarif"),
            ("junit", "xml"),
            ("md", "md"),
        )
    }
    args = [f"--{fmt}={path}" for fmt, path in paths.items()]
    proc = run_auditor(
        "report", results_json, *args, "--lang", lang, *extra, env={"SOURCE_DATE_EPOCH": EPOCH}
    )
    assert proc.returncode == 0, proc.stderr
    return paths


@pytest.fixture(scope="session")
def rendered_en(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format of the sample in English, through the real CLI."""
    return _render_all(tmp_path_factory.mktemp("en"), SAMPLE, "en")


@pytest.fixture(scope="session")
def rendered_zh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _render_all(tmp_path_factory.mktemp("zh"), SAMPLE, "zh", "--final")


class _Beacon(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        _Beacon.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def beacon() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: a report must never call it."""
    server = HTTPServer(("127.0.0.1", 0), _Beacon)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Beacon.hits
    server.shutdown()


def hostile_text(base: str) -> str:
    return (
        f'<img src="{base}/beacon.png"><script>alert(1)</script>{{{{ 7*7 }}}}'
        "{% raw %}\u202eexe.txt\u2066 & <b>bold</b>"
    )


@pytest.fixture(scope="session")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, sample: Results, beacon: tuple[str, list[str]]
) -> dict:
    """The sample with vendor-controlled strings full of HTML, Jinja and bidi controls."""
    base, _hits = beacon
    evil = hostile_text(base)
    data = json.loads(sample.to_json())
    data["deployment"]["name"] = "Evil" + evil
    data["deployment"]["description"] = evil
    data["deployment"]["provider"] = evil
    data["findings"][0]["why"] = evil
    data["findings"][0]["zh"]["why"] = evil
    data["findings"][0]["citation"]["url"] = "javascript:alert(1)"
    data["pii"]["findings"][0]["excerpt"] = evil
    data["evidence"][0]["path"] = f'docs/<img src="{base}/e.png">.pdf'
    out = tmp_path_factory.mktemp("hostile")
    path = out / "results.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {"text": evil, "paths": _render_all(out, path, "en"), "results": path}
