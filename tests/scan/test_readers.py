"""Every reader format and encoding on real small files: positions point at the value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.scan.readers import decode_json_string
from tests.scan.conftest import scan, values

EMAIL = "jane.doe@example.com"


def test_text_positions_in_code_points(tmp_path: Path) -> None:
    f = tmp_path / "chat.log"
    f.write_text("first line\n用户邮箱：jane.doe@example.com 谢谢\n", encoding="utf-8")
    r = scan(f)
    (finding,) = r.findings
    assert (finding.line, finding.column, finding.end_column) == (2, 6, 6 + len(EMAIL))
    assert values(r, tmp_path) == [("EMAIL_ADDRESS", EMAIL)]
    assert r.files[0].encoding == "utf-8" and r.files[0].format == "text"


def test_csv_header_aware_with_pii_columns(tmp_path: Path) -> None:
    f = tmp_path / "customers.csv"
    f.write_text(
        "id,full_name,email,address,dob\n"
        '1,Jane Doe,jane.doe@example.com,"12 Main Street, Springfield, IL 62701",1980-02-03\n'
        '2,Wei Zhang,wei.zhang@example.cn,"500 Oak Avenue, Denver, CO 80202",1975-11-30\n',
        encoding="utf-8",
    )
    r = scan(f)
    got = values(r, tmp_path)
    assert ("PERSON", "Jane Doe") in got and ("PERSON", "Wei Zhang") in got
    assert ("LOCATION", "12 Main Street, Springfield, IL 62701") in got
    assert ("DATE_OF_BIRTH", "1980-02-03") in got
    assert {f.field for f in r.findings if f.entity == "EMAIL_ADDRESS"} == {"email"}
    assert r.files[0].pii_columns == {
        "full_name": "PERSON",
        "email": "EMAIL_ADDRESS",
        "address": "LOCATION",
        "dob": "DATE_OF_BIRTH",
    }
    assert "id" not in r.files[0].pii_columns


def test_tsv(tmp_path: Path) -> None:
    f = tmp_path / "t.tsv"
    f.write_text("name\tphone\nJane Doe\t+44 20 7946 0958\n", encoding="utf-8")
    assert ("PHONE_NUMBER", "+44 20 7946 0958") in values(scan(f), tmp_path)


def test_jsonl_real_columns_and_json_path_with_escapes(tmp_path: Path) -> None:
    f = tmp_path / "train.jsonl"
    record = {
        "messages": [{"role": "user", "content": 'Caf\u00e9 "quote" write to ' + EMAIL}],
        "meta": {"ip": "203.0.113.7"},
    }
    f.write_text(
        json.dumps(record) + "\n" + json.dumps({"x": 1}) + "\n", encoding="utf-8"
    )  # ensure_ascii escapes é
    r = scan(f)
    got = values(r, tmp_path)
    assert ("EMAIL_ADDRESS", EMAIL) in got and ("IP_ADDRESS", "203.0.113.7") in got
    paths = {x.entity: x.json_path for x in r.findings}
    assert paths["EMAIL_ADDRESS"] == "$.messages[0].content"
    assert paths["IP_ADDRESS"] == "$.meta.ip"


def test_pretty_json_across_lines(tmp_path: Path) -> None:
    f = tmp_path / "users.json"
    f.write_text(
        json.dumps({"users": [{"name": "Jane Doe", "email": EMAIL}]}, indent=2), encoding="utf-8"
    )
    r = scan(f)
    assert ("EMAIL_ADDRESS", EMAIL) in values(r, tmp_path)
    assert {x.json_path for x in r.findings} >= {"$.users[0].email", "$.users[0].name"}


def test_yaml_values_and_key_context(tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text(
        'receivers:\n  - name: oncall\n    sms_configs:\n      - to: "07911123456"\n    contact: Jane Doe  # owner\n',
        encoding="utf-8",
    )
    got = values(scan(f), tmp_path)
    assert ("PHONE_NUMBER", "07911123456") in got and ("PERSON", "Jane Doe") in got
    assert not any(v == "oncall" for _, v in got)


def test_markdown_table_headers(tmp_path: Path) -> None:
    f = tmp_path / "team.md"
    f.write_text(
        "# Team\n\n| Name | Email | City |\n|---|---|---|\n| Jane Doe | jane.doe@example.com | Denver |\n",
        encoding="utf-8",
    )
    got = values(scan(f), tmp_path)
    assert (
        ("PERSON", "Jane Doe") in got
        and ("LOCATION", "Denver") in got
        and ("EMAIL_ADDRESS", EMAIL) in got
    )


def test_parquet_rows_and_columns(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    f = tmp_path / "t.parquet"
    pq.write_table(
        pa.table({"email": [EMAIL, "x@example.org"], "note": ["call +1 212-456-7890", "none"]}), f
    )
    r = scan(f)
    assert [(x.line, x.entity, x.field) for x in r.findings] == [
        (1, "EMAIL_ADDRESS", "email"),
        (1, "PHONE_NUMBER", "note"),
        (2, "EMAIL_ADDRESS", "email"),
    ]
    assert r.files[0].format == "parquet" and r.files[0].pii_columns == {"email": "EMAIL_ADDRESS"}


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030")],
)
def test_encodings(tmp_path: Path, encoding: str, expected: str) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("客户王芳，手机13800138000，邮箱jane.doe@example.com\n", encoding=encoding)
    r = scan(f)
    assert r.files[0].encoding == expected
    got = values(r, tmp_path)
    assert ("PHONE_NUMBER", "13800138000") in got and ("EMAIL_ADDRESS", EMAIL) in got


def test_bad_bytes_never_crash(tmp_path: Path) -> None:
    f = tmp_path / "mixed.log"
    f.write_bytes(b"ok jane.doe@example.com\n\xff\xfe\xfa broken \x80 bytes\n" * 3)
    r = scan(f)
    assert r.summary == {"EMAIL_ADDRESS": 3}


def test_binaries_skipped_and_counted_and_auditorignore(tmp_path: Path) -> None:
    (tmp_path / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + EMAIL.encode())
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02" + EMAIL.encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(EMAIL, encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "b.txt").write_text(EMAIL, encoding="utf-8")
    (tmp_path / ".auditorignore").write_text("secret/\n", encoding="utf-8")
    r = scan(tmp_path)
    assert r.files_skipped == 2 and r.files_scanned == 1
    assert [f.path for f in r.findings] == [(tmp_path / "sub" / "a.txt").as_posix()]


def test_exclude_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EMAIL, encoding="utf-8")
    (tmp_path / "b.log").write_text(EMAIL, encoding="utf-8")
    r = scan(tmp_path, excludes=["*.log"])
    assert [Path(f.path).name for f in r.findings] == ["a.txt"]


def test_json_string_decoding_offsets() -> None:
    text, offsets = decode_json_string(r"a\u00e9\"b")
    assert text == 'aé"b'
    assert offsets == [0, 1, 7, 9, 10]


def test_very_long_line_is_read_in_pieces_with_real_columns(tmp_path: Path) -> None:
    f = tmp_path / "one_line.txt"
    pad = "x " * 600_000  # 1.2 M characters: more than one piece
    f.write_text(pad + "mail " + EMAIL + " end\n", encoding="utf-8")
    r = scan(f)
    (finding,) = r.findings
    assert (finding.line, finding.column) == (1, len(pad) + 6)


def test_key_value_and_xml_lines_use_their_key(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(
        "Name: Jane Q. Public\nOwner: Platform Team\nPhone: 650 253 0000\n", encoding="utf-8"
    )
    xml = tmp_path / "c.xml"
    xml.write_text(
        "<c>\n  <name>Maria Rossi</name>\n  <email>maria.rossi@example.it</email>\n</c>\n",
        encoding="utf-8",
    )
    got = values(scan(memo), tmp_path) + values(scan(xml), tmp_path)
    assert ("PERSON", "Jane Q. Public") in got and ("PERSON", "Maria Rossi") in got
    assert ("PHONE_NUMBER", "650 253 0000") in got and (
        "EMAIL_ADDRESS",
        "maria.rossi@example.it",
    ) in got
    assert not any(v == "Platform Team" for _, v in got)  # a team, not a person


def test_html_text_links_and_table_headers_without_markup(tmp_path: Path) -> None:
    f = tmp_path / "contact-us.html"
    f.write_text(
        "<html><head>\n"
        "  <script>\n"
        '    var support = "help.desk@example.com"; if (a<b) { s = "<p>" }\n'
        "  </script>\n"
        "</head><body>\n"
        '<table class="staff">\n'
        "  <tr><th>Name</th><th>Team</th><th>Phone</th><th>Email</th></tr>\n"
        "  <tr><td>Olivie Breton</td><td>Returns</td>"
        '<td><a href="tel:+441214242032">+44 121 424 2032</a></td>'
        '<td><a href="mailto:olivie.breton@example.co.uk">write to us</a></td></tr>\n'
        "</table>\n"
        "<address>Registered office: Acme Ltd, 12 High St, Leeds LS1 4AP</address>\n"
        '<p>Out of hours: <a class="sms"\n   href="sms:07911123456">text us</a></p>\n'
        "<!-- owner: web.admin@example.org -->\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    r = scan(f)
    got = values(r, tmp_path)
    assert ("PERSON", "Olivie Breton") in got
    assert ("PHONE_NUMBER", "+441214242032") in got and ("PHONE_NUMBER", "+44 121 424 2032") in got
    assert ("EMAIL_ADDRESS", "olivie.breton@example.co.uk") in got
    assert ("LOCATION", "12 High St, Leeds LS1 4AP") in got
    assert ("PHONE_NUMBER", "07911123456") in got  # on the second line of its tag
    assert ("EMAIL_ADDRESS", "web.admin@example.org") in got  # comments are scanned
    assert not any("help.desk" in v for _, v in got)  # scripts are not
    assert {x.field for x in r.findings if x.entity == "PERSON"} == {"Name"}
    assert r.files[0].format == "html"


def test_xml_elements_and_attributes_on_one_line(tmp_path: Path) -> None:
    f = tmp_path / "export.xml"
    f.write_text(
        '<?xml version="1.0"?>\n<customers xmlns:p="urn:p">'
        '<p:customer mobile="07911123456"><p:name>Maria Rossi</p:name>'
        "<note><![CDATA[mail maria.rossi@example.it]]></note></p:customer></customers>\n",
        encoding="utf-8",
    )
    r = scan(f)
    got = values(r, tmp_path)
    assert ("PERSON", "Maria Rossi") in got and ("PHONE_NUMBER", "07911123456") in got
    assert ("EMAIL_ADDRESS", "maria.rossi@example.it") in got
    assert {x.entity: x.field for x in r.findings}["PERSON"] == "name"


def test_json_sibling_value_says_what_a_value_is(tmp_path: Path) -> None:
    f = tmp_path / "people.json"
    doc = {
        "people": [
            {"document": {"type": "passport", "number": "910926482"}},
            {"contacts": [
                {"kind": "phone", "value": "0044 20 7946 0958"},
                {"kind": "mobile", "value": "07911123456"},
            ]},
            [{"type": "passport"}, {"number": "910926483"}],  # another object: not its sibling
        ]
    }  # fmt: skip
    f.write_text(json.dumps(doc, indent=2), encoding="utf-8")  # values on their own lines
    r = scan(f)
    got = values(r, tmp_path)
    assert ("PASSPORT", "910926482") in got and ("PASSPORT", "910926483") not in got
    assert ("PHONE_NUMBER", "0044 20 7946 0958") in got and ("PHONE_NUMBER", "07911123456") in got
    passport = next(x for x in r.findings if x.entity == "PASSPORT")
    assert (passport.field, passport.json_path) == ("number", "$.people[0].document.number")


def test_markdown_bold_keys(tmp_path: Path) -> None:
    f = tmp_path / "contacts.md"
    f.write_text(
        "# Contacts\n\n"
        "- **Name:** Floris van Hagen\n"
        "**E-mail:** a@b.de\n"
        "* **Phone**: 07911123456\n"
        "__Owner:__ Platform Team\n",
        encoding="utf-8",
    )
    r = scan(f)
    got = values(r, tmp_path)
    assert ("PERSON", "Floris van Hagen") in got and ("PHONE_NUMBER", "07911123456") in got
    assert {x.entity: x.field for x in r.findings} == {
        "PERSON": "Name",
        "EMAIL_ADDRESS": "E-mail",
        "PHONE_NUMBER": "Phone",
    }
