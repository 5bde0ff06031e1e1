"""The scanner's entry points: `scan_paths` (files and folders) and `scan_datasets` (a
descriptor's data.datasets). Files are read by readers.py, detected by a Detector (patterns
only, or patterns + Presidio/spaCy/jieba), masked by mask.py, and folded into PiiResults.

Files are scanned one per task; with --jobs N a process pool scans them in parallel and the
results are put back in input order, so the output is identical to --jobs 1.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from auditor.errors import AuditorError
from auditor.report.results import PiiFile, PiiFinding, PiiResults, Prevalence
from auditor.scan import mask
from auditor.scan.patterns import Match, PatternEngine, key_words, resolve
from auditor.scan.readers import LINE_FORMATS, Record, Segment, csv_header, read_records
from auditor.scan.recognizers.catalog import FIELD_SPECS, PATTERN_SPECS
from auditor.scan.sampling import reservoir, wilson
from auditor.scan.walk import FileTask, discover, file_format, iter_lines, line_parts, sniff

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
        out: list[list[Match]] = []
        rest: list[int] = []  # segments the patterns still have to read
        for i, seg in enumerate(segments):
            whole = self.engine.field_match(seg.field, seg.text) if seg.field else None
            out.append([whole] if whole is not None else [])
            # a value cut short of a remark ("1972-02-08 (born in Leeds)") is read on
            if whole is None or whole.end - whole.start < len(seg.text.strip()):
                rest.append(i)
        found = self.engine.find_many(
            [segments[i].text for i in rest],
            [segments[i].context for i in rest],
            [key_words(segments[i].field) if segments[i].field else "" for i in rest],
        )
        for i, matches in zip(rest, found, strict=True):
            out[i] = resolve(out[i] + matches) if out[i] else matches
        return out


def build_detector(mode: Mode, entities: Iterable[str] | None) -> Detector:
    if mode == "patterns":
        return PatternDetector(entities)
    from auditor.scan.analyzer import PresidioDetector

    return PresidioDetector(entities)


@dataclass
class FileResult:
    """One file's result, or one part's (see `Part`) until `add_part` adds them up."""

    file: PiiFile
    findings: list[PiiFinding]
    records_with: dict[str, int] = field(default_factory=dict)  # entity -> records having it
    # CSV/TSV/Parquet columns: values seen, and values that were one entity whole
    field_values: Counter[str] = field(default_factory=Counter)
    field_hits: dict[str, Counter[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Part:
    """A byte range of a big line-format file, cut at line ends, that one worker scans."""

    start: int
    end: int
    first_line: int
    header: tuple[str, ...] | None = None  # CSV/TSV column names (part 0 reads its own)


@dataclass(frozen=True)
class ScanOptions:
    entities: tuple[str, ...]
    min_score: float = DEFAULT_MIN_SCORE
    sample: int | None = None
    seed: int = DEFAULT_SEED
    mode: Mode = "presidio"


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pii_columns(values: Counter[str], hits: dict[str, Counter[str]]) -> dict[str, str]:
    """Columns whose every value (two or more) was one entity type whole."""
    return {
        name: ent
        for name, counts in hits.items()
        for ent, n in counts.items()
        if values[name] >= 2 and n == values[name]
    }


def _skipped(task: FileTask, fmt: str, reason: str) -> FileResult:
    return FileResult(PiiFile(path=task.display, bytes=task.size, format=fmt, skipped=reason), [])


def scan_file(
    task: FileTask,
    detector: Detector,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    sample: int | None = None,
    seed: int = DEFAULT_SEED,
    part: Part | None = None,
    max_findings: int | None = None,
) -> FileResult:
    """Scan one file, or one part of it; at most `max_findings` (default
    MAX_FINDINGS_PER_FILE) are listed, the rest only counted."""
    listed = MAX_FINDINGS_PER_FILE if max_findings is None else max_findings
    fmt = file_format(task.path)
    encoding: str | None = None
    if fmt != "parquet":
        encoding, skipped = sniff(task.path)
        if skipped:
            return _skipped(task, fmt, skipped)
    try:
        records: Iterable[Record]
        records_total: int | None = None
        if part is not None:
            assert encoding is not None and fmt in LINE_FORMATS
            lines = iter_lines(
                task.path, encoding, part=(part.start, part.end), first_line=part.first_line
            )
            header = list(part.header) if part.header is not None else None
            records = read_records(task.path, fmt, encoding, lines, header)
        elif sample is not None and fmt in LINE_FORMATS:
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
        columns = fmt in ("csv", "tsv", "parquet")
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
                    if columns and seg.field is not None:
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
                        if len(findings) >= listed:
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
                if seen:
                    records_with.update(seen)
    except OSError as exc:
        return _skipped(task, fmt, f"unreadable: {exc.strerror}")
    except Exception as exc:  # a parquet/arrow decoding error is a bad file, not a bug of ours
        if fmt == "parquet" and type(exc).__module__.startswith("pyarrow"):
            return _skipped(task, fmt, f"unreadable: {exc}")
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
        pii_columns=_pii_columns(field_values, field_hits),
        findings_dropped=dropped,
    )
    return FileResult(pii_file, findings, dict(records_with), field_values, dict(field_hits))


def add_part(whole: FileResult | None, part: FileResult) -> FileResult:
    """`whole` (the file's earlier parts, in file order) with `part` added, as if the file had
    been scanned in one piece; beyond MAX_FINDINGS_PER_FILE findings are only counted."""
    if whole is None:
        return part
    if whole.file.skipped or part.file.skipped:  # the file changed or vanished under the scan
        return whole if whole.file.skipped else part
    room = max(0, MAX_FINDINGS_PER_FILE - len(whole.findings))
    hits = defaultdict(Counter, {k: Counter(v) for k, v in whole.field_hits.items()})
    for name, c in part.field_hits.items():
        hits[name].update(c)
    values = whole.field_values + part.field_values
    counts = Counter(whole.file.counts) + Counter(part.file.counts)
    pii_file = whole.file.model_copy(
        update={
            "records": (whole.file.records or 0) + (part.file.records or 0),
            "counts": dict(sorted(counts.items())),
            "pii_columns": _pii_columns(values, hits),
            "findings_dropped": whole.file.findings_dropped
            + part.file.findings_dropped
            + max(0, len(part.findings) - room),
        }
    )
    return FileResult(
        pii_file,
        whole.findings + part.findings[:room],
        dict(Counter(whole.records_with) + Counter(part.records_with)),
        values,
        dict(hits),
    )


# ---------------------------------------------------------------- process pool

PART_BYTES = 4 << 20  # a big line-format file is cut into parts of this size for the workers
_worker: dict[str, object] = {}  # per worker process: the detector and the options


def _work(task: FileTask, part: Part | None, max_findings: int) -> FileResult:
    options: ScanOptions = _worker["options"]  # type: ignore[assignment]
    return scan_file(
        task,
        _worker["detector"],  # type: ignore[arg-type]
        min_score=options.min_score,
        sample=options.sample,
        seed=options.seed,
        part=part,
        max_findings=max_findings,
    )


def _init_worker(options: ScanOptions) -> None:
    """Builds the detector in a worker that did not inherit one (spawn / forkserver)."""
    if "detector" not in _worker:
        _worker["detector"] = build_detector(options.mode, options.entities)
    _worker["options"] = options


def _parts(task: FileTask, sample: int | None) -> list[Part | None]:
    """A big text/CSV/JSONL file is scanned in parts by several workers; others whole."""
    fmt = file_format(task.path)
    if sample is not None or fmt not in LINE_FORMATS or task.size < 2 * PART_BYTES:
        return [None]
    encoding, skipped = sniff(task.path)
    if skipped or encoding is None or encoding.startswith("utf-16"):
        return [None]  # UTF-16 has NUL bytes in its line ends: cut points are not LF bytes
    try:
        cuts = line_parts(task.path, PART_BYTES)
    except OSError:
        return [None]  # scan_file reports it
    header: tuple[str, ...] | None = None
    if fmt in ("csv", "tsv"):
        first = next(iter_lines(task.path, encoding), (1, 0, ""))[2]
        header = tuple(csv_header(first, "," if fmt == "csv" else "\t"))
    return [
        Part(start, end, line, header if i else None) for i, (start, end, line) in enumerate(cuts)
    ]


def _effective_jobs(wanted: int, by_default: bool, units: int, total_bytes: int) -> int:
    if by_default:  # a worker for every 512 KB at most (forking one costs ~10 ms)
        wanted = min(wanted, max(1, total_bytes >> 19))
    return max(1, min(wanted, units))


def run_tasks(
    tasks: list[FileTask], options: ScanOptions, *, jobs: int | None, progress: bool
) -> list[FileResult]:
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    units = [
        (i, part)
        for i, t in enumerate(tasks)
        for part in (_parts(t, options.sample) if wanted > 1 else [None])
    ]
    n_jobs = _effective_jobs(wanted, jobs is None, len(units), sum(t.size for t in tasks))
    detector = build_detector(options.mode, options.entities)
    if n_jobs > 1 and hasattr(detector, "prepare"):
        detector.prepare()  # models loaded before the fork are shared by the workers
    _worker["detector"] = detector
    _worker["options"] = options
    merged: list[FileResult | None] = [None] * len(tasks)

    def room(i: int) -> int:  # findings file i may still list
        done = merged[i]
        return MAX_FINDINGS_PER_FILE - (len(done.findings) if done is not None else 0)

    def collect(k: int, result: FileResult, bar: _Progress | None) -> None:
        i, part = units[k]
        merged[i] = add_part(merged[i], result)
        if bar:
            size = tasks[i].size if part is None else part.end - part.start
            bar.advance(size, whole_file=part is None or part.end == tasks[i].size)

    try:
        if n_jobs == 1:
            bar = _Progress(tasks) if progress else None
            try:
                for k, (i, part) in enumerate(units):
                    collect(k, _work(tasks[i], part, room(i)), bar)
            finally:
                if bar:
                    bar.close()
        else:
            _run_pool(tasks, units, options, n_jobs, room, collect, progress)
    finally:
        _worker.clear()
    return [r for r in merged if r is not None]


def _run_pool(
    tasks: list[FileTask],
    units: list[tuple[int, Part | None]],
    options: ScanOptions,
    n_jobs: int,
    room: Callable[[int], int],
    collect: Callable[[int, FileResult, _Progress | None], None],
    progress: bool,
) -> None:
    """Units go to the workers in file order, a few ahead of the one awaited, and come back
    in that order: memory holds a few parts' findings, whatever the size of the scan."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # fork: the workers inherit the detector already built (spaCy loaded once, not per worker)
    method = "fork" if sys.platform == "linux" else "spawn"
    with ProcessPoolExecutor(
        max_workers=n_jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(options,),
    ) as pool:
        ahead = 2 * n_jobs
        pending: deque[Future[FileResult]] = deque()
        submitted = 0

        def submit_more() -> None:
            nonlocal submitted
            while submitted < len(units) and len(pending) < ahead:
                i, part = units[submitted]
                pending.append(pool.submit(_work, tasks[i], part, room(i)))
                submitted += 1

        submit_more()
        bar = _Progress(tasks) if progress else None  # after the fork: rich runs a thread
        try:
            for k in range(len(units)):
                collect(k, pending.popleft().result(), bar)
                submit_more()
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

    def advance(self, size: int, whole_file: bool = True) -> None:
        self.done += whole_file
        self.progress.update(self.task, advance=size, description=self._label())

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


def _options(
    entities: Iterable[str] | None,
    min_score: float,
    sample: int | None,
    seed: int,
    mode: str,
) -> ScanOptions:
    if sample is not None and sample < 1:
        raise AuditorError("--sample must be at least 1")
    if mode not in ("presidio", "patterns"):
        raise AuditorError(f"unknown scan mode {mode!r}; use presidio or patterns")
    return ScanOptions(tuple(_check_entities(entities)), min_score, sample, seed, mode)  # type: ignore[arg-type]


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
    options = _options(entities, min_score, sample, seed, mode)
    return _run(discover(paths, excludes), options, jobs, progress)


def _run(
    tasks: list[FileTask], options: ScanOptions, jobs: int | None, progress: bool
) -> PiiResults:
    results = run_tasks(tasks, options, jobs=jobs, progress=progress) if tasks else []
    return fold(
        results,
        sample=options.sample,
        seed=options.seed,
        mode=options.mode,
        entities=options.entities,
    )


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
    options = _options(entities, min_score, sample, seed, mode)
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
    return _run(tasks, options, jobs, progress)
