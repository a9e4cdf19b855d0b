"""Titled surname, initials and office labels of early IGF captions → the people they name (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.resolve.cast import Cast, resolve_session
from forumlens.resolve.initials import label_initials
from forumlens.resolve.scoring import load_gold, score_people, score_person_turns
from forumlens.resolve.titles import parse_title
from forumlens.transcript.parse import parse_transcript

FIXTURE = Path(__file__).parent / "resources" / "intel_titled"
HEAD = "IGF 2008 Hyderabad\n4 December 2008\nMain session on openness\n\n"


def _cast(body: str) -> Cast:
    return resolve_session(parse_transcript(HEAD + body, source="titled-test.txt"))


def _by_label(cast: Cast, label: str) -> str | None:
    return next(p.name for p in cast.people if label in p.labels)


@pytest.mark.parametrize(
    ("label", "name", "office", "gender"),
    [
        ("MS. OKORO", "OKORO", None, "f"),
        ("MR. CHAIRMAN", None, "chair", "m"),
        ("THE CHAIR", None, "chair", None),
        ("AMBASSADOR KARKLINS", "KARKLINS", "ambassador", None),
        ("UNDER-SECRETARY-GENERAL SHA", "SHA", "under-secretary-general", None),
        ("VICE CHAIR SMITH", "SMITH", "vice-chair", None),
        ("H.E. MINISTER KAMAU", "KAMAU", "minister", None),
        ("REMOTE MODERATOR", None, "remote-moderator", None),
        ("DIRECTOR SMITH", "DIRECTOR SMITH", None, None),  # a qualifier alone is no title
        ("HE JUN", "HE JUN", None, None),  # "He" is a surname; only "H.E." is a title
    ],
)
def test_parse_title(label: str, name: str | None, office: str | None, gender: str | None) -> None:
    parsed = parse_title(label)
    assert (parsed.name, parsed.office, parsed.gender) == (name, office, gender)


def test_titled_surname_takes_the_handoff_name_and_its_affiliation() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: Good morning. I give the floor to Ms. Amina Okoro of the Ministry of "
        "Communication Technology of Nigeria.\n\n"
        ">>MS. OKORO: Thank you, Chairman. Access is about cost.\n\n"
        ">>THE CHAIR: Thank you, Ms. Okoro.\n"
    )
    okoro = next(p for p in cast.people if "MS. OKORO" in p.labels)
    assert okoro.name == "Amina Okoro"
    assert okoro.role == "guest"
    assert okoro.affiliation == "Ministry of Communication Technology"  # in Nigeria
    assert all("Ms" not in (p.name or "") for p in cast.people)  # the title stays out of the name


def test_two_full_names_with_the_surname_join_nobody() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: We have Mr. Carlos Silva and Mr. Pedro Silva on the panel. Mr. Silva, please.\n\n"
        ">>MR. SILVA: Thank you. I speak about spectrum.\n"
    )
    assert _by_label(cast, "MR. SILVA") == "Silva"


def test_gender_of_the_title_vetoes_and_chooses_only_between_titled_names() -> None:
    vetoed = _cast(
        ">>CHAIRMAN DESAI: Next is Mr. Chidi Okoro from the university.\n\n>>MS. OKORO: Thank you, Chairman.\n"
    )
    assert _by_label(vetoed, "MS. OKORO") == "Okoro"
    # Ms. Ana Silva and Mr. Pedro Silva: each name was said with its title, so "MS. SILVA" is Ana
    two = _cast(
        ">>CHAIRMAN DESAI: With us are Ms. Ana Silva and Mr. Pedro Silva. Ms. Silva, please.\n\n"
        ">>MS. SILVA: Thank you.\n"
    )
    assert _by_label(two, "MS. SILVA") == "Ana Silva"
    # Pedro said without a title might be either: no choice
    untitled = _cast(
        ">>CHAIRMAN DESAI: With us are Ms. Ana Silva and Pedro Silva. Ms. Silva, please.\n\n>>MS. SILVA: Thank you.\n"
    )
    assert _by_label(untitled, "MS. SILVA") == "Silva"


def test_two_titles_of_one_surname_are_two_people() -> None:
    """ "MS. OKORO" and "MR. OKORO" are two people, though the parser gives both the speaker "Okoro"."""
    cast = _cast(
        ">>CHAIRMAN DESAI: Ms. Amaka Okoro, of the Nigerian Communications Commission, and Mr. Chidi Okoro, "
        "of the Lagos Chamber of Commerce. Ms. Okoro, please.\n\n"
        ">>MS. OKORO: Thank you, Chairman.\n\n>>CHAIRMAN DESAI: Mr. Okoro.\n\n>>MR. OKORO: Thank you.\n\n"
        ">>MS. OKORO: May I respond?\n"
    )
    people = {p.name: (p.labels, p.affiliation, len(p.lines)) for p in cast.people}
    assert people["Amaka Okoro"] == (("MS. OKORO",), "Nigerian Communications Commission", 2)
    assert people["Chidi Okoro"] == (("MR. OKORO",), "Lagos Chamber of Commerce", 1)


def test_untitled_surname_label_takes_the_one_full_name_said() -> None:
    cast = _cast(">>CHAIRMAN DESAI: I give the floor to Amina Okoro.\n\n>>OKORO: Thank you, Chairman.\n")
    assert _by_label(cast, "OKORO") == "Amina Okoro"
    # two full names end with it: left alone
    two = _cast(
        ">>CHAIRMAN DESAI: I give the floor to Amina Okoro, then to Chidi Okoro.\n\n>>OKORO: Thank you, Chairman.\n"
    )
    assert _by_label(two, "OKORO") == "Okoro"


def test_a_titled_family_name_of_several_words_takes_the_handoff_name() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: Next to me is Ms. Liezel dela Cruz-Bautista, and online His Excellency "
        "Tavita Sapolu-Lemalu.\n\n"
        ">>MS. DELA CRUZ BAUTISTA: Thank you, Chairman. Alerts must reach the islands.\n\n"
        ">>H.E. SAPOLU-LEMALU: Thank you. The same in Samoa.\n"
    )
    assert _by_label(cast, "MS. DELA CRUZ BAUTISTA") == "Liezel dela Cruz-Bautista"
    assert _by_label(cast, "H.E. SAPOLU-LEMALU") == "Tavita Sapolu-Lemalu"


def test_a_titled_label_keeps_the_first_of_two_family_names_and_survives_a_slip() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: Mr. Mateo Irigoyen Salas will speak in Spanish. Señor Irigoyen.\n\n"
        ">>MR. IRIGOYEN: Thank you, Chairman. The format is the trust.\n\n"
        ">>CHAIRMAN DESAI: A question from the floor for Mr. Irigoyen.\n\n"
        ">>MR. IRIGOYENN: A person decides, always.\n"
    )
    mateo = [p for p in cast.people if p.name == "Mateo Irigoyen Salas"]
    assert len(mateo) == 1 and set(mateo[0].labels) == {"MR. IRIGOYEN", "MR. IRIGOYENN"}
    assert all((p.name or "").split()[:1] != ["Señor"] for p in cast.people)  # a form of address, no name


def test_self_introduction_names_a_titled_floor_label() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: The floor is open. The gentleman on the left.\n\n"
        ">>MR. NDIAYE: Thank you. My name is Ousmane Ndiaye, from the Dakar Youth Internet Club.\n"
    )
    ndiaye = next(p for p in cast.people if "MR. NDIAYE" in p.labels)
    assert (ndiaye.name, ndiaye.affiliation) == ("Ousmane Ndiaye", "Dakar Youth Internet Club")


def test_office_label_joins_the_one_labelled_holder_only() -> None:
    one = _cast(">>CHAIRMAN DESAI: Good morning.\n\n>>DR. PEPPER: Thank you.\n\n>>THE CHAIR: Thank you, Dr. Pepper.\n")
    chair = next(p for p in one.people if "THE CHAIR" in p.labels)
    assert chair.name == "Desai" and "CHAIRMAN DESAI" in chair.labels and chair.role == "moderator"
    two = _cast(">>CHAIRMAN DESAI: Good morning.\n\n>>CHAIRMAN KARKLINS: Good morning.\n\n>>THE CHAIR: Thank you.\n")
    assert _by_label(two, "THE CHAIR") is None


def test_office_label_named_by_the_session() -> None:
    cast = _cast(
        ">>MODERATOR: Welcome. Our remote moderator, Mr. Samuel Kiprono, follows the hubs.\n\n"
        ">>REMOTE MODERATOR: We have a question from the Kampala hub.\n"
    )
    assert _by_label(cast, "REMOTE MODERATOR") == "Samuel Kiprono"
    said = _cast(
        ">>MODERATOR: Welcome. Our online moderator is Halima Warsame, she follows the chat.\n\n"
        ">>ONLINE MODERATOR: We have two hands online.\n"
    )
    assert _by_label(said, "ONLINE MODERATOR") == "Halima Warsame"
    # a moderator's description is not a name
    described = _cast(
        ">>MODERATOR: Welcome. Our online moderator is Somebody From The Secretariat today.\n\n"
        ">>ONLINE MODERATOR: We have two hands online.\n"
    )
    assert _by_label(described, "ONLINE MODERATOR") is None


@pytest.mark.parametrize("gold_file", sorted(FIXTURE.glob("*.people.json")), ids=lambda p: p.name)
def test_fixture_people_and_turns(gold_file: Path) -> None:
    """Every person of the titled fixture found under the full name, in the right role, and
    every turn credited to the right person."""
    gold = load_gold(gold_file)
    source = gold["source"].split(" ")[0]
    session = parse_transcript((gold_file.parent / source).read_text("utf-8"), source=source)
    cast = resolve_session(session)
    score = score_people(cast, gold)
    assert score.extra == 0
    assert score.role == score.people
    assert score.affiliation >= score.people - 1
    assert score_person_turns(session, cast, gold["turns"]).f1 == 1.0


def test_office_label_takes_the_name_the_chair_calls_before_its_turns() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: Good morning. My colleague who follows the online room is Marta "
        "Sousa Prado, she is connected from Recife. Marta, somebody online?\n\n"
        ">>ONLINE MODERATOR: Yes, Chairman, we have a hand up.\n\n"
        ">>CHAIRMAN DESAI: Thank you. We have a hub? Marta?\n\n"
        ">>ONLINE MODERATOR: Yes, the hub in Bishkek is connected.\n"
    )
    assert _by_label(cast, "ONLINE MODERATOR") == "Marta Sousa Prado"
    # a name the session never says in full stays as it is called
    short = _cast(
        ">>CHAIRMAN DESAI: Good morning. Wojtek from the research network helps with the remote "
        "participation. Wojtek, is she connected?\n\n"
        ">>REMOTE MODERATOR: Yes, Chairman, she is connected.\n"
    )
    assert _by_label(short, "REMOTE MODERATOR") == "Wojtek"
    # two different names called: nobody
    two = _cast(
        ">>CHAIRMAN DESAI: Good morning. Wojtek, is she connected?\n\n"
        ">>REMOTE MODERATOR: Yes, Chairman.\n\n"
        ">>CHAIRMAN DESAI: Thank you. Olena, anything online?\n\n"
        ">>REMOTE MODERATOR: No, Chairman.\n"
    )
    assert _by_label(two, "REMOTE MODERATOR") is None
    # no name called before, but the chair answers the holder by name after
    answered = _cast(
        ">>CHAIRMAN DESAI: Next to me, reading the chat for us, is my colleague Jonas Lindqvist.\n\n"
        ">>MS. OKORO: Thank you, Chairman. Access is about cost.\n\n"
        ">>REMOTE MODERATOR: Chairman, can I come in? A hub wants to speak.\n\n"
        ">>CHAIRMAN DESAI: Of course, Jonas. The hub, please.\n"
    )
    assert _by_label(answered, "REMOTE MODERATOR") == "Jonas Lindqvist"
    # a side of the room called is no name
    side = _cast(">>CHAIRMAN DESAI: Thank you. Online?\n\n>>ONLINE MODERATOR: Nothing in the chat, Chairman.\n")
    assert _by_label(side, "ONLINE MODERATOR") is None


def test_her_before_a_title_is_no_title_of_the_name() -> None:
    cast = _cast(
        ">>CHAIRMAN DESAI: On my right is Ms. Anna Kowal, and next to her Mr. Omar Sabri-Nour, from "
        "the chamber of commerce.\n\n"
        ">>MR. SABRI-NOUR: Thank you, Chairman. Registries must answer in days.\n"
    )
    assert _by_label(cast, "MR. SABRI-NOUR") == "Omar Sabri-Nour"


def test_each_turn_is_keyed_once_however_many_titled_labels_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    """`full_names_ending` runs once per titled label over every turn: the words of a turn are
    keyed the first time only (keying them per label was labels × text on a long session)."""
    from forumlens.resolve import titled

    session = parse_transcript(
        HEAD + ">>CHAIRMAN DESAI: I give the floor to Ms. Amina Okoro, then to Mr. Kwame Mensah, "
        "then to Ms. Ilse Vos.\n\n>>MS. OKORO: Thank you, Chairman.\n",
        source="titled-test.txt",
    )
    titled.turn_words.cache_clear()
    titled._text_key.cache_clear()
    keyed: list[str] = []
    real = titled.name_key

    def counting(text: str) -> str:
        keyed.append(text)
        return real(text)

    monkeypatch.setattr(titled, "name_key", counting)
    assert titled.full_names_ending("OKORO", session.turns) == [("Amina Okoro", "f")]
    first = len(keyed)
    assert titled.full_names_ending("MENSAH", session.turns) == [("Kwame Mensah", "m")]
    assert titled.full_names_ending("VOS", session.turns) == [("Ilse Vos", "f")]
    assert len(keyed) == first + 2  # only the two surnames asked


# Initials labels ("DR. M.R.", "H.E. S.B.") → the one person whose name they abbreviate (resolve.initials)


@pytest.mark.parametrize(
    ("label", "initials"),
    [
        ("DR. M.R.", ("m", "r")),
        ("H.E. S.B.", ("s", "b")),
        ("MS. R. Q.", ("r", "q")),
        ("J.-P. M.", ("j-p", "m")),
        ("A.B.C.", ("a", "b", "c")),
        ("MR. NG", None),  # a two-letter surname, no periods
        ("VK", None),
        ("DR. OKORO", None),
        ("MS. A. OKORO", None),  # an initial and a surname: a name, not initials
    ],
)
def test_label_initials(label: str, initials: tuple[str, ...] | None) -> None:
    assert label_initials(label) == initials


def test_initials_join_the_name_the_speaker_and_the_chair_give() -> None:
    cast = _cast(
        ">> DR. M.R.:  Good morning.  My name is Dr. Meenakshi Raghunathan, I teach law at the "
        "Deccan Institute of Technology Law.  First, His Excellency Dr. Saleh Barakzai, Deputy "
        "Minister at the Ministry of Posts and Telecommunications of Oman.  Your Excellency, please.\n\n"
        ">> H.E. S.B.:  Thank you, Madam Chair.  In Oman the cafe is often the only place to read mail.\n\n"
        ">> DR. RAGHUNATHAN:  Thank you, Excellency.  Next, Mr. Otieno Wekesa-Barasa.\n\n"
        ">> MR. O.W.:  Thank you, Madam.  Our association has 140 members.\n\n"
        ">> H.E. DR. BARAKZAI:  One more word on the register.\n"
    )
    assert _by_label(cast, "DR. M.R") == "Meenakshi Raghunathan"
    assert _by_label(cast, "DR. RAGHUNATHAN") == "Meenakshi Raghunathan"
    assert _by_label(cast, "H.E. S.B") == _by_label(cast, "H.E. DR. BARAKZAI") == "Saleh Barakzai"
    assert _by_label(cast, "MR. O.W") == "Otieno Wekesa-Barasa"  # a hyphenated surname counts once
    minister = next(p for p in cast.people if p.name == "Saleh Barakzai")
    assert minister.affiliation == "Ministry of Posts and Telecommunications"  # the chair's hand-off reaches him
    assert len(cast.people) == 3


def test_two_names_with_the_initials_join_nobody() -> None:
    cast = _cast(
        ">> CHAIR:  We welcome Ms. Anna Berg of the library and Mr. Arne Bakke of the ministry.\n\n"
        ">> MR. A.B.:  Thank you, Chair.  Libraries matter.\n"
    )
    assert _by_label(cast, "MR. A.B") not in ("Anna Berg", "Arne Bakke")


def test_a_title_of_the_other_gender_vetoes_the_join() -> None:
    cast = _cast(
        ">> CHAIR:  Our next speaker is Mr. Rashid Qureshi of the regulator.\n\n"
        ">> MS. R.Q.:  Thank you.  I speak for the providers.\n"
    )
    assert _by_label(cast, "MS. R.Q") != "Rashid Qureshi"


def test_a_misheard_first_sound_of_a_titled_surname_joins_the_speaker() -> None:
    cast = _cast(
        ">> CHAIR:  Now Ms. Shirin Qaderi of Karakoram Fibre.\n\n"
        ">> MS. QADERI:  Thank you.  The burden moved to the provider.\n\n"
        ">> CHAIR:  Thank you.\n\n"
        ">> MS. KADERI:  I am still here.\n"
    )
    assert _by_label(cast, "MS. KADERI") == "Shirin Qaderi"
