"""A promise announced by a lead-in that ends in a colon ("Our promise: by 2022 we will publish …") is the promise
that follows it, and a body named as having asked for something again and again ("The coalition on older people has
asked several times for a main session") is an institution taking the ask up, not an ask of its own. The promise
after a lead-in may be said by the speaker's own body by name ("One thing we will do: the ITU will publish …"), and
an output now on a web site named by its owner ("is now on the ITU web site") is delivered."""

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


def test_a_lead_in_followed_by_the_speakers_own_body_by_name_gives_way_to_that_promise():
    sentence = "One thing we will do: the Telecom Office will release on its portal a register of alert agencies."
    own = [(sentence.index("the Telecom Office"), sentence.index(" will release"))]
    cue = find_cue(sentence, own=own)
    assert cue is not None and cue.signal == "promise" and cue.text == "will release"
    # said by someone else (no own body, no coalition named), the lead-in stays the cue
    other = find_cue(sentence)
    assert other is not None and other.text == "we will do"


def test_an_output_now_on_a_named_bodys_web_site_is_delivered():
    cue = find_cue("That register is now on the WMO web site, and we use it every week.")
    assert cue is not None and cue.signal == "delivery"
    assert find_cue("The register has been on the WMO web site since May.") is not None
    # where a thing is, not news that it was delivered; a common noun there names no site's owner
    assert find_cue("The form is on the WMO web site.") is None
    assert find_cue("The register is now on the agenda page.") is None
