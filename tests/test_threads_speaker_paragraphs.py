"""Whom an item is by when a caption labels every paragraph, labels a speaker only by a role, or names one forum of
an umbrella the registry knows only as a family: the same body in every paragraph and every year."""

from __future__ import annotations

from forumlens.threads import link_items
from forumlens.threads.link import actor_of

from .threads_support import items_of

INTERPRETED = """IGF 2031 – Open forum of the intersessional groups

>> NOOR HASSAN:  Thank you all.  Now the Policy Network on Internet Fragmentation, in Spanish with interpretation.

>> INTERPRETER:  Thank you, Noor.  My name is Tomás Ibarra, I am co-facilitator of the Policy Network on Internet Fragmentation.

>> INTERPRETER:  Our request this year.  We ask the Secretariat to translate our framework into the six languages of the United Nations.

>> INTERPRETER:  And our next output.  We will publish a tracker of national shutdown laws before the next IGF.
"""

ROLE_LABEL = """IGF 2032 – Virtual stocktaking

>> MODERATOR:  Now the fragmentation network.  I think Tomás is with us.

>> SPEAKER:  Yes, hello.  Tomás Ibarra, Policy Network on Internet Fragmentation, from Lima.

>> SPEAKER:  The shutdown tracker that we announced last year is online since March, with forty countries.
"""


def test_a_role_labelled_speaker_speaks_for_the_body_he_introduces_in_every_paragraph():
    items = items_of(INTERPRETED, "pnif-2031.txt").items
    assert {(i.signal, actor_of(i)) for i in items} >= {
        ("need", "org:Policy Network on Internet Fragmentation"),
        ("promise", "org:Policy Network on Internet Fragmentation"),
    }
    assert not any(actor_of(i).startswith("session:") for i in items)


def test_the_promise_and_its_delivery_by_a_role_labelled_speaker_meet_across_years():
    first = [i.placed(2031, (2031,)) for i in items_of(INTERPRETED, "pnif-2031.txt").items]
    later = [i.placed(2032, (2032,)) for i in items_of(ROLE_LABEL, "pnif-2032.txt").items]
    assert [(i.signal, actor_of(i)) for i in later if i.signal == "delivery"] == [
        ("delivery", "org:Policy Network on Internet Fragmentation")
    ]
    linked = link_items([*first, *later], model=False)
    tracker = [t for t in linked.threads if t.kind == "commitment"]
    # the delivery names its promise ("that we announced last year"): an update put on record just before it
    assert [([i.signal for i in t.items], t.status) for t in tracker] == [
        (["promise", "update", "delivery"], "fulfilled")
    ]


LATE_INTRO = """IGF 2031 – Open forum

>> LENA BERG:  Now the local content forum.  Mere is online.

>> MERE TAMIHANA:  Kia ora koutou.  Can you hear me?  Good.  Mere Tamihana, I co-facilitate the Best Practice Forum on Local Content.  We ask the broadcasters to put their archives online.

>> LENA BERG:  Thank you.  Now the cybersecurity forum.

>> JONAS EK:  Jonas Ek, Best Practice Forum on Cybersecurity.  We ask every government to adopt a policy of coordinated vulnerability disclosure.
"""


def test_an_introduction_after_greetings_and_one_forum_of_an_umbrella_each_its_own_actor():
    items = items_of(LATE_INTRO, "bpfs-2031.txt").items
    actors = {actor_of(i) for i in items if i.signal == "need"}
    # the registry knows only "Best Practice Forums": each forum named by its topic is an actor of its own
    assert actors == {"org:Best Practice Forum on Local Content", "org:Best Practice Forum on Cybersecurity"}


def test_an_introduction_frame_late_in_the_turn_does_not_name_the_speakers_body():
    text = """IGF 2031 – Open forum

>> LENA BERG:  And the Ministry.  Peter.

>> PETER OWINO:  Thank you, Lena.  Peter Owino, I am a director in the Ministry of Information of Kenya.  We publish the draft bills online now.  I am happy to say that the Kenya IGF sent us its comments.  Every county should publish its budget online.
"""
    items = items_of(text, "ministry-2031.txt").items
    # "I am happy to say that the Kenya IGF …" (the fourth sentence) is no introduction: he does not speak for it
    assert [(i.signal, actor_of(i)) for i in items] == [("need", "org:Ministry of Information")]


def test_the_forum_will_is_a_promise_of_the_speakers_forum():
    text = """IGF 2031 – Open forum

>> LENA BERG:  Now the local content forum.

>> MERE TAMIHANA:  Mere Tamihana, Best Practice Forum on Local Content.  Next year the forum will publish a collection of case studies on news in indigenous languages.
"""
    items = items_of(text, "bpf-promise-2031.txt").items
    assert [(i.signal, actor_of(i)) for i in items] == [("promise", "org:Best Practice Forum on Local Content")]
