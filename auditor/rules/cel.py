"""CEL conditions: expand definitions, compile once, evaluate with three-valued logic.

The `common-expression-language` package (the Rust `cel` crate behind a Python binding) is the
evaluator. On the built-in packs' 458 rule conditions (definitions expanded) it compiles all
of them in ~55 ms and evaluates all of them against a descriptor in 0.4 ms (with a reused
`cel.Context`), where cel-python (a pure-Python Lark interpreter) needs ~1.1 s to compile and
~0.4 s to evaluate the same set; see benchmarks/bench_rules.py. Its error messages name the failing key
(`KeyError('minors_may_use')`), which is what the three-valued logic below needs.

Three-valued logic: an unanswered question is a *missing key* in the activation. CEL's `&&`
and `||` absorb an error when the other side decides, so an expression only raises when an
unanswered fact could change its value; we then report `unknown` and name the unanswered
descriptor paths the expression references. An error with no unanswered fact behind it is a
bug in the pack, never `false`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import cel

# String literals (CEL: '…', "…", '''…''', """…""", optional r/b prefixes). Everything inside
# them is data, never a field reference or a definition name.
_STRING = re.compile(
    r"""[rRbB]{0,2}(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')"""
)
# A dotted identifier chain not preceded by a dot or a word character (so `3.0e23` and the
# tail of `a.b` never start a chain).
_CHAIN = re.compile(r"(?<![\w.])([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)(\s*\()?")
_DEFINITION = re.compile(r"(?<![\w.])([A-Z][A-Z0-9_]*)(?![\w])")
# `range.exists(var, …)`: the comprehension variable stands for an element of `range`.
_COMPREHENSION = re.compile(
    r"(?<![\w.])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*?)\s*\.\s*(?:all|exists|exists_one|map|filter)\(\s*([A-Za-z_]\w*)\s*,"
)
_KEYWORDS = frozenset({"true", "false", "null", "in"})
# Top-level names a condition may read. `scan` holds the PII scan facts (rulesets/README.md).
ROOTS = frozenset(
    {"system", "model", "outputs", "capabilities", "deployment", "data", "controls", "waivers",
     "extensions", "scan"}
)


class ConditionError(Exception):
    """A problem in a condition's text (syntax, unknown name); the pack loader adds file:line."""


class EvaluationError(Exception):
    """A condition failed for a reason no unanswered fact explains: a bug in the pack."""


def split_strings(source: str) -> list[tuple[bool, str]]:
    """Split CEL source into (is_string_literal, text) pieces."""
    pieces: list[tuple[bool, str]] = []
    last = 0
    for match in _STRING.finditer(source):
        if match.start() > last:
            pieces.append((False, source[last : match.start()]))
        pieces.append((True, match.group(0)))
        last = match.end()
    if last < len(source):
        pieces.append((False, source[last:]))
    return pieces


def strip_strings(source: str) -> str:
    return "".join('""' if is_str else text for is_str, text in split_strings(source))


def expand(source: str, definitions: Mapping[str, str], _stack: tuple[str, ...] = ()) -> str:
    """Replace every definition NAME by its own (expanded) text in parentheses."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in definitions:
            return name  # left for the reference check to report
        if name in _stack:
            raise ConditionError(f"definition {name} refers to itself ({' -> '.join((*_stack, name))})")
        return "(" + expand(definitions[name], definitions, (*_stack, name)) + ")"

    return "".join(
        text if is_str else _DEFINITION.sub(replace, text) for is_str, text in split_strings(source)
    )


def references(expanded: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(field paths, unknown names) referenced by an expanded expression.

    A comprehension variable is rewritten to its range plus `[]`: in
    `data.training_sources.exists(s, s.foreign)` the reference is `data.training_sources[].foreign`.
    Method and function names (the last segment before `(`) are not fields.
    """
    text = strip_strings(expanded)
    variables: dict[str, str] = {}
    for match in _COMPREHENSION.finditer(text):
        rng = re.sub(r"\s+", "", match.group(1))
        head = rng.split(".")[0]
        if head in variables:
            rng = variables[head] + rng[len(head) :]
        variables[match.group(2)] = rng + "[]" if head in ROOTS or head in variables else ""
    paths: list[str] = []
    unknown: list[str] = []
    for match in _CHAIN.finditer(text):
        parts = re.sub(r"\s+", "", match.group(1)).split(".")
        if match.group(2):  # a call: drop the function / method name
            parts = parts[:-1]
        if not parts or parts[0] in _KEYWORDS:
            continue
        head = parts[0]
        if head in variables:
            if not variables[head]:
                continue  # variable over a literal list: not a descriptor field
            parts = [variables[head], *parts[1:]]
        elif head not in ROOTS:
            # a comprehension variable used before the regex saw its binder, e.g. nested macros
            if re.search(rf"\(\s*{re.escape(head)}\s*,", text):
                continue
            unknown.append(head)
            continue
        if not parts[-1].endswith("[]"):  # the binder itself (`exists(s, …)`) is not a question
            paths.append(".".join(parts))
    return tuple(dict.fromkeys(paths)), tuple(dict.fromkeys(unknown))


MISSING = object()


def lookup(facts: Any, parts: list[str]) -> Any:
    """The value at a dotted path (`[]` fans out over a list); MISSING if any branch lacks it."""
    node = facts
    for i, part in enumerate(parts):
        if part.endswith("[]"):
            node = lookup(node, [part[:-2]])
            if node is MISSING:
                return MISSING
            if not isinstance(node, list):
                return node
            rest = parts[i + 1 :]
            for item in node:
                if lookup(item, rest) is MISSING:
                    return MISSING
            return node
        if not isinstance(node, Mapping) or part not in node:
            return MISSING
        node = node[part]
    return node


def absent(facts: Mapping[str, Any], paths: Iterable[str]) -> list[str]:
    """The referenced paths that are unanswered in `facts`: the questions to ask."""
    return [path for path in paths if lookup(facts, path.split(".")) is MISSING]


def _used_definitions(source: str) -> list[str]:
    names: list[str] = []
    for is_str, text in split_strings(source):
        if not is_str:
            names += _DEFINITION.findall(text)
    return list(dict.fromkeys(names))


@dataclass(frozen=True)
class Condition:
    """One compiled CEL condition.

    Definitions are compiled once each and bound by NAME at evaluation (`bind`), which is
    equivalent to textual, parenthesised expansion (`expanded`, kept for display): a definition
    left out of the activation because an unanswered fact makes it an error is absorbed by
    `&&` / `||` exactly like the error of its expanded text. Compiling the short sources instead
    of the expansions keeps loading the built-in packs fast (benchmarks/bench_rules.py).
    """

    source: str
    program: Any = field(repr=False, compare=False)
    refs: tuple[str, ...] = ()  # descriptor paths read, including those of the definitions used
    uses: tuple[str, ...] = ()  # definition names used, directly or through other definitions
    own_refs: tuple[str, ...] = ()  # descriptor paths written in this condition itself
    definitions: Mapping[str, Condition] = field(default_factory=dict, repr=False, compare=False)

    @property
    def expanded(self) -> str:
        """The condition with every definition written out (for `rules show` and reviews)."""
        return expand(self.source, {name: c.source for name, c in self.definitions.items()})

    @classmethod
    def compile(cls, source: Any, definitions: Mapping[str, Condition] | None = None) -> Condition:
        if isinstance(source, bool):  # YAML `true` for `when: true`
            source = "true" if source else "false"
        if not isinstance(source, str) or not source.strip():
            raise ConditionError("a condition must be a non-empty CEL string")
        definitions = definitions or {}
        try:
            program = cel.compile(source)
        except ValueError as exc:
            message = str(exc).split("ERROR: <input>:", 1)[-1]
            raise ConditionError("CEL syntax error at " + " ".join(message.split())) from None
        refs, unknown = references(source)
        undefined = [n for n in unknown if _DEFINITION.fullmatch(n) and n not in definitions]
        if undefined:
            raise ConditionError(f"unknown definition(s) {', '.join(undefined)}: define them under `definitions:` in pack.yaml")
        others = [n for n in unknown if not _DEFINITION.fullmatch(n)]
        if others:
            raise ConditionError(
                f"unknown name(s) {', '.join(others)}: a condition reads {', '.join(sorted(ROOTS))} "
                "or an upper-case definition of this pack"
            )
        uses: list[str] = []
        all_refs = list(refs)
        for name in _used_definitions(source):
            if name in definitions:
                uses += [*definitions[name].uses, name]
                all_refs += definitions[name].refs
        return cls(source, program, tuple(dict.fromkeys(all_refs)), tuple(dict.fromkeys(uses)), refs, definitions)

    def evaluate(self, env: Mapping[str, Any]) -> tuple[bool | None, list[str]]:
        """(True/False, []) or (None, questions) when unanswered facts decide it.

        `env` is the facts plus the bound definitions (`bind`)."""
        try:
            value = _execute(self.program, env)
        except (KeyError, RuntimeError, TypeError, ValueError) as exc:
            questions = absent(env, self.refs)
            if questions:
                return None, questions
            raise EvaluationError(f"{type(exc).__name__}: {exc}") from None
        if not isinstance(value, bool):
            raise EvaluationError(f"the condition gives {value!r}, not true/false")
        return value, []


def compile_definitions(sources: Mapping[str, str]) -> tuple[dict[str, Condition], dict[str, str]]:
    """Compile a pack's definitions in dependency order: (compiled, problem per name)."""
    compiled: dict[str, Condition] = {}
    problems: dict[str, str] = {}

    def visit(name: str, stack: tuple[str, ...]) -> None:
        if name in compiled or name in problems:
            return
        if name in stack:
            problems[name] = f"definition {name} refers to itself ({' -> '.join((*stack, name))})"
            return
        for dep in _used_definitions(sources[name]):
            if dep in sources:
                visit(dep, (*stack, name))
        try:
            compiled[name] = Condition.compile(sources[name], compiled)
        except ConditionError as exc:
            problems[name] = str(exc)

    for name in sources:
        visit(name, ())
    return compiled, problems


class Env(dict):  # type: ignore[type-arg]
    """Facts plus bound definitions, with the CEL-side copy built once.

    Converting the activation from Python to CEL is most of the cost of an evaluation (~0.25 ms
    for a real descriptor); a `cel.Context` converts once and is reused by every condition of a
    pack (measured: 60 conditions in 0.1 ms instead of 30 ms).
    """

    _context: Any = None

    def context(self) -> Any:
        if self._context is None:
            self._context = cel.Context(dict(self))
        return self._context


def _execute(program: Any, env: Mapping[str, Any]) -> Any:
    return program.execute(env.context() if isinstance(env, Env) else dict(env))


def bind(definitions: Mapping[str, Condition], facts: Mapping[str, Any]) -> Env:
    """Facts plus the value of every definition that the facts decide. An undecided definition
    is left out: a missing name, absorbed by && and || like a missing key. Definitions are
    evaluated level by level (those whose dependencies are settled), one CEL context per level.
    Raises EvaluationError("definition NAME: …") for a pack bug."""
    env = Env(facts)
    settled: set[str] = set()
    remaining = list(definitions)
    while remaining:
        level = [n for n in remaining if all(dep in settled for dep in definitions[n].uses)]
        if not level:  # cannot happen: compile_definitions rejects cycles
            raise EvaluationError(f"definition {remaining[0]}: circular definitions")
        context = Env(env)
        for name in level:
            condition = definitions[name]
            try:
                env[name] = _execute(condition.program, context)
            except (KeyError, RuntimeError, TypeError, ValueError) as exc:
                if not absent(env, condition.refs):
                    raise EvaluationError(f"definition {name}: {type(exc).__name__}: {exc}") from None
            settled.add(name)
        remaining = [n for n in remaining if n not in settled]
    return Env(env)
