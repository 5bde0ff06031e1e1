"""The default (Presidio) mode: names and places from spaCy and jieba, offline. Few and shared:
the detector is built once per session."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from auditor.scan.readers import Segment


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
