"""Make untrusted strings (descriptor answers, file paths) safe to show literally.

Descriptor strings are written by the vendor being audited, so the report treats them as hostile:
HTML is escaped by Jinja's autoescape, and here bidi control characters are replaced by a
visible marker so a "Trojan Source" string (U+202E) cannot reorder what a reviewer reads.
"""

from __future__ import annotations

import re

# Unicode bidi embedding/override/isolate controls and the implicit marks (UAX #9).
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls other than tab and newline render as nothing or garbage in PDF and terminals.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Replace bidi and control characters with `[U+XXXX]` so they are seen, not obeyed."""
    text = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
    return _CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def markdown_inline(text: str) -> str:
    """One Markdown table cell / inline text: visible controls, no HTML, no table breaks.

    GitHub renders raw HTML in PR comments, so `<` and `&` are entity-escaped; `|` would end a
    table cell, and newlines would end the row.
    """
    text = re.sub(r"([\\`*_\[\]!])", r"\\\1", visible(text))  # Markdown syntax shown literally
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def markdown_code(text: str) -> str:
    """Text for inside a Markdown `code span`: no escapes apply there, so backticks and line
    breaks (the only ways out of the span) are replaced instead."""
    return visible(text).replace("`", "'").replace("\r", " ").replace("\n", " ").replace("|", "\\|")
