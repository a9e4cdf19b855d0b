"""Stop 48 (issue 22, RQ): questions read out from the chat inside quotation marks.

A moderator or online moderator often reads a message in its writer's own words: "She asks,
"…?"", "He writes: "…?"", "Ana, from a library in Quito, asks, "…?"", "one question from Ana
in the chat: "…?"". The reporting verb (or "question from NAME") right before the opening mark
is the relay; what the quotation holds up to its closing mark is the writer's, so its "?"
sentences are the writer's questions, on the line where they are read
(`questioncues.QUOTED_RELAY`, `questionsentences.quoted_relays`). A pronoun stands for the
sender counted out before it ("one question from NAME", else `reported_asker`); a named
asker's quotation with "says" or "writes" counts only in a turn that reads something out, so a
speaker quoting a minister in their own story asks nothing.

The sessions are written for these tests."""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.questioncues import QUOTED_RELAY
from forumlens.analyse.questiongroups import QuestionGroup, find_question_groups
from forumlens.analyse.questionsentences import quoted_relays
from forumlens.transcript.parse import parse_transcript


def _groups(text: str) -> list[QuestionGroup]:
    ctx = build_context(parse_transcript(text), mentions=[])
    return find_question_groups(ctx)


TWO_IN_QUOTES = """\
>> CHAIR:  Thank you all.  Lukas, is there anything from the WebEx?

>> LUKAS:  Yes, two messages.  The first is from Wanjiru, she follows from a school in Nyeri.  She says, "We have recorded stories in Kikuyu with the pupils.
Who can host them so that other teachers find them, is there a shared library?"
And the second is from Bakhyt in Almaty.  He asks, "Do the publishers take part in the network, or only the teachers?  Because here the books come only from publishers."

>> ODILE FERRAND:  For Wanjiru, the regional library network can host the recordings, I will send the link.
"""


def test_each_quoted_question_is_the_writers_own_on_the_line_read() -> None:
    groups = _groups(TWO_IN_QUOTES)
    assert [(g.line, g.by) for g in groups] == [(4, "Wanjiru"), (5, "Bakhyt")]


def test_the_statement_before_the_question_inside_the_quotation_is_not_a_question() -> None:
    groups = _groups(TWO_IN_QUOTES)
    assert all("recorded stories" not in s.text for g in groups for s in g.core)


TWO_IN_ONE_MESSAGE = """\
>> CHAIR:  Online, please.

>> ONLINE MODERATOR:  And two more in one message, from Aigerim in Bishkek.  She asks, "How many hubs closed in the last three years?  And what were the main reasons they closed?"

>> CHAIR:  We do not have that figure with us, we will send it to the list.
"""


def test_an_and_question_inside_one_quotation_is_listed_on_its_own() -> None:
    groups = _groups(TWO_IN_ONE_MESSAGE)
    assert [(g.line, g.by) for g in groups] == [(3, "Aigerim"), (3, "Aigerim")]


SENDER_THEN_PLACE = """\
>> CHAIR:  Do we have something from online?

>> RAPPORTEUR:  Yes, one question from Nodira Saidova, she works for a parliament and follows from Tashkent.  She asks, "Is there a model budget line which a small parliament could copy for its digital committee?"

>> CHAIR:  Not as such, but the toolkit has three examples.
"""


def test_the_pronoun_stands_for_the_counted_sender_not_the_last_place_named() -> None:
    (g,) = _groups(SENDER_THEN_PLACE)
    assert g.by == "Nodira Saidova"  # not "Tashkent"


NAMED_WITH_WHERE = """\
>> CHAIR:  Online?

>> HOST:  From the chat, two comments and a question.  And Lerato Mokoena, from a community network near Polokwane, asks, "Will the network present the draft to the regulators, and who will do it?"

>> CHAIR:  Yes, the coordinators will present it in March.
"""


def test_a_named_asker_with_where_they_write_from_keeps_the_name() -> None:
    (g,) = _groups(NAMED_WITH_WHERE)
    assert g.by == "Lerato Mokoena"


OWN_STORY = """\
>> CHAIR:  Please, the floor.

>> PANELLIST:  When I went to the ministry, the Minister says, "Why should we pay for connectivity in the villages?"  And this is the problem we face, the budget goes to the cities first.
"""


def test_a_quotation_in_a_speakers_own_story_reads_nothing_out() -> None:
    assert all(g.by != "Minister" for g in _groups(OWN_STORY))


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ('The second is from Ines.  She writes: "Will the fund open again next year?"', "Ines"),
        ('In the chat, Tomasz asks, "Is the report translated?"', "Tomasz"),
        ('There is one question from Mele Tupou in the chat: "Who decides the themes?"', "Mele Tupou"),
    ],
)
def test_quoted_relay_shapes(said: str, name: str) -> None:
    (q,) = quoted_relays(said)
    assert q.name == name and said[q.start : q.end].rstrip().endswith("?")


def test_a_quotation_without_a_reporting_verb_is_no_relay() -> None:
    assert QUOTED_RELAY.search('We call it "the last mile problem" in our country.') is None


def test_an_unclosed_quotation_runs_to_the_next_one_read_out() -> None:
    said = 'From Rosa: she asks, "Is the toolkit free?  And Ana asks, "Who maintains it?"'
    first, second = quoted_relays(said)
    assert first.end <= second.cue
