"""Takeaway selection on sessions the rapporteurs' references showed we read badly (issue 23):
a chair's long, numbered synthesis; "we heard" that names a place or points back; and
floor speakers who share one label (or none), each a person of their own.

Fixtures are invented here (no corpus text): an open-mic "taking stock" session and a
youth round whose speakers have no caption label.
"""

from __future__ import annotations

import math

import pytest

from forumlens.summarise import build_report, rank
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import Scored, mmr_select, vectorise, wrapup_spans
from forumlens.summarise.report import _person_of, _voice_of
from forumlens.transcript.parse import parse_transcript

STOCKTAKING = """Taking stock of the annual meeting

>> CHAIR:  Good afternoon.  We have a long list of speakers, two minutes each, please.

>> MARTA OKONKWO-LINDE:  Thank you.  The mandate should be renewed for ten years, because small delegations cannot plan one meeting at a time.

>> CHAIR:  Thank you.  We heard Dhaka online, so I will give the Secretariat two minutes to react to what we heard so far.

>> PAVEL DRAGOMIR:  Visas arrived late for half of our delegation, and one colleague received hers after the meeting had started.

>> CHAIR:  Let me try to pull together what we have heard, before the closing ceremony takes the room from us.

First, there is broad support for a long renewal of the mandate.

Second, outputs must travel to other processes in short messages.  They should be translated.  And they should arrive before the negotiations start.

Third, the programme is too crowded.

Fourth, participation depends on visas issued in time and on travel support.

Fifth, money: predictable funding from a wider base of donors.  The Secretariat will report on it.  The comment form stays open for a week.  The closing ceremony starts in fifteen minutes.
"""


@pytest.fixture(scope="module")
def stocktaking():  # type: ignore[no-untyped-def]
    return parse_transcript(STOCKTAKING, source="stocktaking.txt", sha256="stocktaking")


def _carried(session) -> list[str]:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    spans = wrapup_spans(ctx.units)
    return [u.text for u in ctx.units if (u.session, u.turn, u.start, u.end) in spans]


def test_a_long_announced_synthesis_carries_through_its_numbered_points(stocktaking) -> None:  # type: ignore[no-untyped-def]
    carried = _carried(stocktaking)
    # announced in 19 words, said as an announcement ("Let me try to pull together"): it carries
    assert "First, there is broad support for a long renewal of the mandate." in carried
    # each numbered point carries on, past the three sentences a plain announcement covers
    for opening in ("Second,", "Third,", "Fourth,", "Fifth,"):
        assert any(t.startswith(opening) for t in carried), opening
    assert "They should be translated." in carried  # the sentences of a point belong to it
    # a point carries for three sentences, then the closing's housekeeping is no summary
    assert "The closing ceremony starts in fifteen minutes." not in carried
    # nothing before the announcement is part of it
    assert not any("mandate should be renewed" in t or "Visas arrived" in t for t in carried)


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [
        ("On remote participation: we heard Dhaka.", False),  # a hub was heard, nothing is restated
        ("I will give the Secretariat two minutes to react to what we heard so far.", False),
        ("We have heard the word principles many times this morning.", False),
        ("I heard that the fund can now pay for batteries and maintenance.", True),
        ("Let me try to pull together what we have heard.", True),
        ("Let me synthesise the discussion in three points.", True),
    ],
)
def test_a_summary_restates_what_was_heard_not_who_was_heard(sentence: str, summary: bool) -> None:
    assert bool(rank.SUMMARY.search(sentence)) is summary


def test_agreeing_on_a_point_weighs_as_a_stance_not_a_claim() -> None:
    def weight(text: str) -> float:
        _w, factor, after = rank._text_factors(text)
        return factor * math.prod(after)

    stance = "And to table three, I agree on the trusted source for warnings in the local languages."
    claim = "Warnings must come from one trusted source and be sent in the local languages."
    assert weight(stance) < 0.8 * weight(claim)


YOUTH_ROUND = """Youth round on generative AI in classrooms

>> MODERATOR:  Welcome, everyone.  Our first youth speaker, please introduce yourself.

>> Hi.  My name is Ana, I study law in Lima.  Our university banned chatbots last year, so students now use them at home without any guidance from lecturers.

>> MODERATOR:  Thank you.  Next, please.

>> Hello.  I am Jonas from a high school in Graz.  Detectors of machine-written text flagged essays written by students who write in a second language, and those students were punished.

>> MODERATOR:  Thank you.  Our third speaker.

>> Good afternoon.  I am Priya, a trainee teacher in Pune.  Teachers in rural schools never received training on these tools, so they ban what they do not understand.

>> MODERATOR:  Thank you.  And the last one.

>> Hi everyone.  I am Kwame from Kumasi.  Paid versions of the chatbots give better answers, so students with richer parents already have an advantage in homework.

>> MODERATOR:  Thank you all.  Let's take some reactions from the floor.
"""


def test_each_unlabelled_speaker_is_a_person_of_their_own_for_the_cap() -> None:
    """Four youth speakers without a caption label are four people, not one "(unnamed)" with
    a share of two takeaways: before, the moderator's asides filled the rest."""
    session = parse_transcript(YOUTH_ROUND, source="youth.txt", sha256="youth")
    ctx = build_context(session)
    model = rank.session_model(ctx.units, ctx.chairs)
    person = _person_of(_voice_of(model))
    claims = [u for u in ctx.units if u.speaker is None and u.label is None and u.words >= 15]
    assert len({u.turn for u in claims}) == 4
    assert len({person(u) for u in claims}) == 4  # one person per turn...
    assert len({_voice_of(model)(u) for u in claims}) == 1  # ...one voice for the new-voice bonus
    vecs = vectorise(claims).vecs
    pool = [Scored(u, 1.0 - 0.01 * i, v) for i, (u, v) in enumerate(zip(claims, vecs))]
    assert len(mmr_select(pool, 4, per_speaker=2, max_sim=1.0)) == 2  # the floor as one speaker
    assert len(mmr_select(pool, 4, per_speaker=2, max_sim=1.0, cap_of=person)) == 4

    report = build_report(session)
    cited = {c.line for b in report.takeaways for c in b.citations}
    youth_lines = {u.line for u in claims}
    assert len(cited & youth_lines) >= 3
    assert not any("reactions from the floor" in b.text for b in report.takeaways)
    # nor is the unlabelled floor, self-introductions and all, taken for the moderator
    assert not any(b.text.startswith("The moderator") for b in report.takeaways)


FIRESIDE = """Fireside chat on instant payments

>> LENA PARK:  Welcome.  Themba, how did the national switch start?

>> THEMBA NKOSI:  It started with a rule.  The central bank required every bank and every mobile money provider to connect to one national switch, so a payment from any wallet reaches any account within seconds.  Person-to-person payments are free up to about thirty dollars, because fees were the main reason small traders refused digital money.  Fraud rose in the first year, and the losses fell by forty percent after the switch began to show the name of the receiving account before each payment.

>> ONLINE MODERATOR:  One comment online from Sadia in Dhaka about screen readers.

>> THEMBA NKOSI:  Cross-border links with two neighbouring switches cut the cost of a remittance below two percent, but each country still applies its own rules on customer checks and data.
"""


def test_a_voice_that_said_little_gets_a_smaller_new_voice_bonus() -> None:
    """The guest's second point comes before a relayed one-line comment: a new voice's bonus
    is scaled by how much that voice said (at least half of it)."""
    from forumlens.summarise.report import MIN_VOICE_SHARE, NEW_VOICE_BONUS, _voice_bonus

    session = parse_transcript(FIRESIDE, source="fireside.txt", sha256="fireside")
    ctx = build_context(session)
    model = rank.session_model(ctx.units, ctx.chairs)
    voice = _voice_of(model)
    shares = _voice_bonus(ctx.units, voice)
    guest = next(u for u in ctx.units if u.who == "Themba Nkosi" and u.text.startswith("Person-to-person"))
    second = next(u for u in ctx.units if u.who == "Themba Nkosi" and u.text.startswith("Cross-border"))
    relay = next(u for u in ctx.units if u.text.startswith("One comment online"))
    assert shares[voice(guest)] == 1.0
    assert shares[voice(relay)] == MIN_VOICE_SHARE  # one short line: the floor of the share
    vecs = vectorise([guest, second, relay]).vecs
    pool = [Scored(guest, 1.0, vecs[0]), Scored(second, 0.5, vecs[1]), Scored(relay, 0.2, vecs[2])]
    plain = mmr_select(pool, 2, lam=0.8, max_sim=1.0, speaker_bonus=NEW_VOICE_BONUS)
    scaled = mmr_select(pool, 2, lam=0.8, max_sim=1.0, speaker_bonus=NEW_VOICE_BONUS, bonus_of=shares)
    assert [s.unit for s in plain] == [guest, relay]  # the full bonus: the relayed line wins
    assert [s.unit for s in scaled] == [guest, second]
