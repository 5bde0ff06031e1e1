"""Read a descriptor (or any YAML file the tool owns) safely, keeping the line of every node.

PyYAML's SafeLoader is the parser; on top of it this module refuses what safe_load lets
through and a user never means: duplicate keys (the last one silently wins), alias bombs
(billion laughs), non-mapping documents, huge or binary files and undecodable bytes.
Every refusal is an AuditorError naming the file and, where known, the line.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml
from pydantic import ValidationError

from auditor.descriptor.model import SCHEMA_ID, Deployment
from auditor.errors import AuditorError, DescriptorInvalid

MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000  # after alias expansion; a real descriptor has a few hundred
MAX_DEPTH = 64  # a descriptor is ~5 levels deep; pydantic refuses to serialise past ~250

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Loaded:
    """A parsed YAML document and where each of its nodes stands (1-based line, column)."""

    path: Path
    data: Any
    positions: dict[Path_, tuple[int, int]]
    sha256: str

    def position(self, loc: Path_) -> tuple[int, int] | None:
        """The closest known position for `loc`, walking up to its parent."""
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), None)


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a clear error."""
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if min(raw[0::2].count(0), raw[1::2].count(0)) == 0 and raw.count(0) > len(raw) // 4:
            # ASCII text saved as UTF-16 (Windows "Unicode") without its byte-order mark
            raise AuditorError("UTF-16 text without a byte-order mark: save the file as UTF-8", path)
        raise AuditorError("binary file (NUL bytes): a descriptor is a UTF-8 YAML text file", path)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise AuditorError(f"not valid UTF-16 text ({exc.reason})", path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AuditorError(
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8", path, line
        ) from None


def read_bytes(path: Path, limit: int = MAX_DESCRIPTOR_BYTES) -> bytes:
    try:
        if path.is_dir():
            raise AuditorError("is a folder, not a descriptor file", path)
        if not path.exists():
            raise AuditorError("no such file", path)
        # A device or pipe (/dev/zero, a FIFO) reports size 0 and never ends: refuse it.
        if not path.is_file():
            raise AuditorError("not a regular file (device, pipe or socket)", path)
        size = path.stat().st_size
        if size > limit:
            raise AuditorError(f"file is {size:,} bytes; the limit is {limit:,}", path)
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # bounded: the file may grow after stat()
    except OSError as exc:
        raise AuditorError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(raw) > limit:
        raise AuditorError(f"file is over the limit of {limit:,} bytes", path)
    return raw


class _Loader(yaml.SafeLoader):
    """SafeLoader; the node walk below replaces its object construction for mappings."""


# YAML 1.2 booleans and floats, where PyYAML implements YAML 1.1:
# - only true/false are booleans: under 1.1 `markets: [NO]` (Norway) reads as false and `on:` /
#   `yes:` keys become booleans (the model still accepts yes/no strings for yes/no questions);
# - 3.0e23 and 1e23 are floats: 1.1 needs a signed exponent (3.0e+23), so the spec's own
#   `training_compute_flops: 3.0e23` would be a string that the published JSON Schema rejects.
_BOOL_TAG, _FLOAT_TAG = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _FLOAT_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(
    _FLOAT_TAG,
    re.compile(
        r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)


if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's C parser with the same resolvers: ~10x faster on the ~650 KB of built-in
        rule packs. Descriptors keep the pure-Python parser, whose messages the docs show."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # PyYAML built without libyaml
    _FastLoader = _Loader  # type: ignore[misc]


def _count_nodes(node: yaml.Node, path: Path, memo: dict[int, int], stack: set[int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    if key in stack:
        raise AuditorError("recursive YAML alias", path, node.start_mark.line + 1)
    if len(stack) >= MAX_DEPTH:  # the stack holds the nodes from the root down to this one
        raise AuditorError(f"YAML is nested more than {MAX_DEPTH} levels deep", path, node.start_mark.line + 1)
    stack.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_count_nodes(child, path, memo, stack) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += _count_nodes(k, path, memo, stack) + _count_nodes(v, path, memo, stack)
    stack.discard(key)
    memo[key] = total
    if total > MAX_NODES:
        raise AuditorError(
            f"YAML expands to more than {MAX_NODES:,} nodes (alias bomb?)", path, node.start_mark.line + 1
        )
    return total


_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _construct(node: yaml.Node, loader: _Loader, path: Path) -> Any:
    if node.tag == "tag:yaml.org,2002:binary":  # bytes fit no field and break the JSON results
        raise AuditorError("binary (!!binary) values are not allowed in a descriptor", path, node.start_mark.line + 1)
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-02-30
        raise AuditorError(
            f"invalid value '{node.value}': {exc}", path, node.start_mark.line + 1, node.start_mark.column + 1
        ) from None


def _build(
    node: yaml.Node, loader: _Loader, path: Path, loc: Path_, positions: dict[Path_, tuple[int, int]]
) -> Any:
    positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTION_TAGS:
        # The walk below would build a plain list or dict and silently drop the tag.
        raise AuditorError(
            f"YAML tag '{node.tag}' is not allowed in a descriptor", path, node.start_mark.line + 1
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # YAML merge keys (<<)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, path)
            if not isinstance(key, str | int | float | bool) or key is None:
                raise AuditorError("mapping keys must be plain scalars", path, key_node.start_mark.line + 1)
            if key in result:
                raise AuditorError(
                    f"duplicate key '{key}' (the first is on line {positions[(*loc, key)][0]})",
                    path,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            positions[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, loader, path, (*loc, key), positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, loader, path, (*loc, i), positions) for i, child in enumerate(node.value)]
    return _construct(node, loader, path)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) or "invalid YAML"
    if "\\t" in text or "\t" in text:
        text += " (indent with spaces: YAML does not allow tabs)"
    return f"invalid YAML: {text}"


def parse_yaml(path: Path, limit: int = MAX_DESCRIPTOR_BYTES, fast: bool = False) -> Loaded:
    """Parse one YAML document into plain Python values with node positions.

    `fast` uses libyaml for parsing (rule packs); the guards after parsing are the same."""
    import hashlib

    raw = read_bytes(path, limit)
    text = decode(raw, path)
    try:
        loader = (_FastLoader if fast else _Loader)(text)  # the reader rejects control characters here, before parsing
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            raise AuditorError("empty file: expected a YAML mapping", path)
        _count_nodes(node, path, {}, set())
        positions: dict[Path_, tuple[int, int]] = {}
        data = _build(node, _Loader(""), path, (), positions)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise AuditorError(
            f"character U+{exc.character:04X} is not allowed in YAML; remove it, or write it as an "
            "escape (\\uXXXX) inside a double-quoted string",
            path,
            line,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise AuditorError(
            _yaml_problem(exc), path, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise AuditorError(f"invalid YAML: {exc}", path) from None
    except RecursionError:  # PyYAML composes recursively; thousands of nested [ or { overflow it
        raise AuditorError("YAML is nested too deeply", path) from None
    return Loaded(path, data, positions, hashlib.sha256(raw).hexdigest())


def _suggest(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _model_at(loc: Path_) -> type | None:
    """The pydantic model class that owns the mapping at `loc` (for key suggestions)."""
    from pydantic import BaseModel

    current: Any = Deployment
    skip_key = False  # under `controls: {name: Control}` the next part is a free name, not a field
    for part in loc:
        if isinstance(part, int):
            continue
        if skip_key:
            skip_key = False
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        current = _unwrap(field.annotation)
        skip_key = _is_mapping(field.annotation)
    return current if isinstance(current, type) else None


def _is_mapping(annotation: Any) -> bool:
    import typing

    if typing.get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in typing.get_args(annotation))


def _unwrap(annotation: Any) -> Any:
    import typing

    from pydantic import BaseModel

    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        inner = _unwrap(arg) if typing.get_args(arg) else None
        if inner is not None:
            return inner
    return annotation if isinstance(annotation, type) else None


def _field_names(model: type) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]  # type: ignore[attr-defined]


def _describe(error: dict[str, Any], loc: Path_) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        parent = _model_at(loc[:-1])
        hint = _suggest(str(key), _field_names(parent)) if parent else ""
        shown = f"'{key}'" if str(key).isprintable() else ascii(key)  # e.g. a zero-width space
        return f"unknown key {shown}{hint}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        given = error.get("input")
        hint = _suggest(str(given), choices) if isinstance(given, str) else ""
        if len(expected) > 160:  # long vocabularies (use cases): the suggestion is enough
            return f"'{given}' is not allowed{hint}; the full list is in `auditor schema`"
        return f"'{given}' is not allowed{hint}; expected {expected}"
    if kind == "missing":
        return "required field is missing"
    given = error.get("input")
    if kind in ("model_type", "dict_type", "list_type") and given is None:
        return "is empty: fill it in, or remove it if it is optional and does not apply"
    if kind == "string_type" and isinstance(given, int | float | bool):
        # YAML reads 2.10 as the number 2.1 and 1e3 as 1000.0: the user meant text.
        return f"expected text, got the {type(given).__name__} {given!r}; put the value in quotes"
    if kind in ("model_type", "dict_type") and isinstance(given, str):
        if "\uff1a" in given:  # a full-width colon, common with Chinese input methods
            return "expected a mapping; '：' is a full-width colon, write an ASCII ':' followed by a space"
        return f"expected a mapping of 'key: value' lines, got the text {given[:60]!r}"
    if kind == "list_type" and isinstance(given, str | int | float | bool):
        return f"expected a list, e.g. [{given}]"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message


def load_deployment(path: str | Path) -> tuple[Deployment, Loaded]:
    """Load and validate one descriptor; every schema problem becomes one `FILE:LINE:COL:` line."""
    path = Path(path)
    loaded = parse_yaml(path)
    data = loaded.data
    if not isinstance(data, dict):
        kind = {list: "a list", str: "plain text", type(None): "null"}.get(type(data), "a single value")
        raise AuditorError(
            f"top level is {kind}; a descriptor is a mapping that starts with "
            f"'schema: {SCHEMA_ID}'",
            path,
            1,
        )
    schema = data.get("schema")
    if schema is None:
        raise AuditorError(f"missing 'schema: {SCHEMA_ID}' at the top", path, 1)
    if schema != SCHEMA_ID:
        line = loaded.position(("schema",))
        raise AuditorError(
            f"unknown schema '{schema}': this auditor reads '{SCHEMA_ID}'", path, line[0] if line else 1
        )
    try:
        deployment = Deployment.model_validate(data)
    except ValidationError as exc:
        found: list[tuple[tuple[int, int], str]] = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            # pydantic appends the tag of a union member (e.g. 'function-after[...]'); drop it
            loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
            pos = loaded.position(loc)
            where = f"{path}:{pos[0]}:{pos[1]}" if pos else str(path)
            dotted = ".".join(str(p) for p in loc) or "(document)"
            found.append((pos or (0, 0), _one_line(f"{where}: {dotted}: {_describe(error, loc)}")))
        # pydantic reports in model-field order; users and editors read top to bottom
        problems = [text for _, text in sorted(found, key=lambda item: item[0])]
        raise DescriptorInvalid(path, problems) from None
    problems = [
        _at(path, loaded, ("data", "datasets", i, "path"), f"'{dataset.path}' is absolute; datasets "
            "are relative to the descriptor's folder (scan other places with `auditor scan PATH`)")
        for i, dataset in enumerate((deployment.data.datasets if deployment.data else None) or [])
        # A descriptor may come from the vendor under review: it must not aim the scan at any
        # file of the reviewer's machine.
        if PurePosixPath(dataset.path).is_absolute() or PureWindowsPath(dataset.path).anchor
    ]
    if problems:
        raise DescriptorInvalid(path, problems)
    return deployment, loaded


def _at(path: Path, loaded: Loaded, loc: Path_, message: str) -> str:
    pos = loaded.position(loc)
    where = f"{path}:{pos[0]}:{pos[1]}" if pos else str(path)
    return _one_line(f"{where}: {'.'.join(map(str, loc))}: {message}")


def _one_line(problem: str) -> str:
    """A key or value holding a line break must not split its problem over two output lines."""
    return "\\n".join(problem.splitlines())
