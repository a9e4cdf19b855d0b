"""Who's-who rules of round 16 (issue 22), second part: affiliations cut short or replaced by the
kind of body, and a voice the chair unmutes on the meeting platform.

Inputs are invented (people, bodies and sentences written for this file) in the shapes round
15's sets showed: a bare organisation noun ("we are a small NGO") said beside the body's name,
a French body name whose words after its head are all in lower case up to the comma, a seat in a
body ("I sit in the …"), and the chair's "a raised hand on the WebEx, …, you are unmuted". Each
rule is also checked where it must not apply.
"""

from __future__ import annotations

from forumlens.resolve import modes, resolve_session
from forumlens.resolve.cast import Person
from forumlens.resolve.orgnames import proper_run
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM\nLYON, 3 DECEMBER 2019\nWORKSHOP: RIVERS AND CABLES\n\n"


def _people(text: str) -> dict[str | None, Person]:
    """The cast of a session by name."""
    cast = resolve_session(parse_transcript(HEADER + text, source="t.txt"))
    return {person.name: person for person in cast.people}


def _run(text: str) -> str | None:
    found = proper_run(text, 0, len(text))
    return text[: found[0]] if found else None


def test_a_bare_organisation_noun_beside_the_name_is_not_the_affiliation() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  The floor, please.\n\n"
        ">> PARTICIPANT:  Thank you.  Tamsin Okonjo-Weller, I lead the Harbourside Fishers' Guild, we are a "
        "small NGO of boat owners.  Who pays for the cable on the river bed?\n"
    )
    assert people["Tamsin Okonjo-Weller"].affiliation == "Harbourside Fishers' Guild"


def test_a_romance_name_in_lower_case_is_read_to_its_closing_comma() -> None:
    assert _run("Régie lyonnaise des réseaux fluviaux, the RLRF") == "Régie lyonnaise des réseaux fluviaux"
    assert _run("Parlement des jeunes de Valence, we meet monthly") == "Parlement des jeunes de Valence"
    # without a Romance connector, a lower-case word spelt as English could be either: not the name's
    assert _run("Institut national, which I lead") == "Institut"
    assert _run("Fondation for the people.") == "Fondation"
    # a letter English lacks marks the word as the name's own language (resolve/orgwords.foreign_word)
    assert _run("Institut numérique, which I lead") == "Institut numérique"


def test_a_seat_in_a_body_names_it_but_a_seat_in_the_room_does_not() -> None:
    people = _people(
        ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun and I moderate today.  Bruno, please.\n\n"
        ">> BRUNO FAVRE-LACOMBE:  Thank you.  Bruno Favre-Lacombe.  I sit in the Conseil des rivières de "
        "Savoie, and we count the cables.\n\n"
        ">> MODERATOR:  Thank you.  And now Inès.\n\n"
        ">> INÈS DURAND-POLETTI:  Thank you.  Inès Durand-Poletti.  I sit in the second row and I have no "
        "organisation, I ask for myself.\n"
    )
    assert people["Bruno Favre-Lacombe"].affiliation == "Conseil des rivières de Savoie"
    assert people["Inès Durand-Poletti"].affiliation is None


def test_a_raised_hand_on_the_platform_and_an_unmuted_voice_are_online() -> None:
    assert modes.about_other("I see a raised hand on the WebEx, Ngozi, please, you are unmuted.")[0] >= 1
    assert modes.about_other("Ngozi, you can unmute now.")[0] == 1
    assert modes.floor_cues("Somebody else?  You are unmuted, go ahead.") == (1, 0)
    # a hand raised in the room says nothing of a platform
    assert modes.about_other("I see a raised hand at the back, Ngozi, please.") == (0, 0)
