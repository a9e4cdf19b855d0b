"""Whom a speaker speaks for when only the caption label says it ("Ana Ruiz (DC Open Maps)"), a label cut at its
line's end ("… , DC ON OPEN"), and an earlier promise named by whoever made it ("the atlas that Ana promised in
Lima", "As the Secretariat promised", "our atlas, announced in Lima, was printed").
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.actors import body_aliases, labelled_actor
from forumlens.threads.cues import find_cue, retro_promise
from forumlens.threads.labelbody import label_body
from forumlens.threads.link import meeting_year, promised_by

from .regex_support import compiled_patterns
from .threads_support import items_of


@pytest.mark.parametrize(
    ("label", "actor"),
    [
        ("Ana Ruiz (DC Open Maps)", (None, "Dynamic Coalition on Open Maps")),
        ("ANA RUIZ, DC ON OPEN MAPS", (None, "Dynamic Coalition on Open Maps")),
        ("Ana Ruiz (DC Gender and Internet Governance)", ("DC on Gender and Internet Governance", None)),
        # a registered coalition's former name cut at the line's end is still that coalition
        ("ANA RUIZ, DC ON CHILD ONLINE", ("DC on Children's Rights in the Digital Environment", None)),
        ("Ana Ruiz (UNICEF)", (None, "UNICEF")),
        ("Ana Ruiz (Chair)", (None, None)),  # a role
        ("ANA RUIZ, MODERATOR", (None, None)),
        ("ANA RUIZ, IGF", (None, None)),  # the IGF itself: nobody in particular
        ("Ana Ruiz (Lima)", (None, None)),  # a place: the people analysis reads those
        ("Ana Ruiz", (None, None)),
    ],
)
def test_a_label_names_the_body_after_the_speakers_name(label, actor):
    assert labelled_actor(label, "Ana Ruiz") == actor


def test_a_role_label_without_a_speaker_names_no_body():
    assert labelled_actor("Participant (UNICEF)", None) == (None, None)


def test_a_label_cut_short_is_the_one_longer_name_of_its_kind():
    names = ["Dynamic Coalition on Open", "Dynamic Coalition on Open Maps", "Dynamic Coalition on Rivers"]
    assert body_aliases(names) == {"Dynamic Coalition on Open": "Dynamic Coalition on Open Maps"}
    # two longer names begin the same: no telling which
    assert body_aliases([*names, "Dynamic Coalition on Open Data"]) == {}


FIRST = """IGF 2041 – Workshop on maps

>> Rosa Pinto (Chair): Good morning. Ana, please.

>> Ana Ruiz (DC Open Maps): Thank you, Rosa. Ana Ruiz, from Lima. Before the next IGF our coalition will publish an atlas of the rivers of the Andes.

>> Rosa Pinto (Chair): Thank you. We close here.
"""

LATER = """IGF 2042 – Coordination session

>> TOMAS VEGA: Good morning. Ana, please.

>> ANA RUIZ: Thank you. Every city should publish its flood maps as open data.
"""


def test_the_label_body_beats_the_town_she_said_and_holds_in_her_other_sessions():
    first = items_of(FIRST, "igf2041-workshop-maps.txt")
    ana = [i for i in first.items if i.speaker == "Ana Ruiz"]
    assert ana and {(i.coalition, i.org) for i in ana} == {(None, "Dynamic Coalition on Open Maps")}
    assert first.bodies == {"Ana Ruiz": "Dynamic Coalition on Open Maps"}
    later = items_of(LATER, "igf2042-coordination.txt")
    placed = place_items([(2041, (2041,), first), (2042, (2042,), later)])
    assert {i.org for i in placed if "flood" in i.quote} == {"Dynamic Coalition on Open Maps"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The atlas that Ana promised in Lima is online now.",
        "As the Secretariat promised in Lima, every room here is connected.",
        "Our atlas, announced in Lima, was printed in May.",
        "The review of the research that Faisal announced last year is with the reviewers.",
    ],
)
def test_an_earlier_promise_named_by_whoever_made_it(sentence):
    assert retro_promise(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    ["We ask that Ana announce the date.", "The rivers of the Andes are long.", "Ana, announce it in Lima."],
)
def test_no_earlier_promise_named(sentence):
    assert retro_promise(sentence) is None


def test_a_guide_printed_is_delivered():
    found = items_of(
        """IGF 2043 – Workshop on maps

>> Rosa Pinto (Chair): Good morning. Ana, please.

>> Ana Ruiz (DC Open Maps): Thank you. Ana Ruiz. Our guide for map makers, announced in Lima, was printed in May.
""",
        "igf2043-workshop-maps.txt",
    )
    assert {i.signal for i in found.items if "printed" in i.quote} >= {"delivery"}


@pytest.mark.parametrize(
    ("sentence", "signal", "cue"),
    [
        # a lead-in announces the promise that follows: the promise is the one after the colon
        ("What we will do: we will publish an atlas of the rivers of the Andes.", "promise", "we will publish"),
        (
            "Our regional forum will help each of the four cities to host its own river festival.",
            "promise",
            "Our regional forum will help each of the four cities to host",
        ),
        # done in part, said as a count: news of the promise, not its delivery
        ("Now three of our four cities have held their own river festival.", "update", "cities have held their"),
        ("We held our first river festival in Cusco in May.", "delivery", "We held our"),
    ],
)
def test_promises_after_a_lead_in_and_progress_told_as_a_count(sentence, signal, cue):
    found = find_cue(sentence)
    assert found is not None and (found.signal, found.text) == (signal, cue)


def test_the_maker_said_as_the_owner_of_the_deliverable_promised():
    quote = "- UNEP's atlas of the rivers of the Andes, promised at the Lima open forum, was published in June."
    assert promised_by(quote) == {"unep"}
    assert promised_by("Ana's atlas of the rivers is printed.") == frozenset()  # no promise named


def test_a_meeting_named_by_the_first_word_of_its_place():
    assert meeting_year("The coalition asked us in Sharm about the cable.", 2011) == 2009
    assert find_cue("The coalition asked us in Sharm about the cable.").signal == "response"
    assert find_cue("The coalition asked us about the cable.") is None  # no meeting named: no response


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ministry also commits itself: by the end of 2042 every district in Peru will have a flood station.",
        "I can tell you that in Vilnius every workshop room will have a river map.",
        "By December every national forum will have its own page on the website.",
    ],
)
def test_what_others_will_have_by_a_date_is_a_promise(sentence):
    found = find_cue(sentence)
    assert found is not None and (found.signal, found.text) == ("promise", "will have")


@pytest.mark.parametrize(
    "sentence",
    [
        "We hope that by 2042 every school will have a connection.",  # a wish
        "In 2042 everybody will have a phone.",  # a forecast
        "Every school will have a connection.",  # no date: not told as a deadline
    ],
)
def test_a_wish_or_a_forecast_is_no_promise(sentence):
    assert find_cue(sentence, signals=frozenset({"promise"})) is None


YEAR_A = """>> ANA RUIZ: Welcome. Joseph, please.

>> JOSEPH OKELLO: Joseph Okello, UNEP, the chemicals team in Nairobi.  UNEP will run a repair course for phone technicians in the Pacific next year.

>> ANA RUIZ: Thank you.  Lani.

>> LANI TUPOU: Lani Tupou, dynamic coalition on island networks.  We will run a course on cable repair for island technicians next year.
"""

YEAR_B = """>> EVA HOLM: Welcome back.  Lani, please.

>> LANI TUPOU: Lani Tupou, dynamic coalition on island networks.  As UNEP promised last year, the repair course was held in Suva in March, with thirty technicians.
"""


def test_a_follow_up_naming_another_promiser_is_about_that_promise_not_the_tellers_own():
    placed = place_items(
        [(2031, (2031, 0), items_of(YEAR_A, "igf2031-a.txt")), (2032, (2032, 1), items_of(YEAR_B, "igf2032-b.txt"))]
    )
    threads = [t for t in link_items(placed).threads if t.kind == "commitment"]
    unep = next(t for t in threads if any("UNEP will run" in i.quote for i in t.items))
    own = next(t for t in threads if any("cable repair" in i.quote for i in t.items))
    assert unep.status == "fulfilled" and any("Suva" in i.quote for i in unep.items)
    assert own.status == "pending" and len(own.items) == 1


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        (
            "On the maps, which the river coalition raised two years in a row: from this year we publish them.",
            "response",
        ),
        ("The point which the youth raised in Lima is now on the agenda.", "response"),
        ("The point which the youth raised in the room is a good one.", None),  # no earlier meeting: no response
    ],
)
def test_what_a_group_raised_before_taken_up_is_a_response(sentence, signal):
    found = find_cue(sentence, signals=frozenset({"response"}))
    assert (found.signal if found else None) == signal


def _label_body_by_one_pattern(label: str, text: str) -> str | None:
    """`labelbody.label_body` as it was: one case-insensitive pattern of the label's topic after any head, over the
    whole text."""
    import re

    from forumlens.threads.labelbody import _HEAD, _family

    words = label.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if len(w) > 3):
        return None
    topic = r"\s+".join(re.escape(w) for w in words)
    tail = r"(?![\w'’-]|\s+(?:and|of|for|in|&)\s+(?-i:[A-Z]))"
    found = {" ".join(m.group(0).split()) for m in re.finditer(rf"\b{_HEAD}{topic}{tail}", text, re.I)}
    heads = {re.sub(rf"\s+(?:the\s+)?{topic}$", "", name, flags=re.I).casefold() for name in found}
    if not found or len({_family(h) for h in heads}) != 1:
        return None
    return min(found, key=lambda name: text.find(name) if name in text else len(text))


_BODIES = (
    "Joint statement of the Dynamic Coalition on the Open River Data, the DC for  Pastoral Radio, the Best Practice "
    "Forum on Cyber Hygiene and the Coalition on Ríos Limpios. Policy Network on Open River Data notes. "
    "The Working Group for the Ana Ruiz fund and the DC on İnternet Kıyı."
)


@pytest.mark.parametrize(
    "label",
    [
        "Open River Data",  # the topic of a coalition and of a policy network: neither
        "Pastoral Radio",
        "PASTORAL RADIO",
        "Cyber Hygiene",
        "the Open River Data",
        "Ríos Limpios",
        "RÍOS LIMPIOS",
        "Ana Ruiz",  # a head's topic that is a person's name, after "the"
        "İnternet Kıyı",
        "INTERNET KIYI",
        "Kemal Ayhan",  # a person no head is followed by
        "Open River",  # cut short: the words after it run on
    ],
)
def test_the_label_body_is_the_one_pattern_reading(label):
    assert label_body(label, _BODIES) == _label_body_by_one_pattern(label, _BODIES)


def test_the_label_body_found_after_heads_of_each_kind():
    assert label_body("Pastoral Radio", _BODIES) == "DC for Pastoral Radio"
    assert label_body("CYBER HYGIENE", _BODIES) == "Best Practice Forum on Cyber Hygiene"
    assert label_body("RÍOS LIMPIOS", _BODIES) == "Coalition on Ríos Limpios"
    assert label_body("Ana Ruiz", _BODIES) == "Working Group for the Ana Ruiz"
    assert label_body("Open River Data", _BODIES) is None  # two kinds of body share the topic


def test_a_label_no_head_is_followed_by_compiles_no_pattern(monkeypatch):
    """Issue 19: a pattern a label was compiled for every label, and scanned the whole text (≈ 20 ms of a session's
    first pass); a person's label that no head of the text is followed by now costs one look at each head."""
    compiled = compiled_patterns(monkeypatch)
    text = (
        "Statement of the DC for Pastoral Radio and the Coalition on the Zebra Crossings, read by Zebulon Quartermaine."
    )
    assert label_body("Zebulon Quartermaine", text) is None
    assert label_body("Zebulon Quartermaine", "No body is named here, Zebulon Quartermaine.") is None
    assert [p for p in compiled if "Zebulon" in p] == []
    assert label_body("Zebra Crossings", text) == "Coalition on the Zebra Crossings"  # a real topic: its pattern
    assert any("Crossings" in p for p in compiled)
    # a place after a head outside ASCII: `re`'s case rules, not `str.lower`, decide whether the label is said there
    other = "The DC on İnternet Kıyı met Zebulon Quartermaine."
    assert label_body("Zebulon Quartermaine", other) is None
    assert any("Zebulon" in p for p in compiled)
