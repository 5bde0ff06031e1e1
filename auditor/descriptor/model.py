"""The deployment descriptor, schema `auditor/deployment/v1` (shared/spec/deployment-v1.md).

Core fields keep the spec's names; fields marked "extension" carry facts the rule packs need
that the core lacks (regulations.md section 4), each placed where a user would look for it.

The unknown-versus-false rule: every question defaults to `None` (unanswered), never to
`False` or `[]`. The engine sees an unanswered question as a missing key, and a rule whose
outcome depends on it reports `unknown` instead of passing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import phonenumbers
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_ID = "auditor/deployment/v1"

EU_MEMBER_STATES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP".split()
)
# phonenumbers ships the ISO 3166-1 alpha-2 regions it knows; that is every inhabited one.
ISO_COUNTRIES = frozenset(r for r in phonenumbers.SUPPORTED_REGIONS if len(r) == 2)


def _market_code(value: str) -> str:
    code = value.strip()
    if code in ("EU", "US", "US-NY-NYC") or code in ISO_COUNTRIES:
        return code
    if code.startswith("US-") and code[3:] in US_STATES:
        return code
    # The two slips users make: the United Kingdom as UK (ISO says GB), and lower case.
    guess = "GB" if code.upper() == "UK" else code.upper() if code != code.upper() else None
    hint = f" (did you mean '{guess}'?)" if guess and (guess == "GB" or _is_market(guess)) else ""
    raise ValueError(
        f"'{value}' is not a market code{hint}: use ISO 3166-1 alpha-2 (CN, DE), EU, US, "
        "a US state as US-XX (US-CA) or US-NY-NYC"
    )


def _is_market(code: str) -> bool:
    try:
        _market_code(code)
    except ValueError:
        return False
    return True


def _country_code(value: str) -> str:
    if value in ISO_COUNTRIES or value == "EU":
        return value
    raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 country code (CN, DE, US)")


MarketCode = Annotated[str, AfterValidator(_market_code)]
CountryCode = Annotated[str, AfterValidator(_country_code)]


class Strict(BaseModel):
    """Every section rejects unknown keys: a typo must never silently switch a rule off."""

    # allow_inf_nan=False: `.inf` compute would make every size threshold true; `.nan` compares false.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, allow_inf_nan=False)


# --- vocabularies -----------------------------------------------------------------------

Role = Literal["provider", "deployer", "importer", "distributor", "provider_and_deployer"]
DeployerType = Literal["private", "public_authority", "public_service_provider"]
UseCase = Literal[
    "biometrics.remote_identification",
    "biometrics.categorisation",
    "biometrics.emotion_recognition",
    "critical_infrastructure.safety_component",
    "education.admission",
    "education.assessment",
    "education.proctoring",
    "education.level_assessment",  # extension: Annex III point 3(c)
    "education.behaviour_monitoring",  # extension: Annex III point 3(d)
    "employment.recruitment",
    "employment.worker_management",
    "essential_services.public_benefits",
    "essential_services.credit_scoring",
    "essential_services.life_health_insurance_pricing",
    "essential_services.emergency_dispatch",
    "law_enforcement.victim_risk",  # Annex III 6(a)
    "law_enforcement.polygraph",  # 6(b)
    "law_enforcement.evidence_reliability",  # 6(c)
    "law_enforcement.offending_risk",  # 6(d)
    "law_enforcement.profiling",  # 6(e)
    "law_enforcement.other",
    "migration.polygraph",  # 7(a)
    "migration.risk_assessment",  # 7(b)
    "migration.application_examination",  # 7(c)
    "migration.identification",  # 7(d)
    "migration.other",
    "justice.judicial_assistance",
    "justice.alternative_dispute_resolution",  # extension: Annex III 8(a) ADR
    "democracy.election_influence",
    "product_safety_component",
    "healthcare.medical_device",
    "content_generation",
    "customer_service",
    "marketing",
    "recommendation",
    "search",
    "coding_assistant",
    "general_assistant",
    "entertainment",
    "companionship",  # extension: companion chatbots (CA SB 243)
    "demand_forecasting",  # extension
    "other",
]
ModelKind = Literal["application", "gpai", "gpai_systemic"]
ModelSource = Literal[
    "self_developed", "fine_tuned_third_party", "third_party_api_unmodified", "open_weights_unmodified"
]
Output = Literal["text", "image", "audio", "video", "code", "scores", "decisions", "virtual_scene"]
ConsequentialDomain = Literal[
    "employment",
    "education",
    "credit",
    "housing",
    "insurance",
    "healthcare",
    "legal",
    "essential_government_services",
    "essential_utilities",  # extension (Colorado SB 26-189)
]
ProhibitedPractice = Literal[
    "subliminal_manipulation",
    "exploiting_vulnerabilities",
    "social_scoring",
    "predictive_policing_profiling",
    "untargeted_facial_scraping",
    "emotion_recognition_workplace_education",
    "biometric_categorisation_sensitive",
    "realtime_remote_biometric_id_law_enforcement",
    "non_consensual_intimate_imagery",  # extension: Art. 5(1)(ba), Digital Omnibus
    "child_sexual_abuse_material",  # extension: Art. 5(1)(bb), Digital Omnibus
]
BiometricIdentification = Literal["none", "post", "realtime"]
Audience = Literal["public", "business", "internal"]
SensitivePI = Literal[
    "biometric",
    "health",
    "financial",
    "minors",
    "location",
    "religion",
    "ethnicity",
    "political",
    "sexual_life",
    "criminal",
    "genetic",
    "union",
    "specific_identity",  # extension: PIPL Art. 28 特定身份
]
SourceType = Literal[
    "public_web", "licensed", "user_generated", "proprietary", "synthetic", "open_dataset"
]
LawfulBasis = Literal[
    "consent",
    "separate_consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
    "publicly_available",
    "not_applicable",
]
TransferMechanism = Literal[
    "security_assessment",
    "standard_contract",
    "certification",
    "adequacy",
    "eu_scc",
    "bcr",
    "exempt",
    "none",
]
DatasetRole = Literal["training", "prompt_logs", "outputs", "evaluation", "other"]
ControlStatus = Literal["implemented", "partial", "planned", "not_implemented", "not_applicable"]
DecisionInfluence = Literal[
    "fully_automated", "substantially_replaces_human", "materially_influences", "assists_minor", "none"
]
EmploymentDecision = Literal[
    "recruitment_ads",
    "hiring_screening",
    "promotion",
    "renewal",
    "training_selection",
    "discharge",
    "discipline",
    "compensation",
    "task_allocation",
    "performance_monitoring",
]
RecommendationAlgorithm = Literal[
    "generation_synthesis", "personalized_push", "ranking_selection", "search_filtering", "scheduling_decision"
]
UseContext = Literal[
    "professional",
    "personal_non_professional",
    "scientific_research_only",
    "pre_market_testing",
    "military_defence_national_security",
]
OrganisationSize = Literal["micro", "small", "medium", "small_mid_cap", "large"]
CallPurpose = Literal["telemarketing", "informational", "emergency"]
Art63Condition = Literal[
    "none",
    "narrow_procedural_task",
    "improves_prior_human_activity",
    "detects_patterns_without_replacing_review",
    "preparatory_task",
]
CnExportExemption = Literal[
    "none",
    "contract_with_individual",
    "hr_management",
    "emergency",
    "no_pi_trade_data",
    "foreign_data_transit",
    "ftz_outside_negative_list",
]


# --- sections ---------------------------------------------------------------------------


class Provider(Strict):
    name: str | None = None
    country: CountryCode | None = None
    # extensions (regulations.md 4.1)
    established_in_eu: bool | None = Field(None, description="Has an establishment in the EU/EEA.")
    size: OrganisationSize | None = None
    annual_revenue_usd: float | None = Field(None, ge=0)
    employees: int | None = Field(None, ge=0)
    ccpa_business: bool | None = Field(None, description="Meets the CCPA 'business' thresholds.")
    cn_critical_information_infrastructure: bool | None = None
    cn_individuals_processed: int | None = Field(
        None, ge=0, description="Individuals in China whose personal information is processed."
    )
    authorised_representative_eu: str | None = None


class System(Strict):
    name: str = Field(min_length=1)
    version: str | None = None
    description: str | None = None
    provider: Provider | None = None
    role: Role | None = None
    deployer_type: DeployerType | None = None
    intended_purpose: str | None = None
    use_cases: list[UseCase] | None = None
    # extensions
    technical_supporter_cn: bool | None = Field(
        None, description="CN deep synthesis: provides technical support to other services."
    )
    political_campaign: bool | None = Field(
        None, description="Operated by or for a candidate, campaign or political committee."
    )


class FoundationModel(Strict):
    name: str | None = None
    provider: str | None = None
    open_weights: bool | None = None
    cn_filing_number: str | None = Field(None, description="The upstream model's CAC filing number.")


class Model(Strict):
    kind: ModelKind | None = None
    foundation_model: FoundationModel | None = None
    training_compute_flops: float | None = Field(None, ge=0)
    released_under_open_source_license: bool | None = None
    fine_tuned: bool | None = None
    # extensions (regulations.md 4.3)
    source: ModelSource | None = None
    designated_systemic_risk: bool | None = None
    placed_on_eu_market_before_2025_08_02: bool | None = None
    data_annotation: bool | None = Field(
        None, description="CN: human data annotation (labelling, RLHF) is used to train or fine-tune the model."
    )


class SyntheticMedia(Strict):
    generates: bool | None = None
    depicts_real_people: bool | None = None
    voice_cloning: bool | None = None
    intimate_imagery_possible: bool | None = None
    political_content: bool | None = None
    # extensions (regulations.md 4.4)
    realistic_deepfakes: bool | None = Field(
        None, description="Realistic content resembling real persons, objects, places or events."
    )
    artistic_satirical_or_fictional: bool | None = None
    public_interest_text: bool | None = Field(
        None, description="AI text published to inform the public on matters of public interest."
    )
    human_editorial_review: bool | None = None
    political_advertising: bool | None = None
    synthetic_performers_in_ads: bool | None = None
    digital_replica_living_performer: bool | None = None
    digital_replica_deceased: bool | None = None
    generates_reviews_or_testimonials: bool | None = None
    downloadable: bool | None = Field(None, description="Users can download or export outputs.")
    unlabeled_output_on_request: bool | None = None
    sensitive_objects_or_scenes: bool | None = Field(
        None, description="CN: edits objects or scenes touching national security or public interest."
    )


class Biometric(Strict):
    identification: BiometricIdentification | None = None
    categorisation: bool | None = None
    verification_only: bool | None = None
    # extensions
    sensitive_categorisation: bool | None = None
    untargeted_face_scraping: bool | None = None
    public_space_capture_cn: bool | None = None
    identifiers_collected: bool | None = Field(
        None, description="Collects biometric identifiers (face geometry, voiceprint, fingerprint)."
    )


class AutomatedDecisions(Strict):
    makes_or_supports: bool | None = None
    consequential_domains: list[ConsequentialDomain] | None = None
    human_review: bool | None = None
    # extensions (regulations.md 4.8)
    influence: DecisionInfluence | None = None
    legal_or_similarly_significant_effect: bool | None = None
    adverse_decisions_possible: bool | None = None
    employment_decisions: list[EmploymentDecision] | None = None
    zip_code_as_feature: bool | None = None


class Capabilities(Strict):
    conversational: bool | None = None
    synthetic_media: SyntheticMedia | None = None
    emotion_recognition: bool | None = None
    biometric: Biometric | None = None
    profiling: bool | None = None
    automated_decisions: AutomatedDecisions | None = None
    prohibited_practices: list[ProhibitedPractice] | None = None
    # extensions (regulations.md 4.5, 4.6, 4.8)
    companion_chatbot: bool | None = Field(
        None, description="Designed for social or emotional companionship across sessions."
    )
    outbound_ai_voice_calls: bool | None = None
    call_purpose: CallPurpose | None = None
    impersonates_business_government_or_person: bool | None = None
    recommendation_algorithms: list[RecommendationAlgorithm] | None = None
    personalized_pricing: bool | None = None
    worker_dispatch: bool | None = None
    annex_i_third_party_assessment: bool | None = None
    art6_3_condition: Art63Condition | None = None
    no_significant_risk: bool | None = None


class DeploymentSection(Strict):
    markets: list[MarketCode] | None = None
    audience: Audience | None = None
    monthly_active_users: int | None = Field(None, ge=0)
    public_opinion_or_social_mobilization: bool | None = None
    minors_may_use: bool | None = None
    user_generated_content_platform: bool | None = None
    launch_date: dt.date | None = None
    # extensions (regulations.md 4.2, 4.5, 4.6)
    use_context: UseContext | None = None
    outputs_used_in_eu: bool | None = None
    california_monthly_users: int | None = Field(None, ge=0)
    licenses_model_to_third_parties: bool | None = None
    primarily_user_generated_content: bool | None = Field(
        None, description="Primarily a forum for user-generated content (TAKE IT DOWN covered platform)."
    )
    large_online_platform: bool | None = None
    genai_hosting_platform: bool | None = None
    capture_device_manufacturer: bool | None = None
    app_distribution_platform: bool | None = None
    content_dissemination_platform_cn: bool | None = None
    workplace_use: bool | None = Field(None, description="Used on the deployer's own workers.")
    elderly_users: bool | None = None
    regulated_occupation_services: bool | None = Field(
        None, description="Services of a state-licensed occupation delivered with generative AI."
    )
    government_agency: bool | None = None
    health_care_services: bool | None = None
    substantially_modified_on: dt.date | None = None


class TrainingSource(Strict):
    name: str | None = None
    type: SourceType | None = None
    contains_personal_information: bool | None = None
    lawful_basis: LawfulBasis | None = None
    # extensions
    contains_copyrighted_material: bool | None = None
    license: str | None = None
    foreign: bool | None = Field(None, description="CN: corpus from outside mainland China.")


class CrossBorderTransfer(Strict):
    from_: CountryCode | None = Field(None, alias="from")
    to: CountryCode | None = None
    personal_information: bool | None = None
    individuals_per_year: int | None = Field(None, ge=0)
    sensitive: bool | None = None
    mechanism: TransferMechanism | None = None
    # extensions
    sensitive_individuals_per_year: int | None = Field(None, ge=0)
    important_data: bool | None = None
    exemption: CnExportExemption | None = None
    separate_consent: bool | None = None


class Dataset(Strict):
    path: str = Field(min_length=1)
    role: DatasetRole | None = None
    description: str | None = None
    expect_personal_information: bool | None = Field(
        None, description="False declares the dataset free of personal information; a scan finding contradicts it."
    )


class Data(Strict):
    personal_information: bool | None = None
    sensitive_personal_information: list[SensitivePI] | None = None
    training_sources: list[TrainingSource] | None = None
    user_inputs_used_for_training: bool | None = None
    training_opt_out: bool | None = None
    retention_days: int | None = Field(None, ge=0)
    cross_border_transfers: list[CrossBorderTransfer] | None = None
    datasets: list[Dataset] | None = None
    # extensions (regulations.md 4.9)
    shared_with_third_parties: bool | None = None
    published: bool | None = None
    entrusted_processing: bool | None = None
    important_data_cn: bool | None = None


class Control(Strict):
    """A control: its status, the evidence that shows it, and attributes rules check."""

    status: ControlStatus | None = None
    evidence: list[str] | None = None
    owner: str | None = None
    notes: str | None = None
    date: dt.date | None = None
    auditor: str | None = None
    independent: bool | None = None
    url: str | None = None
    # filings (CN) and registrations (EU)
    filing_number: str | None = None
    registration_id: str | None = None
    displayed: bool | None = None
    # timing and retention
    removal_hours: float | None = Field(None, ge=0)
    notice_business_days: int | None = Field(None, ge=0)
    response_days: int | None = Field(None, ge=0)
    log_retention_months: int | None = Field(None, ge=0)
    records_retention_years: int | None = Field(None, ge=0)
    # labelling and marking
    modalities: list[Output] | None = None
    methods: list[str] | None = None
    label_height_ratio: float | None = Field(
        None, ge=0, le=1, description="GB 45438: explicit label text height / shortest side of the frame."
    )
    label_duration_seconds: float | None = Field(
        None, ge=0, description="GB 45438: seconds the explicit label shows on a video's opening frames."
    )
    # content moderation thresholds (TC260-003 / GB/T 45654-2025)
    keyword_library_size: int | None = Field(None, ge=0)
    keyword_library_per_risk_min: int | None = Field(None, ge=0)
    test_question_bank_size: int | None = Field(None, ge=0)
    refusal_test_bank_size: int | None = Field(None, ge=0)
    non_refusal_test_bank_size: int | None = Field(None, ge=0)
    refusal_rate: float | None = Field(None, ge=0, le=1)
    non_refusal_rate: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Share of should-not-refuse test questions answered, not refused (TC260-003 9.4: refusals at most 5%, so at least 0.95).",
    )
    content_test_pass_rate: float | None = Field(None, ge=0, le=1)
    corpus_sample_pass_rate: float | None = Field(None, ge=0, le=1)
    corpus_illegal_rate: float | None = Field(None, ge=0, le=1)
    # conformity assessment (EU)
    procedure: Literal["internal_control", "notified_body"] | None = None


class Waiver(BaseModel):
    """Loosely typed on purpose: the engine reports a malformed waiver instead of rejecting the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    expires: dt.date | None = None
    compensating_control: str | None = None


class Deployment(Strict):
    """One AI deployment, as its team describes it."""

    schema_: Literal["auditor/deployment/v1"] = Field(alias="schema")
    system: System
    model: Model | None = None
    outputs: list[Output] | None = None
    capabilities: Capabilities | None = None
    deployment: DeploymentSection | None = None
    data: Data | None = None
    controls: dict[str, Control] | None = None
    waivers: list[Waiver] | None = None
    extensions: dict[str, Any] | None = None


SECTIONS = ("system", "model", "outputs", "capabilities", "deployment", "data", "controls", "waivers")
