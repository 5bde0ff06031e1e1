"""Accepted findings: a baseline file and inline `auditor: allow` comments (as detect-secrets users expect).

A baseline records findings by fingerprint = sha256(salt, path, entity, value). The salt is
random per baseline, so the file holds neither a value nor a hash anyone could match against a
list of known e-mail addresses or ID numbers. The line is not in the fingerprint: moving a
line does not resurrect an accepted finding.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import Counter
from pathlib import Path, PurePath

from auditor.atomic import write_atomic
from auditor.errors import AuditorError
from auditor.report.results import PiiFinding, PiiResults
from auditor.scan.walk import iter_lines

ALLOW_MARK = "auditor: allow"
BASELINE_VERSION = 1


class SourceLines:
    """The original lines that findings are on, in the encoding the scan detected. Each file
    is read once, as a stream, keeping only those lines: a 1 GB file costs no 1 GB of memory."""

    MAX_LINE = 4 << 20  # characters kept of one line (a value beyond them is not matched)

    def __init__(self, results: PiiResults) -> None:
        self._info = {f.path: f for f in results.files}
        self._wanted: dict[str, set[int]] = {}
        for f in results.findings:
            self._wanted.setdefault(f.path, set()).add(f.line)
        self._lines: dict[str, dict[int, str]] = {}

    def line(self, finding: PiiFinding) -> str | None:
        info = self._info.get(finding.path)
        if info is None or info.format == "parquet" or not info.encoding:
            return None
        if finding.path not in self._lines:
            self._lines[finding.path] = self._read(finding.path, info.encoding)
        return self._lines[finding.path].get(finding.line)

    def _read(self, path: str, encoding: str) -> dict[int, str]:
        wanted = self._wanted.get(path, set())
        kept: dict[int, str] = {}
        try:
            # the scanner's own line reader, so that line numbers agree (str.splitlines would
            # also split at U+2028 and form feeds)
            for lineno, _, text in iter_lines(Path(path), encoding):
                if lineno in wanted and len(kept.get(lineno, "")) < self.MAX_LINE:
                    kept[lineno] = kept.get(lineno, "") + text
        except OSError:
            pass
        return kept

    def value(self, finding: PiiFinding) -> str | None:
        line = self.line(finding)
        return None if line is None else line[finding.column - 1 : finding.end_column - 1]


def fingerprint(salt: str, finding: PiiFinding, value: str) -> str:
    path = PurePath(finding.path).as_posix().removeprefix("./")
    return hashlib.sha256("\0".join((salt, path, finding.entity, value)).encode("utf-8")).hexdigest()


def load_baseline(path: Path) -> tuple[str, set[str]]:
    """(salt, fingerprints); a missing file is an empty baseline with a fresh salt."""
    if not path.exists():
        return secrets.token_hex(16), set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        salt = data["salt"]
        prints = {entry["fingerprint"] for entry in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AuditorError(f"not an auditor baseline ({exc.__class__.__name__}: {exc})", path) from None
    if not isinstance(salt, str) or data.get("version") != BASELINE_VERSION:
        raise AuditorError(f"unsupported baseline version {data.get('version')!r}", path)
    return salt, prints


def write_baseline(path: Path, salt: str, results: PiiResults, lines: SourceLines) -> int:
    entries = []
    for finding in results.findings:
        value = lines.value(finding)
        if value is None:
            continue
        entries.append(
            {
                "fingerprint": fingerprint(salt, finding, value),
                "path": PurePath(finding.path).as_posix(),
                "entity": finding.entity,
                "line": finding.line,
            }
        )
    entries.sort(key=lambda e: (e["path"], e["line"], e["entity"], e["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": "auditor", "salt": salt, "findings": entries}
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def suppress(results: PiiResults, baseline: tuple[str, set[str]] | None, lines: SourceLines) -> PiiResults:
    """Drop findings on `auditor: allow` lines and those recorded in the baseline."""
    kept: list[PiiFinding] = []
    removed: Counter[tuple[str, str]] = Counter()
    for finding in results.findings:
        line = lines.line(finding)
        allowed = line is not None and ALLOW_MARK in line
        if not allowed and baseline is not None:
            value = lines.value(finding)
            allowed = value is not None and fingerprint(baseline[0], finding, value) in baseline[1]
        if allowed:
            removed[(finding.path, finding.entity)] += 1
        else:
            kept.append(finding)
    if not removed:
        return results
    summary = Counter(results.summary)
    files = []
    for info in results.files:
        counts = Counter(info.counts)
        for (path, entity), n in removed.items():
            if path == info.path:
                counts[entity] -= n
        files.append(info.model_copy(update={"counts": {k: v for k, v in counts.items() if v > 0}}))
    for (_, entity), n in removed.items():
        summary[entity] -= n
    return results.model_copy(
        update={
            "findings": kept,
            "files": files,
            "summary": {k: v for k, v in summary.items() if v > 0},
        }
    )
