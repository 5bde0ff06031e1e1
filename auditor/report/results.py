"""Results, schema `auditor/results/v1` (shared/spec/interfaces-v1.md): the one value renderers draw.

The spec's fields keep their names; everything else here is an extension (marked). Results
carry both languages of every rule text so `auditor report RESULTS.json --lang zh` can
re-render without the packs.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RESULTS_SCHEMA = "auditor/results/v1"

Status = Literal["pass", "partial", "fail", "unknown", "upcoming", "not_applicable", "waived"]
SeverityName = Literal["critical", "high", "medium", "low", "info"]
LegalStatus = Literal["in_force", "upcoming", "enjoined", "struck_down", "repealed", "pending"]
Decision = Literal["ready", "ready_with_conditions", "not_ready"]

STATUSES: tuple[str, ...] = ("pass", "fail", "partial", "unknown", "upcoming", "not_applicable", "waived")
SEVERITIES: tuple[str, ...] = ("critical", "high", "medium", "low", "info")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A bilingual text (extension)."""

    en: str = ""
    zh: str = ""

    def get(self, lang: str) -> str:
        return (self.zh if lang == "zh" else self.en) or self.en


class Tool(Frozen):
    name: str = "auditor"
    version: str


class DeploymentRef(Frozen):
    name: str
    path: str
    sha256: str
    version: str | None = None  # extension
    provider: str | None = None  # extension
    description: str | None = None  # extension
    intended_purpose: str | None = None  # extension
    markets: list[str] = Field(default_factory=list)  # extension
    role: str | None = None  # extension


class PackRef(Frozen):
    id: str
    version: str
    sha256: str
    as_of: str
    title: Text | None = None  # extension
    jurisdiction: str | None = None  # extension
    rules: int = 0  # extension: how many rules the pack holds


class Citation(Frozen):
    instrument: str
    provision: str
    url: str


class Classification(Frozen):
    tier: str
    labels: list[str] = Field(default_factory=list)
    basis: list[str] = Field(default_factory=list)
    # extension: the citation of the tier and of each label, for the report's legal-basis table
    citations: list[Citation] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)  # extension: facts to answer when undetermined


class Counts(Frozen):
    pass_: int = Field(0, alias="pass")
    fail: int = 0
    partial: int = 0
    unknown: int = 0
    upcoming: int = 0
    not_applicable: int = 0
    waived: int = 0

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Framework(Frozen):
    pack: str
    classification: Classification
    score: int | None  # None when no rule is scored (out of scope)
    grade: str  # A-F, or "N/A"
    counts: Counts
    title: Text | None = None  # extension
    jurisdiction: str | None = None  # extension


class Evidence(Frozen):
    path: str
    sha256: str | None
    exists: bool
    control: str | None = None  # extension
    size: int | None = None  # extension


class WaiverRef(Frozen):
    """Extension: a waiver as applied (or refused) by the engine."""

    rule: str | None
    reason: str | None
    approved_by: str | None
    expires: str | None
    valid: bool
    problem: str | None = None  # why it does not apply: expired, malformed, unknown rule


class Finding(Frozen):
    rule_id: str
    pack: str
    title: str
    status: Status
    severity: SeverityName
    citation: Citation
    applies_from: str
    why: str
    remediation: str
    evidence: list[Evidence] = Field(default_factory=list)
    # extensions
    requirement: str = ""
    zh: dict[str, str] = Field(default_factory=dict)  # title/requirement/remediation/why/detail in Chinese
    detail: str = ""  # rule-specific explanation with the numbers (e.g. 6,000 of 10,000 keywords)
    legal_status: LegalStatus = "in_force"
    confidence: str | None = None  # verified | corroborated | unverified (regulations.md)
    note: str = ""
    control: str | None = None
    label: str | None = None
    questions: list[str] = Field(default_factory=list)  # unanswered facts (status unknown)
    waiver: WaiverRef | None = None
    location: dict[str, int | str] | None = None  # descriptor file position of the deciding field

    def text(self, field: str, lang: str) -> str:
        if lang == "zh" and self.zh.get(field):
            return self.zh[field]
        return str(getattr(self, field))


class PiiFinding(Frozen):
    path: str
    line: int
    column: int
    end_column: int
    entity: str
    score: float
    recognizer: str
    excerpt: str
    json_path: str | None = None  # extension: JSON/JSONL/YAML location
    field: str | None = None  # extension: CSV column header


class PiiFile(Frozen):
    """Extension: one scanned file."""

    path: str
    bytes: int
    encoding: str | None = None
    format: str = "text"
    sampled: bool = False
    records: int | None = None
    records_sampled: int | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    pii_columns: dict[str, str] = Field(default_factory=dict)  # column -> entity type
    skipped: str | None = None  # why it was not scanned (binary, too large, unreadable)
    findings_dropped: int = 0  # findings beyond the per-file cap (counts stay exact)


class Prevalence(Frozen):
    """Extension: share of sampled records with an entity type, with a 95% Wilson interval."""

    entity: str
    records_with: int
    records_sampled: int
    rate: float
    low: float
    high: float


class PiiResults(Frozen):
    files_scanned: int = 0
    bytes_scanned: int = 0
    sampled: bool = False
    summary: dict[str, int] = Field(default_factory=dict)
    findings: list[PiiFinding] = Field(default_factory=list)
    # extensions
    files: list[PiiFile] = Field(default_factory=list)
    files_skipped: int = 0
    prevalence: list[Prevalence] = Field(default_factory=list)
    sample_size: int | None = None
    seed: int | None = None
    mode: str | None = None  # "presidio" | "patterns"
    entities: list[str] = Field(default_factory=list)


class Verdict(Frozen):
    """Extension: the procurement verdict and the rule(s) that decide it."""

    decision: Decision
    deciding_rules: list[str] = Field(default_factory=list)
    reason: Text


class Results(Frozen):
    schema_: Literal["auditor/results/v1"] = Field(RESULTS_SCHEMA, alias="schema")
    tool: Tool
    generated_at: str
    deployment: DeploymentRef
    packs: list[PackRef]
    frameworks: list[Framework]
    findings: list[Finding]
    pii: PiiResults = Field(default_factory=PiiResults)
    # extensions
    as_of: str | None = None
    verdict: Verdict | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    waivers: list[WaiverRef] = Field(default_factory=list)
    command: str | None = None  # how to reproduce this result

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2) + "\n"
