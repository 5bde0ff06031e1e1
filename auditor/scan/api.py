"""The scanner's entry points: `scan_paths` (files and folders) and `scan_datasets` (a
descriptor's data.datasets). Files are read by readers.py, detected by a Detector (patterns
only, or patterns + Presidio/spaCy/jieba), masked by mask.py, and folded into PiiResults.

Files are scanned one per task; with --jobs N a process pool scans them in parallel and the
results are put back in input order, so the output is identical to --jobs 1.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from auditor.errors import AuditorError
from auditor.report.results import PiiFile, PiiFinding, PiiResults, Prevalence
from auditor.scan import mask
from auditor.scan.patterns import Match, PatternEngine, key_words
from auditor.scan.readers import LINE_FORMATS, Record, Segment, read_records
from auditor.scan.recognizers.catalog import FIELD_SPECS, PATTERN_SPECS
from auditor.scan.sampling import reservoir, wilson
from auditor.scan.walk import FileTask, discover, file_format, iter_lines, sniff

if TYPE_CHECKING:
    from auditor.descriptor.model import Deployment

Mode = Literal["presidio", "patterns"]

# What a privacy reviewer cares about by default. DATE_TIME, ORGANIZATION, NRP, URL and UK_NHS
# are stock Presidio noise (presidio#1173, #819; NHS on US phones: speakeasy-api/gram#5106)
# and are not produced at all.
DEFAULT_ENTITIES: tuple[str, ...] = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "BANK_CARD", "IBAN_CODE",
    "IP_ADDRESS", "CN_RESIDENT_ID", "CN_USCC", "PASSPORT", "LOCATION", "DATE_OF_BIRTH",
)  # fmt: skip
DEFAULT_MIN_SCORE = 0.5
DEFAULT_SEED = 0
MAX_FINDINGS_PER_FILE = 20_000  # listed per file; counts stay exact beyond it (bounded memory)
BATCH_RECORDS = 256


def supported_entities() -> list[str]:
    names = {s.entity for s in PATTERN_SPECS} | {
        s.alt_entity for s in PATTERN_SPECS if s.alt_entity
    }
    names |= {f.entity for f in FIELD_SPECS}
    return sorted(n for n in names if n)


class Detector(Protocol):
    def detect(self, segments: Sequence[Segment]) -> list[list[Match]]: ...


class PatternDetector:
    """Patterns only: no spaCy, no Presidio, no jieba (the pre-commit path)."""

    def __init__(self, entities: Iterable[str] | None = None) -> None:
        self.engine = PatternEngine(entities)

    def detect(self, segments: Sequence[Segment]) -> list[list[Match]]:
        out: list[list[Match] | None] = []
        rest: list[int] = []
        for i, seg in enumerate(segments):
            whole = self.engine.field_match(seg.field, seg.text)
            out.append([whole] if whole is not None else None)
            if whole is None:
                rest.append(i)
        found = self.engine.find_many(
            [segments[i].text for i in rest],
            [segments[i].context for i in rest],
            [key_words(segments[i].field) if segments[i].field else "" for i in rest],
        )
        for i, matches in zip(rest, found, strict=True):
            out[i] = matches
        return [m or [] for m in out]


def build_detector(mode: Mode, entities: Iterable[str] | None) -> Detector:
    if mode == "patterns":
        return PatternDetector(entities)
    from auditor.scan.analyzer import PresidioDetector

    return PresidioDetector(entities)


@dataclass
class FileResult:
    file: PiiFile
    findings: list[PiiFinding]
    records_with: dict[str, int] = field(default_factory=dict)  # entity -> records having it


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def scan_file(
    task: FileTask,
    detector: Detector,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    sample: int | None = None,
    seed: int = DEFAULT_SEED,
) -> FileResult:
    fmt = file_format(task.path)
    encoding: str | None = None
    if fmt != "parquet":
        encoding, skipped = sniff(task.path)
        if skipped:
            return FileResult(
                PiiFile(path=task.display, bytes=task.size, format=fmt, skipped=skipped), []
            )
    try:
        records: Iterable[Record]
        records_total: int | None = None
        if sample is not None and fmt in LINE_FORMATS:
            assert encoding is not None
            lines = iter_lines(task.path, encoding)
            head = [next(lines, None)] if fmt in ("csv", "tsv") else []  # the header is no record
            picked, records_total = reservoir(lines, sample, seed, task.display)
            records = read_records(
                task.path, fmt, encoding, [h for h in head if h is not None] + picked
            )
        elif sample is not None:
            records, records_total = reservoir(
                read_records(task.path, fmt, encoding), sample, seed, task.display
            )
        else:
            records = read_records(task.path, fmt, encoding)
        findings: list[PiiFinding] = []
        dropped = 0
        counts: Counter[str] = Counter()
        records_with: Counter[str] = Counter()
        field_values: Counter[str] = Counter()
        field_hits: dict[str, Counter[str]] = defaultdict(Counter)
        n_records = 0
        for batch in _batches(records, BATCH_RECORDS):
            segments = [s for r in batch for s in r.segments]
            results = detector.detect(segments) if segments else []
            it = iter(results)
            for record in batch:
                n_records += 1
                seen: set[str] = set()
                for seg in record.segments:
                    candidates = next(it)
                    matches = [m for m in candidates if m.score >= min_score]
                    if seg.field is not None and fmt in ("csv", "tsv", "parquet"):
                        field_values[seg.field] += 1
                        for ent in {
                            m.entity for m in matches if m.end - m.start >= 0.8 * len(seg.text)
                        }:
                            field_hits[seg.field][ent] += 1
                    if not matches:
                        continue
                    # excerpts mask every candidate, also those scored below --min-score
                    spans = [(m.start, m.end, m.entity) for m in candidates]
                    for m in matches:
                        counts[m.entity] += 1
                        seen.add(m.entity)
                        if len(findings) >= MAX_FINDINGS_PER_FILE:
                            dropped += 1
                            continue
                        col, end_col = seg.span(m.start, m.end)
                        findings.append(
                            PiiFinding(
                                path=task.display,
                                line=seg.line,
                                column=col,
                                end_column=end_col,
                                entity=m.entity,
                                score=m.score,
                                recognizer=m.recognizer,
                                excerpt=mask.excerpt(seg.text, m.start, m.end, spans),
                                json_path=seg.json_path,
                                field=seg.field,
                            )
                        )
                records_with.update(seen)
        pii_columns = {
            name: ent
            for name, hits in field_hits.items()
            for ent, n in hits.items()
            if field_values[name] >= 2 and n == field_values[name]
        }
    except OSError as exc:
        return FileResult(
            PiiFile(
                path=task.display,
                bytes=task.size,
                format=fmt,
                skipped=f"unreadable: {exc.strerror}",
            ),
            [],
        )
    except Exception as exc:  # a parquet/arrow decoding error is a bad file, not a bug of ours
        if fmt == "parquet" and type(exc).__module__.startswith("pyarrow"):
            return FileResult(
                PiiFile(
                    path=task.display, bytes=task.size, format=fmt, skipped=f"unreadable: {exc}"
                ),
                [],
            )
        raise
    pii_file = PiiFile(
        path=task.display,
        bytes=task.size,
        encoding=encoding,
        format=fmt,
        sampled=sample is not None,
        records=records_total if records_total is not None else n_records,
        records_sampled=n_records if sample is not None else None,
        counts=dict(sorted(counts.items())),
        pii_columns=pii_columns,
        findings_dropped=dropped,
    )
    return FileResult(pii_file, findings, dict(records_with))


# ---------------------------------------------------------------- process pool

_worker: dict[str, object] = {}  # per worker process: the detector built once by _init_worker


def _init_worker(
    mode: Mode, entities: list[str] | None, min_score: float, sample: int | None, seed: int
) -> None:
    _worker["detector"] = build_detector(mode, entities)
    _worker["options"] = (min_score, sample, seed)


def _work(task: FileTask) -> FileResult:
    min_score, sample, seed = _worker["options"]  # type: ignore[misc]
    return scan_file(task, _worker["detector"], min_score=min_score, sample=sample, seed=seed)  # type: ignore[arg-type]


def _effective_jobs(jobs: int | None, tasks: list[FileTask], mode: Mode) -> int:
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    # A worker pays the start-up (spaCy load ~1 s) again; below a few MB per worker it loses.
    per_worker = (4 << 20) if mode == "presidio" else (16 << 20)
    by_size = max(1, sum(t.size for t in tasks) // per_worker)
    return max(1, min(wanted, len(tasks), by_size if jobs is None else wanted))


def run_tasks(
    tasks: list[FileTask],
    *,
    entities: list[str] | None,
    min_score: float,
    sample: int | None,
    seed: int,
    jobs: int | None,
    mode: Mode,
    progress: bool,
) -> list[FileResult]:
    n_jobs = _effective_jobs(jobs, tasks, mode)
    bar = _Progress(tasks) if progress else None
    try:
        if n_jobs == 1:
            detector = build_detector(mode, entities)
            out = []
            for t in tasks:
                out.append(scan_file(t, detector, min_score=min_score, sample=sample, seed=seed))
                if bar:
                    bar.advance(t)
            return out
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("spawn" if sys.platform == "win32" else "forkserver")
        with ProcessPoolExecutor(
            max_workers=n_jobs,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(mode, entities, min_score, sample, seed),
        ) as pool:
            # largest files first keeps workers busy; results are re-ordered to input order below
            order = sorted(range(len(tasks)), key=lambda i: -tasks[i].size)
            futures = {i: pool.submit(_work, tasks[i]) for i in order}
            results: list[FileResult | None] = [None] * len(tasks)
            for i in order:
                results[i] = futures[i].result()
                if bar:
                    bar.advance(tasks[i])
            return [r for r in results if r is not None]
    finally:
        if bar:
            bar.close()


class _Progress:
    """A rich progress bar (bytes and files) on stderr; only created on a terminal."""

    def __init__(self, tasks: list[FileTask]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.n_files = len(tasks)
        self.done = 0
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task(self._label(), total=sum(t.size for t in tasks))
        self.progress.start()

    def _label(self) -> str:
        return f"scanning files {self.done}/{self.n_files}"

    def advance(self, task: FileTask) -> None:
        self.done += 1
        self.progress.update(self.task, advance=task.size, description=self._label())

    def close(self) -> None:
        self.progress.stop()


# ---------------------------------------------------------------- results


def fold(
    results: list[FileResult],
    *,
    sample: int | None,
    seed: int,
    mode: Mode,
    entities: Sequence[str],
) -> PiiResults:
    summary: Counter[str] = Counter()
    findings: list[PiiFinding] = []
    files: list[PiiFile] = []
    records_with: Counter[str] = Counter()
    records_sampled = 0
    scanned = skipped = 0
    total_bytes = 0
    for r in results:
        files.append(r.file)
        if r.file.skipped:
            skipped += 1
            continue
        scanned += 1
        total_bytes += r.file.bytes
        summary.update(r.file.counts)
        findings.extend(r.findings)
        records_with.update(r.records_with)
        records_sampled += r.file.records_sampled or 0
    prevalence = []
    if sample is not None:
        for ent in sorted(set(records_with) | set(summary)):
            k = records_with.get(ent, 0)
            low, high = wilson(k, records_sampled)
            prevalence.append(
                Prevalence(
                    entity=ent,
                    records_with=k,
                    records_sampled=records_sampled,
                    rate=round(k / records_sampled, 6) if records_sampled else 0.0,
                    low=round(low, 6),
                    high=round(high, 6),
                )
            )
    return PiiResults(
        files_scanned=scanned,
        bytes_scanned=total_bytes,
        sampled=sample is not None,
        summary=dict(sorted(summary.items())),
        findings=findings,
        files=files,
        files_skipped=skipped,
        prevalence=prevalence,
        sample_size=sample,
        seed=seed if sample is not None else None,
        mode=mode,
        entities=list(entities),
    )


def _check_entities(entities: Iterable[str] | None) -> list[str]:
    if entities is None:
        return list(DEFAULT_ENTITIES)
    wanted = [e.strip().upper() for e in entities if e.strip()]
    known = set(supported_entities())
    unknown = [e for e in wanted if e not in known]
    if unknown:
        raise AuditorError(
            f"unknown entity type(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}"
        )
    return wanted


def _check_options(entities: Iterable[str] | None, sample: int | None, mode: str) -> list[str]:
    if sample is not None and sample < 1:
        raise AuditorError("--sample must be at least 1")
    if mode not in ("presidio", "patterns"):
        raise AuditorError(f"unknown scan mode {mode!r}; use presidio or patterns")
    return _check_entities(entities)


def scan_paths(
    paths: Iterable[str | Path],
    *,
    entities: Iterable[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    sample: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int | None = None,
    mode: Mode = "presidio",
    progress: bool = False,
    excludes: Iterable[str] = (),
) -> PiiResults:
    """Scan files and folders (recursively, honouring .auditorignore)."""
    wanted = _check_options(entities, sample, mode)
    tasks = discover(paths, excludes)
    return _run(tasks, wanted, min_score, sample, seed, jobs, mode, progress)


def _run(
    tasks: list[FileTask],
    wanted: list[str],
    min_score: float,
    sample: int | None,
    seed: int,
    jobs: int | None,
    mode: Mode,
    progress: bool,
) -> PiiResults:
    results = (
        run_tasks(
            tasks,
            entities=wanted,
            min_score=min_score,
            sample=sample,
            seed=seed,
            jobs=jobs,
            mode=mode,
            progress=progress,
        )
        if tasks
        else []
    )
    return fold(results, sample=sample, seed=seed, mode=mode, entities=wanted)


def scan_datasets(
    deployment: Deployment,
    base_dir: str | Path,
    *,
    descriptor: str | Path | None = None,
    entities: Iterable[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    sample: int | None = None,
    seed: int = DEFAULT_SEED,
    jobs: int | None = None,
    mode: Mode = "presidio",
    progress: bool = False,
    excludes: Iterable[str] = (),
) -> PiiResults:
    """Scan `deployment.data.datasets` (paths relative to the descriptor's folder); findings name
    files as the descriptor does (`data/cv.jsonl`, not an absolute path)."""
    wanted = _check_options(entities, sample, mode)
    base = Path(base_dir)
    datasets = (deployment.data.datasets if deployment.data else None) or []
    tasks: list[FileTask] = []
    for ds in datasets:
        target = base / ds.path
        if not target.exists():
            raise AuditorError(
                f"data.datasets: {ds.path} does not exist (paths are relative to the descriptor's folder); "
                "fix the path or remove the entry",
                path=descriptor,
            )
        for t in discover([target], excludes):
            rel = Path(os.path.relpath(t.path, base)).as_posix()
            tasks.append(FileTask(t.path, rel, t.size))
    return _run(tasks, wanted, min_score, sample, seed, jobs, mode, progress)
