"""The shape of a recognizer declared as data.

A `PatternSpec` is everything needed to find one entity type with regular expressions:
the patterns, the validator (by name, see validators.py), the base score, and context words
in English and Chinese that raise the score (or, for weak patterns, are required). A
`FieldSpec` turns a column header / JSON key / YAML key into an entity type for the whole
value. The same specs feed the fast pattern engine (patterns.py) and the Presidio
recognizers (analyzer.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str  # a named group `v`, when present, is the reported span (the rest is a cue)
    score: float
    validator: str | None = None  # overrides the spec's validator for this pattern
    # overrides the spec's anchor for this pattern (see PatternSpec.anchor)
    anchor: str | None = None
    anchor_window: tuple[int, int] = (64, 64)


@dataclass(frozen=True)
class PatternSpec:
    name: str  # recognizer name reported in findings
    entity: str
    patterns: tuple[Pattern, ...]
    validator: str | None = None  # name in validators.VALIDATORS
    # when set, a value that passes `validator` but not this one is reported only with context
    strong_validator: str | None = None
    context: tuple[str, ...] = ()  # whole-word (English) or substring (Chinese) context words
    context_score: float = 0.85  # score when a context word is near (never lowers the base)
    negative_context: tuple[str, ...] = ()  # words that veto the match (order numbers, versions)
    requires_context: bool = False  # without context the match is dropped
    needs: str = ""  # cheap precondition: one of these characters must occur in the text
    flags_ignorecase: bool = False
    # when a context word from `alt_context` is near, report `alt_entity` instead
    alt_entity: str | None = None
    alt_context: tuple[str, ...] = ()
    context_window: int = 48  # characters before the match that are searched for context
    # A cheap regex that every match has near it, matched against the lowercased text (write
    # it in lowercase; IGNORECASE alternations are several times slower): the patterns
    # only run in windows (chars before, chars after) around its hits. Specs that require
    # context use their context words as the anchor automatically.
    anchor: str | None = None
    # Or words (lowercase, literal) that serve as the anchor: all specs' words are found in one
    # Aho-Corasick pass, several times faster than a regex alternation per spec.
    anchor_words: tuple[str, ...] = ()
    anchor_window: tuple[int, int] = (64, 64)
    tags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class FieldSpec:
    """A structured field whose whole value is one entity when its key matches."""

    entity: str
    keys: tuple[str, ...]  # normalised keys (lowercase, separators removed) or Chinese headers
    shape: str  # validator name the value must pass (looks like a name, a date, an address)
    score: float = 0.85
    # a key that ends with one of these counts too ("payee_name", "会员姓名", "billing_city"),
    # unless it starts with one of `not_prefixes` ("company_name", "email_address")
    suffixes: tuple[str, ...] = ()
    not_prefixes: tuple[str, ...] = ()
