"""Work on a promise told as the count done so far, whatever the verb (issue 20): "we trained one hundred and twenty
of the two hundred", "two hundred clerks trained so far", "we have trained sixty nurses, not two hundred". These
are updates of the promise that named the whole; a count of time waited, or a count that no verb or "so far" makes
the work done, is none. Invented sentences."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue


@pytest.mark.parametrize(
    "sentence",
    [
        "On the four hundred librarians, we have trained one hundred and ten so far, the others next spring.",
        "Our ferry pilots course: ninety pilots certified so far, in Tonga and Fiji.",
        "We mapped thirty of the seventy harbours, and the rest waits for the boat.",
        "We have equipped twelve rural clinics, not fifty, because the grant was cut.",
        "The archive holds recordings from six of our eleven islands so far.",
    ],
)
def test_the_count_done_of_a_promised_whole_is_an_update(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "update"


@pytest.mark.parametrize(
    "sentence",
    [
        "We have waited three years so far for an answer from the ministry.",
        "Two of the three coalitions agreed with the statement.",
        "The region has forty million people, not fifty.",
        "So far so good, thank you, Chair.",
    ],
)
def test_a_count_that_is_no_work_done_is_no_update(sentence):
    cue = find_cue(sentence)
    assert cue is None or cue.signal != "update"
