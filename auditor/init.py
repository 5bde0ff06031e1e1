"""`auditor init`: a guided questionnaire that writes a descriptor.

Each question is a dotted descriptor path. An empty answer leaves the question unanswered
(absent from the file), which the rules report as `unknown` -- never as "no".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from auditor.atomic import write_atomic
from auditor.descriptor.load import parse_yaml
from auditor.descriptor.model import SCHEMA_ID, Deployment
from auditor.errors import AuditorError


@dataclass(frozen=True)
class Question:
    path: str
    text: str
    kind: str = "str"  # str | bool | int | list
    choices: tuple[str, ...] = ()


QUESTIONS: tuple[Question, ...] = (
    Question("system.name", "Name of the AI system"),
    Question("system.version", "Version"),
    Question("system.description", "One sentence: what does it do?"),
    Question("system.provider.name", "Provider (legal entity)"),
    Question("system.provider.country", "Provider's country (ISO code, e.g. DE, CN, US)"),
    Question(
        "system.role",
        "Your role",
        choices=("provider", "deployer", "importer", "distributor", "provider_and_deployer"),
    ),
    Question("system.use_cases", "Use cases (comma-separated, e.g. customer_service, employment.recruitment)", "list"),
    Question("outputs", "Outputs (comma-separated: text, image, audio, video, code, scores, decisions)", "list"),
    Question("capabilities.conversational", "Do people interact with it directly (chat, voice)?", "bool"),
    Question("capabilities.synthetic_media.generates", "Does it generate content that could pass as authentic?", "bool"),
    Question("capabilities.synthetic_media.depicts_real_people", "Can it depict real people (likeness, face swap)?", "bool"),
    Question("capabilities.synthetic_media.voice_cloning", "Does it clone voices?", "bool"),
    Question("capabilities.profiling", "Does it evaluate personal aspects of people (profiling)?", "bool"),
    Question(
        "capabilities.automated_decisions.makes_or_supports",
        "Does it make or support decisions about people?",
        "bool",
    ),
    Question("deployment.markets", "Markets (comma-separated: CN, EU, DE, US, US-CA, US-NY-NYC ...)", "list"),
    Question("deployment.audience", "Audience", choices=("public", "business", "internal")),
    Question("deployment.monthly_active_users", "Monthly active users", "int"),
    Question("deployment.minors_may_use", "May minors use it?", "bool"),
    Question("data.personal_information", "Does it process personal information?", "bool"),
)


def _convert(question: Question, raw: Any) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if question.kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("y", "yes", "true", "1", "是"):
            return True
        if text in ("n", "no", "false", "0", "否"):
            return False
        raise ValueError("answer yes or no (or leave empty if unknown)")
    if question.kind == "int":
        return int(str(raw).replace(",", "").replace("_", ""))
    if question.kind == "list":
        if isinstance(raw, list):
            return [str(v).strip() for v in raw]
        return [part.strip() for part in str(raw).split(",") if part.strip()]
    value = str(raw).strip()
    if question.choices and value not in question.choices:
        raise ValueError(f"choose one of {', '.join(question.choices)}")
    return value


def _set(tree: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def build(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers keyed by dotted path -> a validated descriptor mapping."""
    known = {q.path: q for q in QUESTIONS}
    tree: dict[str, Any] = {"schema": SCHEMA_ID}
    for path, raw in answers.items():
        question = known.get(path, Question(path, path))
        try:
            value = _convert(question, raw)
        except ValueError as exc:
            raise AuditorError(f"answer to {path}: {exc}") from None
        if value is not None:
            _set(tree, path, value)
    try:
        Deployment.model_validate(tree)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise AuditorError(f"answer to {where}: {first['msg']}") from None
    return tree


def render(tree: dict[str, Any], unanswered: list[str]) -> str:
    header = [
        "# yaml-language-server: $schema=https://auditor.dev/schemas/deployment-v1.json",
        "# Written by `auditor init`. Unanswered questions are reported as `unknown` by the rules.",
    ]
    if unanswered:
        header.append("# Still to answer: " + ", ".join(unanswered))
    body = yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return "\n".join(header) + "\n" + body


def ask_interactively(prompt: Callable[[str], str]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        suffix = f" [{'/'.join(question.choices)}]" if question.choices else ""
        if question.kind == "bool":
            suffix = " [yes/no]"
        while True:
            raw = prompt(f"{question.text}{suffix} (empty = unknown)")
            try:
                value = _convert(question, raw)
            except ValueError as exc:
                print(f"  {exc}")
                continue
            if question.path == "system.name" and value is None:
                print("  the system needs a name")
                continue
            answers[question.path] = value
            break
    return answers


def run_init(out: Path, answers_file: Path | None, prompt: Callable[[str], str], force: bool) -> str:
    if out.exists() and not force:
        raise AuditorError("already exists; pass --force to overwrite", out)
    if answers_file is not None:
        loaded = parse_yaml(answers_file).data
        if not isinstance(loaded, dict):
            raise AuditorError("answers file must be a mapping of question -> answer", answers_file, 1)
        answers = {str(k): v for k, v in loaded.items()}
    else:
        answers = ask_interactively(prompt)
    tree = build(answers)
    unanswered = [q.path for q in QUESTIONS if answers.get(q.path) in (None, "", [])]
    text = render(tree, unanswered)
    write_atomic(out, text)
    return text
