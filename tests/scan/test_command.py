"""The `auditor scan` command: formats, masking in every format, exit codes, sampling, --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_auditor
from tests.scan.conftest import scan

RAW = {
    "email": "jane.doe@example.com",
    "id": "110101199003074477",
    "card": "4111 1111 1111 1111",
    "phone": "+44 20 7946 0958",
    "name": "Jane Doe",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "notes.txt").write_text(
        f"Dear {RAW['name']}, your card {RAW['card']} and e-mail {RAW['email']}.\n身份证号{RAW['id']}\n",
        encoding="utf-8",
    )
    (root / "people.csv").write_text(
        "full_name,phone\n" + "".join(f"{RAW['name']},{RAW['phone']}\n" for _ in range(30)),
        encoding="utf-8",
    )
    (root / "clean.md").write_text("# nothing personal here\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_no_raw_value_in_any_format(corpus: Path, fmt: str) -> None:
    proc = run_auditor(
        "scan", corpus, "--mode", "patterns", "--format", fmt, "--jobs", "1", "--show-values"
    )
    assert proc.returncode == 0, proc.stderr
    for value in RAW.values():
        assert value not in proc.stdout and value not in proc.stderr
    assert "--show-values ignored" in proc.stderr  # stdout is a pipe here


def test_jsonl_shape_and_sarif_validity(corpus: Path) -> None:
    proc = run_auditor("scan", corpus, "--mode", "patterns", "--format", "jsonl", "--jobs", "1")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and all(
        {"path", "line", "column", "end_column", "entity", "score", "recognizer", "excerpt"}
        <= set(r)
        for r in rows
    )
    assert "c***" in proc.stdout or "j***@***.com" in proc.stdout
    sarif = json.loads(
        run_auditor("scan", corpus, "--mode", "patterns", "--format", "sarif", "--jobs", "1").stdout
    )
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert {r["ruleId"] for r in run["results"]} <= {
        rule["id"] for rule in run["tool"]["driver"]["rules"]
    }
    jsonschema = pytest.importorskip("jsonschema")
    official = Path(__file__).resolve().parent.parent / "report" / "fixtures" / "sarif-schema-2.1.0.json"
    schema = json.loads(official.read_text(encoding="utf-8"))  # the OASIS schema, committed
    jsonschema.validate(sarif, schema)


def test_exit_codes(corpus: Path, tmp_path: Path) -> None:
    assert (
        run_auditor(
            "scan", corpus / "clean.md", "--mode", "patterns", "--fail-on-findings"
        ).returncode
        == 0
    )
    assert (
        run_auditor(
            "scan", corpus, "--mode", "patterns", "--fail-on-findings", "--jobs", "1"
        ).returncode
        == 1
    )
    missing = run_auditor("scan", tmp_path / "nope.csv", "--mode", "patterns")
    assert (
        missing.returncode == 2
        and "nope.csv" in missing.stderr
        and "Traceback" not in missing.stderr
    )
    bad = run_auditor("scan", corpus, "--mode", "patterns", "--entities", "EMAIL,BOGUS")
    assert bad.returncode == 2 and "BOGUS" in bad.stderr and "Traceback" not in bad.stderr


def test_entities_option(corpus: Path) -> None:
    r = scan(corpus, entities=["EMAIL_ADDRESS"])
    assert set(r.summary) == {"EMAIL_ADDRESS"}


def test_sampling_is_seeded_and_reports_prevalence(corpus: Path) -> None:
    a = scan(corpus / "people.csv", sample=10, seed=7)
    b = scan(corpus / "people.csv", sample=10, seed=7)
    assert a.model_dump() == b.model_dump()
    (f,) = a.files
    assert f.sampled and f.records == 30 and f.records_sampled == 10
    prev = {p.entity: p for p in a.prevalence}
    assert prev["PERSON"].records_with == 10 and prev["PERSON"].rate == 1.0
    assert 0.65 < prev["PERSON"].low < 0.75 and prev["PERSON"].high == 1.0  # Wilson, n=10


def test_jobs_one_and_two_identical(corpus: Path) -> None:
    one = scan(corpus, jobs=1)
    two = scan(corpus, jobs=2)
    assert one.model_dump() == two.model_dump()


def test_scan_datasets_missing_path_names_descriptor(tmp_path: Path) -> None:
    from auditor.descriptor.model import Deployment
    from auditor.errors import AuditorError
    from auditor.scan.api import scan_datasets

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.jsonl").write_text(
        json.dumps({"email": RAW["email"]}) + "\n", encoding="utf-8"
    )
    dep = Deployment.model_validate(
        {
            "schema": "auditor/deployment/v1",
            "system": {"name": "X"},
            "data": {"datasets": [{"path": "data/a.jsonl"}]},
        }
    )
    r = scan_datasets(dep, tmp_path, mode="patterns", jobs=1)
    assert [f.path for f in r.findings] == ["data/a.jsonl"]
    dep_bad = Deployment.model_validate(
        {
            "schema": "auditor/deployment/v1",
            "system": {"name": "X"},
            "data": {"datasets": [{"path": "data/missing.csv"}]},
        }
    )
    with pytest.raises(AuditorError) as err:
        scan_datasets(dep_bad, tmp_path, descriptor=tmp_path / "deployment.yaml", mode="patterns")
    assert (
        err.value.path == str(tmp_path / "deployment.yaml")
        and "data/missing.csv" in err.value.message
    )


def test_wilson_interval() -> None:
    from auditor.scan.sampling import wilson

    low, high = wilson(0, 50)
    assert low == pytest.approx(0.0, abs=1e-9) and 0.06 < high < 0.08
    low, high = wilson(25, 50)
    assert 0.36 < low < 0.37 and 0.63 < high < 0.64


def test_jsonl_sampling_draws_lines(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    f.write_text(
        "".join(
            json.dumps({"i": i, "email": f"user{i}@example.com" if i % 4 == 0 else "none"}) + "\n"
            for i in range(400)
        ),
        encoding="utf-8",
    )
    a = scan(f, sample=50, seed=1)
    b = scan(f, sample=50, seed=2)
    assert a.files[0].records == 400 and a.files[0].records_sampled == 50
    (p,) = a.prevalence
    assert p.entity == "EMAIL_ADDRESS" and p.records_with == len(a.findings)
    assert p.low <= p.rate == p.records_with / 50 <= p.high
    assert [x.line for x in a.findings] != [x.line for x in b.findings]  # the seed matters
    assert all(x.line % 4 == 1 for x in a.findings)  # positions are real file lines


def test_excerpts_mask_candidates_below_min_score(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text("x 2124567890 y jane.doe@example.com\n", encoding="utf-8")
    r = scan(f)
    assert set(r.summary) == {"EMAIL_ADDRESS"}  # a bare 10-digit number is no phone without context
    assert "2124567890" not in r.findings[0].excerpt
