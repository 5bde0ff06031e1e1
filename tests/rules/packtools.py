"""Build small rule packs on disk for the engine tests (real files, real loader)."""

from __future__ import annotations

import textwrap
from pathlib import Path

PACK_HEAD = """\
id: t
title: {en: Test pack, zh: 测试规则包}
jurisdiction: XX
version: "1"
as_of: 2026-06-01
definitions:
  EU_MARKET: "'EU' in deployment.markets"
"""

# A complete, valid rule; tests replace parts of it.
RULE = """\
- id: T-1
  title: {en: Disclose, zh: 披露}
  requirement: {en: Say it is an AI., zh: 说明是人工智能。}
  remediation: {en: Add a banner., zh: 添加横幅。}
  citation: {instrument: Test Act, provision: Art. 1, url: "https://example.com/1"}
  applies_from: 2026-01-01
  severity: high
  control: ai_interaction_disclosure
  applies_when: "EU_MARKET && capabilities.conversational"
  requires: "controls.ai_interaction_disclosure.status == 'implemented'"
  partial_when: "controls.ai_interaction_disclosure.status == 'partial'"
  tests:
    - {name: f, expect: fail, descriptor: {deployment: {markets: [EU]}, capabilities: {conversational: true}, controls: {ai_interaction_disclosure: {status: planned}}}}
    - {name: p, expect: pass, descriptor: {deployment: {markets: [EU]}, capabilities: {conversational: true}, controls: {ai_interaction_disclosure: {status: implemented}}}}
    - {name: n, expect: not_applicable, descriptor: {deployment: {markets: [US]}}}
"""


def write_pack(root: Path, rules: str = RULE, head: str = PACK_HEAD, classification: str = "") -> Path:
    """A pack folder `root` with pack.yaml and rules/r.yaml; returns the folder."""
    (root / "rules").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(head + textwrap.dedent(classification), encoding="utf-8")
    (root / "rules" / "r.yaml").write_text(textwrap.dedent(rules), encoding="utf-8")
    return root
