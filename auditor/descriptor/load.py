"""Read a descriptor (or any YAML file the tool owns) safely, keeping the line of every node.

PyYAML's SafeLoader is the parser; on top of it this module refuses what safe_load lets
through and a user never means: duplicate keys (the last one silently wins), alias bombs
(billion laughs), non-mapping documents, huge or binary files and undecodable bytes.
Every refusal is an AuditorError naming the file and, where known, the line.
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from auditor.descriptor.model import SCHEMA_ID, Deployment
from auditor.errors import AuditorError, DescriptorInvalid

MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000  # after alias expansion; a real descriptor has a few hundred

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
    if not path.exists():
        raise AuditorError("no such file", path)
    if path.is_dir():
        raise AuditorError("is a folder, not a descriptor file", path)
    size = path.stat().st_size
    if size > limit:
        raise AuditorError(f"file is {size:,} bytes; the limit is {limit:,}", path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AuditorError(f"cannot read: {exc.strerror}", path) from None


class _Loader(yaml.SafeLoader):
    """SafeLoader; the node walk below replaces its object construction for mappings."""


def _count_nodes(node: yaml.Node, path: Path, memo: dict[int, int], stack: set[int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    if key in stack:
        raise AuditorError("recursive YAML alias", path, node.start_mark.line + 1)
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


def _build(
    node: yaml.Node, loader: _Loader, path: Path, loc: Path_, positions: dict[Path_, tuple[int, int]]
) -> Any:
    positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # YAML merge keys (<<)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
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
    return loader.construct_object(node, deep=True)


def parse_yaml(path: Path, limit: int = MAX_DESCRIPTOR_BYTES) -> Loaded:
    """Parse one YAML document into plain Python values with node positions."""
    import hashlib

    raw = read_bytes(path, limit)
    text = decode(raw, path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise AuditorError(
            f"invalid YAML: {problem}", path, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise AuditorError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    if node is None:
        raise AuditorError("empty file: expected a YAML mapping", path)
    _count_nodes(node, path, {}, set())
    positions: dict[Path_, tuple[int, int]] = {}
    try:
        data = _build(node, _Loader(""), path, (), positions)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise AuditorError(f"invalid YAML: {exc.problem}", path, mark.line + 1 if mark else None) from None
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-02-30
        raise AuditorError(f"invalid YAML value: {exc}", path, node.start_mark.line + 1) from None
    return Loaded(path, data, positions, hashlib.sha256(raw).hexdigest())


def _suggest(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _model_at(loc: Path_) -> type | None:
    """The pydantic model class that owns the mapping at `loc` (for key suggestions)."""
    from pydantic import BaseModel

    current: Any = Deployment
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            if current.__name__ == "Deployment" and part == "controls":
                return None
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) else None


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
        return f"unknown key '{key}'{hint}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        given = error.get("input")
        hint = _suggest(str(given), choices) if isinstance(given, str) else ""
        shown = expected if len(expected) < 200 else expected[:200] + "..."
        return f"'{given}' is not allowed{hint}; expected {shown}"
    if kind == "missing":
        return "required field is missing"
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
        raise AuditorError(
            f"top level is a {type(data).__name__}; a descriptor is a mapping that starts with "
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
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            # pydantic appends the tag of a union member (e.g. 'function-after[...]'); drop it
            loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
            pos = loaded.position(loc)
            where = f"{path}:{pos[0]}:{pos[1]}" if pos else str(path)
            dotted = ".".join(str(p) for p in loc) or "(document)"
            problems.append(f"{where}: {dotted}: {_describe(error, loc)}")
        raise DescriptorInvalid(path, problems) from None
    return deployment, loaded
