"""Labels the session says as offices: named from the MC's read-out or the speaker's own words."""

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.people import group_labels
from forumlens.resolve.saidoffices import acronym_of, office_key, said_office_labels
from forumlens.transcript.parse import parse_transcript

PROTOCOL = """>> MASTER OF CEREMONIES:  Good morning.  My name is Wanjiru Mbeki-Odhola, and I am your MC today.  Allow me to recognise the dignitaries.  The Chief Registrar, Office of Rural Lands, Mr. Joseph Kamau Lemaiyan.  I now invite the Chief Registrar.

>> CHIEF REGISTRAR:  Thank you to the Master of Ceremonies.  I will be brief, the land offices are connected now.

>> MASTER OF CEREMONIES:  Thank you, Chief Registrar.  The Okoro Foundation sends greetings.

>> OKORO:  Thank you.  As the MC said, greetings from the foundation.

>> MC:  Thank you all, the session is closed.
"""


def _session():
    return parse_transcript(PROTOCOL, source="protocol.txt")


def test_a_label_said_after_the_is_an_office_but_a_name_before_a_capitalised_word_is_not():
    session = _session()
    offices = said_office_labels(group_labels(session), session.turns)
    assert {"CHIEF REGISTRAR", "MASTER OF CEREMONIES", "MC"} <= offices
    assert "OKORO" not in offices  # "the Okoro Foundation": an organisation's word


def test_office_keys_and_initials():
    assert office_key("THE CHIEF REGISTRAR") == "chief-registrar"
    assert acronym_of("MC", "MASTER OF CEREMONIES")
    assert not acronym_of("MC", "MODERATOR")
    assert not acronym_of("Mc", "MASTER OF CEREMONIES")


def test_the_office_label_takes_the_name_the_protocol_list_gives_it_and_the_mc_is_one_person():
    cast = resolve_session(_session())
    by_label = {label: p for p in cast.people for label in p.labels}
    assert by_label["CHIEF REGISTRAR"].name == "Joseph Kamau Lemaiyan"
    assert by_label["MASTER OF CEREMONIES"].name == "Wanjiru Mbeki-Odhola"
    assert by_label["MC"] is by_label["MASTER OF CEREMONIES"]
