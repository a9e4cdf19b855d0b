"""A promise announced by a lead-in that ends in a colon ("Our promise: by 2022 we will publish …") is the promise
that follows it; a lead-in with no verb after it ("Our promise for 2021: an online map …") is the cue itself."""

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
