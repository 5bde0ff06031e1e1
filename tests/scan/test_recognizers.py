"""Recognizers on real strings: checksums, Chinese identifiers, context, hard negatives."""

from __future__ import annotations

import pytest

from auditor.scan.patterns import PatternEngine
from auditor.scan.recognizers.validators import (
    cn_resident_id,
    luhn_card,
    phone_number,
    plausible_date,
)


@pytest.fixture(scope="module")
def engine() -> PatternEngine:
    return PatternEngine()


def found(engine: PatternEngine, text: str, context: str = "") -> list[tuple[str, str]]:
    return [(m.entity, text[m.start : m.end]) for m in engine.find(text, context) if m.score >= 0.5]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("110101199003074477", True),
        ("11010119900307447X", False),  # wrong check digit
        ("110101199013074471", False),  # month 13
        ("990101199003074476", False),  # no such province
        ("44030519731112546X", False),
    ],
)
def test_cn_resident_id_checksum_region_and_birth_date(number: str, valid: bool) -> None:
    assert cn_resident_id(number) is valid


def test_cn_identifiers_in_chinese_text(engine: PatternEngine) -> None:
    text = "客户张伟的身份证号110101199003074477，手机号+86 138 0013 8000，银行卡号6222021234567890128。"
    got = found(engine, text)
    assert ("CN_RESIDENT_ID", "110101199003074477") in got
    assert ("PHONE_NUMBER", "+86 138 0013 8000") in got
    assert ("BANK_CARD", "6222021234567890128") in got
    assert ("PERSON", "张伟") in got


def test_wrong_id_check_digit_and_luhn_failure_are_not_reported(engine: PatternEngine) -> None:
    assert found(engine, "身份证号110101199003074478") == []
    assert not luhn_card("4111111111111112")
    assert found(engine, "card 4111 1111 1111 1112 declined") == []
    assert ("CREDIT_CARD", "4111 1111 1111 1111") in found(
        engine, "card 4111 1111 1111 1111 declined"
    )


def test_uscc_needs_context(engine: PatternEngine) -> None:
    code = "91350100M000100Y43"
    assert ("CN_USCC", code) in found(engine, f"统一社会信用代码：{code}")
    assert found(engine, f"ref {code}") == []


def test_passport_needs_context(engine: PatternEngine) -> None:
    assert ("PASSPORT", "E12345678") in found(engine, "护照号码E12345678")
    assert ("PASSPORT", "E12345678") in found(engine, "my passport number is E12345678.")
    assert found(engine, "code E12345678 applied") == []


def test_chinese_mobile_and_address(engine: PatternEngine) -> None:
    got = found(engine, "请寄到广东省深圳市南山区科技南一路88号2栋1单元302室，电话13800138000")
    assert ("LOCATION", "广东省深圳市南山区科技南一路88号2栋1单元302室") in got
    assert ("PHONE_NUMBER", "13800138000") in got


def test_phone_validation_by_country() -> None:
    assert phone_number("+44 20 7946 0958")
    assert phone_number("(415) 555-2671") is False or phone_number("(212) 456-7890")
    assert phone_number("13800138000")
    assert not phone_number("1742512782")  # epoch seconds
    assert not phone_number("2024-03-04")


def test_date_of_birth_needs_birth_context(engine: PatternEngine) -> None:
    assert ("DATE_OF_BIRTH", "1987-07-05") in found(engine, "DOB: 1987-07-05")
    assert ("DATE_OF_BIRTH", "1995年1月11日") in found(engine, "我是王芳，1995年1月11日出生")
    assert found(engine, "deployed on 2024-07-05") == []
    assert not plausible_date("2024-13-45")


@pytest.mark.parametrize(
    "text",
    [
        "order 4129 1929 7782 2724 shipped",  # Luhn failure
        "request 76f068af-8407-4d25-9f71-f1f0025ef1aa failed",  # UUID
        "fixed in commit af128327955471334205e6cdfaa5a9a4806ece51",  # git SHA
        "rolled back to 1bd40ff1c700 at 1742512782",  # short SHA, epoch
        "since 2024-05-25T17:08:22Z and 2024-04-16 19:32:46",  # timestamps
        "Order #108284984 and ORD-2025-3392282 and SO-35954",  # order ids
        "Build 8.9.5.4 on version 10.0.20784.4738",  # versions that look like IPs
        "流水号110101199003074478对应的交易",  # wrong check digit
        "batch export 2811119157937183953 failed",  # 19-digit order id
        "PLACEHOLDER = 2147483647",
    ],
)
def test_hard_negatives(engine: PatternEngine, text: str) -> None:
    assert found(engine, text) == []


def test_context_is_whole_word(engine: PatternEngine) -> None:
    # "ssn" inside another word must not turn a bare 9-digit number into an SSN
    assert found(engine, "classnames 123456789") == []
    assert ("US_SSN", "123456789") in found(engine, "SSN 123456789")


# ---------------------------------------------------------------- generalisation (second corpus)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("passport number: 16QF76345", ("PASSPORT", "16QF76345")),  # France
        ("Reisepass C26KCFC0Z", ("PASSPORT", "C26KCFC0Z")),  # Germany
        ("passport 910926482", ("PASSPORT", "910926482")),  # US, 9 digits
        ("身份证 510421 19620331 9080", ("CN_RESIDENT_ID", "510421 19620331 9080")),
        ("verified DOB 26-Oct-1963", ("DATE_OF_BIRTH", "26-Oct-1963")),
        ("date_of_birth 19900515", ("DATE_OF_BIRTH", "19900515")),
        ("Geburtsdatum: 19 June 2002", ("DATE_OF_BIRTH", "19 June 2002")),
        ("mobile 030/107936", ("PHONE_NUMBER", "030/107936")),
        ("call 344 987 2456", ("PHONE_NUMBER", "344 987 2456")),  # Italian mobile
        ("llámame al 612 07 27 56", ("PHONE_NUMBER", "612 07 27 56")),  # Spain, no trunk 0
        ('<a href="tel:+441200305677">', ("PHONE_NUMBER", "+441200305677")),
        ("帮我查一下周楠的订单，她的电话是 155 6413 3110", ("PHONE_NUMBER", "155 6413 3110")),
        ('From: "Karl-Heinz Jones" <kh.jones@example.com>', ("PERSON", "Karl-Heinz Jones")),
        ("坐席: 霍帆 (工号 6337)", ("PERSON", "霍帆")),
        ("乘机人刘桂英，请核对", ("PERSON", "刘桂英")),
        (
            "Calle Real, 173, 3º D, 50038 Zaragoza",
            ("LOCATION", "Calle Real, 173, 3º D, 50038 Zaragoza"),
        ),
        ("PO Box 5349, Pittsburgh, PA 15242.", ("LOCATION", "PO Box 5349, Pittsburgh, PA 15242")),
        (
            "at 7359 Washington Blvd Unit 2, Denver, CO 80234 today",
            ("LOCATION", "7359 Washington Blvd Unit 2, Denver, CO 80234"),
        ),
        (
            "地址北京市 丰台区 西直门外大街 252号，",
            ("LOCATION", "北京市 丰台区 西直门外大街 252号"),
        ),
        (
            "西安市未央区保利香槟国际23栋1单元404室",
            ("LOCATION", "西安市未央区保利香槟国际23栋1单元404室"),
        ),
        ("- Lives in Freiburg im Breisgau; works", ("LOCATION", "Freiburg im Breisgau")),
        ("I live in 杭州 now", ("LOCATION", "杭州")),
        ("It's Anne-Marie Robinson. My date of birth", ("PERSON", "Anne-Marie Robinson")),
        ("or my neighbour Félix Barrera can take it", ("PERSON", "Félix Barrera")),
        ("My name is 刘健, I live in 南京", ("PERSON", "刘健")),
        ("- Contact [Na Tan](mailto:na.tan@example.com)", ("PERSON", "Na Tan")),
        # "Swift" is a surname before it is a SWIFT code: no veto
        (
            "the phone number for Margaret Swift to +44 117 462 1798.",
            ("PHONE_NUMBER", "+44 117 462 1798"),
        ),
        ("我叫唐诗，住在宁波，电话", ("LOCATION", "宁波")),
    ],
)
def test_formats_beyond_the_dev_corpus(engine: PatternEngine, text: str, expected: tuple) -> None:
    assert expected in found(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Customer Care | Larkspur Retail Ltd",
        "Dear Larkspur team,",
        "Dear Claims Team,",
        "Hello World",
        "This is Python code",
        "weights = np.array([[0.08400440, 0.05206293]])",  # decimals are no phone numbers
        "It is Monday",
        "the IMEI is 356361854722226",  # 15 digits, Luhn-valid, JCB prefix: not a card
        "身份证号653022199604021634提交不了",  # bad ID check digit, Luhn-valid: not a card
        "Message-ID: <20210623192433.D3BF6C2EB3@mail-out.example.cn>",
        "Firmware 31.9.179.5589 adds WPA3",
        "cache hit, db 19.10.250.8090",
        'phone "+44 0973 212498" rejected: invalid',
        "passport details to booking PO84869604",
    ],
)
def test_second_corpus_negatives(engine: PatternEngine, text: str) -> None:
    assert found(engine, text) == []


def test_href_does_not_veto_as_ref(engine: PatternEngine) -> None:
    # the veto word "ref" must not be read out of "href"
    text = '<td><a href="tel:+441200305677">+44 1200 305677</a></td>'
    assert ("PHONE_NUMBER", "+44 1200 305677") in found(engine, text)


def test_field_keys_by_suffix_and_name_parts() -> None:
    engine = PatternEngine()
    assert engine.field_match("payee_name", "Joost Adryaens") is not None
    assert engine.field_match("会员姓名", "白倩") is not None
    assert engine.field_match("billing_city", "Leeds") is not None
    assert engine.field_match("surname", "DÍAZ") is not None
    assert engine.field_match("surname", "郑") is not None
    assert engine.field_match("given_names", "娟嘉") is not None
    assert engine.field_match("first_name", "Na") is not None  # a given name, not "n/a"
    # keys that name things, not people or places
    assert engine.field_match("company_name", "Globex Industries") is None
    assert engine.field_match("host_name", "Web Server") is None
    assert engine.field_match("email_address", "Jane Doe") is None
    assert engine.field_match("ip_address", "Main Street") is None
    # source code read as `key = value` lines
    assert engine.field_match("location", "self._location") is None
    assert engine.field_match("addr", "(host, port)") is None
    # a remark after the value is not part of it
    m = engine.field_match("date_of_birth", "1972-02-08 (age 52)")
    assert m is not None and (m.start, m.end) == (0, 10)
    m = engine.field_match("Assigned to", "Rhys Coates   Case: CS-2024-79768")  # next column
    assert m is not None and (m.start, m.end) == (0, 11)


def test_value_with_remark_is_read_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.scan.conftest import scan, values

    path = tmp_path / "memory.md"
    path.write_text("- Birthday: 22/05/1999 (born in Cork)\n", encoding="utf-8")
    assert sorted(values(scan(path))) == [("DATE_OF_BIRTH", "22/05/1999"), ("LOCATION", "Cork")]


def test_a_name_at_the_end_of_a_segment_is_found_in_a_batch(engine: PatternEngine) -> None:
    # segments are joined with \x00 into one buffer: a segment's end must count as an end there
    texts = ["中国农业银行，户名熊娜", "好的，已提交财务处理"]
    first, _ = engine.find_many(texts, ["", ""], ["", ""])
    assert [(texts[0][m.start : m.end], m.entity) for m in first] == [("熊娜", "PERSON")]
