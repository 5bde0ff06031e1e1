"""The fast pattern engine: every PatternSpec in the catalog, no spaCy, no Presidio.

It is the whole detector in `--mode patterns` (the pre-commit hook) and the pattern half of the
default mode. Context is matched on whole words (English) or substrings (Chinese) in a window
around the match plus the segment's field words (column header, JSON key), which replaces
Presidio's lemma-based context enhancer: that one is slow (presidio#35) and matches substrings
("lic" in "public", presidio#1061).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from auditor.scan.recognizers.catalog import FIELD_SPECS, PATTERN_SPECS
from auditor.scan.recognizers.spec import FieldSpec, PatternSpec
from auditor.scan.recognizers.validators import VALIDATORS

AFTER_WINDOW = 16  # characters after a match searched for context ("1995/01/11出生")
NEGATIVE_WINDOW = 24
# Free-text spans end before sentence punctuation ("…, Suzhou, Jiangsu." -> "…Jiangsu").
_TRIM_ENTITIES = frozenset({"LOCATION", "PERSON"})
_TRIM_CHARS = " .,;:'’-"  # negative context must be close: it vetoes


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entity: str
    score: float
    recognizer: str


def _word_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not words:
        return None
    parts = []
    for w in words:
        escaped = re.escape(w)
        # Whole words for Latin script; Chinese has no spaces, so a substring is the word.
        parts.append(escaped if not w.isascii() else rf"(?<![a-z0-9]){escaped}(?![a-z0-9])")
    return re.compile("|".join(parts))


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_KEY_SEPARATORS = re.compile(r"[\s_\-.:：]+")
_WORD_SEPARATORS = re.compile(r"[_\-.\[\]$]+")


@lru_cache(maxsize=4096)
def normalise_key(key: str) -> str:
    """`Full Name`, `full_name`, `fullName` -> `fullname` (field matching)."""
    return _KEY_SEPARATORS.sub("", _CAMEL.sub("_", key).lower())


@lru_cache(maxsize=4096)
def key_words(key: str) -> str:
    """`date_of_birth` / `dateOfBirth` -> `date of birth` (context matching)."""
    return _WORD_SEPARATORS.sub(" ", _CAMEL.sub(" ", key)).lower()


SEPARATOR = "\x00"  # joins segments into one buffer; no pattern matches it
# A window ends where its token does: a regex searched up to `endpos` sees the end of the
# string there, so `\d{13,19}(?!\d)` would accept the first digits of a longer number.
_TOKEN_END = re.compile(r"[0-9A-Za-z_\-./:+@]*")
AnchorKey = str | tuple[str, ...]  # a regex, or literal words
_NON_LATIN = re.compile(r"[^\x00-\u024f]")  # beyond Latin: the batch may hold Chinese
# what may follow a field's value without being part of it: "(remark)", or another column
# after a gap ("Assigned to: Rhys Coates   Case: CS-1"), a pipe or a semicolon
_REMARK = re.compile(r"\s*[(（][^()（）]*[)）]?\s*$")
_NEXT_COLUMN = re.compile(r" {2,}|\t| \| |; ")


class _Compiled:
    __slots__ = (
        "spec",
        "patterns",
        "context",
        "negative",
        "alt",
        "needs",
        "field_context",
        "strong",
    )

    def __init__(self, spec: PatternSpec, anchors: dict[AnchorKey, int]) -> None:
        self.spec = spec
        self.context = _word_regex(spec.context)
        anchor: AnchorKey | None = spec.anchor or (
            tuple(sorted(spec.anchor_words)) if spec.anchor_words else None
        )
        window = spec.anchor_window
        if anchor is None and spec.requires_context and self.context is not None:
            # the context words themselves; the whole-word check happens later, in the window
            anchor = tuple(sorted({w.lower() for w in spec.context}))
            window = (AFTER_WINDOW + 48, spec.context_window + 48)
        # (regex, score, validator, has a `v` group, anchor id or None, window): the anchors
        # are shared by the engine, so that each runs once per batch
        self.patterns = []
        for p in spec.patterns:
            regex = re.compile(p.regex)
            name = p.validator or spec.validator
            a, w = (p.anchor, p.anchor_window) if p.anchor else (anchor, window)
            self.patterns.append(
                (
                    regex,
                    p.score,
                    VALIDATORS[name] if name else None,
                    "v" in regex.groupindex,
                    anchors.setdefault(a, len(anchors)) if a else None,
                    w,
                )
            )
        self.strong = VALIDATORS[spec.strong_validator] if spec.strong_validator else None
        self.negative = _word_regex(spec.negative_context)
        self.alt = _word_regex(spec.alt_context)
        self.needs = spec.needs
        self.field_context: dict[str, bool] = {}  # field context string -> has a context word

    def context_in_field(self, ctx: str) -> bool:
        hit = self.field_context.get(ctx)
        if hit is None:
            hit = self.context is not None and self.context.search(ctx) is not None
            if len(self.field_context) < 10000:
                self.field_context[ctx] = hit
        return hit


class PatternEngine:
    """Compiled catalog; `find_many(texts, contexts)` returns non-overlapping matches per text.

    All texts of a batch are joined into one buffer so that each regex runs once per batch
    (per-segment calls cost more than the matching itself on CSV and JSON cells)."""

    def __init__(
        self,
        entities: Iterable[str] | None = None,
        specs: Iterable[PatternSpec] = PATTERN_SPECS,
        field_specs: Iterable[FieldSpec] = FIELD_SPECS,
    ) -> None:
        wanted = set(entities) if entities is not None else None
        self.entities = wanted
        anchor_ids: dict[AnchorKey, int] = {}
        self._specs = [
            _Compiled(s, anchor_ids)
            for s in specs
            if wanted is None
            or s.entity in wanted
            or (s.alt_entity is not None and s.alt_entity in wanted)
        ]
        # Anchors are searched in the lowercased buffer (IGNORECASE is several times slower):
        # regexes one by one; the Latin words of all specs in one Aho-Corasick pass
        # (pyahocorasick); the Chinese words as one alternation, only in batches with Chinese
        # text (re skips to their rare first characters faster than the automaton walks Han
        # text, and most batches of code or English have none)
        self._anchor_regex = {i: re.compile(a) for a, i in anchor_ids.items() if isinstance(a, str)}
        self._word_anchor_ids = [i for a, i in anchor_ids.items() if not isinstance(a, str)]
        self._word_ids: dict[str, list[int]] = {}
        for a, i in anchor_ids.items():
            if not isinstance(a, str):
                for w in a:
                    self._word_ids.setdefault(w, []).append(i)
        self._words: Any = None
        latin = [w for w in self._word_ids if w.isascii()]
        if latin:
            import ahocorasick

            self._words = ahocorasick.Automaton()
            for w in latin:
                self._words.add_word(w, (len(w), self._word_ids[w]))
            self._words.make_automaton()
        other = sorted((w for w in self._word_ids if not w.isascii()), key=len, reverse=True)
        self._other_words = re.compile("|".join(map(re.escape, other))) if other else None
        self._fields: dict[str, FieldSpec | None] = {}  # normalised key -> spec (or none)
        self._suffixed: list[FieldSpec] = []
        for fs in field_specs:
            if wanted is None or fs.entity in wanted:
                for k in fs.keys:
                    self._fields[normalise_key(k)] = fs
                if fs.suffixes:
                    self._suffixed.append(fs)

    def field_spec(self, key: str | None) -> FieldSpec | None:
        if not key:
            return None
        norm = normalise_key(key)
        if norm in self._fields:
            return self._fields[norm]
        found = next(
            (
                fs
                for fs in self._suffixed
                if norm.endswith(fs.suffixes) and not norm.startswith(fs.not_prefixes)
            ),
            None,
        )
        if len(self._fields) < 100_000:  # keys repeat (columns, JSON keys): remember the answer
            self._fields[norm] = found
        return found

    def find(self, text: str, context: str = "", key: str = "") -> list[Match]:
        return self.find_many([text], [context], [key])[0]

    def find_many(
        self, texts: Sequence[str], contexts: Sequence[str], keys: Sequence[str] | None = None
    ) -> list[list[Match]]:
        """Candidates from every spec, validated and scored, overlaps resolved by score.

        `contexts` are words that count as near every match of a text (its key, parent keys,
        the neighbouring CSV cell); `keys` are the text's own key words, the only field words
        that can veto a match as negative context (a parent key like `seed_users` must not)."""
        key_lower = [k.lower() for k in keys] if keys is not None else [""] * len(texts)
        buf = SEPARATOR.join(texts)
        starts: list[int] = []
        pos = 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + 1
        ctx_lower = [c.lower() for c in contexts]
        low = buf.lower()
        if len(low) != len(buf):  # a few characters lowercase to two ("İ"): keep offsets exact
            low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in buf)
        found: list[list[Match]] = [[] for _ in texts]
        # texts by field context (a column header counts as near every value of its column)
        by_context: dict[str, list[int]] = {}
        for i, ctx in enumerate(ctx_lower):
            if ctx:
                by_context.setdefault(ctx, []).append(i)
        hits: dict[int, list[tuple[int, int]]] = {}  # anchor id -> its matches in this batch
        for c in self._specs:
            if c.needs and not any(ch in buf for ch in c.needs):
                continue
            spec_windows: dict[tuple[int, tuple[int, int]], list[tuple[int, int]]] = {}
            for regex, base, validate, has_v, anchor, window in c.patterns:
                if anchor is None:
                    windows = [(0, len(buf))]
                elif (anchor, window) in spec_windows:  # the spec's other patterns share them
                    windows = spec_windows[anchor, window]
                else:
                    if anchor not in hits:
                        self._find_anchor(anchor, low, hits)
                    windows = self._windows(c, hits[anchor], window, buf, starts, texts, by_context)
                    spec_windows[anchor, window] = windows
                for lo, hi in windows:
                    for m in regex.finditer(buf, lo, hi):
                        start, end = m.span("v") if has_v else m.span()
                        i = bisect_right(starts, start) - 1
                        s0 = starts[i]
                        if end > s0 + len(texts[i]):
                            continue  # crossed a separator
                        match = self._accept(
                            c,
                            texts[i],
                            start - s0,
                            end - s0,
                            base,
                            validate,
                            ctx_lower[i],
                            key_lower[i],
                        )
                        if match is not None:
                            found[i].append(match)
        return [resolve(f) for f in found]

    def _find_anchor(self, anchor: int, low: str, hits: dict[int, list[tuple[int, int]]]) -> None:
        regex = self._anchor_regex.get(anchor)
        if regex is not None:
            hits[anchor] = [m.span() for m in regex.finditer(low)]
            return
        for i in self._word_anchor_ids:  # one pass finds every word anchor's hits
            hits[i] = []
        if self._words is not None:
            for end, (length, ids) in self._words.iter(low):
                for i in ids:
                    hits[i].append((end + 1 - length, end + 1))
        if self._other_words is not None and _NON_LATIN.search(low):
            for m in self._other_words.finditer(low):
                for i in self._word_ids[m.group()]:
                    hits[i].append(m.span())
        for i in self._word_anchor_ids:
            hits[i].sort()

    @staticmethod
    def _windows(
        c: _Compiled,
        anchor_hits: list[tuple[int, int]],
        window: tuple[int, int],
        buf: str,
        starts: list[int],
        texts: Sequence[str],
        by_context: dict[str, list[int]],
    ) -> list[tuple[int, int]]:
        before, after = window
        n = len(buf)
        spans = [(max(0, a - before), min(n, b + after)) for a, b in anchor_hits]
        if c.spec.requires_context and c.context is not None:
            for ctx, members in by_context.items():
                if c.context_in_field(ctx):
                    spans += [(starts[i], starts[i] + len(texts[i])) for i in members]
            spans.sort()
        merged: list[tuple[int, int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                if hi > merged[-1][1]:
                    merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        return [(lo, _TOKEN_END.match(buf, hi).end()) for lo, hi in merged]  # type: ignore[union-attr]

    def _accept(
        self,
        c: _Compiled,
        text: str,
        start: int,
        end: int,
        base: float,
        validate: Callable[[str], bool] | None,
        ctx_lower: str,
        key_lower: str,
    ) -> Match | None:
        spec = c.spec
        if spec.entity in _TRIM_ENTITIES:
            while end > start and text[end - 1] in _TRIM_CHARS:
                end -= 1
        value = text[start:end]
        if validate is not None and not validate(value):
            return None
        score = base
        if c.negative is not None:
            if key_lower and c.negative.search(key_lower):
                return None
            near = text[_word_start(text, start - NEGATIVE_WINDOW) : start].lower()
            last = None
            for last in c.negative.finditer(near):  # noqa: B007 - the last one is wanted
                pass
            # the nearer label wins: "查一下她的订单，她的电话是 138…" is a phone number
            if last is not None and not (
                c.context is not None and c.context.search(near, last.end())
            ):
                return None
        window = ""
        has_context = False
        if c.context is not None or c.alt is not None:
            window = (
                text[_word_start(text, start - spec.context_window) : start].lower()
                + " "
                + text[end : end + AFTER_WINDOW].lower()
                + " "
                + ctx_lower
            )
            has_context = c.context is not None and c.context.search(window) is not None
        if (
            spec.requires_context or (c.strong is not None and not c.strong(value))
        ) and not has_context:
            return None
        if has_context:
            score = max(score, spec.context_score)
        entity = spec.entity
        if spec.alt_entity and c.alt is not None and c.alt.search(window):
            entity = spec.alt_entity
        if self.entities is not None and entity not in self.entities:
            return None
        return Match(start, end, entity, round(score, 2), spec.name)

    def field_match(self, key: str | None, text: str) -> Match | None:
        """The whole (stripped) value as one entity when its key names one (`full_name`); a
        trailing remark in brackets is not part of it ("霍帆 (工号 6337)", "1972-02-08 (age 52)")."""
        fs = self.field_spec(key)
        if fs is None:
            return None
        value = text.strip()
        if not value:
            return None
        if not VALIDATORS[fs.shape](value):
            value = _NEXT_COLUMN.split(_REMARK.sub("", value), maxsplit=1)[0].strip()
            if not value or not VALIDATORS[fs.shape](value):
                return None
        start = text.index(value)
        return Match(start, start + len(value), fs.entity, fs.score, "FieldRecognizer")


def _word_start(text: str, pos: int) -> int:
    """`pos`, moved back to the start of the word it cuts: a window that starts inside "href"
    must not see the word "ref"."""
    if pos <= 0:
        return 0
    limit = max(0, pos - 32)
    while pos > limit and text[pos - 1].isascii() and text[pos - 1].isalnum():  # Latin words
        pos -= 1
    return pos


def resolve(matches: list[Match]) -> list[Match]:
    """Keep the best of overlapping matches: higher score, then longer span, then earlier."""
    if len(matches) < 2:
        return matches
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept
