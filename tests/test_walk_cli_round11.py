"""A new user's walk of round 11 (helper U): a transcript without a header gets a title a user can
list and click, a too-short id prefix says why it matched nothing, and report labels are words
("Concise summaries"), never the category keys of the analysis ("concise-summaries").

Every check runs the real CLI (or the real app over a store the real CLI made) on files the test
writes in the shapes of IGF transcripts.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.summarise.render import lead_label

from .web_support import portal_client

# No header: the first line is already a turn, so the caption text names no title.
HEADLESS = """>> JOSÉ GARCÍA: Buenos días. Hablamos de acceso significativo en América Latina.

>> MARÍA LÓPEZ: Gracias José. Necesitamos financiación para las redes comunitarias.
"""

CALLS = """IGF 2024 Riyadh
Dynamic Coalition on Internet and Climate Change session
December 17, 2024

>> MODERATOR: Good morning everyone. My name is Amara Okafor and I will moderate this session. I am with the Dynamic Coalition on Internet and Climate Change. We have sixty minutes. Each speaker has five minutes.

>> AMARA OKAFOR: Let me first give the floor to Lukas Brenner from the Dynamic Coalition on Internet of Things.

>> LUKAS BRENNER: Thank you, Amara. Our coalition released its report on sensors for clean water last month. We found that many rural districts still lack broadband, and sensor networks cannot work without it. We need funding from donors to run pilots in three more countries. We ask the IGF secretariat to publish a one-page summary of our report so that ministries read it.

>> AMARA OKAFOR: Thank you Lukas. A question from the floor?

>> AUDIENCE: Yes, my name is Priya Raman, from the Ministry of Communications of India. How do you protect the data the sensors collect about households?

>> LUKAS BRENNER: Good question. The data is anonymised on the device, and only aggregated figures leave the village. We will publish our data protection guidelines next year.

>> AMARA OKAFOR: Next, Sofia Marquez, from the Internet Society, online.

>> SOFIA MARQUEZ: Thank you. Energy consumption of data centres is growing fast. We recommend that governments require reporting of the energy use of data centres. Meaningful access must not cost the planet. What will the Dynamic Coalition on Internet and Climate Change do about e-waste?

>> AMARA OKAFOR: We will come back to e-waste after the next speaker. Thank you all. We are out of time; the session is closed.
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _store(tmp_path: Path, name: str, text: str) -> tuple[str, str]:
    """(db, session id) after `forumlens ingest` of one file holding `text`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    db = str(tmp_path / "walk.sqlite3")
    code, out = _run("--db", db, "ingest", str(path))
    assert code == 0, out
    found = re.search(r"session ([0-9a-f]{12})", out)
    assert found, out
    return db, found.group(1)


def test_a_transcript_without_a_header_is_titled_by_its_file_name(tmp_path):
    db, sid = _store(tmp_path, "lima-hub-2023.txt", HEADLESS)
    code, out = _run("--db", db, "sessions")
    assert code == 0 and "lima-hub-2023" in out, out
    code, out = _run("--db", db, "show", sid)
    assert code == 0 and out.splitlines()[0] == "lima-hub-2023", out
    code, out = _run("--db", db, "parse", str(tmp_path / "lima-hub-2023.txt"), "--json")
    assert json.loads(out)["title"] == ""  # the parse contract reports the header as found: none
    with portal_client(db) as client:
        listed = client.get("/sessions").text
        assert f'<a href="/sessions/{sid}">lima-hub-2023</a>' in listed
        page = client.get(f"/sessions/{sid}").text
        assert re.search(r"<h1>\s*lima-hub-2023\s*</h1>", page), page[:2000]


def test_a_header_title_is_kept_and_names_the_session_not_the_event(tmp_path):
    """The header's title wins over the file name; of its lines, the one naming the session
    ("IGF 2024 Riyadh" above it names only the event: the walk's defect 11)."""
    db, sid = _store(tmp_path, "riyadh.txt", CALLS)
    code, out = _run("--db", db, "show", sid)
    assert code == 0 and out.splitlines()[0] == "Dynamic Coalition on Internet and Climate Change session", out


def test_a_blank_stored_title_still_lists_and_links(tmp_path):
    """A store written before titles were given (a blank title) still shows a link and a heading."""
    import sqlite3

    db, sid = _store(tmp_path, "lima.txt", HEADLESS)
    with sqlite3.connect(db) as conn:
        for table in ("sessions", "documents"):
            conn.execute(f"UPDATE {table} SET title = '' WHERE id = ?", (sid,))
    code, out = _run("--db", db, "sessions")
    assert code == 0 and "(untitled)" in out, out
    code, out = _run("--db", db, "show", sid)
    assert code == 0 and out.splitlines()[0] == "(untitled session)", out
    with portal_client(db) as client:
        listed = client.get("/sessions").text
        assert f'<a href="/sessions/{sid}">Untitled session</a>' in listed
        home = client.get("/").text
        assert f'<a href="/sessions/{sid}">Untitled session {sid}</a>' in home
        page = client.get(f"/sessions/{sid}").text
        assert f"<title>Untitled session {sid}" in page
        assert f"<h1>Untitled session {sid}</h1>" in page


def test_an_id_prefix_too_short_to_be_an_id_says_so(tmp_path):
    db, sid = _store(tmp_path, "riyadh.txt", CALLS)
    code, out = _run("--db", db, "show", sid[:2])
    assert code == 1
    assert "an id prefix needs 4 characters or more" in out, out
    code, out = _run("--db", db, "show", sid[:4])
    assert code == 0, out
    code, out = _run("--db", db, "show", "nothing like it")
    assert code == 1 and "id prefix" not in out, out


def test_template_calls_to_action_name_their_category_in_words(tmp_path):
    db, sid = _store(tmp_path, "riyadh.txt", CALLS)
    for fmt in ("--text", "--md", "--html"):
        code, out = _run("--db", db, "report", sid, "--template", "igf", fmt)
        assert code == 0, out
        text = unescape(out)
        assert "Concise summaries" in text, text
        assert not re.search(r"Concise-summaries|concise-summaries:", text), text


def test_coalition_snapshot_year_by_year_labels_are_words(tmp_path):
    db, _ = _store(tmp_path, "riyadh.txt", CALLS)
    code, out = _run("--db", db, "brief", "--coalition", "DC-IoT")
    assert code == 0, out
    part = out.split("YEAR BY YEAR", 1)[1].split("PROMISES", 1)[0] if "YEAR BY YEAR" in out else ""
    assert "2024 · raised" in part, out
    assert not re.search(r"\b[a-z]+-[a-z]+:", part), part  # no "concise-summaries:" key
    assert " · other:" not in part


def test_lead_label_words_keys_and_keeps_titles():
    assert lead_label("concise-summaries") == "Concise summaries"
    assert lead_label("links-to-institutions") == "Links to institutions"
    assert lead_label("funding") == "Funding"
    assert lead_label("Opening by UN DESA") == "Opening by UN DESA"
    assert lead_label("the DC-IoT report") == "The DC-IoT report"
