"""Cues said in other words than the usual ones: an earlier ask told by an institution before saying it is done
(however long the asker's name), a study, a recording or an access promised ("we will survey …", "we will record …",
"we will make … searchable"),
access delivered ("… are now searchable"), a problem that persists ("… is still too expensive"), an ask taken up
"as X asked us", a question read out in indirect speech to a named panellist, and an opening that is no
introduction ("I am happy to say …")."""

from __future__ import annotations

import pytest

from forumlens.threads.cues import find_cue, is_intro
from forumlens.threads.items import _INDIRECT


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year in Kyoto the policy network on artificial intelligence asked for a main session on AI.",
        "Three years ago the dynamic coalition on community connectivity requested a fund for spare radios.",
        "Last year the youth coalition asked for a seat in the programme committee.",
        # the meeting named first, then the asker, in the answering body's turn
        "In Lisbon the schools coalition asked for a room with a hearing loop.",
        "At Nairobi, the youth caucus requested that sessions end on time.",
    ],
)
def test_an_earlier_ask_told_by_someone_else_is_a_response(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "response"


def test_an_ask_of_ones_own_stays_a_need():
    cue = find_cue("Last year we met in Kyoto, and again we ask for a main session on AI.")
    assert cue is not None and cue.signal == "need"
    cue = find_cue("In Lisbon we asked for a room with a hearing loop, and we ask for it again.")
    assert cue is not None and cue.signal == "need"


@pytest.mark.parametrize(
    "sentence",
    [
        "And we start something new: we will survey women in rural areas in ten countries about what keeps them offline.",
        "So next year we will make all the session videos of the forum since 2010 searchable on the website.",
        "We will study how small operators pay for spectrum, with a report at the next IGF.",
        # recordings are made too ("will record … hours of speech and release them")
        "Our network will record two hundred hours of spoken Wolof and release them as open data by 2030.",
    ],
)
def test_a_study_or_access_is_promised(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise"


def test_access_given_is_a_delivery():
    cue = find_cue("Second, the session videos of all the forums since 2010 are now searchable on our website.")
    assert cue is not None and cue.signal == "delivery"


def test_an_ask_taken_up_as_the_group_asked_us_is_a_response_to_a_request():
    cue = find_cue("Since June all the public forms are in Swahili, as the Kenya IGF asked us.")
    assert cue is not None and (cue.signal, cue.about) == ("response", "request")


@pytest.mark.parametrize(
    "sentence",
    [
        "He asks Mr Okafor if the forms also work on a mobile phone.",
        "From Chloé in Montreal: she asks Tanvir how many people followed the forum from the hubs.",
    ],
)
def test_a_question_read_out_to_a_named_panellist_is_a_relayed_question(sentence):
    assert _INDIRECT.search(sentence)


def test_i_am_happy_to_say_is_no_introduction():
    assert not is_intro("I am happy to say that the forms are ready, as the youth coalition asked us.")
    assert is_intro("I am Farhana Akter from the Bangladesh IGF.")
    assert is_intro("I am one of the coordinators of the forum.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We still don't know how many girls use the Internet in most provinces, because nobody counts them.",
        "Spectrum is still too expensive for the small operators because of the auction rules.",
        "In the islands one month of broadband still costs more than a week of wages.",
        "Without open data for the cities of the region, the planning of transport stays in the capital.",
    ],
)
def test_a_problem_that_persists_is_a_need(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "need"


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("But our summer school ran online in June with sixty students from twelve provinces.", "delivery"),
        ("We will consider a day for the youth initiatives in the programme of next year.", "promise"),
        ("In Riyadh a participant from Peru asked if the toolkit of the coalition would be translated.", "response"),
    ],
)
def test_a_delivery_a_promise_to_weigh_an_ask_and_a_question_recalled(sentence, signal):
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == signal


def test_running_out_is_no_delivery():
    cue = find_cue("We ran out of money for the summer school.")
    assert cue is None or cue.signal != "delivery"


@pytest.mark.parametrize(
    "sentence",
    [
        "How many women are online in the villages of the Terai?",
        "We asked the ministry how many women are online in the region.",
        "how many schools are now live on the network",
        "Is the accessibility toolkit out yet?",
    ],
)
def test_a_question_about_a_figure_or_a_state_is_no_delivery(sentence):
    cue = find_cue(sentence)
    assert cue is None or cue.signal != "delivery"


def test_the_same_words_told_as_a_statement_are_a_delivery():
    cue = find_cue("The accessibility toolkit is now online in four languages.")
    assert cue is not None and cue.signal == "delivery"
