"""The default (Presidio) mode: names and places from spaCy and jieba, offline. Few and shared:
the detector is built once per session."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.scan.readers import Segment

if TYPE_CHECKING:
    from auditor.scan.analyzer import PresidioDetector


def test_names_and_places_from_ner(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "Rewrite this bio: Hannah Neumann grew up in Frankfurt and now leads the data team.",
        "帮我联系客户王建国，他的邮箱是wang@example.cn。",
        "The server at 10.1.2.3 rejected the key; version 2024-05-01, build 77.",
    ]
    segs = [Segment(t, i + 1, 1, free_text=True) for i, t in enumerate(texts)]
    got = [
        [(m.entity, t[m.start : m.end]) for m in ms]
        for t, ms in zip(texts, presidio_detector.detect(segs), strict=True)
    ]
    assert ("PERSON", "Hannah Neumann") in got[0]
    assert ("PERSON", "王建国") in got[1] and ("EMAIL_ADDRESS", "wang@example.cn") in got[1]
    assert {e for e, _ in got[2]} == {"IP_ADDRESS"}  # no DATE_TIME / PERSON noise on log text


def _found(detector: PresidioDetector, texts: list[str]) -> list[list[tuple[str, str]]]:
    """(entity, text) per input line, lines scanned as one file's free-text segments."""
    segs = [Segment(t, i + 1, 1, free_text=True) for i, t in enumerate(texts)]
    return [
        [(m.entity, t[m.start : m.end]) for m in ms]
        for t, ms in zip(texts, detector.detect(segs), strict=True)
    ]


def test_user_agent_is_no_place(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    ua = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0 Safari/537.36"
    )
    got = _found(
        presidio_detector,
        [
            f'10.0.0.1 - - [04/Nov/2024:10:00:00 +0000] "GET /cart HTTP/1.1" 200 512 "-" "{ua}"',
            f"UA: {ua.replace('Safari', 'Mobile Safari')} reported by Hannah Neumann",
        ],
    )
    assert got[0] == [("IP_ADDRESS", "10.0.0.1")]  # spaCy reads "like Gecko" as a place
    assert got[1] == [("PERSON", "Hannah Neumann")]  # the rest of the line is still read


def test_dates_and_brands_are_no_names(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    got = _found(
        presidio_detector,
        [
            "Date: Fri, 05 Jul 2024 01:52:48 +0100",
            "On Fri, 05 Jul 2024 at 17:22, Rita Waters wrote:",
            "--- Agent reply (Ryan Richmond, Sat, 03 Feb 2024 12:05:04 +0100) ---",
            "My card keeps getting declined at checkout. It's a Discover ending in 6475.",
            "The replacement has shipped with FedEx, tracking 7499 3718 7932.",
            "We met Jan Kowalski on Jan 5 in Warsaw.",
        ],
    )
    assert got[:5] == [[], [("PERSON", "Rita Waters")], [("PERSON", "Ryan Richmond")], [], []]
    assert ("PERSON", "Jan Kowalski") in got[5]  # "Jan" is dropped only as a date word


def test_machine_places_are_no_locations(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    got = _found(
        presidio_detector,
        [
            "Nightly backups are kept in our Frankfurt data centre.",
            "Graphs are in the eu-west-1 region in Ireland.",
            "Stock arrived from the Tokyo CDN node this morning, Hannah Neumann said.",
            "The logs sit in our Amsterdam colocation cage.",
            "The Singapore cluster was upgraded last night.",
            "Jane from Frankfurt called about her order.",
            "I moved to Frankfurt last year.",
            "Our Berlin office is closed on Monday.",
        ],
    )
    assert got[:5] == [[], [], [("PERSON", "Hannah Neumann")], [], []]
    assert got[5] == [("LOCATION", "Frankfurt")]  # spaCy's own: kept
    assert got[6] == [("LOCATION", "Frankfurt")]  # the place cue in the pattern engine
    assert got[7] == [("LOCATION", "Berlin")]  # an office is where people work: kept


def test_names_with_particles_are_whole(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    got = _found(
        presidio_detector,
        [
            "Please ask Olivia van den Velden to call back.",
            "--- Agent reply (Eline van 't Wel, 2024-08-20T04:16:27Z) ---",
            "> Forwarded by Sebastiaan van het Heerenveen <sebastiaan@example.nl> on 2024-02-09",
            "    primary: Nikki van Straaten",
            "We flew from Rio de Janeiro to Lisbon.",
        ],
    )
    assert got[0] == [("PERSON", "Olivia van den Velden")]  # spaCy: "Olivia van", "Velden"
    assert got[1] == [("PERSON", "Eline van 't Wel")]  # spaCy: "Eline van '", "Wel"
    assert ("PERSON", "Sebastiaan van het Heerenveen") in got[2]  # spaCy: "Sebastiaan van"
    assert got[3] == [("PERSON", "Nikki van Straaten")]  # spaCy: LOCATION "Straaten"
    assert ("LOCATION", "Rio de Janeiro") in got[4]


def test_companies_are_no_persons(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    got = _found(
        presidio_detector,
        [
            "Our warranty partner Rossi Costruzioni S.r.l. will contact you; ask Maria Rossi.",
            "Invoice issued by Van den Berg Transport B.V. to Peter de Vries.",
            "Invoice issued by Müller GmbH for Hans Müller.",
        ],
    )
    assert got == [
        [("PERSON", "Maria Rossi")],
        [("PERSON", "Peter de Vries")],
        [("PERSON", "Hans Müller")],
    ]


def test_offline_scan_with_sockets_disabled(tmp_path: Path) -> None:
    data = tmp_path / "mail.txt"
    data.write_text(
        "Contact Jane Doe at jane.doe@example.co.uk or see https://docs.example.org/privacy for details.\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import socket, sys
        def refuse(*a, **k):
            raise OSError("network disabled in test")
        class NoNetwork(socket.socket):  # a class, so that ssl can still subclass it
            connect = connect_ex = refuse
        socket.socket = NoNetwork
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from auditor.scan.api import scan_paths
        r = scan_paths([{str(data)!r}], mode="presidio", jobs=1)
        print(sorted(r.summary.items()))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "EMAIL_ADDRESS" in proc.stdout and "PERSON" in proc.stdout


def test_jieba_names_reach_the_results(presidio_detector) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan.readers import Segment

    # no cue phrase the patterns know: only jieba's `nr` tag with its naming context finds it
    seg = Segment("这个项目由同事薛建华负责", 1, 1, free_text=True)
    (found,) = presidio_detector.detect([seg])
    assert [(seg.text[m.start : m.end], m.entity) for m in found] == [("薛建华", "PERSON")]


def test_default_mode_with_two_workers_matches_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan.api import scan_paths

    # the models are loaded before the fork and shared by the workers; results are the same
    (tmp_path / "a.txt").write_text("Jane Doe moved to Leeds; mail jane@example.com\n", "utf-8")
    (tmp_path / "b.txt").write_text("请联系同事薛建华，电话13800138000\n", "utf-8")
    one = scan_paths([tmp_path], mode="presidio", jobs=1)
    two = scan_paths([tmp_path], mode="presidio", jobs=2)
    assert one.model_dump() == two.model_dump()
    assert {f.entity for f in two.findings} >= {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"}
