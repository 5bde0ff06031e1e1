"""`auditor check`: validate descriptors and summarise them (fast: no scan, no PII stack)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape

from auditor.descriptor.load import load_deployment
from auditor.descriptor.model import Deployment
from auditor.errors import AuditorError, DescriptorInvalid
from auditor.report.sanitize import visible
from auditor.rules.scoring import OPEN, SEVERITY_RANK

# The questions whose answers decide most rules; the summary lists the unanswered ones.
KEY_QUESTIONS = (
    "system.role",
    "system.use_cases",
    "outputs",
    "capabilities.conversational",
    "capabilities.synthetic_media.generates",
    "capabilities.profiling",
    "capabilities.automated_decisions.makes_or_supports",
    "capabilities.prohibited_practices",
    "deployment.markets",
    "deployment.audience",
    "deployment.monthly_active_users",
    "deployment.minors_may_use",
    "data.personal_information",
    "data.training_sources",
    "data.cross_border_transfers",
)


def unanswered(deployment: Deployment) -> list[str]:
    data = deployment.model_dump(by_alias=True, exclude_none=True)
    missing = []
    for dotted in KEY_QUESTIONS:
        node = data
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            missing.append(dotted)
    return missing


def run_check(paths: list[Path], fail_on: str = "none", as_of: str | None = None, quiet: bool = False) -> int:
    """Validate each descriptor, then evaluate the built-in packs on it (no scan).

    Exit code: 2 when a descriptor is invalid, else 1 when an open finding (fail / partial /
    unknown, not waived) is at or above `fail_on`, else 0.
    """
    from auditor.audit import audit_date, evaluate, exit_code
    from auditor.rules.pack import load_packs

    # soft_wrap: rich otherwise wraps at 80 columns when piped, splitting one problem over two
    # lines (editors and CI parse FILE:LINE:COL: per line).
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    worst = 0
    date = audit_date(as_of)
    packs = None
    for path in paths:
        try:
            deployment, loaded = load_deployment(path)
        except DescriptorInvalid as exc:
            for problem in exc.problems:
                err.print(visible(problem), markup=False)
            worst = 2
            continue
        except AuditorError as exc:
            err.print(visible(exc.one_line()), markup=False)
            worst = 2
            continue
        if packs is None:
            packs = load_packs(strict=False)  # a broken pack is a usage error (exit 2) raised to the CLI
        results = evaluate(deployment, loaded, packs, date, None, str(path))
        code = exit_code(results, fail_on)
        worst = max(worst, code)
        if not quiet:
            system = deployment.system
            markets = ", ".join(deployment.deployment.markets or []) if deployment.deployment else ""
            out.print(f"[bold]{escape(visible(str(path)))}[/bold]: ok", highlight=False)
            out.print(f"  system:  {visible(system.name)} {visible(system.version or '')}".rstrip(), markup=False)
            out.print(f"  markets: {markets or '(unanswered)'}", markup=False)
            missing = unanswered(deployment)
            if missing:
                out.print(f"  unanswered: {', '.join(missing)}", markup=False)
            for fw in results.frameworks:
                c = fw.counts
                score = "-" if fw.score is None else f"{fw.score} ({fw.grade})"
                out.print(
                    f"  {fw.pack}: tier {fw.classification.tier}, score {score}, "
                    f"{c.fail} fail, {c.partial} partial, {c.unknown} unknown, {c.upcoming} upcoming",
                    markup=False,
                )
        if code:
            floor = SEVERITY_RANK[fail_on]
            for f in results.findings:
                if f.status in OPEN and SEVERITY_RANK[f.severity] >= floor:
                    where = f"{path}:{f.location['line']}" if f.location else str(path)
                    err.print(visible(f"{where}: {f.rule_id} ({f.severity}): {f.status}: {f.title}"), markup=False)
    return worst
