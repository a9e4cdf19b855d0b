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


def _offices(transcript: str) -> set[str]:
    session = parse_transcript(transcript, source="offices.txt")
    return said_office_labels(group_labels(session), session.turns)


def test_an_office_said_before_an_apostrophe_counts_but_one_joined_by_a_hyphen_or_digit_does_not():
    transcript = """>> MODERATOR:  Welcome.  First the Chief Warden's remarks, then the Archivist General-elect.

>> CHIEF WARDEN:  Thank you.  Greetings to all.

>> ARCHIVIST GENERAL:  Thank you.  I will report later.

>> CHIEF KEEPER:  Thank you.  As the Chief Keeper2 list says, we are many.
"""
    offices = _offices(transcript)
    assert "CHIEF WARDEN" in offices  # "the Chief Warden's remarks"
    assert "ARCHIVIST GENERAL" not in offices  # only "the Archivist General-elect" is said
    assert "CHIEF KEEPER" not in offices  # only "the Chief Keeper2 list" is said


def test_an_upper_case_label_meets_its_wording_as_a_case_blind_pattern_would():
    transcript = """>> MODERATOR:  Welcome.  I give the floor to the Sarıyer delegate, then the Straße envoy.

>> SARIYER DELEGATE:  Thank you.  Greetings from the city.

>> STRASSE ENVOY:  Thank you.  Greetings too.
"""
    offices = _offices(transcript)
    assert "SARIYER DELEGATE" in offices  # the dotless ı is an I to a case-blind pattern
    assert "STRASSE ENVOY" not in offices  # but one ß is never the two letters "SS"


def test_a_the_inside_a_wording_starts_a_wording_of_its_own():
    transcript = """>> MODERATOR:  Welcome.  Now the office of the Chief Warden, please.

>> CHIEF WARDEN:  Thank you.
"""
    assert "CHIEF WARDEN" in _offices(transcript)  # "the office of the Chief" holds "the Chief Warden"
