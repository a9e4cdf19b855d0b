"""A surname-only label joined to the first name the chair calls its speaker by (resolve.firstnames)."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

_HEAD = "IGF 2008 - WS 12 - Fish prices\n\n"


def _names(body: str) -> set[str | None]:
    return {p.name for p in resolve_session(parse_transcript(_HEAD + body, source="t.txt")).people}


def test_a_first_name_called_before_two_turns_of_a_surname_label_is_its_first_name() -> None:
    body = (
        ">> OKONKWO:  Good afternoon.  My name is Adaeze Okonkwo and I chair.  Now Tenzin, who came from "
        "Thimphu, please.\n\n"
        ">> DORJI-WANGMO:  Thank you.  I am a lawyer and I will be brief about the data.\n\n"
        ">> OKONKWO:  Thank you.  One last word from each.  Tenzin, the data question was yours.\n\n"
        ">> DORJI-WANGMO:  The number belongs to the fisherman.\n"
    )
    assert "Tenzin Dorji-Wangmo" in _names(body)


def test_one_call_is_not_enough_and_two_first_names_are_none() -> None:
    once = (
        ">> OKONKWO:  Good afternoon.  My name is Adaeze Okonkwo and I chair.  Now Tenzin, please.\n\n"
        ">> DORJI-WANGMO:  Thank you.  I am a lawyer.\n"
    )
    assert "Dorji-Wangmo" in _names(once)
    tied = (
        ">> OKONKWO:  Good afternoon.  My name is Adaeze Okonkwo and I chair.  Now Tenzin, please.\n\n"
        ">> DORJI-WANGMO:  Thank you.  I am a lawyer.\n\n"
        ">> OKONKWO:  Thank you.  Pema, your question.\n\n"
        ">> DORJI-WANGMO:  Yes, the law is not clear.\n"
    )
    assert "Dorji-Wangmo" in _names(tied)


def test_a_called_name_that_is_another_speakers_is_not_taken() -> None:
    body = (
        ">> OKONKWO:  Good afternoon.  My name is Adaeze Okonkwo and I chair.  Now Adaeze, I mean me, "
        "no.  Sorry.  Thank you.\n\n"
        ">> DORJI-WANGMO:  Thank you, Adaeze.  I am a lawyer.\n\n"
        ">> OKONKWO:  Adaeze, you should stop talking to yourself.\n\n"
        ">> DORJI-WANGMO:  Indeed.\n"
    )
    assert "Dorji-Wangmo" in _names(body)
