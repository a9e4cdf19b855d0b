"""The template fallback's gate: the template's reading replaces the rules' only when it reads
the rules' own turns as they did and finds many more (`transcript/gate.py`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forumlens.transcript.gate import GATE, GateRule, agreement, prefer_template, recurring, short_record
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


def test_the_template_replaces_the_rules_when_it_reads_their_turns_and_many_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the codes come back as a record's labels do (`records.read_label_records`): the rules' path
    # reads them now; without that reading, the rules read the `I:` turns alone and the gate decides
    assert [t.label for t in parse_by_rules(CODED).turns] == ["I", "R1", "R2", "I", "R2", "R1", "I"]
    monkeypatch.setattr("forumlens.transcript.parse.read_label_records", lambda text: None)
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


# An invented short record: six paragraphs, each opening with the speaker and the record's own
# `.--` delimiter, under a two-line heading; eight non-blank lines, under the first gate's twelve.
SHORT_RECORD = """Internet Governance Forum 2019, Berlin
Dynamic Coalition on Internet Rights and Principles: annual meeting

Mr. SCHMIDT.-- Good morning and welcome. I give the floor to the chair of the coalition.
Ms. OKAFOR.-- Thank you. The coalition presented its charter this year. We ask the governments to use it.
Mr. SCHMIDT.-- Thank you. Are there questions from the floor?
Dr. PATEL.-- Yes. How will the coalition measure whether any country has adopted the charter?
Ms. OKAFOR.-- We will publish a survey of national policies by next IGF.
Mr. SCHMIDT.-- Thank you all. The session is closed.
"""

# Invented: a short statement whose lines open with field names that each come once.
SHORT_FIELDS = """Statement of the coalition
Date: 3 May 2024
Venue: Riyadh, Room 4
Contact: secretariat of the coalition
Text: The coalition asks for a channel to the ministries.
"""


def test_a_short_record_its_rules_do_not_read_is_read_by_its_own_delimiter() -> None:
    session = parse_transcript(SHORT_RECORD)
    assert [t.speaker for t in session.turns] == ["Schmidt", "Okafor", "Schmidt", "Patel", "Okafor", "Schmidt"]
    assert [t.line for t in session.turns] == [4, 5, 6, 7, 8, 9]
    assert session.turns[4].text.endswith("by next IGF.")


def test_short_record_needs_voices_that_come_back_and_no_turn_of_the_rules() -> None:
    assert parse_transcript(SHORT_FIELDS).turns == ()  # a field name comes once: no voice
    template = parse_by_template(SHORT_RECORD).turns
    assert short_record(SHORT_RECORD, (), template)
    once = [replace(t, label=f"{t.label} {i}") for i, t in enumerate(template)]  # six voices, none back
    assert not short_record(SHORT_RECORD, (), once)
    assert not short_record(SHORT_RECORD, template[:1], template)  # the rules read a turn: other gates judge
    assert not short_record(SHORT_RECORD, (), template, GateRule(agree=1.0, gain=2.0, recur=0.75, few_lines=0))
