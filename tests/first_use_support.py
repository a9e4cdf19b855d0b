"""A small session of our own with a hand-written people analysis, for the first-use tests.

One speaker is captioned under two spellings (MARIA KOVAC, MARIA KOVACH: one person on
record) and one turn's caption label (PETRA NOVAK) is flagged as a mis-attribution and
credited to Maria Kovac, as the resolve stage records such a turn. Written by hand so the
tests of the pages and commands that show people do not depend on the resolver's choices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forumlens.read import read_bytes
from forumlens.store.sqlite import SQLiteStore
from forumlens.transcript.parse import parse_transcript

TRANSCRIPT = """IGF 2023 – Workshop #9: Libraries, community networks and the next mapping

>> ANA LIMA:  Welcome to this workshop on community networks.  Maria, the floor is yours.

>> MARIA KOVAC:  Thank you.  Our coalition published a mapping of community networks in libraries.  The mapping is open data.

>> PETRA NOVAK:  And the mapping covers forty countries, as I was saying before the audio dropped.

>> MARIA KOVACH:  What we need now is funding for the second edition of the mapping.

>> ANA LIMA:  Thank you, Maria.  We are at time.
"""


def hand_analyses() -> dict[str, Any]:
    """The people analysis a resolver would write: two labels, one person; the flagged turn credited to her."""
    return {
        "people": [
            {
                "name": "Ana Lima",
                "labels": ["ANA LIMA"],
                "role": "moderator",
                "affiliation": None,
                "mode": None,
                "lines": [3, 11],
                "words": 20,
                "minutes": 0.1,
                "evidence": [],
                "flags": [],
            },
            {
                "name": "Maria Kovac",
                "labels": ["MARIA KOVAC", "MARIA KOVACH"],
                "role": "dc-representative",
                "affiliation": None,
                "mode": None,
                "lines": [5, 7, 9],
                "words": 45,
                "minutes": 0.3,
                "evidence": [],
                "flags": [],
            },
        ],
        "flags": [
            {
                "line": 7,
                "label": "PETRA NOVAK",
                "reason": "caption mis-attribution: the turn continues Maria Kovac's answer",
                "likely_speaker": "Maria Kovac",
            }
        ],
        "takeaways": [
            {
                "text": "The coalition published an open mapping of community networks in libraries.",
                "citations": [  # two passages of one line: one source
                    {"line": 5, "speaker": "Maria Kovac", "quote": "Our coalition published a mapping"},
                    {"line": 5, "speaker": "Maria Kovac", "quote": "The mapping is open data."},
                ],
            }
        ],
        "tags": [{"scheme": "sdg", "code": "SDG9", "label": "Industry", "score": 0.7, "lines": [5, 7]}],
    }


def build_hand_store(folder: Path) -> tuple[str, str]:
    """A SQLite store holding the session with its hand analyses: (store path, session id)."""
    source = folder / "igf2023-ws9.txt"
    source.write_text(TRANSCRIPT, "utf-8")
    document = read_bytes(source.read_bytes(), str(source))
    session = parse_transcript(document.text, source=str(source), sha256=document.sha256)
    path = str(folder / "portal.sqlite3")
    store = SQLiteStore(path)
    try:
        store.save_session(document, session, hand_analyses(), replace=True)
    finally:
        store.close()
    return path, session.id
