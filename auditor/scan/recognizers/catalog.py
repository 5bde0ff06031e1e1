"""Every recognizer auditor knows, declared as data (see spec.py for the fields).

To add a recognizer: add a PatternSpec here (and a validator in validators.py if it needs a
checksum), then a case in tests/scan/test_recognizers.py. The pattern engine and the Presidio
set-up both read this list. Scores follow one scale: >= 0.85 checksum-validated or
context-confirmed, ~0.6-0.8 a distinctive shape without context, < 0.5 (dropped by the default
--min-score) a shape that is only PII with context.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.scan.recognizers.gazetteer import (
    CN_CITIES,
    CN_PROVINCES,
    CN_SURNAMES_COMPOUND,
    CN_SURNAMES_SINGLE,
    EU_STREET_PREFIXES,
    EU_STREET_SUFFIXES,
    STREET_TYPES,
    WORLD_CITIES_ZH,
)
from auditor.scan.recognizers.spec import FieldSpec, Pattern, PatternSpec

DIGITS = "0123456789"

# Every phone number, card, SSN, resident ID, IBAN and IPv4 address has a run of 7 or more
# digits and separators ("138 0013 8000", "10.0.0.1", "DE89 3704 0044 ..."). Their patterns
# only run near such runs: one cheap pass instead of a full pass per pattern, which is most
# of the time on text with few numbers (code, prose, chat).
DIGIT_RUN = r"\d[\d \t\-.()/:+]{5,}\d"


def _near_digit_runs(window: tuple[int, int], *patterns: Pattern) -> tuple[Pattern, ...]:
    """`window`: how far before and after the run a match may start and end."""
    return tuple(replace(p, anchor=DIGIT_RUN, anchor_window=window) for p in patterns)


# Words near a number that say it is an identifier of a thing, not of a person.
ID_NEGATIVE = (
    "order",
    "order_ref",
    "ref",
    "reference",
    "invoice",
    "tracking",
    "ticket",
    "batch",
    "export",
    "sku",
    "isbn",
    "ean",
    "build",
    "version",
    "timeout",
    "retry",
    "session",
    "request",
    "trace",
    "p/n",
    "part",
    "product",
    "code",
    "serial",
    "model",
    "订单",
    "单号",
    "流水号",
    "发票",
    "编号",
    "运单",
    "批次",
    "版本",
    "工单",
    "快递",
    "编码",
    "货号",
    "型号",
    "imei",
    "imsi",
    "iccid",
    "meid",
    "设备号",
)

EMAIL = PatternSpec(
    name="EmailRecognizer",
    entity="EMAIL_ADDRESS",
    patterns=(
        Pattern(
            "email",
            r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
            1.0,
        ),
    ),
    validator="email",
    # a mail's Message-ID / In-Reply-To looks like an address and is none
    negative_context=("message-id", "message id", "in-reply-to", "references", "msg-id"),
    needs="@",
    anchor="@",
    anchor_window=(64, 256),
)

_PHONE_START = r"(?<![0-9A-Za-z+\-/.:#_])"  # not inside a longer token
_PHONE_END = r"(?![0-9A-Za-z\-/_]|\.\d|:\d)"
# a national number right after "+44 " belongs to that international one (which failed)
_NOT_AFTER_CC = r"(?<!\+\d )(?<!\+\d\d )(?<!\+\d\d\d )"
PHONE = PatternSpec(
    name="PhoneRecognizer",
    entity="PHONE_NUMBER",
    patterns=_near_digit_runs(
        (4, 2),
        # Runs of digits with the separators people write; libphonenumber decides. A bare run of
        # digits is only a phone number with context, except the distinctive Chinese mobile shape.
        Pattern("phone_intl", _PHONE_START + r"(?:\+|00)\d[\d \t().\-]{5,22}\d" + _PHONE_END, 0.8),
        Pattern(
            "phone_formatted",
            _PHONE_START
            + _NOT_AFTER_CC
            + r"(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))\(?\d[\d().\-]*[ \t().\-][\d \t().\-]{3,20}\d"
            + _PHONE_END,
            0.7,
        ),
        Pattern("phone_bare", _PHONE_START + r"\d{7,13}" + _PHONE_END, 0.4),
        # German and Austrian area code / number: 030/1234567
        Pattern("phone_slash", _PHONE_START + r"0\d{2,5}/\d{3,9}" + _PHONE_END, 0.7),
        Pattern("cn_mobile", _PHONE_START + r"1[3-9]\d{9}" + _PHONE_END, 0.6),
    )
    + (
        # a link (`tel:+44…`, vCard `TEL:`): a pattern of its own, as a number right after
        # `:` is otherwise a time or a key's value
        Pattern(
            "phone_link",
            r"(?<=[Tt][Ee][Ll]:)\+?\d[\d \-().]{5,20}\d" + _PHONE_END,
            0.8,
            anchor="tel:",
            anchor_window=(0, 32),
        ),
    ),
    validator="phone",
    context=(
        "phone",
        "tel",
        "telephone",
        "mobile",
        "cell",
        "call",
        "sms",
        "whatsapp",
        "wechat",
        "contact",
        "fax",
        "number",
        "reach",
        "电话",
        "手机",
        "手机号",
        "联系电话",
        "号码",
        "致电",
        "联系方式",
        "微信",
        "短信",
        "备用",
    ),
    # versions and bank details are digit groups too
    negative_context=ID_NEGATIVE
    + ("firmware", "fw", "db", "schema", "release", "iban", "bic", "swift code", "sort code"),
    needs=DIGITS,
    tags=frozenset({"phone"}),
)

US_SSN = PatternSpec(
    name="UsSsnRecognizer",
    entity="US_SSN",
    patterns=_near_digit_runs(
        (2, 2),
        Pattern("ssn_dashed", r"(?<![0-9A-Za-z\-])\d{3}-\d{2}-\d{4}(?![\d\-])", 0.6),
        Pattern("ssn_spaced", r"(?<![0-9A-Za-z\-])(?<!\d )\d{3} \d{2} \d{4}(?![\d\-]| \d)", 0.3),
        Pattern("ssn_bare", r"(?<![0-9A-Za-z\-.])\d{9}(?![0-9A-Za-z\-])", 0.2),
    ),
    validator="us_ssn",
    context=("ssn", "social security", "social", "ss#", "ssn#", "taxpayer", "tin", "社会安全号"),
    negative_context=ID_NEGATIVE + ("passport", "护照", "phone", "电话"),
    needs=DIGITS,
)

CREDIT_CARD = PatternSpec(
    name="CreditCardRecognizer",
    entity="CREDIT_CARD",
    patterns=_near_digit_runs(
        (2, 2),
        Pattern(
            "card_grouped",
            r"(?<![0-9A-Za-z\-])\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![\d\-])",
            0.8,
        ),
        Pattern("card_amex", r"(?<![0-9A-Za-z\-])\d{4}([ \-])\d{6}\1\d{4,5}(?![\d\-])", 0.8),
        Pattern("card_bare", r"(?<![0-9A-Za-z\-.])\d{13,19}(?![0-9A-Za-z\-])", 0.75),
    ),
    # Luhn-valid numbers outside the known issuer ranges are one in ten random numbers: they
    # are reported only with card context.
    validator="luhn_card",
    strong_validator="card_iin",
    context=(
        "card",
        "credit",
        "visa",
        "mastercard",
        "amex",
        "unionpay",
        "discover",
        "jcb",
        "charge",
        "payment",
        "pay",
        "信用卡",
        "银行卡",
        "卡号",
        "银联",
        "借记卡",
        "储蓄卡",
        "工资卡",
        "刷卡",
        "扣款",
    ),
    # an 18-digit resident ID that fails its check digit is no card either
    negative_context=ID_NEGATIVE + ("身份证", "证件号", "id card", "id number"),
    alt_entity="BANK_CARD",
    alt_context=(
        "debit",
        "bank card",
        "bank account",
        "account number",
        "payroll",
        "salary",
        "银行卡",
        "银行卡号",
        "借记卡",
        "储蓄卡",
        "工资卡",
        "开户行",
        "开户",
        "银行账号",
        "账号",
        "账户",
        "收款账户",
    ),
    needs=DIGITS,
)

IBAN = PatternSpec(
    name="IbanRecognizer",
    entity="IBAN_CODE",
    patterns=_near_digit_runs(
        (24, 40),
        Pattern(
            "iban_compact", r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}[A-Z0-9]{10,30}(?![A-Za-z0-9])", 0.95
        ),
        Pattern(
            "iban_spaced",
            r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?(?![A-Za-z0-9])",
            0.95,
        ),
    ),
    validator="iban",
    needs=DIGITS,
)

IP_ADDRESS = PatternSpec(
    name="IpRecognizer",
    entity="IP_ADDRESS",
    patterns=(
        Pattern(
            "ipv4",
            r"(?<![0-9A-Za-z.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9]|\.\d|-\w)",
            0.7,
            "ip_v4",
            anchor=DIGIT_RUN,
            anchor_window=(2, 2),
        ),
        Pattern(
            "ipv6",
            r"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])",
            0.8,
            "ip_v6",
            # two colons around a group, or "::"; it starts with a literal, which re finds fast
            anchor=r":[0-9a-f]{1,4}:|::",
            anchor_window=(40, 40),
        ),
    ),
    context=(
        "ip",
        "address",
        "host",
        "server",
        "login",
        "logged",
        "from",
        "client",
        "remote",
        "登录",
        "地址",
    ),
    negative_context=("version", "build", "firmware", "release", "sdk", "rc", "v", "版本", "固件"),
    needs=".:",
)

CN_RESIDENT_ID = PatternSpec(
    name="CnResidentIdRecognizer",
    entity="CN_RESIDENT_ID",
    patterns=_near_digit_runs(
        (2, 2),
        Pattern("cn_ric", r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", 0.9),
        Pattern("cn_ric_grouped", r"(?<![0-9A-Za-z\-])\d{6}([ \-])\d{8}\1\d{3}[\dXx](?![0-9A-Za-z])", 0.9),
    ),
    validator="cn_resident_id",
    context=(
        "身份证",
        "身份证号",
        "证件号",
        "证件号码",
        "公民身份号码",
        "id card",
        "resident id",
        "id number",
        "national id",
    ),
    context_score=0.95,
    needs=DIGITS,
)

CN_USCC = PatternSpec(
    name="CnUsccRecognizer",
    entity="CN_USCC",
    patterns=(
        Pattern(
            "uscc",
            r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])",
            0.4,
        ),
    ),
    validator="cn_uscc",
    context=(
        "统一社会信用代码",
        "社会信用代码",
        "信用代码",
        "uscc",
        "credit code",
        "纳税人识别号",
        "税号",
    ),
    requires_context=True,
    needs=DIGITS,
)

PASSPORT = PatternSpec(
    name="PassportRecognizer",
    entity="PASSPORT",
    patterns=(
        # with its context word only: 9 digits (US) or 6-9 capitals and digits with a digit
        Pattern(
            "passport",
            r"(?<![0-9A-Za-z\-])(?:\d{9}|(?=[A-Z0-9]{0,8}\d)(?=[0-9]{0,8}[A-Z])[A-Z0-9]{6,9})(?![0-9A-Za-z\-])",
            0.2,
        ),
    ),
    context=(
        "passport",
        "passport no",
        "passport number",
        "travel document",
        "reisepass",
        "passeport",
        "pasaporte",
        "passaporto",
        "paspoort",
        "护照",
        "护照号",
        "护照号码",
        "通行证",
    ),
    requires_context=True,
    needs=DIGITS,
)

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE_OF_BIRTH = PatternSpec(
    name="DateOfBirthRecognizer",
    entity="DATE_OF_BIRTH",
    patterns=(
        Pattern(
            "date_ymd",
            r"(?<![\d\-/.])\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})(?![\d\-/:]|\.\d)",
            0.3,
        ),
        Pattern("date_cn", r"\d{4}年\d{1,2}月\d{1,2}[日号]", 0.3),
        Pattern("date_dmy", r"(?<![\d\-/.])\d{1,2}([/.\-])\d{1,2}\1\d{4}(?![\d\-/]|\.\d)", 0.3),
        Pattern("date_mdy_text", r"\b" + _MONTH + r"\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b", 0.3),
        Pattern("date_dmy_text", r"\b\d{1,2}(?:st|nd|rd|th)? " + _MONTH + r"\.?,? \d{4}\b", 0.3),
        Pattern("date_d_mon_y", r"\b\d{1,2}([-/ ])(?i:" + _MONTH + r")\1\d{4}\b", 0.3),
        Pattern("date_compact", r"(?<![\d\-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d\-])", 0.3),
    ),
    validator="date",
    context=(
        "dob",
        "d.o.b",
        "date of birth",
        "birth",
        "born",
        "birthday",
        "birthdate",
        "出生",
        "出生日期",
        "生日",
        "出生年月",
        "生于",
        "geburtsdatum",
        "geboren",
        "date de naissance",
        "né le",
        "née le",
        "fecha de nacimiento",
        "nacimiento",
        "data di nascita",
        "geboortedatum",
    ),
    requires_context=True,
    context_window=40,
    needs=DIGITS,
)

_SURNAME = "(?:" + "|".join(CN_SURNAMES_COMPOUND) + "|[" + CN_SURNAMES_SINGLE + "])"
_PROVINCE = "(?:" + "|".join(sorted(CN_PROVINCES, key=len, reverse=True)) + ")"
_CITY = "(?:" + "|".join(sorted(CN_CITIES, key=len, reverse=True)) + ")"
_WORLD_CITY = "(?:" + "|".join(sorted(WORLD_CITIES_ZH, key=len, reverse=True)) + ")"
_HAN = r"[\u4e00-\u9fff]"
# district / county, optional town, then the road, the number and optional building/unit/room
# Components may be separated by spaces ("北京市 丰台区 西直门外大街 252号"); an address may
# end at a residential estate's building instead of a road number ("保利香槟国际23栋1单元404室").
_CN_BUILDING = r"(?:\d+(?:号楼|栋|幢|座|号院)|[A-Z]座)"
_CN_REST = (
    rf" ?(?:{_HAN}{{1,4}}?(?:区|县|旗|市))? ?(?:{_HAN}{{1,6}}?(?:镇|乡|街道))? ?"
    rf"(?:[\u4e00-\u9fff0-9A-Za-z]{{1,12}}?(?:大道|大街|步行街|路|街|道|巷|弄|胡同)"
    r"(?:\d+段)? ?\d+(?:-\d+)? ?号(?:院)? ?" + _CN_BUILDING + r"?"
    rf"|{_HAN}{{2,10}}?(?:小区|花园|家园|公寓|大厦|广场|苑|园|城|国际|中心)?" + _CN_BUILDING + r")"
    r"(?:\d+单元)?(?:\d+层)?(?:\d+(?:室|号房|房))?"
)

LOCATION_CN = PatternSpec(
    name="CnAddressRecognizer",
    entity="LOCATION",
    anchor_words=(
        "号", "住在", "来自", "我在", "搬到", "位于", "家在", "人在", "回到", "定居", "老家",
        "要去", "飞往", "前往", "栋", "幢", "单元",
    ),  # fmt: skip
    anchor_window=(72, 24),
    patterns=(
        # Starts at a province or a known city so that a preceding word is never swallowed.
        Pattern(
            "cn_address",
            rf"(?:{_PROVINCE} ?(?:{_CITY}市?|{_HAN}{{2,3}}?市)?|{_CITY}市?)" + _CN_REST,
            0.85,
        ),
        # A city named where someone lives / comes from ("住在苏州", "我在杭州的").
        Pattern(
            "cn_city",
            rf"(?<=住在|来自|我在|搬到|位于|家在|人在|回到|定居|老家|要去|飞往|前往)(?:{_CITY}|{_WORLD_CITY})(?:市)?",
            0.7,
        ),
    ),
)

_CAP = r"[A-ZÀ-Ö][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*(?![0-9A-Za-zÀ-ÿ])"
_STREET = "(?:" + "|".join(sorted(STREET_TYPES, key=len, reverse=True)) + ")"
_UNIT = r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Room|Rm\.?|Building|Bldg\.?|Floor|Fl\.?|#)\s*#?[A-Za-z0-9\-]+"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_TAIL = (
    r"(?:,\s*(?:"
    + _UNIT
    + r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    + r"|\d{4,5}(?:\s?[A-Z]{2})?\s+"
    + _CAP
    + r"(?:\s+(?:am|an|im|der|de|del|la|le|sur|upon|on)?\s*"
    + _CAP
    + r")*"
    + r"|"
    + _CAP
    + r"(?:\s+"
    + _CAP
    + r"){0,3}(?:\s+"
    + _UK_POSTCODE
    + r"|\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
    + r"))*"
)
_PREFIX = r"(?:(?:" + _UNIT + r"|No\.\s*\d+),\s*){0,3}"
_EU_SUFFIX = "(?:" + "|".join(s.replace(".", r"\.") for s in EU_STREET_SUFFIXES) + ")"
_EU_PREFIX = "(?:" + "|".join(EU_STREET_PREFIXES) + ")"

LOCATION_ADDRESS = PatternSpec(
    name="StreetAddressRecognizer",
    entity="LOCATION",
    # A house number next to a word: "12 Main St", "12 rue ...", "Hauptstraße 12", "Roma 12".
    # It starts with a digit, which re skips to quickly; the patterns themselves open with
    # optional units, which it would try at every position.
    anchor=r"\d(?:(?<=[a-zß.,]\s\d)|\d{0,4}[a-z]?,?\s+[a-z])",
    anchor_window=(120, 200),
    patterns=(
        Pattern(
            "street_address",
            r"(?<![0-9A-Za-z\-])"
            + _PREFIX
            + r"(?:(?:No\.\s*)?\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:"
            + _CAP
            + r"|\d{1,3}(?:st|nd|rd|th))\s+){0,4}"
            + _STREET
            + r"\b\.?(?:\s+(?:NE|NW|SE|SW|N|S|E|W|Lower|Upper|North|South|East|West)\b)?|\d{1,5}\s+Broadway\b)"
            + r"(?:\s+"
            + _UNIT  # "1737 Highland Ave Unit 21, Denver"
            + r")?"
            + _TAIL,
            0.8,
        ),
        Pattern(
            "po_box",
            r"(?<![0-9A-Za-z\-])(?:P\.? ?O\.? ?Box|Post Office Box|Postfach|Apartado)\s+\d{1,6}" + _TAIL,
            0.8,
        ),
        Pattern(
            "eu_address",
            r"(?<![0-9A-Za-z\-])(?:[A-ZÄÖÜ][\wäöüßéèàñ'\-]*"
            + _EU_SUFFIX
            + r"\s+\d{1,4}[a-z]?"
            + r"|"
            + _EU_PREFIX
            # "Via Roma 12", "Calle Real, 173, 3º D": a comma may come before the number, and a
            # Spanish floor and door after it
            + r"\s+(?:[\w'’\-]+,?\s+){0,4}?\d{1,4}[a-z]?(?:,\s*\d{1,2}[ºª°]\s?[A-Z]?)?"
            # French: "127 rue Victor Hugo, 44000 Nantes"
            + r"|\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|allée|chemin|quai|impasse|cours)\s+(?:[\w'’\-]+\s+){0,4}?[\w'’\-]+(?=,))"
            + _TAIL,
            0.75,
        ),
    ),
    needs=DIGITS,
)

# A place named where someone lives or comes from ("grew up in Lille", "moved from A to B");
# spaCy finds the rest in the default mode.
_PLACE = r"[A-Z][a-zà-ÿ'’\-]+(?:\s+(?:am|an|im|in|bei|upon|on|sur|de|del|di|la|le)?\s*[A-Z][a-zà-ÿ'’\-]+){0,2}"
# a Latin place name, a country's short form, or a Chinese city ("I live in 杭州")
_PLACE_OR_CITY = "(?:" + _PLACE + r"|UK|USA|US|UAE|" + _CITY + "|" + _WORLD_CITY + ")"
LOCATION_CUE = PatternSpec(
    name="PlaceCueRecognizer",
    entity="LOCATION",
    anchor_words=(
        "grew up in", "moved", "relocat", "moving to", "live in", "lives in", "living in",
        "based in", "born in", "originally from", "住在", "来自",
    ),  # fmt: skip
    anchor_window=(4, 64),
    patterns=(
        Pattern(
            "place_cue",
            r"(?:\b(?i:grew up in|moved (?:from|to)|relocat(?:ed|ing) (?:from|to)|moving to|lives? in|"
            r"living in|based in|born in|originally from)\s+(?:the\s+)?|住在|来自)(?P<v>"
            + _PLACE_OR_CITY
            + r")(?![A-Za-z])",
            0.7,
        ),
        Pattern(
            "place_to",
            r"\b(?i:moved|moving|relocat(?:ed|ing)) from (?:the\s+)?"
            + _PLACE_OR_CITY
            + r" to (?:the\s+)?(?P<v>"
            + _PLACE_OR_CITY
            + r")(?![A-Za-z])",
            0.7,
        ),
    ),
)

# Person names where the sentence says so ("Dear X", "我叫X"); spaCy and jieba find the rest
# in the default mode.
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)?(?:[\-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*|['’][A-ZÀ-Þ][a-zß-öø-ÿ]+)"
_LATIN_NAME = (
    _NAME_TOKEN
    + r"(?:\s+[A-Z]\.)?(?:\s+(?:van|von|de|der|den|da|di|du|le|la|del))*(?:\s+"
    + _NAME_TOKEN
    + r"){0,2}"
)
PERSON_CUE = PatternSpec(
    name="PersonCueRecognizer",
    entity="PERSON",
    anchor_words=(
        "dear ", "mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "miss ", "dr ", "dr. ", "name is",
        "i am ", "i'm ", "colleague", "holder", "instructor", "customer", "户名", "收件人",
        "联系人", "客户", "我叫", "他叫", "她叫", "名叫", "叫做", "我是", "姓名", "请把", "联系",
        "帮我给", "邮件给", "写给", "发给", "转给", "交给", "打给", "开户人", "致", "寄给", "感谢",
        "谢谢", "call", "contact", "您好", "先生", "女士", "同学", "老师", "的手机", "的电话",
        "的邮箱", "的联系方式", "身份证", "电话", "手机", "hi ", "hello ", "hey ", "thanks",
        "this is", "it's", "it is", "my son", "my daughter", "my wife", "my husband",
        "my partner", "my neighbo", "my friend", "my mother", "my father", "my brother",
        "my sister", "my colleague", "my manager", "my boss", "backup:", "message from",
        "spoke to", "spoke with", "signed by",
        "thank you", "乘机人", "乘客", "旅客", "坐席", "查一下", "经办人", "负责人", "申请人",
        "户主",
    ),  # fmt: skip
    anchor_window=(8, 48),
    patterns=(
        Pattern(
            "en_cue",
            r"(?:\b(?:Dear|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|[Mm]y name is|I am|I'm|[Cc]olleague|holder:|[Ii]nstructor|[Cc]ustomer:?|"
            r"Hi|Hello|Hey|Thanks,?|Thank you,?|户名[:：]?|收件人[:：]?|联系人[:：]?|客户)\s*)(?P<v>"
            + _LATIN_NAME
            # "Dear Larkspur team", "Hi Support": a greeting to a team, not a person
            + r")(?![A-Za-z])(?!\s+(?i:team|group|department|dept|support|staff|office|desk|services?|crew|squad)\b)",
            0.75,
            "cue_name",
        ),
        # weaker cues ("This is", "my son"): a full name only (two words or a Chinese name)
        Pattern(
            "en_cue_full",
            r"(?:\b(?:This is|It's|It is|[Mm]y (?:son|daughter|wife|husband|partner|neighbou?r|friend|"
            r"mother|father|brother|sister|colleague|manager|boss)(?: is)?[:,]?|[Bb]ackup:|"
            r"[Mm]essage from|[Ss]poke (?:to|with)|[Ss]igned by)\s*)(?P<v>"
            + _LATIN_NAME
            + r")(?![A-Za-z])",
            0.75,
            "full_name",
        ),
        Pattern(
            "en_cue_han",  # "My name is 刘健, I live in 南京"
            r"(?:\b(?:[Mm]y name is|I am|I'm|This is|[Nn]ame:)\s*)(?P<v>" + _SURNAME + _HAN + r"{1,2})(?![\u4e00-\u9fff])",
            0.8,
            "han_name",
        ),
        Pattern(
            "cn_cue",
            r"(?:我叫|他叫|她叫|名叫|叫做|我是|收件人[:：]?|联系人[:：]?|联系|开户人[:：]?|客户|户名[:：]?|姓名[:：]?|请把|帮我给|邮件给|写给|发给|转给|交给|打给|致|寄给|感谢|谢谢|call|contact|"
            r"乘机人[:：]?|乘客[:：]?|旅客[:：]?|坐席[:：]?|查一下|经办人[:：]?|负责人[:：]?|申请人[:：]?|户主[:：]?)\s*(?P<v>"
            + _SURNAME
            + _HAN
            # (the end of a segment is \x00 in the engine's joined buffer, `$` only at its end)
            + r"{1,2})(?=[，,。、；;:：！!？?（(\s的您先女小写说和与在是也已\x00]|$|[A-Za-z0-9])",
            0.8,
            "han_name",
        ),
        Pattern(
            "cn_name_before",
            r"(?P<v>"
            + _SURNAME
            + _HAN
            + r"{1,2})(?=您好|先生|女士|同学|老师|的手机|的电话|的邮箱|的联系方式|的身份证|，?身份证|，?电话|，?手机)",
            0.75,
            "han_name",
        ),
    ),
    needs="",
)

# `Name: Jane Doe`, `Attn: ...`, `Jane Doe <jane@...>` in free text: the key-value and mail
# header conventions people use in logs, e-mails and notes.
PERSON_INLINE = PatternSpec(
    name="PersonFieldRecognizer",
    entity="PERSON",
    anchor_words=(
        "name", "contact", "attn", "attention", "signed", "regards", "sincerely", "beneficiary",
        "holder", "owner", "recipient", "姓名", "联系人", "收件人", "户名",
    ),  # fmt: skip
    anchor_window=(48, 64),
    patterns=(
        Pattern(
            "inline_key",
            r"(?:\b(?:[Ff]ull [Nn]ame|[Nn]ame|[Cc]ontact|[Aa]ttn|[Aa]ttention|[Bb]eneficiary|[Aa]ccount [Hh]older|[Oo]wner|[Rr]ecipient)\s*[:=]\s*"
            r"|\b(?:[Ss]igned|[Rr]egards|[Ss]incerely|[Aa]ttention),?\s+)(?P<v>"
            + _LATIN_NAME
            + r")(?![A-Za-z])",
            0.8,
            "full_name",
        ),
        Pattern(
            "markdown_mail_link",  # [Na Tan](mailto:na.tan@example.com)
            r"\[(?P<v>" + _LATIN_NAME + r")\]\(mailto:",
            0.8,
            "full_name",
            anchor="@",
            anchor_window=(128, 1),
        ),
        Pattern(
            "mail_header",
            r"(?P<v>" + _LATIN_NAME + r")\"?\s+(?:<|\()[A-Za-z0-9._%+\-]+@",  # `"Jane Doe" <jane@…>`
            0.8,
            "full_name",
            anchor="@",  # the name comes before the address
            anchor_window=(128, 1),
        ),
    ),
)

PATTERN_SPECS: tuple[PatternSpec, ...] = (
    EMAIL,
    IBAN,
    CN_RESIDENT_ID,
    CN_USCC,
    CREDIT_CARD,
    US_SSN,
    PHONE,
    IP_ADDRESS,
    PASSPORT,
    DATE_OF_BIRTH,
    LOCATION_CN,
    LOCATION_ADDRESS,
    LOCATION_CUE,
    PERSON_CUE,
    PERSON_INLINE,
)

# Column headers, JSON keys and YAML keys whose whole value is one entity. Keys are compared
# after normalisation (lowercase, separators removed): "Full Name", "full_name", "fullName" all
# become "fullname".
FIELD_SPECS: tuple[FieldSpec, ...] = (
    # name parts: one word is enough, in capitals too (registers write "DÍAZ"), one Han
    # character for a surname (郑)
    FieldSpec(
        "PERSON",
        (
            "firstname",
            "firstnames",
            "givenname",
            "givennames",
            "lastname",
            "surname",
            "familyname",
            "middlename",
            "middlenames",
            "forename",
            "forenames",
            "姓",
            "姓氏",
            "名",
        ),
        "name_part",
    ),
    # short keys that also mean other things ("last": "SUCCESS"): capitalised names only
    FieldSpec("PERSON", ("first", "last", "given", "family"), "person_name"),
    # keys that also name services, teams and things: a full name is needed
    FieldSpec(
        "PERSON",
        (
            "name",
            "fullname",
            "displayname",
            "beneficiary",
            "beneficiaryname",
            "accountholder",
            "holder",
            "cardholder",
            "contact",
            "contactname",
            "customername",
            "customer",
            "accountowner",
            "owner",
            "ownername",
            "recipient",
            "recipientname",
            "sender",
            "sendername",
            "patient",
            "patientname",
            "employee",
            "employeename",
            "payee",
            "payer",
            "person",
            "guardian",
            "spouse",
            "emergencycontact",
            "applicant",
            "candidate",
            "author",
            "assignee",
            "reporter",
            "requester",
            "speaker",
            "signatory",
            "nextofkin",
            "insured",
            "policyholder",
            "student",
            "teacher",
            "driver",
            "姓名",
            "名字",
            "联系人",
            "收件人",
            "客户姓名",
            "户名",
            "持卡人",
            "负责人",
            "员工姓名",
            "申请人",
            "收货人",
            "annotator",
            "labeler",
            "agent",
            "reviewer",
            "approver",
            "operator",
            "partner",
            "passenger",
            "traveller",
            "traveler",
            "guest",
            "member",
            "createdby",
            "updatedby",
            "modifiedby",
            "submittedby",
            "requestedby",
            "approvedby",
            "reviewedby",
            "assignedto",
            "坐席",
            "客服",
            "乘机人",
            "乘客",
            "旅客",
            "经办人",
            "审核人",
            "操作员",
            "业务员",
            "开户人",
            "户主",
        ),
        "full_name",
        # "payee_name", "会员姓名", "emergency_contact_name"; not a company's, a file's or a
        # host's name
        suffixes=("name", "names", "姓名", "名字"),
        not_prefixes=(
            "user", "file", "host", "company", "product", "bank", "branch", "team", "service",
            "project", "app", "domain", "org", "brand", "store", "shop", "item", "device",
            "queue", "table", "column", "field", "model", "dataset", "event", "job", "task",
            "region", "country", "city", "street", "place", "tag", "key", "class", "type",
            "module", "package", "repo", "bucket", "cluster", "node", "server", "db", "database",
            "schema", "index", "topic", "channel", "group", "role", "dept", "department",
            "business", "merchant", "vendor", "supplier", "carrier", "site", "plan", "tier",
            "campaign", "course", "school", "university", "hospital", "drug", "medication",
            "browser", "os", "platform", "env", "bot", "display", "screen", "nick", "login",
            "account", "employer", "legal", "trade", "entity", "brand", "firm", "shipping",
            "currency", "language", "lang", "locale", "script", "font", "color", "colour", "unit",
            "icon", "layer", "style", "theme", "template", "element", "attr", "attribute",
            "param", "variable", "var", "function", "method", "property", "prop", "resource",
            "action", "command", "option", "setting", "config", "format", "mime", "ref",
            "公司", "企业", "单位", "产品", "银行", "商户", "项目", "文件",
        ),
    ),
    FieldSpec(
        "LOCATION",
        (
            "address",
            "addr",
            "street",
            "streetaddress",
            "homeaddress",
            "shipto",
            "shippingaddress",
            "billingaddress",
            "mailingaddress",
            "deliveryaddress",
            "city",
            "town",
            "country",
            "location",
            "residence",
            "hometown",
            "birthplace",
            "placeofbirth",
            "address1",
            "address2",
            "addressline1",
            "addressline2",
            "streetline1",
            "homecity",
            "地址",
            "住址",
            "家庭住址",
            "收货地址",
            "详细地址",
            "通讯地址",
            "城市",
            "所在地",
            "所在城市",
            "国家",
            "籍贯",
            "户籍地址",
            "office",
            "officelocation",
            "worklocation",
            "basedin",
            "hometowncity",
            "常住城市",
            "居住城市",
            "现居",
            "居住地",
            "办公地点",
            "联系地址",
        ),
        "location",
        0.8,
        # "billing_address", "home_city", "收货地址"; not an e-mail, IP or wallet address
        suffixes=("address", "addr", "city", "地址", "城市"),
        not_prefixes=(
            "email", "mail", "ip", "mac", "wallet", "server", "host", "remote", "local", "bind",
            "listen", "proxy", "gateway", "contract", "web", "url", "btc", "eth", "node", "peer",
            "return", "reply", "sender", "from", "to", "cc", "bcc", "邮箱", "邮件", "ip", "网",
        ),
    ),
    FieldSpec(
        "DATE_OF_BIRTH",
        (
            "dob",
            "dateofbirth",
            "birthdate",
            "birthday",
            "born",
            "bornon",
            "出生日期",
            "生日",
            "出生年月",
            "出生年月日",
            "geburtsdatum",
            "datedenaissance",
            "fechadenacimiento",
            "datadinascita",
            "geboortedatum",
        ),
        "date",
        0.9,
    ),
)
