"""Which files a scan reads: paths and folders, `.auditorignore` (gitignore syntax), formats,
encodings and binaries."""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from auditor.errors import AuditorError

IGNORE_FILE = ".auditorignore"
# Folders nobody wants scanned for PII in a dataset walk.
ALWAYS_IGNORED = (
    ".git/",
    ".hg/",
    ".svn/",
    "__pycache__/",
    ".venv/",
    "node_modules/",
    ".mypy_cache/",
    ".pytest_cache/",
)

FORMATS = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".parquet": "parquet", ".pq": "parquet",
    ".yaml": "yaml", ".yml": "yaml",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml",
}  # fmt: skip
BINARY_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .bmp .ico .webp .tif .tiff .pdf .zip .gz .tgz .bz2 .xz .7z .rar .tar .whl .jar "
    ".exe .dll .so .dylib .o .a .pyc .pyo .class .bin .dat .pt .pth .onnx .safetensors .npy .npz .h5 .pkl "
    ".mp3 .mp4 .wav .avi .mov .mkv .woff .woff2 .ttf .otf .sqlite .db .xlsx .docx .pptx".split()
)
SNIFF_BYTES = 65536


@dataclass(frozen=True)
class FileTask:
    path: Path  # where to read it
    display: str  # how findings name it (relative to what the user passed)
    size: int


def _spec_for(root: Path, extra: Iterable[str]):  # type: ignore[no-untyped-def]
    import pathspec

    lines = list(ALWAYS_IGNORED) + list(extra)
    ignore = root / IGNORE_FILE
    if ignore.is_file():
        lines += ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    return pathspec.GitIgnoreSpec.from_lines(lines)


def discover(paths: Iterable[str | Path], excludes: Iterable[str] = ()) -> list[FileTask]:
    """Expand folders recursively (sorted, so every run and every --jobs sees the same order)."""
    tasks: list[FileTask] = []
    excludes = list(excludes)
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise AuditorError("no such file or folder; check the path", path=str(given))
        if p.is_file():
            spec = _spec_for(Path("."), excludes) if excludes else None
            if spec is None or not spec.match_file(p.as_posix()):
                tasks.append(FileTask(p, _display(str(given)), p.stat().st_size))
            continue
        spec = _spec_for(p, excludes)
        for dirpath, dirnames, filenames in os.walk(p):
            rel_dir = Path(dirpath).relative_to(p)
            dirnames[:] = sorted(
                d for d in dirnames if not spec.match_file((rel_dir / d).as_posix() + "/")
            )
            for name in sorted(filenames):
                rel = (rel_dir / name).as_posix()
                if name == IGNORE_FILE or spec.match_file(rel):
                    continue
                full = Path(dirpath) / name
                if full.is_symlink() and not full.exists():
                    continue
                tasks.append(
                    FileTask(full, _display(os.path.join(str(given), rel)), full.stat().st_size)
                )
    return tasks


def _display(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def file_format(path: Path) -> str:
    return FORMATS.get(path.suffix.lower(), "text")


def sniff(path: Path) -> tuple[str | None, str | None]:
    """(encoding, skip reason). BOMs first, then strict UTF-8, then GB18030 for Chinese files
    that are not UTF-8; a NUL byte without a UTF-16 BOM means binary."""
    if path.suffix.lower() in BINARY_SUFFIXES:
        return None, "binary"
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    if b"\x00" in head:
        return None, "binary"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030", None
    except UnicodeDecodeError:
        # Mostly UTF-8 with a few bad bytes: decode with replacement rather than fail.
        return "utf-8", None


class _ByteRange(io.RawIOBase):
    """The bytes of an open binary file from its current position, `remaining` at most."""

    def __init__(self, fh: BinaryIO, remaining: int) -> None:
        self._fh = fh
        self._remaining = remaining

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        if self._remaining <= 0:
            return 0
        view = memoryview(buffer)[: self._remaining]
        n = self._fh.readinto(view) or 0
        self._remaining -= n
        return n


def iter_lines(
    path: Path,
    encoding: str,
    max_chars: int = 1 << 20,
    part: tuple[int, int] | None = None,
    first_line: int = 1,
) -> Iterator[tuple[int, int, str]]:
    """(line number, 0-based column offset, text) with bounded memory: a line longer than
    `max_chars` arrives in pieces (an entity cut at a piece boundary can be missed). `part`
    is a (start, end) byte range cut at line ends (see `line_parts`) whose first line is
    `first_line` of the file."""
    with path.open("rb") as raw:
        source: BinaryIO = raw
        if part is not None:
            raw.seek(part[0])
            source = io.BufferedReader(_ByteRange(raw, part[1] - part[0]))
        fh = io.TextIOWrapper(source, encoding=encoding, errors="replace", newline=None)
        lineno = first_line - 1
        col = 0
        continuing = False
        while True:
            piece = fh.readline(max_chars)
            if not piece:
                break
            if not continuing:
                lineno += 1
                col = 0
            ended = piece.endswith("\n")
            text = piece[:-1] if ended else piece
            yield lineno, col, text
            col += len(text)
            continuing = not ended


def line_parts(path: Path, part_bytes: int, block: int = 1 << 24) -> list[tuple[int, int, int]]:
    """Cut a file at line ends into (start, end, first line number) parts of about
    `part_bytes`, so that workers can scan one big file together. One pass of
    `bytes.count` (GB/s). A file with old Mac line ends (a lone CR ends a line when decoded)
    is one part: counting LF would put its findings on the wrong lines."""
    cuts = [(0, 1)]  # (offset, line number of the line starting there)
    newlines = 0  # LFs before `pos`
    pos = 0
    target = part_bytes
    cr_pending = False
    with path.open("rb") as fh:
        while data := fh.read(block):
            lone_cr = data.count(b"\r") - data.count(b"\r\n")
            if cr_pending and not data.startswith(b"\n"):
                lone_cr += 1
            cr_pending = data.endswith(b"\r")
            if lone_cr - cr_pending > 0:
                return [(0, path.stat().st_size, 1)]
            i = 0
            while pos + len(data) > target:
                j = data.find(b"\n", max(i, target - pos))
                if j < 0:
                    break  # the cut falls at the first LF of a later block
                cuts.append((pos + j + 1, newlines + data.count(b"\n", 0, j + 1) + 1))
                i = j + 1
                target = pos + i + part_bytes
            newlines += data.count(b"\n")
            pos += len(data)
    if len(cuts) > 1 and cuts[-1][0] >= pos:
        cuts.pop()
    ends = [c[0] for c in cuts[1:]] + [pos]
    return [(start, end, line) for (start, line), end in zip(cuts, ends, strict=True)]
