"""The `auditor` command line: parse options, call one function per command, map errors to exit codes.

No logic lives here. Exit codes (shared/spec/interfaces-v1.md): 0 clean, 1 findings at or above
the threshold, 2 usage or input error with one line on stderr and no traceback.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import __version__
from auditor.errors import AuditorError

app = typer.Typer(
    name="auditor",
    help="Offline compliance audit of AI deployments (China GenAI rules, EU AI Act, US AI laws) "
    "with PII scanning and procurement-ready reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Browse, validate and test rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

_state = {"debug": False}


class Severity(str, Enum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"
    none = "none"


class Lang(str, Enum):
    en = "en"
    zh = "zh"


class ScanFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    _state["debug"] = debug


@app.command()
def check(
    descriptors: Annotated[list[Path], typer.Argument(help="Descriptor files to validate.")],
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Exit 1 when a finding has this severity or higher.")
    ] = Severity.none,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Law date YYYY-MM-DD (default today).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
) -> None:
    """Validate descriptors against the schema and evaluate the rules (no scan, no report)."""
    from auditor.check import run_check

    raise typer.Exit(run_check(descriptors, fail_on=fail_on.value, as_of=as_of, quiet=quiet))


@app.command()
def init(
    out: Annotated[Path, typer.Option("--out", "-o", help="Descriptor file to write.")] = Path(
        "deployment.yaml"
    ),
    from_answers: Annotated[
        Optional[Path],
        typer.Option("--from-answers", help="YAML mapping of question (dotted path) -> answer; no prompts."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Answer a short questionnaire and write a descriptor (empty answers stay unknown)."""
    from auditor.init import run_init

    run_init(out, from_answers, lambda text: typer.prompt(text, default="", show_default=False), force)
    typer.echo(f"wrote {out}; next: auditor check {out}", err=True)


@app.command()
def schema() -> None:
    """Print the descriptor JSON Schema."""
    from auditor.descriptor.schema import json_schema_text

    sys.stdout.write(json_schema_text())


@app.command()
def report(
    results_json: Annotated[Path, typer.Argument(help="Results JSON written by `auditor audit --json`.")],
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Write the PDF report.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write the HTML report.")] = None,
    sarif: Annotated[Path | None, typer.Option("--sarif", help="Write SARIF 2.1.0.")] = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write Markdown (PR comment).")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Report language.")] = Lang.en,
    final: Annotated[bool, typer.Option("--final", help="Final document: no DRAFT watermark.")] = False,
) -> None:
    """Re-render saved results as reports, without re-auditing."""
    from auditor.report.load import load_results
    from auditor.report.render import render_all

    results = load_results(results_json)
    outputs = {"pdf": pdf, "html": html, "sarif": sarif, "junit": junit, "md": md}
    written = render_all(
        results, outputs, lang.value, base_dir=results_json.resolve().parent, draft=not final
    )
    for path in written:
        typer.echo(f"wrote {path}", err=True)


@app.command()
def audit(
    descriptor: Annotated[Path, typer.Argument(help="The deployment descriptor (YAML).")],
    pack: Annotated[
        list[str] | None,
        typer.Option("--pack", help="Built-in pack id (restricts to those named) or a pack folder / pack.yaml (adds it). Repeatable."),
    ] = None,
    scan: Annotated[
        bool | None, typer.Option("--scan/--no-scan", help="Scan data.datasets for PII (default: when datasets are listed).")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write results JSON (auditor/results/v1).")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Write the PDF report.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write the HTML report.")] = None,
    sarif: Annotated[Path | None, typer.Option("--sarif", help="Write SARIF 2.1.0.")] = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write Markdown.")] = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Exit 1 when an open finding (fail/partial/unknown) has this severity or higher.")
    ] = Severity.none,
    lang: Annotated[Lang, typer.Option("--lang", help="Report language.")] = Lang.en,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Audit date YYYY-MM-DD (default today).")] = None,
    final: Annotated[bool, typer.Option("--final", help="Mark the PDF/HTML report FINAL instead of DRAFT.")] = False,
) -> None:
    """Validate the descriptor, evaluate the rule packs, scan datasets, print a summary, write reports."""
    from auditor.audit import AuditOptions, run_audit

    outputs = {
        fmt: path
        for fmt, path in (("json", json_out), ("pdf", pdf), ("html", html), ("sarif", sarif), ("junit", junit), ("md", md))
        if path is not None
    }
    options = AuditOptions(tuple(pack or ()), scan, outputs, fail_on.value, lang.value, as_of, final)
    raise typer.Exit(run_audit(descriptor, options))


PackOption = Annotated[
    list[str] | None,
    typer.Option("--pack", help="Built-in pack id or pack folder / pack.yaml (repeatable; default: all built-in)."),
]


@rules_app.command("list")
def rules_list(pack: PackOption = None, lang: Annotated[Lang, typer.Option("--lang")] = Lang.en) -> None:
    """Table of the rules: pack, id, severity, applies_from, legal_status, title."""
    from auditor.rules.commands import run_list

    raise typer.Exit(run_list(pack, lang.value))


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. EU-AIA-ART50-1.")], pack: PackOption = None) -> None:
    """Everything about one rule, in English and Chinese."""
    from auditor.rules.commands import run_show

    raise typer.Exit(run_show(rule_id, pack))


@rules_app.command("validate")
def rules_validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Pack folders or pack.yaml files (default: built-in packs).")] = None,
) -> None:
    """Validate packs: CEL syntax, descriptor field references, texts, tests. Exit 2 on problems."""
    from auditor.rules.commands import run_validate

    raise typer.Exit(run_validate(paths))


@rules_app.command("test")
def rules_test(
    paths: Annotated[list[Path] | None, typer.Argument(help="Pack folders or pack.yaml files (default: built-in packs).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List passing cases too.")] = False,
) -> None:
    """Run the packs' own test cases; exit 1 when a case fails."""
    from auditor.rules.commands import run_test

    raise typer.Exit(run_test(paths, verbose))


class ScanMode(str, Enum):
    presidio = "presidio"
    patterns = "patterns"


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to scan (folders recursively, honouring .auditorignore).")],
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="Output format.")] = ScanFormat.text,
    entities: Annotated[
        str | None, typer.Option("--entities", help="Comma-separated entity types (default: the privacy-relevant set).")
    ] = None,
    min_score: Annotated[float, typer.Option("--min-score", min=0.0, max=1.0, help="Drop findings scored below this.")] = 0.5,
    sample: Annotated[
        Optional[int], typer.Option("--sample", min=1, help="Seeded reservoir sample of N records per file; reports prevalence.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for --sample.")] = 0,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    mode: Annotated[
        ScanMode, typer.Option("--mode", help="presidio: patterns + spaCy/jieba names and places; patterns: fast, no NLP.")
    ] = ScanMode.presidio,
    fail_on_findings: Annotated[bool, typer.Option("--fail-on-findings", help="Exit 1 when any PII is found.")] = False,
    show_values: Annotated[bool, typer.Option("--show-values", help="Show detected values in clear (text on a terminal only).")] = False,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Gitignore-style pattern to skip (repeatable).")] = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Ignore findings recorded in this baseline file (salted fingerprints).")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Record the current findings in --baseline and exit 0.")
    ] = False,
) -> None:
    """Scan files for personal information (masked output; exit 1 with --fail-on-findings)."""
    from auditor.scan.command import run_scan

    raise typer.Exit(
        run_scan(
            paths, fmt=fmt.value, entities=entities.split(",") if entities else None, min_score=min_score,
            sample=sample, seed=seed, jobs=jobs, mode=mode.value, fail_on_findings=fail_on_findings,
            show_values=show_values, excludes=exclude or (), baseline=baseline, update_baseline=update_baseline,
        )
    )


def main() -> None:
    """Console entry point: the one place where user errors become exit code 2."""
    try:
        # In non-standalone mode click *returns* the code of a typer.Exit instead of raising it.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except AuditorError as exc:
        if _state["debug"]:
            raise
        typer.echo(exc.one_line(), err=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        # typer >= 0.2x vendors its own click (typer._click), whose exceptions are not click's.
        vendored = getattr(getattr(typer, "_click", None), "exceptions", None)
        usage = (click.exceptions.ClickException, *([vendored.ClickException] if vendored else []))
        if isinstance(exc, usage):
            exc.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
