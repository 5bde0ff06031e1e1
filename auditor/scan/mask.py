"""Masked excerpts: a finding shows a little context and never the detected value in clear.

Pure functions. Every detected value in the excerpt is masked, not only the finding's own, so
that a neighbouring e-mail never leaks through another finding's context.
"""

from __future__ import annotations

CONTEXT_CHARS = 20
_DIGIT_ENTITIES = frozenset(
    {
        "CREDIT_CARD",
        "BANK_CARD",
        "CN_RESIDENT_ID",
        "US_SSN",
        "PHONE_NUMBER",
        "IBAN_CODE",
        "PASSPORT",
        "CN_USCC",
    }
)


def mask_value(value: str, entity: str) -> str:
    """`j***@***.com`, `110***********1234`, `+86*******4694`, `J*** S***`, `广东省***`."""
    if entity == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.rpartition("@")
        tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
        return f"{local[:1]}***@***.{tld}" if tld else f"{local[:1]}***@***"
    if entity in _DIGIT_ENTITIES:
        n = len(value)
        keep_head = 3 if n >= 12 else 0
        keep_tail = 4 if n >= 12 else 2 if n >= 6 else 0
        middle = "".join("*" if ch.isalnum() else ch for ch in value[keep_head : n - keep_tail])
        return value[:keep_head] + middle + value[n - keep_tail :]
    if entity == "IP_ADDRESS":
        sep = ":" if ":" in value else "."
        parts = value.split(sep)
        return sep.join([parts[0]] + ["*" * len(p) if p else "" for p in parts[1:]])
    if entity == "PERSON":
        return (
            " ".join(w[:1] + "*" * max(1, len(w) - 1) for w in value.split())
            if " " in value
            else value[:1] + "*" * max(1, len(value) - 1)
        )
    if entity == "DATE_OF_BIRTH":
        return "".join("*" if ch.isdigit() else ch for ch in value)
    if entity == "LOCATION":
        head = 2 if len(value) > 6 else 1
        return value[:head] + "*" * (len(value) - head)
    return value[:1] + "*" * max(1, len(value) - 1)


def masked_text(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with every (start, end, entity) span masked."""
    out = []
    pos = 0
    for start, end, entity in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(mask_value(text[start:end], entity))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def excerpt(
    text: str, start: int, end: int, spans: list[tuple[int, int, str]], width: int = CONTEXT_CHARS
) -> str:
    """A one-line window around [start, end) with all spans masked; `…` marks cuts."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    # widen the window to whole spans so that a cut never exposes part of a value
    for s, e, _ in spans:
        if s < lo < e:
            lo = s
        if s < hi < e:
            hi = e
    inner = [(max(s, lo) - lo, min(e, hi) - lo, ent) for s, e, ent in spans if e > lo and s < hi]
    body = masked_text(text[lo:hi], inner)
    body = " ".join(body.split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")
