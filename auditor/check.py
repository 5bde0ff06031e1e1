"""`auditor check`: validate descriptors and summarise them (fast: no scan, no PII stack)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from auditor.descriptor.load import load_deployment
from auditor.descriptor.model import Deployment
from auditor.errors import AuditorError, DescriptorInvalid

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
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    worst = 0
    for path in paths:
        try:
            deployment, _ = load_deployment(path)
        except DescriptorInvalid as exc:
            for problem in exc.problems:
                err.print(problem, markup=False)
            worst = 2
            continue
        except AuditorError as exc:
            err.print(exc.one_line(), markup=False)
            worst = 2
            continue
        if quiet:
            continue
        system = deployment.system
        markets = ", ".join(deployment.deployment.markets or []) if deployment.deployment else ""
        out.print(f"[bold]{path}[/bold]: ok", highlight=False)
        out.print(f"  system:  {system.name} {system.version or ''}".rstrip(), markup=False)
        out.print(f"  markets: {markets or '(unanswered)'}", markup=False)
        missing = unanswered(deployment)
        if missing:
            out.print(f"  unanswered: {', '.join(missing)}", markup=False)
    return worst
