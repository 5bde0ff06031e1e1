"""Benchmark the report renderers: prints figures, asserts nothing (STYLE.md: benchmarks print).

    .venv/bin/python benchmarks/bench_report.py [RESULTS.json ...] [--repeat N]

Default input: the rich test fixture (3 regimes, every status, PII). For each input it prints
the wall and CPU seconds of every format (in-process, after a warm-up so imports and font
discovery are not counted), the PDF's page count and size, and the wall time of one cold
`auditor report --pdf` subprocess (what a user waits for). Budget: one PDF under 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "report" / "fixtures" / "results-sample.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="*", type=Path, default=[FIXTURE])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    import pypdf

    from auditor.report.load import load_results
    from auditor.report.render import FORMATS, render

    print(f"import auditor.report: {time.perf_counter() - t0:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for path in args.results:
            results = load_results(path)
            print(
                f"\n{path.name}: {len(results.findings)} findings, {len(results.pii.findings)} PII findings"
            )
            render(results, "pdf", out / "warm.pdf", "en")  # warm-up: WeasyPrint import, fontconfig
            for lang in ("en", "zh"):
                for fmt in FORMATS:
                    wall, cpu = [], []
                    for _ in range(args.repeat):
                        w, c = time.perf_counter(), time.process_time()
                        target = render(results, fmt, out / f"r.{fmt}", lang)
                        wall.append(time.perf_counter() - w)
                        cpu.append(time.process_time() - c)
                    extra = ""
                    if fmt == "pdf":
                        extra = f"  {len(pypdf.PdfReader(target).pages)} pages"
                    print(
                        f"  {lang} {fmt:5}  wall {statistics.median(wall):6.3f} s  "
                        f"cpu {statistics.median(cpu):6.3f} s  {target.stat().st_size:>9,} bytes{extra}"
                    )
            w = time.perf_counter()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "auditor",
                    "report",
                    str(path),
                    "--pdf",
                    str(out / "cold.pdf"),
                ],
                capture_output=True,
                text=True,
            )
            status = (
                "ok" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr.strip()}"
            )
            print(
                f"  cold `auditor report --pdf` (new process): {time.perf_counter() - w:.2f} s ({status})"
            )


if __name__ == "__main__":
    main()
