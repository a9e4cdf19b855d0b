"""Structured exports read by their schema (transcript/structured.py): JSON and XML whatever the
file is called, the record and its speaker field learned from the file, lines of the original
file, and hostile input refused rather than expanded."""

from __future__ import annotations

import json
import time

from forumlens.documents.paragraphs import is_transcript
from forumlens.read.registry import read_bytes
from forumlens.transcript.delimited import read_delimited
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.readers import states_turns_in_fields
from forumlens.transcript.structured import read_structured

# A diariser's job output, one segment a line, the whole text again in a job-level string.
SEGMENTS = """{"job":"ws9-day1","status":"DONE","result":{
"full_text":[{"text":"Welcome to workshop nine. We start with the budget. The budget is small. Thanks."}],
"segments":[
{"n":0,"text":"Welcome to workshop nine.","begin":"0.4","end":"2.1","voice":"Kemal Arslan","words":[0,1,2,3]},
{"n":1,"text":"We start with the budget.","begin":"2.3","end":"4.0","voice":"Kemal Arslan","words":[4,5,6,7,8]},
{"n":2,"text":"The budget is \\"small\\", honestly.","begin":"4.6","end":"6.2","voice":"Ines Duarte","words":[9,10]},
{"n":3,"text":"Thanks, that is clear.","begin":"6.9","end":"8.0","voice":"Kemal Arslan","words":[11,12,13]},
{"n":4,"text":"One more point on the budget.","begin":"8.2","end":"9.9","voice":"Tomas Berg","words":[14,15]}
]}}
"""

# An annotation tool's XML: turns name speaker ids that a speaker list resolves.
ANNOTATED = """<?xml version="1.0" encoding="UTF-8"?>
<Transcript author="Ana Ruiz">
<People>
<Person id="p1" name="Moderator"/>
<Person id="p2" name="Kofi Boateng"/>
<Person id="p3" name="Lína Þórsdóttir"/>
</People>
<Body>
<Turn who="p1" start="0">
<Mark t="0"/>
Good evening, we begin.
</Turn>
<Turn start="3"/>
<Turn who="p2" start="5">
<Mark t="5"/>
Thank you. Fibre reached the north in March.
<Noise kind="cough"/>
It took two years: permits, mostly.
</Turn>
<Turn who="p3" start="20">
Permits took longer in Iceland &amp; the Faroes.
</Turn>
<Turn who="p1" start="31">
Noted, thank you both.
</Turn>
</Body>
</Transcript>
"""


def test_json_segments_are_turns_at_the_lines_of_their_text() -> None:
    session = parse_transcript(SEGMENTS)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (4, "Kemal Arslan", "Kemal Arslan"),  # two segments of one voice: one turn
        (6, "Ines Duarte", "Ines Duarte"),
        (7, "Kemal Arslan", "Kemal Arslan"),
        (8, "Tomas Berg", "Tomas Berg"),
    ]
    first = session.turns[0]
    assert first.text.startswith("Welcome to workshop nine.")
    assert first.text.endswith("We start with the budget.")  # the fields after the speech are cut
    assert session.turns[1].text == 'The budget is \\"small\\", honestly.'  # a verbatim slice
    assert all(SEGMENTS[t.start : t.end] == t.text for t in session.turns)
    assert "full_text" not in "".join(t.text for t in session.turns)  # the job-level copy is no turn


def test_a_diarisers_spk_labels_are_generic_voices() -> None:
    text = SEGMENTS.replace("Kemal Arslan", "spk_0").replace("Ines Duarte", "spk_1").replace("Tomas Berg", "spk_2")
    assert [t.speaker for t in parse_transcript(text).turns] == [None, None, None, None]


def test_xml_turns_take_the_name_of_their_speaker_id() -> None:
    session = parse_transcript(ANNOTATED)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (11, "Moderator", None),
        (16, "Kofi Boateng", "Kofi Boateng"),
        (21, "Lína Þórsdóttir", "Lína Þórsdóttir"),  # non-ASCII: line and offsets still right
        (24, "Moderator", None),
    ]
    kofi = session.turns[1]
    assert kofi.text.startswith("Thank you. Fibre") and kofi.text.endswith("permits, mostly.")
    assert "&amp;" in session.turns[2].text  # the source as written
    assert all(ANNOTATED[t.start : t.end] == t.text for t in session.turns)
    assert "Ana Ruiz" not in {t.label for t in session.turns}  # the author attribute is no speaker


def test_structured_exports_are_transcripts_whatever_the_file_name() -> None:
    for text in (SEGMENTS, ANNOTATED):
        document = read_bytes(text.encode("utf-8"), "notes.txt")
        assert states_turns_in_fields(document.text)
        assert is_transcript(document, parse_transcript(document.text))


def test_data_without_a_speaker_field_is_not_read_as_turns() -> None:
    rows = json.dumps([{"id": i, "title": f"Session {i} on open data and more", "room": "A"} for i in range(5)])
    assert read_structured(rows) is None
    styled = "<tt><body>" + "".join(f'<p region="r1" begin="{i}">Line {i} of the talk</p>' for i in range(5))
    assert read_structured(styled + "</body></tt>") is None  # one region, no voice


def test_not_json_or_xml_is_left_to_the_caption_rules() -> None:
    assert read_structured(">> CHAIR: Good morning.\n>> JO LI: Thank you.\n") is None
    assert read_structured("[00:00:01] >> CHAIR: {unclosed\n") is None
    assert read_structured("<b>not</i> well formed") is None
    assert read_structured('{"a": 1}\n{"b": 2}\n') is None  # two objects: too few records
    assert read_structured('{"a": 1}\n[1, 2]\n{"b": 2}\n{"c": 3}\n') is None  # a log of mixed values


def test_hostile_input_is_refused_quickly_and_nothing_is_expanded() -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE z [\n<!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
        + "]>\n<z><t who='x'>&a9;</t><t who='x'>&a9;</t><t who='y'>&a9;</t></z>\n"
    )
    deep_xml = "<a>" * 50_000 + "text" + "</a>" * 50_000
    deep_json = "[" * 50_000 + "]" * 50_000
    started = time.perf_counter()
    for text in (laughs, deep_xml, deep_json):
        assert read_structured(text) is None
        parse_transcript(text)  # read as plain text, no exception, no expansion
    assert time.perf_counter() - started < 20


def test_json_lines_are_records_too() -> None:
    lines = "".join(
        json.dumps({"t": t, "who": who, "said": said}) + "\n"
        for t, who, said in [
            (0.0, "Ana Ruiz", "Good morning, we begin now."),
            (2.5, "Ana Ruiz", "First item is the budget."),
            (6.0, "Bo Chen", "The budget is small this year."),
            (9.1, "Ana Ruiz", "Thank you, noted for the record."),
        ]
    )
    session = parse_transcript(lines)
    assert [(t.line, t.speaker) for t in session.turns] == [(1, "Ana Ruiz"), (3, "Bo Chen"), (4, "Ana Ruiz")]


def test_a_table_whose_columns_have_other_names_is_read_by_their_values() -> None:
    table = (
        "Start;Ende;Sprecher;Transkript\n"
        "00:01;00:04;Moderatorin;Guten Morgen, wir beginnen mit dem Haushalt.\n"
        "00:04;00:09;Jonas Weber;Danke. Der Haushalt ist klein, aber stabil.\n"
        '00:09;00:12;Jonas Weber;"Zweitens: die Hubs; sie laufen."\n'
        "00:12;00:15;Moderatorin;Danke, Herr Weber.\n"
    )
    session = parse_transcript(table)
    assert [(t.line, t.label, t.speaker) for t in session.turns] == [
        (2, "Moderatorin", None),  # a role in German
        (3, "Jonas Weber", "Jonas Weber"),  # two rows of one speaker: one turn
        (5, "Moderatorin", None),
    ]
    assert session.turns[1].text.endswith("Zweitens: die Hubs; sie laufen.")  # inside the quotes
    # prose with commas is no table: the lines never hold as many fields each
    prose = (
        "We met, as planned, on Monday.\nThe chair, Jo Li, opened.\nQuestions came, then answers, then lunch, late.\n"
    )
    assert read_delimited(prose) is None


def test_xml_speech_in_inline_children_or_in_a_child_field() -> None:
    timed = (
        '<?xml version="1.0"?>\n<tt xmlns:ttm="http://www.w3.org/ns/ttml#metadata"><body><div>\n'
        '<p begin="1" end="3" ttm:agent="jo"><span>Good morning, all.</span></p>\n'
        '<p begin="3" end="5" ttm:agent="jo"><span>We start now.</span></p>\n'
        '<p begin="5" end="8" ttm:agent="ana"><span>Thank you, Jo.</span><br/><span>Two points.</span></p>\n'
        '<p begin="8" end="9" ttm:agent="jo">Go ahead then.</p>\n</div></body></tt>\n'
    )
    assert [(t.line, t.label) for t in parse_transcript(timed).turns] == [(3, "jo"), (5, "ana"), (6, "jo")]
    assert parse_transcript(timed).turns[1].text == "Thank you, Jo.</span><br/><span>Two points."
    said = [
        ("Jo Li", "Good morning and welcome."),
        ("Ana Ruiz", "Thank you, Jo, for having me."),
        ("Jo Li", "Your first point, please."),
        ("Ana Ruiz", "Access first, then the price."),
        ("Jo Li", "And the second one?"),
        ("Ana Ruiz", "Skills, in every district."),
    ]
    fields = "<session>\n" + "".join(
        f"<utterance><speaker>{who}</speaker><start>{i}.0</start><text>{line}</text></utterance>\n"
        for i, (who, line) in enumerate(said)
    )
    session = parse_transcript(fields + "</session>\n")
    assert [(t.line, t.speaker, t.text) for t in session.turns][:2] == [
        (2, "Jo Li", "Good morning and welcome."),  # the name field is no part of the speech
        (3, "Ana Ruiz", "Thank you, Jo, for having me."),
    ]
    assert len(session.turns) == 6


def test_a_speaker_object_inside_each_record_names_the_voice() -> None:
    said = ["Good morning to all of you.", "Thank you for the invitation.", "First question on access."]
    said += ["Access is the key issue.", "Thanks, we close here."]
    rows = [{"speaker": {"id": i % 2, "name": ["Jo Li", "Ana Ruiz"][i % 2]}, "text": t} for i, t in enumerate(said)]
    session = parse_transcript(json.dumps({"utterances": rows}, indent=1))
    assert [t.speaker for t in session.turns] == ["Jo Li", "Ana Ruiz", "Jo Li", "Ana Ruiz", "Jo Li"]
    assert session.turns[0].text == "Good morning to all of you."


# A legislative debate record: speeches, questions and answers are different elements with the
# same `by` reference and `<from>` line; the reference list names some of the ids only.
DEBATE = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso><debate name="hearing"><meta><references source="#clerk">
<TLCPerson eId="convenor" href="/person/convenor" showAs="The Chair"/>
<TLCPerson eId="mpOkafor" href="/person/okafor" showAs="Adaeze Okafor"/>
</references></meta>
<preface><p class="title">Hearing on spectrum: minutes</p></preface>
<debateBody><debateSection eId="s1"><heading>Opening</heading>
<speech by="#convenor"><from>The Chair</from><p>We open the hearing on spectrum fees.</p></speech>
<speech by="#mpOkafor"><from>Dr. Adaeze Okafor (Nigeria)</from><p>Fees doubled in two years.</p><p>Rural towers closed.</p></speech>
<scene>(Murmurs)</scene>
<speech by="#mpOkafor"><from>Dr. Adaeze Okafor (Nigeria)</from><p>Here are the figures.</p></speech>
<question by="#mpLindqvist"><from>Mr. Oskar Lindqvist (Finland)</from><p>Who sets the fee, the ministry?</p></question>
<answer by="#mpOkafor"><from>Dr. Adaeze Okafor (Nigeria)</from><p>The regulator: the ministry only signs.</p></answer>
</debateSection></debateBody></debate></akomaNtoso>
"""


def test_a_debate_records_speeches_questions_and_answers_are_one_kind_of_turn() -> None:
    turns = parse_transcript(DEBATE).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("The Chair", None),
        ("Dr. Adaeze Okafor (Nigeria)", "Adaeze Okafor"),
        ("Mr. Oskar Lindqvist (Finland)", "Oskar Lindqvist"),  # an id the references do not list
        ("Dr. Adaeze Okafor (Nigeria)", "Adaeze Okafor"),
    ]
    assert turns[0].text == "We open the hearing on spectrum fees."
    assert turns[1].text.startswith("Fees doubled in two years.")  # the scene between her speeches stays
    assert "Here are the figures." in turns[1].text
    assert "Hearing on spectrum" not in " ".join(t.text for t in turns)


def test_an_unresolved_id_reference_is_never_a_label() -> None:
    only_ids = DEBATE.replace("<from>", "<!-- ").replace("</from>", " -->")
    labels = [t.label for t in parse_transcript(only_ids).turns]
    assert not any(label and label.startswith("#") for label in labels)


# A TEI transcription: `<u who="#id">` utterances, the ids listed with a `<persName>` each (one a
# role with no name), inline pauses and notes inside an utterance.
TEI_UTTERANCES = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><profileDesc><particDesc><listPerson>
<person xml:id="ch"><persName><forename>Tala</forename><surname>Brenninkmeyer</surname></persName></person>
<person xml:id="p1"><persName><forename>Oskar</forename> <surname>Vilhjalmsson</surname></persName></person>
<person xml:id="fl" role="audience"/>
</listPerson></particDesc></profileDesc></teiHeader>
<text><body>
<u who="#ch">Good morning, we open the round. <pause/> First the survey.</u>
<u who="#p1">Thanks. The survey covered four hundred schools.</u>
<u who="#p1">Most had no filter at all. <vocal><desc>laughter</desc></vocal> Really none.</u>
<u who="#fl">Who paid for the survey?</u>
<u who="#ch">Let us keep that for later.</u>
</body></text>
</TEI>
"""


def test_tei_utterances_take_the_persname_of_their_who_id() -> None:
    session = parse_transcript(TEI_UTTERANCES)
    assert [(t.line, t.speaker) for t in session.turns] == [
        (9, "Tala Brenninkmeyer"),
        (10, "Oskar Vilhjalmsson"),  # two utterances of one id are one turn
        (12, None),  # a listed voice with a role and no name is nobody named
        (13, "Tala Brenninkmeyer"),
    ]
    assert session.turns[0].text.startswith("Good morning, we open the round.")


GROUP_CHAT = """{"messages": [
  {"sender_name": "Mele Tupou-Havili", "content": "Nuku'alofa hub is online"},
  {"sender_name": "Mele Tupou-Havili", "content": "Mele Tupou-Havili added Sione T\\u00c4\\u0081ufa to the group."},
  {"sender_name": "Sione T\\u00c4\\u0081ufa", "content": "Malo, we hear the panel"},
  {"sender_name": "Mele Tupou-Havili", "content": "Good, the question is in"}
]}
"""


def test_a_social_download_names_read_from_bytes_escaped_one_by_one() -> None:
    turns = parse_transcript(GROUP_CHAT).turns
    assert [t.speaker for t in turns] == ["Mele Tupou-Havili", "Sione Tāufa", "Mele Tupou-Havili"]


def test_the_apps_line_about_its_sender_is_no_speech() -> None:
    turns = parse_transcript(GROUP_CHAT).turns
    assert turns[0].text.startswith("Nuku'alofa hub is online")
    assert not any(t.text.startswith("Mele Tupou-Havili added") for t in turns)
