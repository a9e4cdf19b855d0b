"""A coalition snapshot says where a coalition appeared in the session's own words: one that
was invited and did not answer is "invited but absent", as `coalitions` says, not "mentioned".

The shared IGF 2021 main session invites the DC on Community Connectivity, which is not there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from forumlens.pipeline import analyse_session
from forumlens.summarise import brief_coalition, render
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "igf2021-dc-main-session.txt"


def test_an_invited_absent_coalition_is_not_called_mentioned() -> None:
    data = SHARED.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=SHARED.name, sha256=hashlib.sha256(data).hexdigest())
    analysis = analyse_session(session)
    statuses = {c["acronym"]: c["status"] for c in analysis["coalitions"]}
    assert statuses.get("DC3") == "invited-absent"  # the analysis's verdict the snapshot must follow

    brief = brief_coalition("DC3", [(session, analysis)])
    assert [a.status for a in brief.appearances] == ["invited-absent"]
    assert "invited but absent" in render(brief, "text")
    assert json.loads(render(brief, "json"))["appearances"][0]["status"] == "invited-absent"

    presenting = brief_coalition("IRPC", [(session, analysis)])
    assert [a.status for a in presenting.appearances] == ["presented"]
