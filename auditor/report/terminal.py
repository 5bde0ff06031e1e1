"""The rich terminal summary of an audit: one row per pack, then what needs work, then the verdict.

It draws Results only (never evaluates anything) and never prints a PII value: the PII line
holds entity counts, no excerpts.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditor.report.results import Finding, Results
from auditor.report.sanitize import visible

STATUS_STYLE = {
    "fail": "bold red",
    "partial": "yellow",
    "unknown": "magenta",
    "upcoming": "cyan",
    "pass": "green",
    "waived": "blue",
    "not_applicable": "dim",
}
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
STATUS_ORDER = {"fail": 0, "partial": 1, "unknown": 2}
VERDICT_STYLE = {"ready": "bold green", "ready_with_conditions": "bold yellow", "not_ready": "bold red"}
HEAD = {
    "en": ("pack", "tier", "score", "grade", "findings"),
    "zh": ("规则包", "分级", "得分", "等级", "结果"),
}
COUNT_WORDS = {
    "en": {"pass": "pass", "fail": "fail", "partial": "partial", "unknown": "unknown", "upcoming": "upcoming",
           "not_applicable": "n/a", "waived": "waived"},
    "zh": {"pass": "通过", "fail": "未通过", "partial": "部分", "unknown": "待确定", "upcoming": "即将生效",
           "not_applicable": "不适用", "waived": "已豁免"},
}


def _open_table(findings: list[Finding], lang: str) -> Table:
    zh = lang == "zh"
    table = Table(title="需要处理的规则" if zh else "Rules that need work", title_justify="left")
    for column in (("规则", "状态", "严重性", "标题", "原因") if zh else ("rule", "status", "severity", "title", "why")):
        table.add_column(column, overflow="fold")
    for f in sorted(findings, key=lambda f: (STATUS_ORDER[f.status], SEVERITY_ORDER[f.severity], f.rule_id)):
        # the first sentence says what is wrong; the trigger facts that follow are in the reports
        why = f.text("why", lang).split(" Applies because ")[0].split("适用原因：")[0]
        if f.status == "unknown" and f.questions:
            why = ("请回答：" if zh else "answer: ") + ", ".join(f.questions)
        table.add_row(
            escape(f.rule_id), f"[{STATUS_STYLE[f.status]}]{f.status}[/]", f.severity,
            escape(visible(f.text("title", lang))), escape(visible(why)),
        )
    return table


def print_summary(results: Results, lang: str = "en", fail_on: str = "none", console: Console | None = None) -> None:
    out = console or Console(highlight=False)
    zh = lang == "zh"
    table = Table(title=f"{escape(visible(results.deployment.name))} — {'审计日期' if zh else 'audit date'} {results.as_of}", title_justify="left")
    for i, column in enumerate(HEAD["zh" if zh else "en"]):
        table.add_column(column, justify="right" if i in (2, 3) else "left", no_wrap=i < 4)
    words = COUNT_WORDS["zh" if zh else "en"]
    for fw in results.frameworks:
        tally = fw.counts.model_dump(by_alias=True)
        shown = ", ".join(f"[{STATUS_STYLE[k]}]{v} {words[k]}[/]" for k, v in tally.items() if v)
        table.add_row(escape(fw.pack), escape(fw.classification.tier), "-" if fw.score is None else str(fw.score), fw.grade, shown)
    out.print(table)
    for fw in results.frameworks:
        if fw.classification.labels:
            out.print(f"{fw.pack} {'标签' if zh else 'labels'}: {', '.join(fw.classification.labels)}", markup=False)
    open_findings = [f for f in results.findings if f.status in STATUS_ORDER]
    if open_findings:
        out.print(_open_table(open_findings, lang))
    for fw in results.frameworks:
        if fw.classification.tier == "undetermined":
            questions = ", ".join(fw.classification.questions)
            out.print(f"{fw.pack}: " + (f"分级待确定，请回答 {questions}" if zh else f"tier undetermined: answer {questions}"), markup=False)
    for w in results.waivers:
        if not w.valid:
            out.print(visible(f"{'豁免无效' if zh else 'waiver not applied'}: {w.rule or '?'}: {w.problem}"), style="yellow", markup=False)
    if results.pii.files_scanned:
        summary = ", ".join(f"{k} {v}" for k, v in sorted(results.pii.summary.items())) or ("无" if zh else "none")
        out.print(f"PII: {results.pii.files_scanned} {'个文件' if zh else 'file(s) scanned'}; {summary}")
    if results.verdict:
        v = results.verdict
        out.print(f"[{VERDICT_STYLE[v.decision]}]{v.decision}[/]: {escape(v.reason.get(lang))}")
    if fail_on != "none":
        out.print(("--fail-on 阈值：" if zh else "--fail-on threshold: ") + fail_on, style="dim")
