"""Inline SVG bar charts for the report, drawn in Python (no JavaScript, no image files).

Grey bars with the value printed at the end, so the chart reads in black-and-white print.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_ROW = 18  # px per bar row
_LABEL_W = 150
_BAR_W = 300
_VALUE_W = 70


def bar_chart(items: list[tuple[str, int]], *, title: str) -> str:
    """A horizontal bar chart of `(label, count)` pairs, largest first, as an SVG string."""
    rows = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    peak = max((v for _, v in rows), default=0) or 1
    width = _LABEL_W + _BAR_W + _VALUE_W
    height = _ROW * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * _ROW
        bar = max(1, round(_BAR_W * value / peak)) if value else 0
        parts.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 12}" text-anchor="end" font-size="10">'
            f"{escape(label)}</text>"
            f'<rect x="{_LABEL_W}" y="{y + 2}" width="{bar}" height="{_ROW - 6}" '
            f'fill="#555" stroke="#000" stroke-width="0.5"/>'
            f'<text x="{_LABEL_W + bar + 4}" y="{y + 12}" font-size="10">{value:,}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
