"""File formats -> records of text segments that know where they are in the original file.

A segment is one string to scan (a text line, a CSV cell, a JSON string value, a YAML value,
a text between HTML tags), with the 1-based line and column of its first character in the
file, the column header or key it sits under, and `offsets` when the file text differs from
the string (JSON escapes).
A record is what --sample draws: a line, a CSV row, a JSONL object, a Parquet row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.scan.patterns import key_words
from auditor.scan.walk import iter_lines


@dataclass(slots=True)
class Segment:
    text: str
    line: int
    column: int  # 1-based code-point column of text[0]
    field: str | None = None  # column header / key
    json_path: str | None = None
    context: str = ""  # extra context words: key words, neighbouring cell
    # prose that can hold names and places (fed to NER); None: decide from the text when asked
    # (only the default mode asks, so the pattern-only scan never pays for it)
    free_text: bool | None = None
    offsets: list[int] | None = None  # raw column offset of each char (+ end), when escaped

    @property
    def prose(self) -> bool:
        return _is_free_text(self.text) if self.free_text is None else self.free_text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """1-based start column and exclusive end column in the original line."""
        if self.offsets is None:
            return self.column + start, self.column + end
        return self.column + self.offsets[start], self.column + self.offsets[end]


@dataclass(slots=True)
class Record:
    index: int  # 0-based record number in the file
    segments: list[Segment]


_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}(?:\s+[A-Za-z\u00c0-\u024f]{2,})+")


def _is_free_text(text: str) -> bool:
    """Two or more words in a row: worth asking NER for names and places."""
    return _WORDS.search(text) is not None


# ---------------------------------------------------------------- text and Markdown


Lines = Iterable[tuple[int, int, str]]  # (line number, column offset, text) from walk.iter_lines


def read_text(
    path: Path, encoding: str, markdown: bool = False, lines: Lines | None = None
) -> Iterator[Record]:
    header: list[str] | None = None
    pending: tuple[int, int, str] | None = None  # a table row that may be a header
    index = 0
    for lineno, col, text in lines if lines is not None else iter_lines(path, encoding):
        segments: list[Segment]
        if markdown and text.lstrip().startswith("|"):
            if pending is not None and _TABLE_RULE.match(text):
                header = [c for _, c in _table_cells(pending[2])]
                pending = None
                segments = []
            else:
                if pending is not None:  # the previous row was not a header after all
                    yield Record(index, _table_segments(*pending, header))
                    index += 1
                if header is None:
                    pending = (lineno, col, text)
                    continue
                segments = _table_segments(lineno, col, text, header)
        else:
            if pending is not None:
                yield Record(index, _table_segments(*pending, None))
                index += 1
                pending = None
            header = None
            segments = _line_segments(lineno, col, text) if text.strip() else []
        yield Record(index, segments)
        index += 1
    if pending is not None:
        yield Record(index, _table_segments(*pending, None))


# `Name: Jane Doe` / `- Address: ...` / `<email>…</email>` lines in text: the value is scanned
# under its key, like a CSV cell under its header (only at the start of a line and for short
# keys, so that prose and log lines stay whole). Markdown bold keys too: `- **Name:** Jane`,
# `**Name**: Jane`, `__Email:__ x` (the emphasis, group 2, closes before or after the colon).
_KEY_LINE = re.compile(
    r"^(\s*(?:[-*>]\s+)?)(\*\*|__)?([A-Za-z\u4e00-\u9fff][A-Za-z _\-\u4e00-\u9fff]{0,28}?)"
    r"\s*(?(2)(?:\2\s*[:：=]|[:：=]\s*\2)|[:：=])\s*(?=\S)"
)
_XML_LINE = re.compile(r"^\s*<([A-Za-z_][\w.\-]*)(?:\s[^>]*)?>([^<>]+)</\1>\s*$")


def key_value(text: str) -> tuple[str, int] | None:
    """(key, offset of the value) when the text starts with a short key."""
    kv = _KEY_LINE.match(text)
    if kv is None or len(kv.group(3).split()) > 4:
        return None
    return kv.group(3), kv.end()


def _line_segments(lineno: int, col: int, text: str) -> list[Segment]:
    # (an `in` test first: most lines have no closing tag, and it is far cheaper)
    xml = _XML_LINE.match(text) if "</" in text else None
    if xml:
        key, start, value = xml.group(1), xml.start(2), xml.group(2)
    else:
        kv = key_value(text)
        if kv is None:
            return [Segment(text, lineno, col + 1)]
        key, start = kv
        value = text[start:].rstrip()
    return [
        Segment(
            value,
            lineno,
            col + start + 1,
            field=key,
            context=key_words(key),
        )
    ]


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _table_cells(text: str) -> list[tuple[int, str]]:
    """(offset, stripped cell) for a `| a | b |` row."""
    cells = []
    pos = text.index("|") + 1
    for part in text[pos:].split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append((pos + lead, stripped))
        pos += len(part) + 1
    if cells and cells[-1][1] == "" and text.rstrip().endswith("|"):
        cells.pop()
    return cells


def _table_segments(lineno: int, col: int, text: str, header: list[str] | None) -> list[Segment]:
    out = []
    for i, (offset, cell) in enumerate(_table_cells(text)):
        if not cell:
            continue
        field = header[i] if header and i < len(header) else None
        out.append(
            Segment(
                cell,
                lineno,
                col + offset + 1,
                field=field,
                context=key_words(field) if field else "",
                free_text=False if field is not None else None,
            )
        )
    return out


# ---------------------------------------------------------------- CSV / TSV


def _split_cells(line: str, delim: str) -> list[tuple[int, str]]:
    """(offset, raw cell text) with quotes removed; doubled quotes stay doubled so that offsets
    stay exact (harmless for detection)."""
    cells: list[tuple[int, str]] = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            j = i + 1
            while j < n:
                if line[j] == '"':
                    if j + 1 < n and line[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            cells.append((i + 1, line[i + 1 : j]))
            k = line.find(delim, j)
            if k < 0:
                break
            i = k + 1
        else:
            k = line.find(delim, i)
            if k < 0:
                cells.append((i, line[i:]))
                break
            cells.append((i, line[i:k]))
            i = k + 1
    return cells


def csv_header(text: str, delim: str) -> list[str]:
    return [h.strip() for h in next(csv.reader(io.StringIO(text), delimiter=delim), [])]


def read_csv(
    path: Path,
    encoding: str,
    delim: str = ",",
    lines: Lines | None = None,
    header: list[str] | None = None,
) -> Iterator[Record]:
    """`header`: the column names, for a part of a file that does not start at its header."""
    index = 0
    for lineno, col, text in lines if lines is not None else iter_lines(path, encoding):
        if header is None and col == 0:
            header = csv_header(text, delim)
            continue  # the header is not a record
        segments = []
        cells = _split_cells(text, delim)
        prev = ""
        for i, (offset, cell) in enumerate(cells):
            stripped = cell.strip()
            if stripped:
                field = header[i] if header and i < len(header) and col == 0 else None
                lead = len(cell) - len(cell.lstrip())
                context = (key_words(field) if field else "") + " " + prev
                segments.append(
                    Segment(
                        stripped,
                        lineno,
                        col + offset + lead + 1,
                        field=field,
                        context=context,
                        free_text=None if len(stripped.split()) >= 3 else False,
                    )
                )
            prev = stripped[:40]
        yield Record(index, segments)
        index += 1


# ---------------------------------------------------------------- JSON / JSONL

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')
_LETTER = re.compile(r"[^\W\d_]")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def decode_json_string(raw: str) -> tuple[str, list[int] | None]:
    """Decode the inside of a JSON string; offsets[i] = raw offset of decoded char i (+ end)."""
    if "\\" not in raw:
        return raw, None
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch != "\\" or i + 1 >= n:
            out.append(ch)
            offsets.append(i)
            i += 1
            continue
        esc = raw[i + 1]
        if esc == "u" and i + 6 <= n:
            try:
                code = int(raw[i + 2 : i + 6], 16)
            except ValueError:
                code = 0xFFFD
            width = 6
            if 0xD800 <= code < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
                try:
                    low = int(raw[i + 8 : i + 12], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    width = 12
                except ValueError:
                    pass
            out.append(chr(code) if code < 0x110000 else "\ufffd")
            offsets.append(i)
            i += width
        else:
            out.append(_ESCAPES.get(esc, esc))
            offsets.append(i)
            i += 2
    offsets.append(n)
    return "".join(out), offsets


class JsonWalker:
    """Incremental JSON tokenizer: feed it lines, get segments for every string and number
    value with its JSON path. Works for JSONL (one value per line) and pretty-printed JSON
    (strings never span lines in valid JSON).

    The values of an object also get its last short string value so far as context:
    `{"type": "passport", "number": "910926482"}` says what the number is in the sibling,
    like the neighbouring CSV cell does."""

    def __init__(self) -> None:
        # frames: [kind, key_or_index, expecting_key, last short string value (objects)]
        self.stack: list[list[object]] = []

    def _path(self) -> str:
        parts = ["$"]
        for kind, k, _, _ in self.stack:
            parts.append(f"[{k}]" if kind == "a" else f".{k}")
        return "".join(parts)

    def _field(self) -> tuple[str | None, str]:
        keys = [str(k) for kind, k, _, _ in self.stack if kind == "o" and k is not None]
        return (keys[-1] if keys else None), " ".join(key_words(k) for k in keys[-2:])

    def feed(self, lineno: int, col: int, text: str) -> list[Segment]:
        out: list[Segment] = []
        for m in _JSON_TOKEN.finditer(text):
            tok = m.group()
            top = self.stack[-1] if self.stack else None
            c = tok[0]
            if c == "{":
                self.stack.append(["o", None, True, ""])
            elif c == "[":
                self.stack.append(["a", 0, False, ""])
            elif c in "}]":
                if self.stack:
                    self.stack.pop()
            elif c == ",":
                if top is not None:
                    if top[0] == "o":
                        top[2] = True
                    else:
                        top[1] = int(top[1]) + 1  # type: ignore[call-overload]
            elif c == ":":
                if top is not None and top[0] == "o":
                    top[2] = False
            elif top is not None and top[0] == "o" and top[2]:
                key, _ = decode_json_string(tok[1:-1]) if c == '"' else (tok, None)
                top[1] = key
            else:
                if c == '"':
                    value, offsets = decode_json_string(tok[1:-1])
                    start = m.start() + 1
                else:
                    if tok in ("true", "false", "null") or not any(ch.isdigit() for ch in tok):
                        continue
                    value, offsets, start = tok, None, m.start()
                if not value.strip():
                    continue
                field, context = self._field()
                if top is not None and top[0] == "o":
                    if top[3]:
                        context += " " + str(top[3])
                    if c == '"' and len(value) <= 40 and _LETTER.search(value):
                        top[3] = value.lower()  # a word like "passport", not a bare number
                out.append(
                    Segment(
                        value,
                        lineno,
                        col + start + 1,
                        field=field,
                        json_path=self._path(),
                        context=context,
                        free_text=None if c == '"' else False,
                        offsets=offsets,
                    )
                )
        return out


def read_json(
    path: Path, encoding: str, json_lines: bool, lines: Lines | None = None
) -> Iterator[Record]:
    walker = JsonWalker()
    source = lines if lines is not None else iter_lines(path, encoding)
    for index, (lineno, col, text) in enumerate(source):
        if json_lines and col == 0:
            walker = JsonWalker()  # a bad line must not shift the paths of the next one
        yield Record(index, walker.feed(lineno, col, text))


# ---------------------------------------------------------------- YAML

_YAML_COMMENT = re.compile(r"\s+#.*$")
_YAML_KEY = re.compile(r"^(\s*)((?:-\s+)*)(?:(['\"]?)([^'\"#:{}\[\],]+?)\3\s*:(?=\s|$))?\s*(.*)$")


def read_yaml(path: Path, encoding: str) -> Iterator[Record]:
    """Line-based: `key: value` and `- value` lines give the value as a segment under its key;
    the key path comes from indentation. Comments and block scalars are free text."""
    keys: list[tuple[int, str]] = []  # (indent, key)
    block_indent: int | None = None
    block_key: str | None = None
    for index, (lineno, col, text) in enumerate(iter_lines(path, encoding)):
        segments: list[Segment] = []
        stripped = text.strip()
        indent = len(text) - len(text.lstrip())
        if block_indent is not None and (not stripped or indent > block_indent):
            if stripped:
                segments.append(
                    Segment(
                        stripped,
                        lineno,
                        col + indent + 1,
                        field=block_key,
                        context=key_words(block_key or ""),
                        free_text=True,
                    )
                )
            yield Record(index, segments)
            continue
        block_indent = None
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            if stripped.startswith("#"):
                segments.append(Segment(stripped, lineno, col + indent + 1, free_text=True))
            yield Record(index, segments)
            continue
        m = _YAML_KEY.match(text)
        assert m is not None  # the pattern matches any line
        dash = m.group(2) or ""
        key = m.group(4)
        key_indent = indent + len(dash)
        value = m.group(5)
        vstart = m.start(5)
        if key is not None:
            key = key.strip()
            while keys and keys[-1][0] >= key_indent:
                keys.pop()
            keys.append((key_indent, key))
        field = (
            key if key is not None else (keys[-1][1] if keys and keys[-1][0] < key_indent else None)
        )
        path_keys = (
            [k for i, k in keys if i <= key_indent]
            if key is not None
            else [k for i, k in keys if i < key_indent]
        )
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            block_indent, block_key = key_indent, field
        elif value:
            # strip a trailing comment and the quotes, keeping the value's own columns
            body = _YAML_COMMENT.sub("", value) if not value.startswith(("'", '"')) else value
            if len(body) >= 2 and body[0] in "'\"" and body.rstrip()[-1] == body[0]:
                body = body.rstrip()[1:-1]
                vstart += 1
            if body.strip():
                segments.append(
                    Segment(
                        body,
                        lineno,
                        col + vstart + 1,
                        field=field,
                        json_path=".".join(path_keys) or None,
                        context=" ".join(key_words(k) for k in path_keys[-2:]),
                    )
                )
        yield Record(index, segments)


# ---------------------------------------------------------------- Parquet


def read_parquet(path: Path) -> Iterator[Record]:
    """Row r of the table is reported as line r (1-based); the column name is the field."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    index = 0
    for batch in pf.iter_batches(batch_size=2048):
        columns = batch.schema.names
        data = [col.to_pylist() for col in batch.columns]
        for r in range(batch.num_rows):
            segments = []
            for name, values in zip(columns, data, strict=True):
                value = values[r]
                if value is None or isinstance(value, bool):
                    continue
                if not isinstance(value, str | int | float):
                    value = str(value)
                text = str(value)
                if text.strip():
                    segments.append(
                        Segment(
                            text,
                            index + 1,
                            1,
                            field=name,
                            json_path=name,
                            context=key_words(name),
                            free_text=None if isinstance(value, str) else False,
                        )
                    )
            yield Record(index, segments)
            index += 1


# Formats where a line is a record: --sample draws lines before parsing them, so a sampled
# scan of a huge file costs little more than reading it. (HTML and XML records are lines too,
# but a line reads differently inside a `<script>`, a tag or a table: they are sampled after
# reading, and scanned whole by one worker.)
LINE_FORMATS = frozenset({"text", "csv", "tsv", "jsonl"})


def read_records(
    path: Path,
    fmt: str,
    encoding: str | None,
    lines: Lines | None = None,
    header: list[str] | None = None,
) -> Iterator[Record]:
    """Records of a file; `lines` (only for LINE_FORMATS) replaces reading the file, and
    `header` gives CSV/TSV column names when those lines do not start with them."""
    if fmt == "parquet":
        return read_parquet(path)
    assert encoding is not None
    if fmt == "csv":
        return read_csv(path, encoding, ",", lines, header)
    if fmt == "tsv":
        return read_csv(path, encoding, "\t", lines, header)
    if fmt in ("json", "jsonl"):
        return read_json(path, encoding, fmt == "jsonl", lines)
    if fmt == "yaml":
        return read_yaml(path, encoding)
    if fmt in ("html", "xml"):
        from auditor.scan.markup import read_html  # it builds on this module's segments

        return read_html(path, encoding, xml=fmt == "xml")
    return read_text(path, encoding, markdown=fmt == "markdown", lines=lines)
