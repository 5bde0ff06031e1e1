"""Parsed pack files: plain data plus node positions, through a JSON cache.

Pack YAML is read with the descriptor's safe loader (duplicate keys, alias bombs and encodings
refused the same way). That pure-Python parse of the built-in packs (~650 KB) takes about a
second, so each file's result is cached under the user cache folder, keyed by its sha256 and
the loader's own source; node positions are stored apart and read only when a message needs a
line (benchmarks/bench_rules.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from auditor.descriptor.load import parse_yaml, read_bytes

Loc = tuple[str | int, ...]

CACHE_FORMAT = "packdoc-1"


class PackDoc:
    """A parsed pack file: plain data, and node positions built only when a message needs one.

    Parsing ~650 KB of pack YAML with PyYAML costs most of a second, so each parse result is
    cached as JSON under the user cache folder, keyed by the file's sha256 (a changed file is a
    new key; `AUDITOR_NO_CACHE=1` turns the cache off). Dates are kept as ISO strings, the same
    with or without the cache.
    """

    def __init__(self, path: Path, data: Any, sha256: str, positions: Any) -> None:
        self.path = path
        self.data = data
        self.sha256 = sha256
        self._raw_positions = positions  # a list, or a cache file read on first use
        self._positions: dict[Loc, tuple[int, int]] | None = None

    def position(self, loc: Loc) -> tuple[int, int] | None:
        if self._positions is None:
            raw = self._raw_positions
            if isinstance(raw, Path):
                try:
                    raw = json.loads(raw.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    raw = _positions(parse_yaml(self.path, fast=True))
            self._positions = {tuple(k): (line, col) for k, line, col in raw}
        loc = tuple(loc)
        while loc:
            if loc in self._positions:
                return self._positions[loc]
            loc = loc[:-1]
        return self._positions.get((), None)

    def line(self, loc: Loc) -> int:
        pos = self.position(loc)
        return pos[0] if pos else 1


def _iso_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.lru_cache(maxsize=1)
def _cache_salt() -> bytes:
    """The cache key includes the YAML loader's own source: a change in how YAML is read (say,
    YAML 1.2 booleans) must not serve data parsed the old way."""
    from auditor.descriptor import load

    return CACHE_FORMAT.encode() + hashlib.sha256(Path(load.__file__).read_bytes()).digest()


def _cache_dir() -> Path | None:
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    base = os.environ.get("AUDITOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "auditor"
    )
    return Path(base) / "packs"


def _positions(loaded: Any) -> list[Any]:
    return [[list(k), line, col] for k, (line, col) in loaded.positions.items()]


def parse_pack_file(path: Path) -> PackDoc:
    """Parse one pack file with the descriptor's safe loader (duplicate keys, alias bombs and
    encodings refused the same way), through the cache: `<sha>.json` holds the data and
    `<sha>.pos.json` the node positions, read only when a message needs a line."""
    raw = read_bytes(path)  # the descriptor loader's size limit and "no such file" message
    digest = hashlib.sha256(_cache_salt() + raw).hexdigest()
    folder = _cache_dir()
    if folder is not None:
        try:
            data = json.loads((folder / f"{digest}.json").read_text(encoding="utf-8"))
            return PackDoc(path, data, hashlib.sha256(raw).hexdigest(), folder / f"{digest}.pos.json")
        except (OSError, ValueError):
            pass
    loaded = parse_yaml(path, fast=True)
    data = _iso_dates(loaded.data)
    positions = _positions(loaded)
    if folder is not None:
        try:
            from auditor.atomic import write_atomic

            text = json.dumps(data, ensure_ascii=False)
            if json.loads(text) != data:  # e.g. integer mapping keys: JSON would change them
                return PackDoc(path, data, loaded.sha256, positions)
            write_atomic(folder / f"{digest}.pos.json", json.dumps(positions, ensure_ascii=False))
            write_atomic(folder / f"{digest}.json", text)
        except (OSError, TypeError, ValueError):
            pass  # a read-only home or an odd YAML key type: parse again next time
    return PackDoc(path, data, loaded.sha256, positions)
