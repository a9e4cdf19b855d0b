"""The template fallback's gate: the template's reading replaces the rules' only when it reads
the rules' own turns as they did and finds many more (`transcript/gate.py`)."""

from __future__ import annotations

from forumlens.transcript.gate import GATE, GateRule, agreement, prefer_template, recurring
from forumlens.transcript.parse import parse_by_rules, parse_by_template, parse_transcript

# An invented coded interview: the rules know the long `I:` label but not the codes `R1:`, `R2:`
# after it; each paragraph ends with a time code.
CODED = """Interview round 3 - school connectivity, transcribed by the project
Recording: R3_2024-05-02.m4a

I: The recorder runs. Who pays for the connection at your school? #00:00:05-1#

R1: The parents, mostly, through a small fee every term. #00:00:11-4#

R2: At ours the district pays, but only until two in the afternoon. #00:00:19-0#

I: And after two? #00:00:20-3#

R2: After two the line goes to the clinic next door. #00:00:27-9#

R1: That is new to me. #00:00:29-2#

I: Thank you both, that is all for today. #00:00:33-8#
"""


def test_the_template_replaces_the_rules_when_it_reads_their_turns_and_many_more() -> None:
    rules, template = parse_by_rules(CODED), parse_by_template(CODED)
    assert agreement(rules.turns, template.turns) == 1.0  # every turn the rules read, read the same way
    assert len(template.turns) >= GATE.gain * len(rules.turns)
    labels = [t.label for t in parse_transcript(CODED).turns]
    assert labels[-7:] == ["I", "R1", "R2", "I", "R2", "R1", "I"]


def test_a_template_that_reads_the_rules_turns_otherwise_stays_out() -> None:
    # invented subtitle lines: the rules read the speaker field, a template would read `Dialogue`
    lines = [
        f"Dialogue: 0,0:00:0{i}.00,0:00:0{i}.90,Default,{who},0,0,0,,line {i} of the talk"
        for i, who in enumerate(["Jo Li", "Ana Ruiz"] * 4)
    ]
    rules = parse_by_rules("\n".join(lines))
    if rules.turns:  # whatever the rules read, a template reading `Dialogue` does not agree with it
        template = parse_by_template("\n".join(lines))
        assert agreement(rules.turns, template.turns) < 1.0 or not template.turns
        assert not prefer_template("\n".join(lines), rules.turns, template.turns)


def test_a_few_more_turns_are_not_enough() -> None:
    rules, template = parse_by_rules(CODED), parse_by_template(CODED)
    strict = GateRule(agree=1.0, gain=len(template.turns) + 1)  # asks for more than the template found
    assert not prefer_template(CODED, rules.turns, template.turns, strict)
    loose = GateRule(agree=1.0, gain=1.0)
    assert prefer_template(CODED, rules.turns, template.turns, loose)


def test_no_rules_turns_agree_by_default() -> None:
    assert agreement([], parse_by_template(CODED).turns) == 1.0


# An invented forwarded mail: the rules read each message's `From:` line; a template reads every
# header field, each once a message.
FORWARDED = """---------- Forwarded message ---------
From: Regional Office for Connectivity <[address removed]>
Date: Tue, 4 June 2024 at 09:12
Subject: RE: your letter on rural towers
To: Salma Haddad <[address removed]>

Dear Ms Haddad, thank you for your letter. We will reply before the end of the month.

-----Original Message-----
From: Salma Haddad
Sent: Monday, 3 June 2024 17:40
Subject: your letter on rural towers

Dear colleagues, we ask for the maps of the rural towers.
"""


def test_header_fields_that_come_once_a_message_are_no_voices() -> None:
    rules, template = parse_by_rules(FORWARDED), parse_by_template(FORWARDED)
    assert len(template.turns) >= GATE.gain * max(1, len(rules.turns))  # many more "turns"…
    assert recurring(rules.turns, template.turns) < GATE.recur  # …whose labels do not come back
    assert [t.line for t in parse_transcript(FORWARDED).turns] == [t.line for t in rules.turns]
