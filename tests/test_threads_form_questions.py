"""Questions and answers a filled report form tells in the third person: its fields are read as labelled turns, but
their sentences report the floor ("A participant asked whether …", "Participants asked the Secretariat whether …",
"The coordinator answered that …"), as a document's paragraphs do (`reportedspeech`)."""

from __future__ import annotations

from forumlens.threads.reportedspeech import reported

from .threads_support import items_of

FORM = """IGF 2018 Report

- Session Type (Workshop, Open Forum, etc.): Dynamic Coalition session

- Title: Beekeepers Online: prices and weather for small apiaries

- Organizer(s): Dynamic Coalition on Beekeepers Online

- Chair/Moderator: Oskar Lindqvist-Haro, coordinator

- Summary of Issues Discussed:
The coalition presented its first price bulletin for honey in four markets.
Mirela Dobrescu, a remote participant, asked whether the bulletin could also give the price of wax.
Mr. Lindqvist-Haro replied that wax prices will be added when two more markets report them.
Participants asked the IGF Secretariat whether coalition sessions could be held in the morning, so that farmers in Asia can follow them.
"""


def _by_line(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for item in items_of(text, "igf2018-dc-session-report-form.txt").items:
        found.setdefault(item.line, []).append(item.signal)
    return found


def _line(text: str, words: str) -> int:
    return text[: text.index(words)].count("\n") + 1


def test_a_forms_reported_question_and_its_reported_answer_are_items():
    found = _by_line(FORM)
    assert "question" in found[_line(FORM, "Mirela Dobrescu")]
    assert "answer" in found[_line(FORM, "Mr. Lindqvist-Haro replied")]


def test_the_floor_asking_as_a_group_is_a_question():
    assert found_signals(FORM, "Participants asked the IGF Secretariat") == ["question"]


def test_a_caption_turn_that_retells_is_no_report():
    # in speech, "participants asked whether …" retells; only a record's field or paragraph reports
    caption = (
        "IGF 2018 - Beekeepers Online\n\n>> MODERATOR: Welcome. Oskar.\n\n"
        ">> OSKAR LINDQVIST-HARO: Last year participants asked whether the bulletin could give wax prices. "
        "We will publish the wax prices in the bulletin from next year.\n"
    )
    assert "question" not in found_signals(caption, "Last year participants")


def found_signals(text: str, words: str) -> list[str]:
    return _by_line(text).get(_line(text, words), [])


def test_the_reported_subjects_read():
    group = reported("Several delegates asked whether the map is open.")
    assert group is not None and (group.who, group.kind, group.anonymous) == ("Several delegates", "question", True)
    crowd = reported("Participants asked UNESCO whether the guide exists in French.")
    assert crowd is not None and crowd.kind == "question"
    officer = reported("The coordinator answered that the guide is out.")
    assert officer is not None and officer.answer and officer.who == "The coordinator"
    assert reported("The panel said that it was late.") is None  # a body of the session, not an officer
    # an officer named by role is read only answering: her asks and reports are the record's own sentences
    assert reported("The moderator asked each coalition to report on what it did.") is None
    assert reported("The coordinator reported that the coalition has now trained 40 keepers.") is None
    assert reported("Participants were few this year.") is None  # no reporting verb


def test_a_forms_own_prompt_is_nobodys_ask():
    form = FORM + "\n- Please estimate the total number of participants: 35\n"
    assert "need" not in found_signals(form, "Please estimate the total")


REPORT = """Dynamic Coalition on Beekeepers Online - Annual report 2019

1. Activities
The price bulletin now covers six markets.
We wrote to the Secretariat in March to ask whether a coalition may hold its session inside a regional IGF; we have had no reply.
"""


def test_a_coalitions_own_question_told_in_the_first_person_is_its_question():
    found = [i for i in items_of(REPORT, "dc-beekeepers-online-annual-report-2019.txt").items if i.signal == "question"]
    assert [i.quote[:27] for i in found] == ["We wrote to the Secretariat"]
    assert found[0].coalition == "Dynamic Coalition on Beekeepers Online"  # the writer's, not a reported person's


def test_the_own_question_shapes_read():
    for said in (
        "We asked the IGF Secretariat in 2018 whether reports can be published in Spanish.",
        "Our question to the MAG of April 2017, whether coalitions may apply for travel support, is still open.",
    ):
        told = reported(said)
        assert told is not None and told.own and told.kind == "question", said
    assert reported("We asked the MAG to fund travel for young beekeepers.") is None  # an ask, not a question
    assert reported("We asked for funds whether or not they come.") is None
