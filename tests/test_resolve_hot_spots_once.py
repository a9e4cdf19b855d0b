"""Resolve's per-sentence work asked once where asking again adds nothing (issue 19), with the same
answers as before.

- a chair who already said they chair, or already invited three times, is not asked again
  (`chairs.find_moderators`): the moderator found is the same;
- a speaker already heard saying they speak for no body, or that they run a hub, is not asked
  again (`roles._own_words`), and the mode readers of a sentence said before are remembered
  (`roles._mode_cues`): the same weights as the readers give;
- the places where a reading of mentions may start (a registry word, an anchor, a bare topic, an
  upper-case word) are found in C over the words taken out once, and near acronyms remembered
  (`mentions._acronym_fuzzy`): the same candidates as the loop over every word.

All inputs are invented here.
"""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Levenshtein

from forumlens.resolve import cues, modes, resolve_session
from forumlens.resolve.mentions import _acronym_fuzzy, _Cand, _matcher_for, _places, cue_places, find_mentions
from forumlens.resolve.registry import load_registry
from forumlens.resolve.roles import _mode_cues
from forumlens.resolve.text import tokenize
from forumlens.transcript.parse import parse_transcript

TEXTS = [
    "",
    "The UNECSCO delegate and UNESCO met the UNDESSA team; I AM HERE.",
    "ICANN, ICAN, ICANNN and IGFSA spoke; the OHCHRR and OHCHR too.",
    "Él habló con la UNESCOO y la UNICEEF en ÑANDÚ, y con COVID-19 y con A.B.C.D.E.",
    "unesco in lower case, Unesco in title case, and UNESCO's team in capitals.",
]


def _loop_over_every_word(text: str) -> list[_Cand]:
    """The reading as it was written before: every token asked in Python."""
    m = _matcher_for(load_registry())
    found = []
    for i, tok in enumerate(tokenize(text)):
        if len(tok.raw) >= 5 and tok.raw.isupper() and tok.raw not in m.long_acronyms:
            for acronym, entity in m.long_acronyms.items():
                if Levenshtein.distance(tok.raw, acronym, score_cutoff=1) <= 1:
                    found.append(_Cand(entity, i, i, 0.8, "acronym-fuzzy"))
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_a_near_acronym_is_found_as_the_loop_over_every_word_found_it(text: str) -> None:
    m = _matcher_for(load_registry())
    assert _acronym_fuzzy(m, tokenize(text)) == _loop_over_every_word(text)
    assert _acronym_fuzzy(m, tokenize(text)) == _loop_over_every_word(text)  # remembered: the same again


def test_a_misspelt_long_acronym_is_still_a_mention() -> None:
    assert [(m.name, m.via) for m in find_mentions("A question for UNECSCO, please.")] == [("UNESCO", "acronym-fuzzy")]


@pytest.mark.parametrize(
    ("own", "sentence"),
    [
        ("Thank you.", "Thank you."),
        ("I'm joining from home today, my camera is off.", "I'm joining from home today, my camera is off."),
        ("We are here in the room.", "We are here in the room. Next, Carlos, online."),
        ("The lady at the back, please.", "The lady at the back, please."),
    ],
)
@pytest.mark.parametrize("year", [None, 2019])
def test_the_mode_readers_of_a_sentence_said_again_give_their_own_weights(
    own: str, sentence: str, year: int | None
) -> None:
    online, onsite = cues.own_mode_cues(own)
    more_online, more_onsite = modes.own_cues(own, year)
    more_onsite += modes.POINTING * modes.points_into_room(sentence)
    expected = (online, onsite, more_online, more_onsite)
    assert _mode_cues(own, sentence, year) == expected
    assert _mode_cues(own, sentence, year) == expected


_CHAIR_SAYS_SO_TWICE = """\
>> AMARA OKONJO: Good morning. I am the moderator of this session. I will be moderating today.
Let me invite our first speaker, over to you, Tomas Lindqvist.
>> TOMAS LINDQVIST: Thank you. I work at the Nordic Data Institute. We publish reports.
>> AMARA OKONJO: Thank you, Tomas. I invite now Leila Haddad. Over to you, Leila.
>> LEILA HADDAD: Thanks. I am with the Coastal Research Centre.
>> AMARA OKONJO: Thank you. I am the moderator, so I keep the time. Over to you, Tomas, again.
>> TOMAS LINDQVIST: One more point on the reports.
>> AMARA OKONJO: Thank you all, that closes the session.
"""


def test_a_chair_who_says_so_twice_is_the_one_moderator() -> None:
    cast = resolve_session(parse_transcript(_CHAIR_SAYS_SO_TWICE, source="t.txt"))
    roles = {p.name: p.role for p in cast.people}
    assert roles["Amara Okonjo"] == "moderator"
    assert roles["Tomas Lindqvist"] != "moderator" and roles["Leila Haddad"] != "moderator"


_INVITES_WITHOUT_SAYING_SO = """\
>> AMARA OKONJO: Good morning, welcome. Over to you, Tomas Lindqvist.
>> TOMAS LINDQVIST: Thank you. I work at the Nordic Data Institute.
>> AMARA OKONJO: Thank you. Over to you, Leila Haddad.
>> LEILA HADDAD: Thanks. I am with the Coastal Research Centre.
>> AMARA OKONJO: Thank you. Over to you, Tomas, once more.
>> TOMAS LINDQVIST: One more point.
>> AMARA OKONJO: Thank you. Over to you, Leila, to close.
>> LEILA HADDAD: A last word from me.
>> AMARA OKONJO: Over to you, the floor, for questions.
"""


def test_one_who_invites_three_times_and_more_chairs_the_session() -> None:
    cast = resolve_session(parse_transcript(_INVITES_WITHOUT_SAYING_SO, source="t.txt"))
    assert {p.name: p.role for p in cast.people}["Amara Okonjo"] == "moderator"


def test_a_speaker_who_says_twice_they_are_independent_keeps_only_introduced_bodies() -> None:
    text = (
        ">> AMARA OKONJO: I am the moderator. Over to you, Jonas Weber.\n"
        ">> JONAS WEBER: I am an independent researcher. I speak only for myself, in my personal capacity. "
        "Our coalition, the Dynamic Coalition on Internet Rights and Principles, says much.\n"
        ">> AMARA OKONJO: Thank you, Jonas.\n"
    )
    cast = resolve_session(parse_transcript(text, source="t.txt"))
    jonas = next(p for p in cast.people if p.name == "Jonas Weber")
    assert jonas.affiliation is None


@pytest.mark.parametrize(
    "text", [*TEXTS, "The DC on Youth, the Dynamic Coalition on Gender, the coalitions and the DCs; Dc."]
)
def test_the_places_a_reading_starts_at_are_the_words_the_loop_found(text: str) -> None:
    m = _matcher_for(load_registry())
    toks = tokenize(text)
    norms = [t.norm for t in toks]
    assert _places(norms, m.lengths) == [i for i, norm in enumerate(norms) if norm in m.lengths]
    assert _places(norms, m.anchors) == [i for i, norm in enumerate(norms) if norm in m.anchors]
    cues_at = [
        i
        for i, t in enumerate(toks)
        if t.norm in ("dynamic", "coalition", "coalitions") or t.raw in ("DC", "DCs", "Dc")
    ]
    assert cue_places(toks) == cues_at
