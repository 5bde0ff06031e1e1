"""Markdown summary for pull-request comments: verdict, one table per regime, what fails, PII.

Vendor-written strings pass through `markdown_inline`, which escapes HTML and Markdown syntax:
GitHub renders raw HTML in comments, and a descriptor must not be able to inject links.
"""

from __future__ import annotations

from pathlib import Path

from auditor.report import context
from auditor.report.results import Results
from auditor.report.sanitize import markdown_code as code
from auditor.report.sanitize import markdown_inline as md

_COUNT_COLUMNS = ("pass", "fail", "partial", "unknown", "upcoming", "waived", "not_applicable")
_DECISION_ICON = {"ready": "✅", "ready_with_conditions": "⚠️", "not_ready": "❌"}


def build(results: Results, lang: str = "en", *, draft: bool = True) -> str:
    s = context.strings(lang)
    date = lambda v: context.format_date(v, lang)  # noqa: E731
    lines: list[str] = []
    version = f" {md(results.deployment.version)}" if results.deployment.version else ""
    lines.append(f"## {s['report_title']}: {md(results.deployment.name)}{version}")
    lines.append("")
    lines.append(
        f"{s['control']['as_of']}: **{date(results.as_of) or s['not_stated']}** · "
        f"{s['control']['audit_date']}: {date(results.generated_at)} · "
        f"{results.tool.name} {results.tool.version}" + (f" · **{s['draft']}**" if draft else "")
    )
    lines.append("")
    v = results.verdict
    if v:
        lines.append(
            f"### {_DECISION_ICON.get(v.decision, '')} {s['summary']['verdict']}: "
            f"**{s['decision'][v.decision]}**"
        )
        lines.append("")
        lines.append(md(v.reason.get(lang)))
        if v.deciding_rules:
            lines.append("")
            lines.append(
                f"{s['summary']['deciding']}: " + ", ".join(f"`{r}`" for r in v.deciding_rules)
            )
    else:
        lines.append(f"### {s['summary']['verdict']}: {s['decision']['none']}")
    lines.append("")
    header = [
        s["summary"]["regime"],
        s["summary"]["tier"],
        s["summary"]["score"],
        s["summary"]["grade"],
    ]
    header += [s["status"][c] for c in _COUNT_COLUMNS]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * 4 + "--:|" * len(_COUNT_COLUMNS))
    for fw in results.frameworks:
        title = fw.title.get(lang) if fw.title else fw.pack
        counts = fw.counts.model_dump(by_alias=True)
        row = [
            f"{md(title)} (`{fw.pack}`)",
            md(fw.classification.tier),
            "" if fw.score is None else str(fw.score),
            fw.grade,
        ] + [str(counts[c]) for c in _COUNT_COLUMNS]
        lines.append("| " + " | ".join(row) + " |")
    failing = [f for f in results.findings if f.status in ("fail", "partial")]
    failing.sort(key=lambda f: (context.SEVERITY_RANK.get(f.severity, 9), f.pack, f.rule_id))
    lines.append("")
    lines.append(f"### {s['summary']['top_risks']}")
    lines.append("")
    if failing:
        lines.append(
            f"| {s['summary']['rule']} | {s['summary']['status']} | {s['summary']['severity']} "
            f"| {s['finding']['citation']} | {s['finding']['remediation']} |"
        )
        lines.append("|---|---|---|---|---|")
        for f in failing:
            cite = md(f"{f.citation.instrument}, {f.citation.provision}")
            if f.citation.url.startswith(("http://", "https://")) and not set(f.citation.url) & set(
                " ()<>"
            ):
                cite = f"[{cite}]({f.citation.url})"
            lines.append(
                f"| `{f.rule_id}` {md(f.text('title', lang))} | {s['status'][f.status]} "
                f"| {s['severity'][f.severity]} | {cite} | {md(f.text('remediation', lang))} |"
            )
    else:
        lines.append(s["summary"]["top_risks_none"])
    unknown = [f for f in results.findings if f.status == "unknown"]
    if unknown:
        lines.append("")
        lines.append(f"### {s['sections']['questions']}")
        lines.append("")
        for f in unknown:
            asks = ", ".join(f"`{code(q)}`" for q in f.questions) or md(f.text("why", lang))
            lines.append(f"- `{f.rule_id}`: {asks}")
    upcoming = sorted(
        (f for f in results.findings if f.status == "upcoming"), key=lambda f: f.applies_from
    )
    if upcoming:
        lines.append("")
        lines.append(f"### {s['summary']['upcoming']}")
        lines.append("")
        for f in upcoming:
            lines.append(f"- **{date(f.applies_from)}** `{f.rule_id}` {md(f.text('title', lang))}")
    p = results.pii
    lines.append("")
    lines.append(f"### {s['sections']['pii']}")
    lines.append("")
    if p.files_scanned or p.files:
        coverage = (
            s["pii"]["sampled"].format(
                n=p.sample_size if p.sample_size is not None else s["na"],
                seed=p.seed if p.seed is not None else s["na"],
            )
            if p.sampled
            else s["pii"]["exhaustive"]
        )
        lines.append(
            f"{s['pii']['files_scanned']}: {p.files_scanned:,} · {s['pii']['bytes_scanned']}: "
            f"{p.bytes_scanned:,} · {coverage}"
        )
        if p.summary:
            lines.append("")
            lines.append(f"| {s['pii']['entity']} | {s['pii']['total']} |")
            lines.append("|---|--:|")
            for entity, n in sorted(p.summary.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"| {md(entity)} | {n:,} |")
    else:
        lines.append(s["pii"]["none"])
    lines.append("")
    lines.append(f"<sub>{md(s['limitations']['items'][-1])}</sub>")
    return "\n".join(lines) + "\n"


def render(
    results: Results, lang: str, *, base_dir: Path | None = None, draft: bool = True
) -> bytes:
    return build(results, lang, draft=draft).encode("utf-8")
