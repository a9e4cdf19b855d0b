"""Who a filled report form speaks for when its fields were read as speaker labels: the form's one organiser, and
the officers its chair and speaker fields name speak for the organiser in other sessions; an affiliation the people
analysis read from a list of languages ("in French, English and Wolof") is no body."""

from __future__ import annotations

from forumlens.models import Session, Turn
from forumlens.resolve.registry import load_registry
from forumlens.threads import place_items
from forumlens.threads.actors import labelled_body, stated_actor
from forumlens.threads.formfields import field_turn, form_officers, form_organiser

from .threads_support import items_of

FORM = """IGF 2016 Report

- Session Type (Workshop, Open Forum, etc.): Dynamic Coalition session

- Title: Lighthouse Keepers Online: radio and data on the coast

- Date & Time: Tuesday, 8 November, 2016 - 10:10 to 11:10

- Organizer(s): Dynamic Coalition on Lighthouse Keepers Online

- Chair/Moderator: Tomasz Wielgorski, coordinator

- List of speakers and their institutional affiliations: Tomasz Wielgorski (Gdansk, coordinator since 2012); Ines Faria (Porto, adviser)

- Key Policy Questions and Expectations:
Who must publish an outage, and when?

- Summary of Issues Discussed:
Harbour authorities should publish the lighthouse outages online, the day they happen.
By IGF 2017 the coalition will publish a list of every lighthouse with a working radio.
"""


def test_the_organiser_field_names_one_body():
    assert form_organiser(FORM) == "Dynamic Coalition on Lighthouse Keepers Online"
    joint = FORM.replace("Lighthouse Keepers Online\n", "Lighthouse Keepers Online; Dynamic Coalition on Ports\n")
    assert form_organiser(joint) is None  # a joint form speaks for none of them alone
    assert form_organiser("Dear colleagues, thank you for coming.") is None


def test_officers_are_the_people_a_field_names_with_an_officers_title():
    assert form_officers(FORM) == ["Tomasz Wielgorski"]  # the adviser is no officer
    assert form_officers(FORM.replace("- Organizer(s)", "- Venue")) == []  # no organiser, nobody to speak for


def test_a_field_turn_opens_a_bulleted_line_and_a_caption_label_does_not():
    text = "- Summary of Issues Discussed:\nThe coalition met.\n\n>> ANA RUIZ: Thank you."
    field = Turn(index=0, line=1, label="Summary of Issues Discussed", speaker="Summary", kind="speech", text="")
    caption = Turn(index=1, line=4, label="ANA RUIZ", speaker="Ana Ruiz", kind="speech", text="")
    session = Session(title="", sha256="", source="", turns=(field, caption), text=text)
    assert field_turn(session, field)
    assert not field_turn(session, caption)


LATER = """IGF 2019 - Dynamic coalitions session

>> MODERATOR: Good morning. Tomasz, please.

>> TOMASZ WIELGORSKI: Thank you. Our request stands: every outage of a lighthouse must be published online, the same day.

>> MODERATOR: Thank you. We close here.
"""


def test_the_forms_items_and_its_coordinators_later_asks_are_the_organisers():
    form = items_of(FORM, "igf2016-dc-session-report-form.txt")
    # the parser reads this form's fields as labels: "Summary of Issues Discussed" is the promise's speaker
    assert {i.speaker for i in form.items if i.signal == "promise"} == {"Summary Of Issues Discussed"}
    later = items_of(LATER, "igf2019-dc-session.txt")
    placed = place_items([(2016, (2016,), form), (2019, (2019,), later)])
    ours = [i for i in placed if i.signal in ("promise", "need")]
    assert {(i.year, i.signal) for i in ours} == {(2016, "promise"), (2019, "need")}
    assert {(i.coalition, i.org) for i in ours} == {(None, "Dynamic Coalition on Lighthouse Keepers Online")}


def test_an_affiliation_read_from_a_list_of_languages_is_no_body():
    person = {
        "affiliation": "English and Wolof",
        "evidence": [{"line": 9, "quote": "Not yet; the guide is in French, English and Wolof, and we want more."}],
    }
    assert stated_actor(person) == (None, None)
    body = {"affiliation": "Smith and Partners", "evidence": [{"line": 3, "quote": "I work for Smith and Partners."}]}
    assert stated_actor(body) == (None, "Smith and Partners")


def test_a_name_that_opens_an_introduction_under_a_body_label_is_no_affiliation():
    person = {"affiliation": "Kwame Asante", "evidence": [{"line": 4, "quote": "Kwame Asante, lighthouse keepers."}]}
    assert stated_actor(person) == (None, None)
    body = {"affiliation": "Harbour Union", "evidence": [{"line": 4, "quote": "Harbour Union, we ask for radios."}]}
    assert stated_actor(body) == (None, "Harbour Union")  # a body's word: a body that opens its own sentence


def test_a_label_that_is_wholly_a_registry_body_names_it():
    registry = load_registry()
    assert labelled_body("UNESCO", registry) == "UNESCO"
    assert labelled_body("UNESCO REPRESENTATIVE", registry) is None  # a role of somebody at the body
    assert labelled_body("IGF", registry) is None  # the forum itself is nobody in particular
    assert labelled_body(None, registry) is None
