"""The one exception users see. cli.py turns it into one line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path


class AuditorError(Exception):
    """A user error: bad input, bad pack, missing file. Never a bug."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def one_line(self) -> str:
        """`FILE:LINE:COL: message`, the shape editors and CI annotate from."""
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = " ".join(self.message.split())  # exactly one line, whatever the message held
        return f"{where}{text}"


class DescriptorInvalid(AuditorError):
    """Several schema problems in one descriptor; each is already a one-line string."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s)", path=path)
        self.problems = problems

    def one_line(self) -> str:
        return "\n".join(self.problems)
