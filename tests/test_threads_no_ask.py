"""Need words that make no ask (issue 20, a new-user walk): a frame that announces what the speaker will tell,
a filler between ("I would like to, yeah, talk a little bit about …"); a need another body is reported to have
acknowledged ("… the United Nations acknowledged that children need special protection"); "needs" as a noun
("… leveraged to meet community needs"); a finding ("Affordability is the biggest barrier"). A need the same
sentence says later, and the persisting or own problem, stay asks."""

from __future__ import annotations

import pytest

from forumlens.ingest import prepare_bytes
from forumlens.threads import extract_items
from forumlens.threads.cues import find_cue

NEED = frozenset({"need"})


@pytest.mark.parametrize(
    "sentence",
    [
        "I would like to, yeah, talk a little bit about what we have been doing on environmental sustainability.",
        "Last thing I would like to maybe hear more from as colleagues have talked about the common agenda.",
        "We would like to, um, briefly touch on the work of our members in the islands.",
        "It was over 30 years ago that the United Nations acknowledged that children need special protection.",
        "In 2015 the member states recognised that small islands need their own track in every forum.",
        "It is the way public access computers have been leveraged to meet community needs and support training.",
        "Our librarians design courses that fit the specific needs of older readers in rural towns.",
        "Affordability is the biggest barrier, more than coverage, in the twelve countries we surveyed.",
        "In our survey, the price of a handset is the main obstacle for women in rural areas.",
    ],
)
def test_no_ask_in_these_words(sentence):
    assert find_cue(sentence, signals=NEED) is None


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # the frame is skipped, the need said after it is the ask
        (
            "I just would like to possibly chip in to highlight the challenge, I believe there's a need to better "
            "engage the private sector in the coalitions.",
            "need",
        ),
        ("We would like the secretariat to add captions to every session of the forum.", "would like"),
        ("We found that schools need more bandwidth than any regulator has planned for.", "need"),
        ("The community needs more funding for its hubs before the next forum.", "needs"),
        ("Our needs are simple: money for the hubs and a slot in the programme.", "needs"),
        ("Frequencies are still the problem number one: a community network cannot get a licence.", "are still"),
        ("Funding remains the main barrier for every coalition that has no secretariat.", "remains the main barrier"),
        ("Travel money is our biggest problem when the forum meets far from the islands.", "is our biggest problem"),
    ],
)
def test_these_stay_asks(sentence, cue):
    found = find_cue(sentence, signals=NEED)
    assert found is not None and found.signal == "need" and found.text.startswith(cue), found


WALK = """IGF 2031 Main Session on Dynamic Coalitions

>> AMINA OSEI: I am Amina Osei, from the Dynamic Coalition on Public Access in Libraries. I would like to, yeah,
talk a little bit about what our libraries have been doing this year. Speaking to the concept of meaningful
inclusion, it is the way public access computers have been leveraged to meet community needs and support digital
skills training. It was over 30 years ago that the United Nations acknowledged that children need special
protection of their rights. Affordability is the biggest barrier, more than coverage. We need funding for
public access computers in rural libraries.
"""


def test_a_turn_keeps_only_its_real_ask():
    p = prepare_bytes(WALK.encode(), "igf2031-main-session.txt")
    assert p.failure is None, p.failure
    needs = [i for i in extract_items(p.session, p.analyses, "walk").items if i.signal == "need"]
    # one item, on the wrapped caption line of "We need funding …" (an item cites the line around its cue)
    assert len(needs) == 1 and needs[0].cue == "need", needs
    assert needs[0].quote in "We need funding for public access computers in rural libraries.", needs
