"""Every test case of every built-in pack (and the example pack), one pytest test each, so CI
reports a failure as `RULE-ID::case-name`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from auditor.resources import data_dir
from auditor.rules.pack import PackInvalid, load_pack, load_packs
from auditor.rules.selftest import CaseResult, iter_cases


def _collect() -> list[Any]:
    try:
        packs = [*load_packs(), load_pack(data_dir("rulesets") / "example")]
    except PackInvalid as exc:
        problems = "\n".join(exc.problems)
        return [pytest.param(lambda: pytest.fail(f"packs do not load:\n{problems}"), id="packs-load")]
    return [pytest.param(thunk, id=case_id) for pack in packs for case_id, thunk in iter_cases(pack)]


@pytest.mark.parametrize("run", _collect())
def test_case(run: Callable[[], CaseResult]) -> None:
    result = run()
    assert result.ok, f"{result.where}: expected {result.expected}, got {result.got} ({result.why})"
