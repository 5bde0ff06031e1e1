"""`auditor scan`: run the scan and write it as text, JSON, JSON Lines or SARIF.

Only masked excerpts are ever written. `--show-values` adds the clear value to text output when
stdout is a terminal, and is refused otherwise (a pipe or file may end up in a log).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from auditor import __version__
from auditor.errors import AuditorError
from auditor.report.results import PiiFinding, PiiResults
from auditor.scan.api import Mode, scan_paths
from auditor.scan.baseline import SourceLines, load_baseline, suppress, write_baseline

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ENTITY_TITLES = {
    "PERSON": "Person name", "EMAIL_ADDRESS": "E-mail address", "PHONE_NUMBER": "Phone number",
    "US_SSN": "US Social Security number", "CREDIT_CARD": "Payment card number", "BANK_CARD": "Bank card number",
    "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP address", "CN_RESIDENT_ID": "PRC resident identity card number",
    "CN_USCC": "PRC unified social credit code", "PASSPORT": "Passport number", "LOCATION": "Address or place",
    "DATE_OF_BIRTH": "Date of birth",
}  # fmt: skip


def finding_line(f: PiiFinding) -> str:
    where = f" [{f.json_path or f.field}]" if (f.json_path or f.field) else ""
    return f"{f.path}:{f.line}:{f.column}: {f.entity} ({f.excerpt}){where}"


def render_text(results: PiiResults, out: TextIO, show_values: bool = False) -> None:
    source = SourceLines(results)
    for f in results.findings:
        line = finding_line(f)
        if show_values:
            line += f"  value={source.value(f) or '?'!r}"
        out.write(line + "\n")
    out.write(summary(results) + "\n")


def summary(results: PiiResults) -> str:
    total = sum(results.summary.values())
    parts = [
        f"{total} PII finding(s) in {results.files_scanned} file(s), {results.bytes_scanned:,} bytes"
    ]
    if results.files_skipped:
        parts.append(f"{results.files_skipped} skipped (binary or unreadable)")
    text = "; ".join(parts)
    if results.summary:
        text += "\n  " + ", ".join(
            f"{k} {v}" for k, v in sorted(results.summary.items(), key=lambda kv: -kv[1])
        )
    columns = [(f.path, c, e) for f in results.files for c, e in f.pii_columns.items()]
    if columns:
        text += "\nPII columns:\n" + "\n".join(f"  {p}: {c} -> {e}" for p, c, e in columns)
    if results.sampled:
        text += f"\nsampled {results.sample_size} record(s) per file (seed {results.seed}); prevalence, 95% Wilson interval:"
        for p in results.prevalence:
            text += f"\n  {p.entity}: {p.records_with}/{p.records_sampled} = {p.rate:.1%} [{p.low:.1%}, {p.high:.1%}]"
    dropped = sum(f.findings_dropped for f in results.files)
    if dropped:
        text += f"\n{dropped} finding(s) beyond the per-file cap were counted but not listed"
    return text


def render_jsonl(results: PiiResults, out: TextIO) -> None:
    for f in results.findings:
        out.write(f.model_dump_json(exclude_none=True) + "\n")


def render_json(results: PiiResults, out: TextIO) -> None:
    out.write(results.model_dump_json(indent=2) + "\n")


def sarif_log(results: PiiResults) -> dict[str, object]:
    """SARIF 2.1.0, in the same shape as the PII part of `auditor audit --sarif`."""
    from auditor.report.sarif import pii_log

    return pii_log(results, __version__)


def render_sarif(results: PiiResults, out: TextIO) -> None:
    out.write(json.dumps(sarif_log(results), ensure_ascii=False, indent=2) + "\n")


def run_scan(
    paths: Sequence[Path],
    *,
    fmt: str = "text",
    entities: Sequence[str] | None = None,
    min_score: float = 0.5,
    sample: int | None = None,
    seed: int = 0,
    jobs: int | None = None,
    mode: Mode = "presidio",
    fail_on_findings: bool = False,
    show_values: bool = False,
    excludes: Sequence[str] = (),
    baseline: Path | None = None,
    update_baseline: bool = False,
    out: TextIO | None = None,
) -> int:
    """Scan and print; returns the exit code (1 when --fail-on-findings and PII was found)."""
    out = out or sys.stdout
    if update_baseline and baseline is None:
        raise AuditorError("--update-baseline needs --baseline FILE")
    if show_values and not (fmt == "text" and out.isatty()):
        sys.stderr.write("--show-values ignored: values are only shown as text on a terminal\n")
        show_values = False
    results = scan_paths(
        paths,
        entities=entities,
        min_score=min_score,
        sample=sample,
        seed=seed,
        jobs=jobs,
        mode=mode,
        progress=sys.stderr.isatty(),
        excludes=excludes,
    )
    source = SourceLines(results)
    accepted = load_baseline(baseline) if baseline is not None else None
    if update_baseline:
        assert baseline is not None and accepted is not None  # checked above
        results = suppress(results, None, source)  # allow-commented lines stay out of the file
        count = write_baseline(baseline, accepted[0], results, source)
        sys.stderr.write(f"baseline {baseline}: {count} finding(s) recorded (fingerprints only)\n")
        return 0
    results = suppress(results, accepted, source)
    if fmt == "json":
        render_json(results, out)
    elif fmt == "jsonl":
        render_jsonl(results, out)
    elif fmt == "sarif":
        render_sarif(results, out)
    else:
        render_text(results, out, show_values)
    found = sum(results.summary.values()) > 0
    if fail_on_findings and found and fmt == "text":
        sys.stderr.write(FIX_HINT)
    return 1 if fail_on_findings and found else 0


FIX_HINT = """
To fix: remove or mask the personal data (use synthetic values in fixtures).
To accept a line: add the comment `auditor: allow` on it.
To accept what is there now: auditor scan --baseline .auditor-baseline.json --update-baseline FILES...
  and commit .auditor-baseline.json (it holds salted fingerprints, never values).
"""
