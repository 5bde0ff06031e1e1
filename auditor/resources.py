"""Where the built-in rule packs, templates and schemas live.

In a wheel they are package data under auditor/_data (hatchling force-include); in a source
checkout or an editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """`rulesets`, `templates` or `schemas` as a real directory path."""
    packaged = Path(str(resources.files("auditor"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"auditor is installed without its {name}/ folder")
