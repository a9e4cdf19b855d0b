"""An interpreter's turn after a speaker's "(Speaking Spanish)" turn is that speaker's voice
(resolve.interpreted), and a label without a middle name is the same person (resolve.people)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.cast import prepare
from forumlens.resolve.interpreted import join_interpreted
from forumlens.resolve.people import group_labels
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript

TEXT = (
    "IGF 2023 - Day 2 - NRI Collaborative Session\n\n"
    ">> BEATRIZ SOUSA:  Good afternoon, I am Beatriz Sousa, here in the room in Kyoto.  Our first speaker "
    "will speak in Spanish.  Rosa, please.\n\n"
    ">> ROSA MARADIAGA:  (Speaking Spanish)\n\n"
    ">> INTERPRETER:  Thank you very much.  I speak on behalf of the Honduras IGF, where I am in the "
    "organising team, and I am also here in Kyoto.  The rural people listen to the radio.\n\n"
    ">> BEATRIZ SOUSA:  Gracias, Rosa.  Any comment from the floor?  I see none.  Interpreter, thank you.\n\n"
    ">> INTERPRETER:  You are welcome.\n\n"
    ">> ROSA ELVIRA MARADIAGA:  (In English)  Thank you, we will talk after.\n"
)


def _session():
    return parse_transcript(TEXT, source="t.txt")


def test_the_interpreter_turn_after_a_language_note_is_the_speakers():
    session = _session()
    groups = join_interpreted(group_labels(session), session.turns)
    rosa = next(g for g in groups if g.name and g.name.startswith("Rosa"))
    lines = [session.turns[i].line for i in rosa.turns]
    assert 7 in lines  # the interpreter's words
    # the interpreter answering the chair in its own voice stays the interpreter
    interpreter = next(g for g in groups if g.name is None and "INTERPRETER" in g.labels)
    assert [session.turns[i].line for i in interpreter.turns] == [11]


def test_the_interpreted_speaker_has_the_body_and_place_said_through_the_interpreter():
    people = {p.name: p for p in resolve_session(_session()).people}
    rosa = people["Rosa Elvira Maradiaga"]  # "ROSA MARADIAGA" is the same person, middle name left out
    assert rosa.affiliation == "Honduran Internet Governance Forum"
    assert rosa.mode == "onsite"
    assert 7 in rosa.lines and 13 in rosa.lines


def test_without_a_language_note_the_interpreter_is_left_alone():
    text = TEXT.replace("(Speaking Spanish)", "Buenas tardes, I will try in English.")
    session = parse_transcript(text, source="t.txt")
    groups = prepare(session, load_registry()).groups
    interpreter = next(g for g in groups if g.name is None and "INTERPRETER" in g.labels)
    assert [session.turns[i].line for i in interpreter.turns] == [7, 11]


def test_an_ad_hoc_translator_voices_the_speaker_then_speaks_for_himself():
    """A relative translating under `>> TRANSLATOR:` is the speaker's voice after her language
    note, and a person of his own once he gives his own name."""
    text = (
        "IGF 2013 - Open Forum\n\n"
        ">> KADEK ARIANI:  Welcome.  Our next guest speaks in Balinese.  Ibu Sriani, please.\n\n"
        ">> NYOMAN SRIANI:  (Speaking Balinese)\n\n"
        ">> TRANSLATOR:  Good afternoon.  I make baskets with twenty women in Bangli, and we sell them in "
        "the market of Gianyar.\n\n"
        ">> KADEK ARIANI:  Thank you.  A question from the floor?\n\n"
        ">> TRANSLATOR:  Excuse me, may I say one thing for myself?  I am I Made Sudira, I study in "
        "Denpasar and I only help my aunt.\n"
    )
    session = parse_transcript(text, source="t.txt")
    assert {t.speaker for t in session.turns if t.label == "TRANSLATOR"} == {None}
    cast = resolve_session(session)
    by_name = {p.name: p for p in cast.people}
    assert 7 in by_name["Nyoman Sriani"].lines
    assert by_name["I Made Sudira"].lines == (11,)
    assert "Translator" not in by_name
