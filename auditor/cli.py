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
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Law date YYYY-MM-DD (default today).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
) -> None:
    """Validate descriptors against the schema and evaluate the rules (no scan, no report)."""
    from auditor.check import run_check

    raise typer.Exit(run_check(descriptors, fail_on=fail_on.value, as_of=as_of, quiet=quiet))


@app.command()
def schema() -> None:
    """Print the descriptor JSON Schema."""
    from auditor.descriptor.schema import json_schema_text

    sys.stdout.write(json_schema_text())


def main() -> None:
    """Console entry point: the one place where user errors become exit code 2."""
    try:
        app(standalone_mode=False)
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

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
