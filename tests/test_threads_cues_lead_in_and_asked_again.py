"""A promise announced by a lead-in that ends in a colon ("Our promise: by 2022 we will publish …") is the promise
that follows it, and a body named as having asked for something again and again ("The coalition on older people has
asked several times for a main session") is an institution taking the ask up, not an ask of its own."""

from __future__ import annotations

from forumlens.threads.cues import find_cue


def test_the_promise_after_a_lead_in_is_the_cue():
    sentence = "Our promise: by 2022 we will publish a library of warning messages in forty languages."
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise"
    assert cue.text.lower().startswith("we will publish")


def test_a_lead_in_with_no_promise_after_it_is_the_cue():
    sentence = "And our promise for 2021: an online map of community networks."
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise"
    assert cue.text == "our promise for 2021:"


def test_a_body_named_as_having_asked_again_and_again_is_a_response():
    cue = find_cue("The coalition on rural libraries has asked several times for a main session.")
    assert cue is not None and cue.signal == "response"


def test_our_coalition_asking_again_is_no_response():
    cue = find_cue("Our coalition has asked several times for a main session.")
    assert cue is not None and cue.signal == "need"
    once = find_cue("The coalition has asked for a main session.")
    assert once is not None and once.signal != "response"
