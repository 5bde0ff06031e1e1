"""`auditor audit`: descriptor -> facts (+ scan facts) -> engine -> Results -> outputs.

The orchestration, and the only place of the audit that touches files besides the loaders:
it hashes evidence, calls the scanner and the renderers (lazily, so `--no-scan` never imports
the PII stack), and writes the JSON atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.descriptor.facts import facts as descriptor_facts
from auditor.descriptor.load import Loaded, load_deployment
from auditor.descriptor.model import Deployment
from auditor.errors import AuditorError
from auditor.report.results import (
    DeploymentRef,
    Evidence,
    Finding,
    Framework,
    PackRef,
    PiiResults,
    Results,
    Text,
    Tool,
    Verdict,
)
from auditor.rules.engine import Locate, evaluate_pack
from auditor.rules.pack import Pack, select_packs
from auditor.rules.scan_facts import not_scanned, scan_facts
from auditor.rules.scoring import OPEN, SEVERITY_RANK
from auditor.rules.waivers import check_waivers

RENDERED = ("pdf", "html", "sarif", "junit", "md")
UPCOMING_HORIZON = dt.timedelta(days=365)


@dataclass(frozen=True)
class AuditOptions:
    packs: Sequence[str] = ()
    scan: bool | None = None  # None: scan when the descriptor lists datasets
    outputs: Mapping[str, Path] = field(default_factory=dict)  # format -> file
    fail_on: str = "none"
    lang: str = "en"
    as_of: str | None = None
    final: bool = False  # report status FINAL instead of DRAFT


def _epoch() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (reproducible builds) pins generated_at and the default audit date."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except ValueError:
        raise AuditorError(f"SOURCE_DATE_EPOCH='{value}' is not a number of seconds") from None


def audit_date(as_of: str | None) -> dt.date:
    if as_of:
        try:
            return dt.date.fromisoformat(as_of)
        except ValueError:
            raise AuditorError(f"--as-of '{as_of}' is not a date YYYY-MM-DD") from None
    epoch = _epoch()
    return epoch.date() if epoch else dt.date.today()


def generated_at() -> str:
    moment = _epoch() or dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def locator(loaded: Loaded) -> Locate:
    """Descriptor position of the first referenced field that is answered, else of the nearest
    answered parent of the first one (where the user would add the missing answer)."""
    shown = str(loaded.path)

    def loc_of(dotted: str) -> tuple[str, ...]:
        loc: list[str] = []
        for part in dotted.split("."):
            if part.endswith("[]"):
                loc.append(part[:-2])
                break
            loc.append(part)
        return tuple(loc)

    def hit(loc: tuple[str, ...]) -> dict[str, int | str]:
        line, column = loaded.positions[loc]
        return {"path": shown, "line": line, "column": column, "field": ".".join(loc)}

    def locate(paths: Sequence[str]) -> dict[str, int | str] | None:
        locs = [loc_of(p) for p in paths]
        for loc in locs:
            if loc in loaded.positions:
                return hit(loc)
        for loc in locs[:1]:
            while loc:
                if loc in loaded.positions:
                    return hit(loc)
                loc = loc[:-1]
        return None

    return locate


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_for(deployment: Deployment, base_dir: Path) -> dict[str, list[Evidence]]:
    """Each control's evidence files, resolved against the descriptor folder, hashed."""
    out: dict[str, list[Evidence]] = {}
    for name, control in (deployment.controls or {}).items():
        items = []
        for rel in control.evidence or []:
            path = base_dir / rel
            # paths are relative to the descriptor's folder (spec); an absolute path is not read,
            # so a descriptor cannot make the report fingerprint arbitrary files of the machine
            if Path(rel).is_absolute() or Path(rel).drive:
                items.append(Evidence(path=rel, sha256=None, exists=False, control=name))
                continue
            if path.is_file():
                try:
                    items.append(Evidence(path=rel, sha256=_sha256(path), exists=True, control=name, size=path.stat().st_size))
                    continue
                except OSError:
                    pass
            items.append(Evidence(path=rel, sha256=None, exists=path.exists(), control=name))
        out[name] = items
    return out


def run_scan(deployment: Deployment, descriptor: Path, wanted: bool | None) -> PiiResults | None:
    datasets = deployment.data.datasets if deployment.data and deployment.data.datasets else []
    if wanted is False or not datasets:
        return None
    # imports Presidio: only here, only when scanning
    try:
        from auditor.scan.api import scan_datasets
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("auditor.scan"):
            return None  # scanner not built yet: PII part stays empty
        raise
    return scan_datasets(deployment, descriptor.parent, descriptor=descriptor)


def verdict(frameworks: Sequence[Framework], findings: Sequence[Finding], as_of: dt.date) -> Verdict:
    """not_ready: a prohibited tier or a failing critical/high rule; ready_with_conditions:
    anything open (fail/partial/unknown), an undetermined tier, or an obligation starting within
    12 months; ready otherwise."""
    prohibited = [f"{fw.pack}:prohibited" for fw in frameworks if fw.classification.tier == "prohibited"]
    blocking = [f.rule_id for f in findings if f.status == "fail" and f.severity in ("critical", "high")]
    if prohibited or blocking:
        deciding = prohibited + blocking
        return Verdict(
            decision="not_ready",
            deciding_rules=deciding,
            reason=Text(
                en=f"Not ready: {len(blocking)} critical/high requirement(s) fail"
                + (", and a prohibited practice is declared" if prohibited else "")
                + f" ({', '.join(deciding[:8])}{', …' if len(deciding) > 8 else ''}).",
                zh=f"未就绪：{len(blocking)} 项严重/高风险要求未满足"
                + ("，且申报了被禁止的做法" if prohibited else "")
                + f"（{', '.join(deciding[:8])}{'，…' if len(deciding) > 8 else ''}）。",
            ),
        )
    horizon = as_of + UPCOMING_HORIZON
    open_rules = [f.rule_id for f in findings if f.status in OPEN]
    soon = [f.rule_id for f in findings if f.status == "upcoming" and dt.date.fromisoformat(f.applies_from) <= horizon]
    undetermined = [f"{fw.pack}:undetermined" for fw in frameworks if fw.classification.tier == "undetermined"]
    deciding = open_rules + undetermined + soon
    if deciding:
        return Verdict(
            decision="ready_with_conditions",
            deciding_rules=deciding,
            reason=Text(
                en=f"Ready with conditions: {len(open_rules)} open requirement(s) (failing below high severity, partly met or unanswered), "
                f"{len(undetermined)} undetermined classification(s), {len(soon)} obligation(s) starting within 12 months.",
                zh=f"有条件就绪：{len(open_rules)} 项待完成要求（高风险以下未满足、部分满足或待回答），"
                f"{len(undetermined)} 项分类待确定，{len(soon)} 项义务将在 12 个月内生效。",
            ),
        )
    return Verdict(
        decision="ready",
        reason=Text(
            en="Ready: every applicable requirement passes or is validly waived.",
            zh="就绪：所有适用要求均已满足或已有效豁免。",
        ),
    )


def evaluate(
    deployment: Deployment,
    loaded: Loaded,
    packs: Sequence[Pack],
    as_of: dt.date,
    pii: PiiResults | None,
    display_path: str,
    command: str | None = None,
) -> Results:
    facts: dict[str, Any] = descriptor_facts(deployment)
    facts["scan"] = scan_facts(pii, deployment) if pii is not None else not_scanned()
    rule_ids = {rule.id for pack in packs for rule in pack.rules}
    valid, reported = check_waivers(deployment.waivers, rule_ids, as_of)
    locate = locator(loaded)
    evidence = evidence_for(deployment, loaded.path.parent)
    frameworks: list[Framework] = []
    findings: list[Finding] = []
    for pack in packs:
        framework, pack_findings = evaluate_pack(pack, facts, as_of, valid, locate)
        frameworks.append(framework)
        for f in pack_findings:
            if f.control and evidence.get(f.control):
                f = f.model_copy(update={"evidence": evidence[f.control]})
            findings.append(f)
    system = deployment.system
    return Results(
        tool=Tool(version=__version__),
        generated_at=generated_at(),
        deployment=DeploymentRef(
            name=system.name,
            path=display_path,
            sha256=loaded.sha256,
            version=system.version,
            provider=system.provider.name if system.provider else None,
            description=system.description,
            intended_purpose=system.intended_purpose,
            markets=list(deployment.deployment.markets or []) if deployment.deployment else [],
            role=system.role,
        ),
        packs=[
            PackRef(
                id=p.id, version=p.version, sha256=p.sha256, as_of=p.as_of, title=p.title,
                jurisdiction=p.jurisdiction, rules=len(p.rules),
            )
            for p in packs
        ],
        frameworks=frameworks,
        findings=findings,
        pii=pii or PiiResults(),
        as_of=as_of.isoformat(),
        verdict=verdict(frameworks, findings, as_of),
        evidence=[e for items in evidence.values() for e in items],
        waivers=reported,
        command=command,
    )


def exit_code(results: Results, fail_on: str) -> int:
    """1 when a non-waived fail / partial / unknown finding is at or above `fail_on`."""
    if fail_on == "none":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(f.status in OPEN and SEVERITY_RANK[f.severity] >= floor for f in results.findings))


def _command(descriptor: Path, options: AuditOptions, as_of: dt.date) -> str:
    """How to reproduce this result: the audit date is always pinned, even when defaulted."""
    args = ["auditor", "audit", str(descriptor)]
    for pack in options.packs:
        args += ["--pack", pack]
    if options.scan is not None:
        args.append("--scan" if options.scan else "--no-scan")
    args += ["--as-of", as_of.isoformat()]
    return shlex.join(args)


def write_outputs(
    results: Results, outputs: Mapping[str, Path], lang: str, base_dir: Path, final: bool = False
) -> None:
    from auditor.report.json_out import write_json

    for fmt, path in outputs.items():
        if fmt == "json":
            write_json(results, path)
            continue
        try:
            from auditor.report.render import render
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("auditor.report"):
                raise AuditorError(f"--{fmt} output is not available yet in this build") from None
            raise
        render(results, fmt, path, lang, base_dir=base_dir, draft=not final)


def run_audit(descriptor: Path, options: AuditOptions) -> int:
    from auditor.report.terminal import print_summary

    deployment, loaded = load_deployment(descriptor)
    as_of = audit_date(options.as_of)
    packs = select_packs(list(options.packs))
    pii = run_scan(deployment, loaded.path, options.scan)
    results = evaluate(deployment, loaded, packs, as_of, pii, str(descriptor), _command(descriptor, options, as_of))
    write_outputs(results, options.outputs, options.lang, loaded.path.parent, options.final)
    print_summary(results, options.lang, options.fail_on)
    return exit_code(results, options.fail_on)
