"""Who's-who rules of round 14's development stop (issue 22): the misses round 13's sets showed
(intel_blind13, first run in bench/data/whoswho-blind13-first-run.txt).

Inputs are written for this file (invented people and bodies) in the shapes those sets showed,
never their sentences. One interpreter label carries several interpreted speakers: a floor voice
("PARTICIPANT:  (Speaking Portuguese)") is named and placed by the interpreter's words after it; an
interpreter turn right after an interpreted one goes on for the same speaker unless a question
was put; a question put by description ("my question is for the mayor") is answered by the one
the session described so, even when that speaker has a label of their own. Each rule is also
checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

INTERPRETED = (
    "IGF 2017 - Day 1 - Room 5 - Dynamic Coalition on Rural Access\n\n"
    ">> HELENA VARGAS PINTO:  Good morning.  I am Helena Vargas Pinto, I coordinate the Rede Sertão "
    "Conectado, and I moderate here at the table.  We start with the mayor who is sitting at my left, "
    "Dona Benedita Alcântara Ribas.\n\n"
    ">> BENEDITA ALCÂNTARA RIBAS:  (Speaking Portuguese)\n\n"
    ">> INTERPRETER:  Good morning.  I am Benedita Alcântara Ribas, the mayor of Pedra Funda.  Our town "
    "put the antenna on the water tower.\n\n"
    ">> INTERPRETER:  To finish: the school now has a connection every day.  Thank you.\n\n"
    ">> HELENA VARGAS PINTO:  Thank you.  Questions?  Yes, at the microphone in the aisle.\n\n"
    ">> PARTICIPANT:  (Speaking Portuguese)\n\n"
    ">> INTERPRETER:  Thank you.  I am Joaquim Teles Barreto, I am from the Coletivo Rio Aberto, a "
    "group of students in Recife.  My question is for the mayor.  Who pays for the electricity?\n\n"
    ">> INTERPRETER:  A good question.  The town pays, from the school budget.\n\n"
    ">> HELENA VARGAS PINTO:  Thank you both.  We close here.\n"
)


def test_one_interpreter_label_is_split_into_the_people_it_speaks_for():
    people = {p.name: p for p in resolve_session(parse_transcript(INTERPRETED, source="t.txt")).people}
    # the mayor: her language note, the interpreter going on, and her answer to the question put to her
    assert people["Benedita Alcântara Ribas"].lines == (5, 7, 9, 17)
    # the floor voice under a shared label is the one the interpreter's words name, placed by the chair
    joaquim = people["Joaquim Teles Barreto"]
    assert joaquim.lines == (13, 15) and joaquim.mode == "onsite"
    assert joaquim.affiliation == "Coletivo Rio Aberto"
    # the interpreter is no person of its own
    assert None not in people


def test_an_interpreter_turn_after_a_question_is_not_the_asker_going_on():
    # nobody is described as "the treasurer": the answer stays unattributed, not the asker's
    text = INTERPRETED.replace("My question is for the mayor.", "My question is for the treasurer.")
    people = {p.name: p for p in resolve_session(parse_transcript(text, source="t.txt")).people}
    assert 17 not in people["Joaquim Teles Barreto"].lines
    assert 17 not in people["Benedita Alcântara Ribas"].lines
