"""Rule engine figures: pack loading, one audit evaluation, and CEL library comparison.

Run: .venv/bin/python benchmarks/bench_rules.py [--rounds N]
Prints figures; asserts nothing (the budget is: load all built-in packs and evaluate one
descriptor in under 200 ms, without importing spaCy / Presidio).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*/deployment.yaml"))


def median_ms(fn: Any, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="auditor-bench-cache-")
    os.environ["AUDITOR_CACHE_DIR"] = cache

    start = time.perf_counter()
    from auditor.audit import evaluate
    from auditor.descriptor.load import load_deployment
    from auditor.rules.pack import load_packs

    print(f"import engine + audit modules: {(time.perf_counter() - start) * 1000:.0f} ms")

    start = time.perf_counter()
    packs = load_packs()
    cold = (time.perf_counter() - start) * 1000
    rules = sum(len(p.rules) for p in packs)
    conditions = sum(1 for p in packs for r in p.rules for c in (r.applies_when, r.requires, r.partial_when) if c)
    definitions = sum(len(p.definitions) for p in packs)
    cases = sum(len(r.tests) for p in packs for r in p.rules)
    print(f"built-in packs: {len(packs)} packs, {rules} rules, {conditions} rule conditions, "
          f"{definitions} definitions, {cases} test cases")
    print(f"load all packs, cold (parse YAML, fill cache): {cold:.0f} ms")
    med, best = median_ms(load_packs, args.rounds)
    print(f"load all packs, warm cache, strict (rules validate/test): median {med:.0f} ms, best {best:.0f} ms")
    med, best = median_ms(lambda: load_packs(strict=False), args.rounds)
    print(f"load all packs, warm cache, audit mode: median {med:.0f} ms, best {best:.0f} ms")
    os.environ["AUDITOR_NO_CACHE"] = "1"
    med_nc, _ = median_ms(load_packs, max(3, args.rounds // 5))
    del os.environ["AUDITOR_NO_CACHE"]
    print(f"load all packs, cache off: median {med_nc:.0f} ms")

    as_of = dt.date(2026, 11, 22)
    worst = 0.0
    for sample in SAMPLES:
        deployment, loaded = load_deployment(sample)

        def run(deployment: Any = deployment, loaded: Any = loaded, name: str = str(sample)) -> None:
            evaluate(deployment, loaded, packs, as_of, None, name)

        med, best = median_ms(run, args.rounds)
        worst = max(worst, med)
        print(f"evaluate {sample.parent.name}: median {med:.1f} ms, best {best:.1f} ms")

    def end_to_end() -> None:  # what `auditor audit --no-scan` does between parsing argv and printing
        deployment, loaded = load_deployment(SAMPLES[0])
        evaluate(deployment, loaded, load_packs(strict=False), as_of, None, "x")

    med, best = median_ms(end_to_end, args.rounds)
    print(f"load packs (warm) + load descriptor + evaluate: median {med:.0f} ms, best {best:.0f} ms "
          f"(budget 200 ms)")
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("presidio_analyzer", "spacy", "weasyprint"))
    print(f"heavy modules imported: {heavy or 'none'}")

    compare_libraries(packs, args.rounds)


def compare_libraries(packs: list[Any], rounds: int) -> None:
    """common-expression-language (Rust) vs cel-python (pure Python) on the packs' own conditions."""
    import cel

    from auditor.descriptor.facts import facts as descriptor_facts
    from auditor.descriptor.load import load_deployment

    # the expanded texts: what either library would compile without our definition binding
    exprs = [c.expanded for p in packs for r in p.rules for c in (r.applies_when, r.requires, r.partial_when) if c]
    deployment, _ = load_deployment(SAMPLES[0])
    activation = descriptor_facts(deployment)
    activation["scan"] = {"performed": False}

    def rust_compile() -> list[Any]:
        return [cel.compile(e) for e in exprs]

    programs = rust_compile()
    med_c, _ = median_ms(rust_compile, max(3, rounds // 3))
    context = cel.Context(activation)

    def rust_eval() -> None:
        for p in programs:
            try:
                p.execute(context)
            except (KeyError, RuntimeError, TypeError, ValueError):
                pass

    med_e, _ = median_ms(rust_eval, rounds)
    print(f"common-expression-language: compile {len(exprs)} expanded conditions {med_c:.0f} ms, "
          f"evaluate them all {med_e:.1f} ms")
    try:
        import celpy
    except ImportError:
        print("cel-python not installed (pip install cel-python) — comparison skipped")
        return
    env = celpy.Environment()
    env.program(env.compile("1 == 1"))  # warm-up: builds the Lark parser once, not counted
    subset = exprs[:60]  # cel-python is slow enough that a sample gives the rate
    start = time.perf_counter()
    py_programs = [env.program(env.compile(e)) for e in subset]
    py_compile = (time.perf_counter() - start) * 1000
    py_activation = {k: celpy.json_to_cel(v) for k, v in activation.items()}
    start = time.perf_counter()
    for p in py_programs:
        try:
            p.evaluate(py_activation)
        except Exception:  # noqa: BLE001 - cel-python raises its own error types; only timing matters here
            pass
    py_eval = (time.perf_counter() - start) * 1000
    scale = len(exprs) / len(subset)
    print(f"cel-python: compile {len(subset)} conditions {py_compile:.0f} ms "
          f"(≈{py_compile * scale:.0f} ms for all {len(exprs)}), evaluate {py_eval:.0f} ms "
          f"(≈{py_eval * scale:.0f} ms for all)")


if __name__ == "__main__":
    main()
