"""Stop 32 rules of `forumlens.threads`: an e-mail reply is its sender's, an office promises in its own name, a kept
promise told of a named body, a transcriber's note is no answer, and a dropped promise is taken up only by name."""

from __future__ import annotations

from forumlens.models import Session
from forumlens.threads import link_items
from forumlens.threads.actors import document_actor
from forumlens.threads.cues import find_cue
from forumlens.threads.deliverables import _retro_update
from forumlens.threads.linknames import promised_by

from .test_threads_link import item
from .threads_support import items_of

_REPLY = """[Forwarded to the list by the chair, 4 May 2019.]

---------- Forwarded message ---------
From: UNESCO Communication and Information Sector <[address removed]>
Date: Fri, 3 May 2019 at 10:02
Subject: RE: Dynamic Coalition on Internet Rights and Principles -- your letter
To: Maria Lindqvist <[address removed]>

Dear Ms Lindqvist,

Thank you for your letter. When the consultations on the new strategy open, this Office will invite your coalition to contribute.

Kind regards,

-----Original Message-----
From: Maria Lindqvist
Sent: Monday, 1 April 2019 08:00
Subject: Dynamic Coalition on Internet Rights and Principles -- your letter

Dear colleagues, we ask to be heard by the expert group.
"""

_META = {"document": {"coalitions": [{"name": "Internet Rights and Principles Coalition", "confidence": 0.9}]}}


def _session(text: str) -> Session:
    return Session(title="reply", sha256="0" * 64, source="reply.txt", turns=(), text=text)


def test_a_reply_is_by_the_body_its_top_from_header_names_not_the_coalition_of_its_subject() -> None:
    assert document_actor(_session(_REPLY), _META) == (None, "UNESCO")


def test_a_letter_from_a_person_or_a_digest_of_several_messages_keeps_the_documents_coalition() -> None:
    person = _REPLY.replace(
        "From: UNESCO Communication and Information Sector <[address removed]>", "From: Ana Pereira <[address removed]>"
    )
    assert document_actor(_session(person), _META) == ("Internet Rights and Principles Coalition", None)
    digest = (
        "Digest, Vol 3\n\nMessage: 1\nFrom: UNESCO\nSubject: Dates\n\nThe meeting moves.\n\n"
        "Message: 2\nFrom: Ana Pereira\nSubject: Re: Dates\n\nWe will publish a guide.\n"
    )
    assert document_actor(_session(digest), _META) == ("Internet Rights and Principles Coalition", None)


def test_an_office_promises_in_its_own_name_to_invite_a_coalition() -> None:
    cue = find_cue(
        "When the consultations on the new strategy open, this Office will invite your coalition to contribute."
    )
    assert cue is not None and cue.signal == "promise"
    # inviting someone to an event is no promise of an output
    assert find_cue("Next year we will invite you to the opening dinner.") is None


def test_the_reply_items_are_the_senders() -> None:
    found = items_of(_REPLY, "unesco-reply-2019.txt").items
    promise = [i for i in found if i.signal == "promise"]
    assert [(i.org, i.coalition) for i in promise] == [("UNESCO", None)]


def test_a_named_body_that_did_what_it_promised_is_the_promiser_and_the_deed_a_delivery() -> None:
    said = "We thank the Office of the Envoy on Technology, which invited us to this consultation as it promised."
    assert promised_by(said) == frozenset({"office", "of", "envoy", "on", "technology"})
    cue = _retro_update(said)
    assert cue is not None and cue.signal == "delivery"
    # news of a promise without the deed told: an update, and no body named as the promiser
    news = "The toolkit that we promised in Kyoto is half written."
    assert promised_by(news) == frozenset()
    update = _retro_update(news)
    assert update is not None and update.signal == "update"


def test_a_promise_told_dropped_is_not_taken_up_by_another_noun_of_its_family() -> None:
    promise = item(2010, "promise", "We will write a curriculum for teaching grandparents, free for any library.")
    dropped = item(2017, "slip", "The curriculum for grandparents we promised was never finished.")
    other = item(2024, "promise", "We will train five hundred volunteer helpers in public libraries.")
    for i, head in ((promise, "curriculum"), (dropped, "curriculum"), (other, "train")):
        object.__setattr__(i, "family", "course")
        object.__setattr__(i, "head", head)
    linked = link_items([promise, dropped, other])
    assert sorted((t.status, len(t.items)) for t in linked.threads) == [("pending", 1), ("unfulfilled", 2)]
    # taken up again by its name: the same thread
    again = item(2024, "promise", "We will finish the curriculum for grandparents next year.")
    object.__setattr__(again, "family", "course")
    object.__setattr__(again, "head", "curriculum")
    linked = link_items([promise, dropped, again])
    assert [len(t.items) for t in linked.threads] == [3]


def test_a_bracketed_transcriber_note_after_a_cut_off_reply_is_no_answer() -> None:
    text = (
        ">> MODERATOR: One more question.\n\n"
        ">> PARTICIPANT: Will the handbook be translated into Tagalog for our local governments?\n\n"
        ">> JOSE REYES: Thank you, that is exactly --\n\n"
        "[CAPTIONING CONCLUDED AT THE SCHEDULED END OF THE SESSION]\n"
    )
    found = items_of(text, "igf2013-open-forum.txt").items
    assert [i.signal for i in found if i.signal in ("question", "answer")] == ["question"]
