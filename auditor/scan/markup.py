"""HTML and XML files -> records of segments (see readers.py), a record per line.

Each run of text between tags is a segment at its exact column (entities stay as written, so
columns stay exact); `href`, `title`, `alt`, `value` and `content` attributes are segments too,
with a `tel:` / `mailto:` / `sms:` scheme cut off and kept as context; a table's header cells
name the cells below them; `<script>` and `<style>` are skipped, comments and CDATA are read.
In XML an element's or an attribute's (local) name is the field of its text. Tags, comments,
scripts and tables can span lines: the walker keeps them open from one line to the next, which
is also why an HTML file is not cut into parts or sampled by raw lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from auditor.scan.patterns import key_words
from auditor.scan.readers import Record, Segment, key_value
from auditor.scan.walk import iter_lines

# `<name`, `</name`, `<!--`, `<![CDATA[`, `<!DOCTYPE`, `<?xml`; a `<` before anything else is text
_MARKUP = re.compile(r"<(?:(/?)([A-Za-z][\w:.\-]*)|(!--)|(!\[CDATA\[)|[!?])")
# inside a tag: its end, an attribute (a "double" value's closing quote may be on a later
# line: group 4 is then empty), or a stray character
_ATTR = re.compile(
    r"""\s*(?:(/?>)|([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)("?)|'([^']*)('?)|([^\s>"']+)))?|.)"""
)
_RAW_END = {
    "script": re.compile(r"</script(?![\w:.\-])", re.IGNORECASE),
    "style": re.compile(r"</style(?![\w:.\-])", re.IGNORECASE),
}
# HTML attributes that hold text or links (not `class`, `id`, `placeholder`: markup and hints)
_HTML_ATTRS = frozenset({"href", "title", "alt", "value", "content"})
_LINK_SCHEMES = ("tel:", "mailto:", "sms:")
_NAME_ATTRS = ("name", "property", "itemprop")  # what the `value` / `content` of a tag is
# `<b>Name:</b> Jane Doe`: a text that is only a short key names the text after it
_KEY_ONLY = re.compile(r"([A-Za-z\u4e00-\u9fff][A-Za-z _\-\u4e00-\u9fff]{0,28}?)\s*[:：]")


def _local(name: str) -> str:
    """`ns0:Name` -> `Name`: an XML namespace prefix says nothing about the value."""
    return name.rpartition(":")[2]


class _Tag:
    """A tag being read; it can span lines."""

    __slots__ = ("name", "closing", "decl", "self_closing", "attrs", "pending", "quote", "attr")

    def __init__(self, name: str, closing: bool, decl: bool = False) -> None:
        self.name = name
        self.closing = closing
        self.decl = decl  # <!DOCTYPE …>, <?xml …?>: nothing to read
        self.self_closing = False
        self.attrs: dict[str, str] = {}  # attribute -> its value (first line of it)
        # values to scan: (attribute, line, 0-based column, raw text, first line of the value)
        self.pending: list[tuple[str, int, int, str, bool]] = []
        self.quote = ""  # the quote of a value that goes on on the next line
        self.attr = ""  # and its attribute


class _Table:
    """Where an HTML table is: its column names and the cell being read."""

    __slots__ = ("header", "head", "broken", "col", "cell", "cell_col", "row_th", "row_td", "key")

    def __init__(self) -> None:
        self.header: list[str] | None = None  # column names, by column
        self.head = False  # inside <thead>: its cells name the columns
        self.broken = False  # a rowspan: the columns of later rows no longer line up
        self.col = 0  # the column of the next cell in the row (colspan counts)
        self.cell: str | None = None  # "th" / "td" while one is open
        self.cell_col = 0
        self.row_th: list[tuple[int, int, list[str]]] = []  # (column, span, texts) of <th>s
        self.row_td = False
        self.key: str | None = None  # the row's last header cell: `<th>Email</th><td>…`

    def start_cell(self, kind: str, span: int) -> None:
        self.end_cell()  # `<td>a<td>b`: an end tag may be left out
        self.cell = "th" if self.head else kind
        self.cell_col = self.col
        self.col += span
        if self.cell == "th":
            self.row_th.append((self.cell_col, span, []))
        else:
            self.row_td = True

    def end_cell(self) -> None:
        if self.cell == "th":
            self.key = " ".join(self.row_th[-1][2]) or None
        self.cell = None

    def end_row(self) -> None:
        """A row of header cells only names the columns of the rows after it."""
        self.end_cell()
        if self.row_th and not self.row_td:
            header: list[str] = []
            for col, span, texts in self.row_th:
                header += [""] * (col + span - len(header))
                header[col : col + span] = [" ".join(texts)] * span
            self.header = header
        self.col, self.row_th, self.row_td, self.key = 0, [], False, None

    def field(self) -> str | None:
        """The column name of a text in the open data cell, else its row's header cell."""
        if self.cell != "td":
            return None
        if self.header is None:
            return self.key
        if self.broken or self.cell_col >= len(self.header):
            return None
        return self.header[self.cell_col] or None


class HtmlWalker:
    """Incremental HTML / XML reader: feed it lines, get every text between tags and every
    text attribute as a segment at its exact column. Entities stay as written (`&amp;`), so
    that columns stay exact. Tags, comments and scripts span lines: the state carries over.

    HTML: script and style contents are skipped; comments are text (they can hold PII); a
    table cell's text gets its column's header (or its row's `<th>`) as field; `<b>Name:</b>
    Jane` names the next text. XML: a text's field is its element's name (`<name>…</name>`)
    and every attribute value is scanned under the attribute's name."""

    def __init__(self, xml: bool = False) -> None:
        self.xml = xml
        self.mode = "text"  # text | tag | comment | cdata | raw (script, style)
        self.tag: _Tag | None = None
        self.raw = ""  # the element whose content is skipped
        self.elements: list[str] = []  # XML: the open elements' names (without prefix)
        self.tables: list[_Table] = []  # HTML: the open tables, innermost last
        self.address = 0  # HTML: open <address> elements (contact details)
        self.prev = ""  # the end of the previous text: context of the next one
        self.key: str | None = None  # a text that was only a key: the next text's field

    def feed(self, lineno: int, col: int, text: str) -> list[Segment]:
        out: list[Segment] = []
        pos, n = 0, len(text)
        while pos < n:
            if self.mode == "text":
                m = _MARKUP.search(text, pos)
                end = m.start() if m else n
                if end > pos:
                    self._text(out, lineno, col + pos, text[pos:end])
                if m is None:
                    break
                pos = m.end()
                if m.group(2):
                    name = m.group(2) if self.xml else m.group(2).lower()
                    self.tag, self.mode = _Tag(name, bool(m.group(1))), "tag"
                elif m.group(3):
                    self.mode = "comment"
                elif m.group(4):
                    self.mode = "cdata"
                else:
                    self.tag, self.mode = _Tag("", False, decl=True), "tag"
            elif self.mode == "tag":
                pos = self._read_tag(out, lineno, col, text, pos)
            elif self.mode == "raw":
                m = _RAW_END[self.raw].search(text, pos)
                if m is None:
                    break
                pos, self.mode = m.start(), "text"  # the end tag is read as a tag
            else:  # a comment or CDATA: text up to its end
                k = text.find("-->" if self.mode == "comment" else "]]>", pos)
                end = k if k >= 0 else n
                if end > pos:
                    self._text(out, lineno, col + pos, text[pos:end], self.mode == "comment")
                if k < 0:
                    break
                pos, self.mode = k + 3, "text"
        if self.tag is not None and self.tag.pending:  # a tag that goes on: its values so far
            self._flush(out)  # stay on their line
        return out

    def _text(
        self, out: list[Segment], lineno: int, col: int, run: str, comment: bool = False
    ) -> None:
        """`col`: the 0-based column of `run` in the line."""
        value = run.strip()
        if not value:
            return
        col += len(run) - len(run.lstrip())
        if comment:  # not part of the table cell or key around it
            out.append(Segment(value, lineno, col + 1))
            return
        table = self.tables[-1] if self.tables else None
        header_cell = False
        field = None
        if table is not None:
            header_cell = table.cell == "th"
            if header_cell:
                table.row_th[-1][2].append(value)  # the header of the rows below
            field = table.field()
        pending, self.key = self.key, None
        words = [self.prev]
        if self.address:
            words.append("address")
        if self.xml and self.elements:
            words += [key_words(e) for e in self.elements[-2:]]
        kv = key_value(value) if field is None else None
        if kv is not None:  # `Registered office: 12 High St`: the value after its key
            field, start = kv
            value, col = value[start:], col + start
        elif field is None and pending is not None:
            field = pending
        elif field is None and self.xml and self.elements:
            field = self.elements[-1]  # (its words are in the context already)
        elif not header_cell and (key := _KEY_ONLY.fullmatch(value)) is not None:
            self.key = key[1] if len(key[1].split()) <= 4 else None
        self.prev = value[-40:]
        if field and not (self.xml and self.elements and field == self.elements[-1]):
            words.append(key_words(field))
        out.append(Segment(value, lineno, col + 1, field=field, context=" ".join(words)))

    def _read_tag(self, out: list[Segment], lineno: int, col: int, text: str, pos: int) -> int:
        """Reads attributes from `pos`; returns the position after the tag or the line's end."""
        tag = self.tag
        assert tag is not None
        n = len(text)
        if tag.quote:  # a quoted value that began on a line before
            k = text.find(tag.quote, pos)
            end = k if k >= 0 else n
            self._value(tag, tag.attr, lineno, col + pos, text[pos:end], first=False)
            if k < 0:
                return n
            tag.quote = ""
            pos = k + 1
        while (m := _ATTR.match(text, pos)) is not None:
            pos = m.end()
            if m.group(1):
                tag.self_closing = m.group(1) == "/>"
                self._end_tag(out)
                return pos
            name = m.group(2)
            if name is None:  # a stray quote or `=`
                continue
            name = name if self.xml else name.lower()
            for g in (3, 5, 7):
                if m.group(g) is not None:
                    tag.attrs.setdefault(name, m.group(g))
                    self._value(tag, name, lineno, col + m.start(g), m.group(g), first=True)
                    if g < 7 and not m.group(g + 1):  # no closing quote on this line
                        tag.quote, tag.attr = '"' if g == 3 else "'", name
                    break
        return n

    def _value(self, tag: _Tag, name: str, lineno: int, col: int, raw: str, first: bool) -> None:
        if tag.decl or tag.closing:
            return
        wanted = not name.startswith("xmlns") if self.xml else name in _HTML_ATTRS
        if wanted:
            tag.pending.append((name, lineno, col, raw, first))

    def _flush(self, out: list[Segment]) -> None:
        """The tag's attribute values read so far, as segments."""
        tag = self.tag
        assert tag is not None
        table = self.tables[-1] if self.tables else None
        cell = table.field() if table is not None else None
        for name, lineno, col, raw, first in tag.pending:
            words = [key_words(cell)] if cell else []
            if name == "href" and first:
                low = raw.lstrip()[:7].lower()
                scheme = next((s for s in _LINK_SCHEMES if low.startswith(s)), "")
                if scheme:  # `tel:+44…`: the number, with `tel` as phone context
                    col += raw.index(":") + 1
                    raw = raw[raw.index(":") + 1 :]
                    words.append(scheme[:-1])
            value = raw.strip()
            if not value:
                continue
            col += len(raw) - len(raw.lstrip())
            field: str | None = None
            if self.xml:
                field = _local(name)
                words += [key_words(_local(tag.name)), key_words(field)]
            elif name in ("value", "content"):  # <meta name="author" content="…">
                field = next((tag.attrs[a] for a in _NAME_ATTRS if a in tag.attrs), None)
                if field:
                    words.append(key_words(field))
            out.append(
                Segment(
                    value,
                    lineno,
                    col + 1,
                    field=field,
                    context=" ".join(words),
                    free_text=False if name == "href" else None,
                )
            )
        tag.pending.clear()

    def _end_tag(self, out: list[Segment]) -> None:
        tag = self.tag
        assert tag is not None
        if tag.pending:
            self._flush(out)
        self.tag, self.mode = None, "text"
        if tag.decl:
            return
        name = tag.name
        if self.xml:
            name = _local(name)
            if tag.closing:
                if name in self.elements:
                    while self.elements.pop() != name:
                        pass
            elif not tag.self_closing:
                self.elements.append(name)
                if len(self.elements) > 256:  # unclosed elements must not pile up
                    del self.elements[0]
        elif name in _RAW_END:
            if not tag.closing and not tag.self_closing:
                self.mode, self.raw = "raw", name
        elif name == "address":
            self.address = max(0, self.address + (-1 if tag.closing else 1))
        elif name == "table":
            if tag.closing:
                if self.tables:
                    self.tables.pop()
            else:
                self.tables.append(_Table())
                if len(self.tables) > 64:
                    del self.tables[0]
        elif self.tables:
            self._table_tag(self.tables[-1], tag)

    @staticmethod
    def _table_tag(table: _Table, tag: _Tag) -> None:
        name = tag.name
        if name in ("td", "th"):
            if tag.closing:
                table.end_cell()
                return
            span = tag.attrs.get("colspan", "1").strip()
            table.start_cell(name, min(int(span), 1000) if span.isdigit() and span != "0" else 1)
            if tag.attrs.get("rowspan", "1").strip() != "1":
                table.broken = True
        elif name == "tr":
            table.end_row()
        elif name in ("thead", "tbody", "tfoot"):
            table.end_row()
            table.head = name == "thead" and not tag.closing


def read_html(path: Path, encoding: str, xml: bool = False) -> Iterator[Record]:
    """A record per line, like text; the walker keeps the tags, scripts and tables open."""
    walker = HtmlWalker(xml)
    for index, (lineno, col, text) in enumerate(iter_lines(path, encoding)):
        yield Record(index, walker.feed(lineno, col, text))
