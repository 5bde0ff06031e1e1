"""CEL conditions: definition expansion, reference extraction, three-valued evaluation."""

from __future__ import annotations

import pytest

from auditor.rules.cel import Condition, ConditionError, EvaluationError, expand, references

DEFS = {"EU_MARKET": "'EU' in deployment.markets", "EU_CHAT": "EU_MARKET && capabilities.conversational"}


def test_definitions_expand_recursively_in_parentheses_but_not_inside_strings() -> None:
    assert expand("EU_CHAT || 'EU_MARKET' == system.name", DEFS) == (
        "(('EU' in deployment.markets) && capabilities.conversational) || 'EU_MARKET' == system.name"
    )


def test_recursive_definition_is_an_error() -> None:
    with pytest.raises(ConditionError, match="refers to itself"):
        expand("A", {"A": "B", "B": "A"})


def test_references_map_comprehension_variables_to_list_items() -> None:
    refs, unknown = references(
        "data.training_sources.exists(s, s.foreign && s.type == 'public_web') && size(outputs) > 0 "
        "&& system.name.startsWith('x') && model.training_compute_flops > 1.0e25"
    )
    assert unknown == ()
    assert refs == (
        "data.training_sources",
        "data.training_sources[].foreign",
        "data.training_sources[].type",
        "outputs",
        "system.name",
        "model.training_compute_flops",
    )


def test_unknown_name_and_unknown_definition_are_reported() -> None:
    with pytest.raises(ConditionError, match="unknown name"):
        Condition.compile("foo.bar", {})
    with pytest.raises(ConditionError, match="unknown definition"):
        Condition.compile("NOT_DEFINED && true", {})
    with pytest.raises(ConditionError, match="syntax error"):
        Condition.compile("deployment.markets && (", {})


FACTS_CN = {"deployment": {"markets": ["CN"]}, "capabilities": {}}


def test_false_side_absorbs_unanswered_fact() -> None:
    c = Condition.compile("'US' in deployment.markets && deployment.minors_may_use", {})
    assert c.evaluate(FACTS_CN) == (False, [])


def test_unanswered_fact_that_decides_gives_unknown_with_question() -> None:
    c = Condition.compile("'CN' in deployment.markets && deployment.minors_may_use", {})
    assert c.evaluate(FACTS_CN) == (None, ["deployment.minors_may_use"])


def test_unanswered_section_and_list_items() -> None:
    assert Condition.compile("'text' in outputs", {}).evaluate({}) == (None, ["outputs"])
    c = Condition.compile("data.training_sources.exists(s, s.foreign)", {})
    value, questions = c.evaluate({"data": {"training_sources": [{"name": "a"}]}})
    assert value is None and questions == ["data.training_sources[].foreign"]
    assert c.evaluate({"data": {"training_sources": [{"foreign": False}, {"foreign": True}]}}) == (True, [])


def test_error_not_explained_by_unanswered_fact_is_a_pack_bug() -> None:
    c = Condition.compile("deployment.monthly_active_users + 'x' == 1", {})
    with pytest.raises(EvaluationError):
        c.evaluate({"deployment": {"monthly_active_users": 3}})
    with pytest.raises(EvaluationError, match="not true/false"):
        Condition.compile("deployment.monthly_active_users", {}).evaluate({"deployment": {"monthly_active_users": 3}})


def test_iso_dates_compare_as_strings_and_mixed_numbers_compare() -> None:
    c = Condition.compile("deployment.launch_date < '2026-08-02' && model.training_compute_flops > 10", {})
    assert c.evaluate({"deployment": {"launch_date": "2026-03-01"}, "model": {"training_compute_flops": 3.0e23}}) == (True, [])
