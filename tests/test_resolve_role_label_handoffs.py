"""Role-word labels several people share, display names and accounts (issue 22, round 10's shapes).

Small sessions written for these tests: panelists all labelled ">>PANELIST:" and told apart only
by the hand-off before each turn, a chair named only by the moderator's thanks, and the display
names a meeting tool shows (an initial, a device, an organisation's account).
"""

from __future__ import annotations

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.orgs import Gazetteer, self_orgs
from forumlens.resolve.selfnames import is_generic_label
from forumlens.transcript.parse import parse_transcript


def _cast(*turns: str):
    return resolve_session(parse_transcript("\n\n".join(turns) + "\n", source="t.txt"))


PANEL = (
    ">>CHAIR: Welcome.  I only open the session.  Our moderator is Ms. Ingrid Holmsen, who writes on "
    "science for the Bergen Morning Post.  Ingrid, please.",
    ">>MODERATOR: Thank you very much, Professor Tomasz Wierzbicki-Laska.  Two panelists today.  We "
    "start with Nalani Kealoha-Pua, who runs a seed library in Hilo.  Nalani, five minutes.",
    ">>PANELIST: Thank you.  Seeds are data too, and our farmers keep them on paper.",
    ">>MODERATOR: Thank you, Nalani.  Our next panelist is Oyelaran Adebisi-Cole.  Oyelaran, please.",
    ">>PANELIST: Thank you.  In Ibadan we scan the paper registers of the cooperatives.",
    ">>MODERATOR: Thank you, Oyelaran.  A question for Nalani: who owns the scans?",
    ">>PANELIST: The farmers do, always.",
    ">>CHAIR: Thank you all.",
)


def test_a_shared_panelist_label_is_split_by_the_hand_offs_before_each_turn():
    cast = _cast(*PANEL)
    lines = {p.name: p.lines for p in cast.people}
    assert lines["Nalani Kealoha-Pua"] == (5, 13)
    assert lines["Oyelaran Adebisi-Cole"] == (9,)
    assert all(p.role == "guest" for p in cast.people if p.name in ("Nalani Kealoha-Pua", "Oyelaran Adebisi-Cole"))


def test_a_name_only_thanked_for_the_turn_before_is_not_the_next_speaker():
    cast = _cast(
        ">>MODERATOR: We start with Nalani Kealoha-Pua.  Nalani, please.",
        ">>PANELIST: Seeds are data too.",
        ">>MODERATOR: Thank you, Nalani.  Next is Oyelaran Adebisi-Cole, and Oyelaran will be short.",
        ">>PANELIST: Scans are cheap.",
        ">>MODERATOR: Thank you, Oyelaran.  Nalani, a last word?",
        ">>PANELIST: Keep the paper.",
        ">>MODERATOR: Thank you, Nalani.  And now the room.",
        ">>PANELIST: Sorry, one more thing.",
    )
    lines = {p.name: p.lines for p in cast.people}
    assert lines["Nalani Kealoha-Pua"] == (3, 11)
    assert lines["Oyelaran Adebisi-Cole"] == (7,)
    # "Thank you, Nalani" after Nalani's own turn hands the floor to nobody: the turn stays unnamed
    assert any(p.name is None and p.lines == (15,) for p in cast.people)


def test_a_chair_named_only_in_the_moderators_titled_thanks_takes_that_name():
    cast = _cast(*PANEL)
    chair = next(p for p in cast.people if "CHAIR" in p.labels)
    assert chair.name == "Tomasz Wierzbicki-Laska"
    assert chair.lines == (1, 15)


def test_a_moderator_introduced_as_writing_for_a_paper_is_affiliated_with_it():
    moderator = next(p for p in _cast(*PANEL).people if "MODERATOR" in p.labels)
    assert moderator.name == "Ingrid Holmsen"
    assert moderator.affiliation == "Bergen Morning Post"


def test_a_founder_cue_with_another_person_as_subject_is_not_the_speakers_own():
    text = "Our next panelist is Jo.  He is the founder of Kianda Labs, in Luanda."
    a = text.index("He")
    assert self_orgs(text, a, len(text), [], _gazetteer()) == []
    own = "I am the founder of Kianda Labs, in Luanda."
    assert [o.name for o in self_orgs(own, 0, len(own), [], _gazetteer())] == ["Kianda Labs"]


def _gazetteer() -> Gazetteer:
    return Gazetteer(frozenset({"luanda"}))


def test_display_names_an_initial_a_device_and_an_account_take_the_names_said():
    cast = _cast(
        ">> Mirela (Host): Good evening, this webinar is fully online.  My name is Mirela Dragan-Pop.  "
        "Our speakers: Tavita from Moana Futures and Kofi from the Accra Makers Hub.  Tavita, please.",
        ">> Moana Futures: Hello, this is Tavita Leota-Fuimaono speaking, I am on our office account.  "
        "We train reef wardens.",
        ">> Kofi A.: Thank you, Mirela.  I'm Kofi Asamoah-Boateng, I run the Accra Makers Hub.",
        ">> iPad de Lucía: Hola, sorry, it is my tablet.  I am Lucía Ferreyra Quispe, a student in Cusco.",
        ">> Mirela: Thank you all.",
    )
    by_line = {line: p.name for p in cast.people for line in p.lines}
    assert by_line[3] == "Tavita Leota-Fuimaono"
    assert by_line[5] == "Kofi Asamoah-Boateng"
    assert by_line[7] == "Lucía Ferreyra Quispe"
    assert is_generic_label("iPad de Lucía") and not is_generic_label("Kofi A.")


def test_a_name_label_that_says_another_name_is_not_taken_for_an_account():
    # nothing in the session speaks of "Hana Sato" as a body: the label is a person, kept as is
    cast = _cast(
        ">> MODERATOR: Welcome.  Hana, please.",
        ">> HANA SATO: Thank you.  My name is Rin Takeda, I speak for a colleague today.",
    )
    assert any(p.name == "Hana Sato" for p in cast.people)


def test_a_named_voice_the_chair_points_at_in_the_room_is_on_site():
    cast = _cast(
        ">> LENA VOSS:  welcome everyone I am Lena Voss and I moderate, our speaker is Omar Haddad",
        ">> OMAR HADDAD:  Thank you, Lena.  Small ports need shared fibre.",
        ">> LENA VOSS:  thank you Omar I'm coming with the microphone yes the lady here in the front",
        ">> PRIYA NAIR-MENON:  Thanks.  Priya Nair-Menon, I write for a port newsletter.  Who pays?",
        ">> LENA VOSS:  and is there anybody online",
        ">> OMAR HADDAD:  To answer Priya: the ports pay.",
    )
    modes = {p.name: p.mode for p in cast.people}
    assert modes["Priya Nair-Menon"] == "onsite"
    # "anybody online" before a panelist's answer is a question to the chat, not where he is
    assert modes["Omar Haddad"] is None
