"""Named validators: a recognizer spec names one, the engine calls it on the matched text.

Checksums come from python-stdnum and phone numbers from libphonenumber (via `phonenumbers`)
rather than hand-written code. A validator gets the matched text and returns False to drop the
match. Imports of the heavier libraries happen on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

_NON_DIGIT = re.compile(r"\D")
_DIGITS_ONLY = re.compile(r"\d+")


def _digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)


def luhn_card(text: str) -> bool:
    """13-19 digits passing Luhn, not all one digit."""
    from stdnum import luhn

    digits = _digits(text)
    if not 13 <= len(digits) <= 19 or len(set(digits)) < 2:
        return False
    return luhn.is_valid(digits)


# Issuer prefixes (IIN ranges) of the major schemes and the lengths each issues: a Luhn-valid
# number outside them is one in ten random numbers (15-digit IMEIs start with 35, JCB's
# prefix, but JCB cards have 16-19 digits), so the catalog asks for context there.
_IIN_LENGTHS = (
    (re.compile(r"4"), (13, 16, 19)),  # Visa
    (re.compile(r"5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720"), (16,)),  # Mastercard
    (re.compile(r"3[47]"), (15,)),  # American Express
    (re.compile(r"30[0-5]|3095|36|38|39"), tuple(range(14, 20))),  # Diners Club
    (re.compile(r"6011|64[4-9]|65"), tuple(range(16, 20))),  # Discover
    (re.compile(r"35(?:2[89]|[3-8])"), tuple(range(16, 20))),  # JCB
    (re.compile(r"62|81"), tuple(range(16, 20))),  # UnionPay
    (re.compile(r"50|5[6-9]|6[37]"), tuple(range(13, 20))),  # Maestro
)


def card_iin(text: str) -> bool:
    if not luhn_card(text):
        return False
    digits = _digits(text)
    return any(p.match(digits) and len(digits) in n for p, n in _IIN_LENGTHS)


def iban(text: str) -> bool:
    from stdnum import iban as std_iban

    # ISO 13616 mod-97 only: national BBAN check digits (stdnum's check_country) reject
    # real-world formats stdnum does not know and add little over mod-97
    return std_iban.is_valid(text, check_country=False)


# Province-level prefixes of resident ID numbers (GB/T 2260); stdnum's own region table is
# historical and rejects many current district codes, so only the province is checked here.
_CN_PROVINCES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "81",
    "82",
    "83",
}


def cn_resident_id(text: str) -> bool:
    """ISO 7064 check digit (stdnum.cn.ric), a real birth date not in the future, a province code.
    Spaces and dashes between the groups (`510421 19620331 9080`) are allowed."""
    from stdnum.cn import ric

    number = text.upper().replace(" ", "").replace("-", "")
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if number[:2] not in _CN_PROVINCES:
        return False
    try:
        if ric.calc_check_digit(number) != number[17]:  # it takes the full number
            return False
        born = ric.get_birth_date(number)
    except Exception:  # noqa: BLE001 - stdnum raises ValidationError subclasses for bad dates
        return False
    return date(1900, 1, 1) <= born <= date.today()


def cn_uscc(text: str) -> bool:
    from stdnum.cn import uscc

    return uscc.is_valid(text)


def us_ssn(text: str) -> bool:
    """Area 001-899 except 666, group 01-99, serial 0001-9999 (SSA rules), not a run of one digit."""
    digits = _digits(text)
    if len(digits) != 9 or len(set(digits)) == 1:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def ip_v4(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 4 and all(
        p.isdigit() and int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in parts
    )


def ip_v6(text: str) -> bool:
    import ipaddress

    if text.count(":") < 2 or len(text) < 6:
        return False
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def _tld_extractor():  # type: ignore[no-untyped-def]
    from auditor.scan.offline import offline_tldextract

    return offline_tldextract()


def email(text: str) -> bool:
    """The domain ends in a public suffix (tldextract, bundled snapshot: never a download)."""
    return _public_domain(text.rsplit("@", 1)[-1].lower())


@lru_cache(maxsize=65536)
def _public_domain(domain: str) -> bool:
    if ".." in domain or domain.startswith("-"):
        return False
    return bool(_tld_extractor()(domain).suffix)


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}


_DATE_WORDS = frozenset(("st", "nd", "rd", "th", "of", "the"))
_LATIN_WORD = re.compile(r"[a-z]+")
_COMPACT_DATE = re.compile(r"(\d{4})(\d\d)(\d\d)")


def plausible_date(text: str) -> bool:
    """A calendar date between 1900 and today, in any of the formats the date patterns accept
    (also YYYYMMDD); any word but a month name or an ordinal suffix makes it something else
    ("08/02/1972 (born in Norwich)" is a date and more)."""
    low = text.strip().lower()
    words = _LATIN_WORD.findall(low)
    if any(w not in _MONTHS and w not in _DATE_WORDS for w in words):
        return False
    compact = _COMPACT_DATE.fullmatch(low)
    if compact:
        low = "-".join(compact.groups())
    month_name = next((n for n in words if n in _MONTHS), None)
    nums = [int(n) for n in _DIGITS_ONLY.findall(low)]
    year = next((n for n in nums if n >= 1000), None)
    if year is None or not 1900 <= year <= date.today().year:
        return False
    rest = [n for n in nums if n != year] if nums.count(year) == 1 else nums[1:]
    try:
        if month_name:
            if len(rest) != 1:
                return False
            date(year, _MONTHS[month_name], rest[0])
            return True
        if len(rest) != 2:
            return False
        a, b = rest
        # Y-M-D when the year comes first; otherwise M/D or D/M, whichever is a real date.
        if nums[0] == year:
            date(year, a, b)
            return True
        for month, day in ((a, b), (b, a)):
            try:
                date(year, month, day)
                return True
            except ValueError:
                continue
        return False
    except ValueError:
        return False


# Shapes that are something else: IPv4 addresses, SSNs (3-2-4), decimals (0.08400440)
_NOT_A_PHONE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}|\d{3}([ \-])\d{2}\1\d{4}|\d+\.\d+")
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}")


def _version_like(text: str) -> bool:
    """31.9.179.5589 is a version: dotted phone numbers (415.555.0123, 06.12.34.56.78) have no
    one-digit group, but for NANP's leading 1."""
    if not _DOTTED.fullmatch(text):
        return False
    groups = text.split(".")
    return any(len(g) == 1 for g in (groups[1:] if groups[0] == "1" else groups))


_BRACKET_OR_DOT = re.compile(r"[().]")
_SEPARATED = re.compile(r"\d[ .\-]\d")
_BR_AREA = re.compile(r"\(\d\d\) ?9?\d{4}-?\d{4}$")
_PHONE_REGIONS_TRUNK0 = (
    "GB",
    "DE",
    "FR",
    "NL",
    "IE",
    "IT",
    "ES",
    "BE",
    "AT",
    "CH",
    "AU",
    "SE",
    "PL",
)


@lru_cache(maxsize=65536)
def phone_number(text: str) -> bool:
    """Valid for its country per libphonenumber. Without a +country code only shapes that
    identify the country are tried: NANP (10 digits, or 1 + 10), Chinese mobiles (1[3-9] + 9
    digits, or 86 + that) and national numbers with a leading trunk 0 in the regions where
    auditor's users live. Anything else (ids, timestamps, versions) is not a phone number."""
    import phonenumbers

    stripped = text.strip()
    digits = _digits(stripped)
    if not 7 <= len(digits) <= 15 or _NOT_A_PHONE.fullmatch(stripped) or _version_like(stripped):
        return False
    candidates: list[tuple[str, str | None]] = []
    if stripped.startswith("+"):
        candidates.append((stripped, None))
    elif stripped.startswith("00"):
        candidates.append(("+" + stripped[2:], None))
    elif len(digits) == 13 and digits.startswith("861"):
        candidates.append(("+" + digits, None))
    elif len(digits) == 11 and digits[0] == "1":
        # a Chinese mobile (1[3-9] + 9 digits) or a NANP number with its country code 1
        if digits[1] in "3456789" and not _BRACKET_OR_DOT.search(stripped):
            candidates.append((digits, "CN"))
        candidates.append(("+" + digits, None))
    elif len(digits) == 10 and digits[0] in "23456789":
        candidates.append((digits, "US"))
        if digits[0] == "3":  # Italian mobiles: 3xx xxx xxxx
            candidates.append((digits, "IT"))
        elif digits[0] in "6789":  # Indian mobiles
            candidates.append((digits, "IN"))
    elif digits[0] == "0" and len(digits) >= 9:
        candidates.extend((stripped, region) for region in _PHONE_REGIONS_TRUNK0)
    elif len(digits) == 9 and digits[0] in "6789" and _SEPARATED.search(stripped):
        candidates.append((digits, "ES"))  # Spanish numbers have no trunk prefix: 612 07 27 56
    if _BR_AREA.match(stripped):
        candidates.append((stripped, "BR"))  # (11) 97706-6047
    for number, region in candidates:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True
    return False


_PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "dos",
        "bin",
        "al",
        "ter",
        "ten",
        "y",
    }
)
# Jean-Luc, O'Sullivan, McDonald, Ó, Müller, J.
_LATIN_NAME_TOKEN = re.compile(
    r"^(?:(?:Mc|Mac|Fitz|De|Di|Da|La|Le|Van|Von|O)(?=[A-Z]))?[A-ZÀ-ÖØ-Þ]"
    r"(?:[a-zß-öø-ÿ]+(?:[\-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*|['’][A-ZÀ-Þ][a-zß-öø-ÿ]+|\.)?$"
)
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def person_name(text: str) -> bool:
    """Looks like a person's name: 1-5 capitalised Latin words (particles allowed) or 2-4 Han
    characters starting with a common surname. Used for name columns and keys."""
    from auditor.scan.recognizers.gazetteer import CN_SURNAMES_COMPOUND, CN_SURNAMES_SINGLE

    value = text.strip()
    if not value or len(value) > 60:
        return False
    if _HAN_NAME.match(value):
        return value[0] in CN_SURNAMES_SINGLE or value[:2] in CN_SURNAMES_COMPOUND
    tokens = value.replace(",", " ").split()
    if not 1 <= len(tokens) <= 5 or all(t in _PARTICLES for t in tokens):
        return False
    return all(t in _PARTICLES or _LATIN_NAME_TOKEN.match(t) for t in tokens)


# A given name or a surname under its own key: registers write surnames in capitals ("DÍAZ"),
# and Chinese forms split 郑 / 娟嘉.
_CAPS_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}(?:[\-'’][A-ZÀ-ÖØ-Þ]{2,})*$")
_HAN_NAME_PART = re.compile(r"^[\u4e00-\u9fff]{1,3}$")
_PLACEHOLDERS = frozenset("n/a none null nil unknown tbd test xxx redacted anonymous".split())


def name_part(text: str) -> bool:
    value = text.strip()
    if _HAN_NAME_PART.match(value):
        return True
    tokens = value.split()
    if not 1 <= len(tokens) <= 4 or len(value) > 40 or value.lower() in _PLACEHOLDERS:
        return False
    return not all(t in _PARTICLES for t in tokens) and all(
        t in _PARTICLES or _LATIN_NAME_TOKEN.match(t) or _CAPS_NAME_TOKEN.match(t) for t in tokens
    )


# Words that make a capitalised pair a team or a company, not a person ("Platform Team").
_ORGANISATION_WORDS = frozenset(
    "team group platform department dept division unit office desk squad inc ltd llc gmbh corp corporation "
    "company co plc ag sa bv services service support engineering operations ops admin bot system systems "
    "committee board council university college school bank hospital clinic foundation institute lab labs "
    "project product tools data security infra infrastructure network cloud".split()
)


# Capitalised words that follow "Dear", "Customer", "Mr" without being a name
# ("Customer Care", "Dear Claims Team", "Dear Sir").
_NOT_NAMES = _ORGANISATION_WORDS | frozenset(
    "care claims sales billing accounts account help helpdesk centre center customer customers client "
    "clients user users member members partner partners colleague colleagues friend friends all everyone "
    "sir madam madame team staff experience success relations hr it finance legal "
    "monday tuesday wednesday thursday friday saturday sunday world there again guys folks "
    "sir madam".split()
)


def cue_name(text: str) -> bool:
    """A name after a cue word (`Dear`, `Mr`, `Customer`): no team, desk or salutation word."""
    return not any(t.lower().strip(".,") in _NOT_NAMES for t in text.split())


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from auditor.scan.recognizers.gazetteer import CN_CITIES, CN_PROVINCES, WORLD_CITIES_ZH

    return frozenset(CN_CITIES) | frozenset(CN_PROVINCES) | frozenset(WORLD_CITIES_ZH)


def han_name(text: str) -> bool:
    """A Chinese name found by a cue, not a city that starts with a surname character (宁波)."""
    return text not in _place_names() and text.rstrip("市省") not in _place_names()


def full_name(text: str) -> bool:
    """A person's full name: a Chinese name, or at least two Latin name words. Generic keys
    (`name`, `owner`, `contact`) also hold service names (`name: Production`), so one
    capitalised word is not enough there."""
    value = text.strip()
    if not person_name(value) or any(t.lower() in _ORGANISATION_WORDS for t in value.split()):
        return False
    return (
        bool(_HAN_NAME.match(value))
        or len([t for t in value.replace(",", " ").split() if t not in _PARTICLES]) >= 2
    )


_HAS_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u4e00-\u9fff]")
_ID_LIKE = re.compile(r"[A-Za-z]*[-_]?\d[\w-]*")
_CODE_CHARS = re.compile(r"[()\[\]{}=<>`;\\]")
_IDENTIFIER = re.compile(r"[A-Za-z_][\w]*(?:[._][\w]+)+")  # self.location, os.path, bound_addr
_CODE_LIKE = re.compile(r"[A-Z]{2,3}(?:-[A-Z0-9]{1,3})*|[A-Z0-9_]*_[A-Z0-9_]*|[A-Z]{4,}")


def location_value(text: str) -> bool:
    """A free-text place or address: has letters, not an e-mail, URL, id or bare number."""
    value = text.strip()
    if not 2 <= len(value) <= 200 or "@" in value or "://" in value:
        return False
    if not _HAS_LETTER.search(value):
        return False
    if _ID_LIKE.fullmatch(value):  # ids like KH185784, SKU-1
        return False
    if _CODE_LIKE.fullmatch(value):
        return False  # codes and constants: US-NY, CN, US_EAST_1, LOCATION
    if _CODE_CHARS.search(value) or _IDENTIFIER.fullmatch(value):
        return False  # source code: `location = self._location`, `addr = (host, port)`
    return value.lower() not in {"n/a", "na", "none", "null", "unknown", "-", "tbd"}


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn_card": luhn_card,
    "card_iin": card_iin,
    "iban": iban,
    "cn_resident_id": cn_resident_id,
    "cn_uscc": cn_uscc,
    "us_ssn": us_ssn,
    "ip_v4": ip_v4,
    "ip_v6": ip_v6,
    "email": email,
    "date": plausible_date,
    "phone": phone_number,
    "person_name": person_name,
    "name_part": name_part,
    "cue_name": cue_name,
    "han_name": han_name,
    "full_name": full_name,
    "location": location_value,
}
