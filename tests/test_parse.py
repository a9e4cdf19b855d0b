"""The caption parser on the real 2021 transcript, the format samples, and odd shapes."""

import json
from pathlib import Path

import pytest

from forumlens.transcript.parse import find_title, parse_transcript

from .conftest import CORPUS, RESOURCES

FORMAT_SAMPLES = sorted((CORPUS / "formats").glob("*.txt"))


def _shape(turns):
    return [(t["line"], t["label"], t["speaker"], t["kind"]) for t in turns]


def test_main_session_matches_the_hand_annotation(main_text, main_gold_turns):
    session = parse_transcript(main_text, source="igf2021.txt")
    got = [t.to_json() for t in session.turns]
    assert len(got) == 70
    assert _shape(got) == _shape(main_gold_turns)
    unnamed = [t for t in session.turns if t.label is None]
    assert len(unnamed) == 3 and sum(t.kind == "note" for t in unnamed) == 1


def test_title_is_the_first_line_and_disclaimer_is_not_a_turn(main_text):
    session = parse_transcript(main_text)
    assert session.title == main_text.split("\n")[0].strip()
    assert session.year == 2021
    assert all("authoritative record" not in t.text for t in session.turns)


@pytest.mark.parametrize("path", FORMAT_SAMPLES, ids=lambda p: p.stem)
def test_caption_styles_of_other_years(path: Path):
    gold = json.loads(path.with_suffix(".turns.json").read_text("utf-8"))["turns"]
    session = parse_transcript(path.read_text("utf-8"))
    assert _shape([t.to_json() for t in session.turns]) == _shape(gold)


@pytest.mark.parametrize("path", [*FORMAT_SAMPLES, CORPUS / "igf2021-dc-main-session.txt"], ids=lambda p: p.stem)
def test_turn_text_is_an_exact_slice_with_consistent_lines(path: Path):
    text = path.read_text("utf-8")
    session = parse_transcript(text)
    lines = text.split("\n")
    for turn in session.turns:
        assert text[turn.start : turn.end] == turn.text
        assert turn.line <= turn.end_line
        assert ">>" in lines[turn.line - 1]
        first = turn.end_line - turn.text.count("\n")
        assert turn.text.split("\n")[0] in lines[first - 1]


def test_lost_line_breaks_titles_after_boilerplate_and_colonless_labels():
    session = parse_transcript((RESOURCES / "parse" / "lost-line-breaks.txt").read_text("utf-8"))
    assert session.title == "IGF 2012 Baku - Workshop 77 Emerging Issues"
    assert session.year == 2012
    shape = [(t.line, t.label, t.speaker, t.kind) for t in session.turns]
    assert shape == [
        (9, "MARKUS KUMMER", "Markus Kummer", "speech"),
        (9, "NITIN DESAI", "Nitin Desai", "speech"),
        (9, None, None, "note"),
        (9, None, None, "speech"),
        (10, "HON. DR. JOHN SMITH", "John Smith", "speech"),
        (11, "Markus Kummer", "Markus Kummer", "speech"),  # known label, no colon
        (13, "JOHN SMITH", "John Smith", "speech"),
    ]
    assert session.turns[5].text.endswith("[ Gavel ]")  # a bracketed note inside a turn stays in it
    assert "10:30" in session.turns[6].text


def test_bare_name_labels_when_there_are_no_markers():
    session = parse_transcript((RESOURCES / "parse" / "bare-labels.txt").read_text("utf-8"))
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (3, "MODERATOR", None),
        (4, "Jane Doe", "Jane Doe"),
        (5, "JOHN ROE", "John Roe"),
    ]
    assert "this line continues" in session.turns[2].text
    assert session.title == "Open Forum on Community Networks"


def test_text_without_markers_is_a_session_with_a_warning():
    session = parse_transcript("Meeting notes\n\nWe agreed to publish the report in May.\n")
    assert session.turns == () and session.warnings


@pytest.mark.parametrize("text", ["", "\n\n", ">>", ">> ", ">>\n>>", ":::", ">> : :", "(x)"])
def test_degenerate_inputs_do_not_crash(text):
    parse_transcript(text)


def test_title_skips_site_boilerplate_and_dates():
    header = "Home | Sessions\nIGF 2019 Berlin – WS #1 Data\nThe following are the outputs of the real-time captioning taken during the IGF meeting in Berlin, it is an aid.\nNOVEMBER 26, 2019\n"
    assert find_title(header) == "IGF 2019 Berlin – WS #1 Data"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # the event, the venue and the date above the session's own line
        (
            "INTERNET GOVERNANCE FORUM\nLIMA, PERU\n3 MARCH 2012\nWORKSHOP: RADIO AND THE LAST MILE\n",
            "WORKSHOP: RADIO AND THE LAST MILE",
        ),
        ("IGF 2016 Quito\nMain Session: Roads, Rivers and Cables\n", "Main Session: Roads, Rivers and Cables"),
        # a venue without a comma is furniture only above a line that names a session's kind
        (
            "INTERNET GOVERNANCE FORUM\nPUERTO LIMON\n4 MAY 2011\nOPEN FORUM 9: HARBOUR DATA\n",
            "OPEN FORUM 9: HARBOUR DATA",
        ),
        # a kind and number alone take the subject on the next line
        (
            "NINTH MEETING OF THE INTERNET GOVERNANCE FORUM\nWORKSHOP 301\nFERRY TIMETABLES AS OPEN DATA\n",
            "WORKSHOP 301: FERRY TIMETABLES AS OPEN DATA",
        ),
        # the caption copy's status and the meeting's quoted theme name no session
        (
            'ROUGH EDITED COPY\nTENTH IGF\n"CONNECTING THE NEXT TOWNS: ACCESS FOR ALL"\nWORKSHOP 12\nCANOE MAIL\n',
            "WORKSHOP 12: CANOE MAIL",
        ),
        # a subject with 'and' is a title, not a place
        ("SECURITY, LOGS AND PRIVACY\n\n15 SEPTEMBER 2010\n", "SECURITY, LOGS AND PRIVACY"),
        # nothing else: the event line is still the best name there is
        ("INTERNET GOVERNANCE FORUM\n12 JUNE 2009\n", "INTERNET GOVERNANCE FORUM"),
    ],
)
def test_title_is_the_session_not_the_event_venue_or_copy(header, title):
    assert find_title(header) == title


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # the day and the room of the session above its name (a room-and-day line names no session)
        (
            "IGF 2031 Tarawa\nDay 2, Room E\nDynamic Coalition on Reef Sensors: data for fishers\nTuesday, 4 March 2031\n",
            "Dynamic Coalition on Reef Sensors: data for fishers",
        ),
        ("IGF 2031 - Day 3 - Hall C\nOpen Forum #4 Ferry Timetables Online\n", "Open Forum #4 Ferry Timetables Online"),
        (
            "OPEN CONSULTATIONS OF THE HARBOUR GROUP\nPORT VILA, VANUATU\nDAY 2, AFTERNOON\n",
            "OPEN CONSULTATIONS OF THE HARBOUR GROUP",
        ),
        ("WORKSHOP ON CANOE MAIL\nCONFERENCE ROOM 4\n14:00\n", "WORKSHOP ON CANOE MAIL"),
        # a note about the captions in brackets, or the transcript's status, is the file's, not the session's
        (
            "(Captioner on stand-by)\nIGF 2031 - WS 12: Lagoon Radio Networks\n",
            "IGF 2031 - WS 12: Lagoon Radio Networks",
        ),
        ("FERRY DATA BRIEFING\nProvisional transcript\n", "FERRY DATA BRIEFING"),
        # a heading wrapped after a word that cannot end it is one line
        (
            "IGF 2031\nDYNAMIC COALITION ON\nREEF SENSORS AND FISHERIES\n2 MAY 2031\n",
            "DYNAMIC COALITION ON REEF SENSORS AND FISHERIES",
        ),
        # a slot alone is still the best name there is
        ("AFTERNOON SESSION\n", "AFTERNOON SESSION"),
    ],
)
def test_title_is_not_the_slot_a_caption_note_or_half_a_wrapped_line(header, title):
    assert find_title(header) == title


def test_title_near_a_disclaimer_prefers_the_line_naming_the_session():
    header = (
        "Main Session 2: Harbours Online\nHall C - Plenary\nThursday 5 June 2031\n"
        "The following are the outputs of the captioning taken during an IGF intervention. It is posted as an aid.\n"
    )
    assert find_title(header) == "Main Session 2: Harbours Online"


# Turns the captioner did not mark the usual way (issue 22): general shapes, written here
# with names and words of their own.
_ODD_TURNS = (RESOURCES / "parse" / "odd-turns.txt").read_text("utf-8")


def _odd_shape():
    session = parse_transcript(_ODD_TURNS)
    return session, [(t.line, t.label, t.speaker, t.kind) for t in session.turns]


def test_a_first_turn_with_no_marker_after_the_page_header_is_a_turn():
    session, shape = _odd_shape()
    assert shape[0] == (8, None, None, "speech")
    assert session.turns[0].text.startswith("Right, I think we can begin.")
    assert session.title == "IGF 2016 - WS #7 Mesh Networks in Rural Schools"  # the header is still the header


def test_a_title_case_label_without_a_colon_is_a_label_even_when_never_written_with_one():
    _, shape = _odd_shape()
    assert shape[1] == (10, "Kwesi Appiah", "Kwesi Appiah", "speech")


def test_collective_labels_are_labels_but_not_people():
    session, shape = _odd_shape()
    assert (16, "Participants", None, "speech") in shape
    assert (18, "Everyone", None, "speech") in shape
    assert shape[-1] == (24, None, None, "speech")  # ">> Everyone is welcome…" is speech, not a label
    assert session.turns[-1].text.startswith("Everyone is welcome")


def test_a_lower_case_thanks_after_a_blank_line_is_a_new_voice_and_a_capitalised_paragraph_is_not():
    session, shape = _odd_shape()
    assert (22, None, None, "speech") in shape
    thanks = next(t for t in session.turns if t.line == 22)
    assert thanks.text.startswith("thank you very much, Priya.")
    chair = next(t for t in session.turns if t.line == 12)
    assert "Then we go on with the second question" in chair.text  # the same speaker going on


def test_odd_turns_are_exact_slices():
    session, _ = _odd_shape()
    for turn in session.turns:
        assert _ODD_TURNS[turn.start : turn.end] == turn.text


def test_title_case_sentences_after_a_marker_are_not_labels():
    text = ">> MODERATOR:  Welcome.\n\n>> Good Morning Everyone, we start.\n\n>> Ladies And Gentlemen Welcome.\n"
    assert [t.label for t in parse_transcript(text).turns] == ["MODERATOR", None, None]


def test_a_session_description_before_the_first_marker_is_not_a_turn():
    text = (
        "IGF 2017 - WS #3 Data\n\nThe following are the outputs of the real-time captioning taken during the IGF. "
        "Although it is largely accurate, in some cases it may be incomplete.\n\n***\n\n"
        "This workshop explores the governance of data flows between regions and the role of regional bodies.\n\n"
        ">> MODERATOR:  Welcome.\n"
    )
    session = parse_transcript(text)
    assert [(t.label, t.kind) for t in session.turns] == [("MODERATOR", "speech")]


def test_odd_turns_parse_the_same_with_windows_line_ends():
    _, shape = _odd_shape()
    crlf = parse_transcript(_ODD_TURNS.replace("\n", "\r\n"))
    assert [(t.line, t.label, t.speaker, t.kind) for t in crlf.turns] == shape


@pytest.mark.parametrize("gold_path", sorted((RESOURCES / "parse").glob("*.gold.json")), ids=lambda p: p.stem)
def test_parse_samples_match_their_gold_turns(gold_path: Path):
    """The development samples scored by bench/parse.py: every turn, its label, name, kind and first words."""
    gold = json.loads(gold_path.read_text("utf-8"))["turns"]
    session = parse_transcript(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8"))
    got = [(t.label, t.speaker, t.kind, " ".join(t.text.split())) for t in session.turns]
    assert len(got) == len(gold)
    for (label, speaker, kind, text), want in zip(got, gold, strict=True):
        assert (label, speaker, kind) == (want["label"], want["speaker"], want["kind"])
        assert text.startswith(" ".join(want["starts"].split()))


# Name cards as labels: the name, then a role, an organisation or place, a mode, in commas or
# parentheses, in any case (issue 22). Invented names; the shapes are the captioners'.
_NAME_CARDS = """IGF 2022 - Open Forum #9 Rural Broadband Funds

>> Sofia Lindgren, co-moderator:  Good morning.  We have three speakers and an online hub.
>> RAVI MENON, TELECOM REGULATORY AUTHORITY, INDIA:  Thank you.  The fund collected five percent of revenue.
>> Prof. Adaeze Obi (remote):  Hello from Enugu.  Can you hear me?
>> Sofia Lindgren, co-moderator:  Yes, we can.
>> H.E. JUAN PABLO ORTEGA, VICE MINISTER OF TELECOMMUNICATIONS, MINISTRY OF ICT, COLOMBIA (online):  Buenos días.
>> Marta Silva, Rapporteur, Youth IGF Portugal, on site:  A short summary.
>> Sofia Lindgren Thank you, Marta.  We close here.
>> Sorry, chair:  one more thing from the floor.
"""


def test_name_card_labels_give_the_name_and_keep_the_card_in_the_label():
    turns = parse_transcript(_NAME_CARDS).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Sofia Lindgren, co-moderator", "Sofia Lindgren"),
        ("RAVI MENON, TELECOM REGULATORY AUTHORITY, INDIA", "Ravi Menon"),
        ("Prof. Adaeze Obi (remote)", "Adaeze Obi"),
        ("Sofia Lindgren, co-moderator", "Sofia Lindgren"),
        (
            "H.E. JUAN PABLO ORTEGA, VICE MINISTER OF TELECOMMUNICATIONS, MINISTRY OF ICT, COLOMBIA (online)",
            "Juan Pablo Ortega",
        ),
        ("Marta Silva, Rapporteur, Youth IGF Portugal, on site", "Marta Silva"),
        ("Sofia Lindgren", "Sofia Lindgren"),  # the card's name is a known label without its colon
        (None, None),  # "Sorry, chair:" is speech, not a card
    ]
    assert [t.text.split()[0] for t in turns[:7]] == ["Good", "Thank", "Hello", "Yes,", "Buenos", "A", "Thank"]
    for turn in turns:
        assert _NAME_CARDS[turn.start : turn.end] == turn.text


# Paragraphs after a blank line: a lower-case thanks is a new voice, also after "yes,", but not
# when the paragraph before stopped in the middle of a sentence.
_BLANK_LINE_VOICES = """>> LEILA MANSOUR:  We built the hub with the municipality.

yes, thank you, Leila.  I am from the municipality, and we are happy.

>> LEILA MANSOUR:  And finally I want to say

thank you to the volunteers who carried the cables,

thank you also to the school.
"""


def test_a_thanks_after_a_blank_line_is_a_new_voice_only_after_a_finished_sentence():
    turns = parse_transcript(_BLANK_LINE_VOICES).turns
    assert [(t.line, t.label) for t in turns] == [(1, "LEILA MANSOUR"), (3, None), (5, "LEILA MANSOUR")]
    assert turns[1].text.startswith("yes, thank you, Leila.")
    assert turns[2].text.endswith("thank you also to the school.")


PAD_GREETING = """Welcome to Padware!

This text is shared as you type, so everyone on this page sees the same words. Write together!

Dynamic Coalition on Rural Links - planning call, 4 May 2031

Ines Varga: We need a shared spectrum map before the next forum.
Oskar Lindholm: I will draft the map by June.
Ines Varga: Thank you, that is all for today.
"""


def test_a_greeting_that_names_no_session_is_not_the_title_when_a_line_below_names_one():
    assert parse_transcript(PAD_GREETING).title == "Dynamic Coalition on Rural Links - planning call, 4 May 2031"
    # a greeting that names the session is still its title; one with nothing below it too
    named = PAD_GREETING.replace("Welcome to Padware!", "Welcome to the Rural Links workshop, room 2!")
    assert parse_transcript(named).title == "Welcome to the Rural Links workshop, room 2!"
    alone = "Welcome to Padware!\n\nInes Varga: We need a map.\nOskar Lindholm: I will draft it.\nInes Varga: Thanks.\n"
    assert parse_transcript(alone).title == "Welcome to Padware!"
