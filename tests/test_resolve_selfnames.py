"""Naming a generic-labelled voice from the name its speaker says (`resolve.selfnames`)."""

from __future__ import annotations

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.people import LabelGroup
from forumlens.resolve.selfnames import (
    complete_names,
    is_generic_label,
    is_one_holder_label,
    name_generic_voices,
    own_names,
    said_names,
    split_shared_voices,
)
from forumlens.transcript.parse import parse_transcript


def test_said_names_reads_a_full_name_opening_a_sentence_or_after_my_name_is():
    assert said_names("Thank you.  Wanjiru Kamau, I am a teacher in Nyeri.") == ["Wanjiru Kamau"]
    assert said_names("Hi.  Tomás de la Fuente.  For ten years I was at the port.") == ["Tomás de la Fuente"]
    assert said_names("Thank you, Chair.  Ms. Lina Haddad, I write for a weekly.") == ["Lina Haddad"]
    assert said_names("Yes, this is Ömer Kaplan, I help with the chat today.") == ["Ömer Kaplan"]
    assert said_names("Let me introduce myself first: Adaeze Obi, and today I'm here for the MAG.") == ["Adaeze Obi"]
    assert said_names("Good morning.  I agree.  Sorry, I did not say, my name is Sven Holm.") == ["Sven Holm"]


def test_said_names_reads_a_balinese_name_opening_with_i_but_not_a_possessive():
    # "I" opens a Balinese man's name as "Ni" a woman's: one letter, only before a full name
    assert said_names("Thank you.  I am I Ketut Suardana, I teach in Singaraja.") == ["I Ketut Suardana"]
    assert said_names("Good morning, my name is I Wayan Darmika.") == ["I Wayan Darmika"]
    # a name in the possessive places the speaker by somebody else ("her nephew"): not theirs
    assert said_names("Hello.  I am Pak Suardana's daughter, I help with the shop.") == []
    # the pronoun before a clause is no name's first letter
    assert said_names("I am I think the only teacher here.") == []


def test_said_names_leaves_out_addresses_places_bodies_and_reported_words():
    assert said_names("Thank you, Madam Chair.  South Africa, we have the same problem.") == []
    assert said_names("Thank you.  Civil Society Coalition, we wrote a letter.") == []
    assert said_names("Thank you.  Ms. Rana Aziz, from Amman, writes in the chat that she agrees.") == []
    assert said_names("I will not give my name, I am a trader.") == []
    assert said_names("Thank you.  Perhaps Mrs. Lund can answer.") == []
    # a bare name opening a sentence counts only in a voice's first turn (`opening=False` later)
    assert said_names("Yes.  Rana Aziz, from Amman, I think.", opening=False) == []


def test_a_floor_voice_and_a_duty_label_take_the_one_name_they_say():
    turns = _turns(
        ">> MODERATOR:  Welcome.  Let me introduce myself: Ilse Berg, and I chair this session.",
        ">> PARTICIPANT:  Thank you.  Kwame Asante, I work for a radio in Kumasi.",
        ">> PARTICIPANT:  Hello.  I will not say who I am.",
    )
    groups = [LabelGroup(None, ["MODERATOR"], [0]), LabelGroup(None, ["PARTICIPANT"], [1])]
    groups.append(LabelGroup(None, ["PARTICIPANT"], [2]))
    named = name_generic_voices(groups, turns, is_generic_label)
    assert [g.name for g in named] == ["Ilse Berg", "Kwame Asante", None]
    assert named[0].labels == ["MODERATOR"]  # still found as the moderator by its label


def test_a_voice_naming_another_person_of_the_cast_is_not_renamed():
    turns = _turns(">> PARTICIPANT:  Thank you.  Kwame Asante, I have a question for you.")
    groups = [LabelGroup("Kwame Asante", ["KWAME ASANTE"], []), LabelGroup(None, ["PARTICIPANT"], [0])]
    assert name_generic_voices(groups, turns, is_generic_label)[1].name is None


def test_a_name_given_after_announcing_an_introduction_counts_anywhere_in_the_turn():
    long_opening = "We have a full room and a long agenda, so I will be brief about the rules.  " * 6
    assert said_names(long_opening + "And I should present myself, sorry: Ada Lindqvist, I teach law.") == [
        "Ada Lindqvist"
    ]
    assert said_names(long_opening + "I should say who I am, the chair should.  Ivo Ranta, I study players.") == [
        "Ivo Ranta"
    ]
    assert said_names("Buenas tardes.  Ah, perdón, me presento: soy Lucía Ferreyra, I coordinate the network.") == [
        "Lucía Ferreyra"
    ]


def test_a_floor_voice_joins_the_speaker_the_captioner_names_later():
    turns = _turns(
        ">> FLOOR:  Hello.  Tobias Wyss, I come from Basel.  I teach older people e-banking.",
        ">> MODERATOR:  Mr. Wyss, your hand is up again?",
        ">> TOBIAS WYSS:  Just one number: the third lesson is the key.",
    )
    groups = [
        LabelGroup(None, ["FLOOR"], [0]),
        LabelGroup(None, ["MODERATOR"], [1]),
        LabelGroup("Tobias Wyss", ["TOBIAS WYSS"], [2]),
    ]
    named = name_generic_voices(groups, turns, is_generic_label)
    assert [(g.name, g.turns) for g in named] == [("Tobias Wyss", [0, 2]), (None, [1])]


def test_a_duty_label_takes_the_name_its_holder_gives():
    turns = _turns(">> CHAIR:  Good morning.  My name is Noura Al-Harbi, I chair this panel.")
    named = name_generic_voices([LabelGroup(None, ["CHAIR"], [0])], turns, is_one_holder_label)
    assert named[0].name == "Noura Al-Harbi" and named[0].labels == ["CHAIR"]
    assert is_one_holder_label("Moderadora") and not is_one_holder_label("PARTICIPANT")


def test_a_label_three_panelists_share_is_split_by_their_names():
    turns = _turns(
        ">> MODERATOR:  Welcome.  Here with me on the panel is our first speaker.  Please.",
        ">> SPEAKER:  Thank you.  I'm sorry, I didn't say my name.  Selam Haile, I lead a start-up.",
        ">> MODERATOR:  Thank you, Selam.  Our next speaker is Ms. Njeri Kamau, of a newspaper.",
        ">> SPEAKER:  Thank you.  We correct the machine translation by hand.",
        ">> MODERATOR:  Is our online speaker ready?",
        ">> SPEAKER:  Hello.  My name is Dawit Gemechu, I'm joining from Adama.",
        ">> PARTICIPANT:  My question is for Mr. Gemechu: who owns the data?",
        ">> SPEAKER:  The speakers of the language.",
        ">> MODERATOR:  One word each.  Selam?",
        ">> SPEAKER:  Data.",
        ">> SPEAKER:  Correction.",
    )
    groups = [
        LabelGroup(None, ["MODERATOR"], [0, 2, 4, 8]),
        LabelGroup(None, ["SPEAKER"], [1, 3, 5, 7, 9, 10]),
        LabelGroup(None, ["PARTICIPANT"], [6]),
    ]
    split = {g.name: g.turns for g in split_shared_voices(groups, turns, is_generic_label) if "SPEAKER" in g.labels}
    # the last turn follows another SPEAKER turn with nobody calling a name: left under the label
    assert split == {"Selam Haile": [1, 9], "Njeri Kamau": [3], "Dawit Gemechu": [5, 7], None: [10]}


def test_a_name_label_is_not_a_generic_one():
    assert is_generic_label("PARTICIPANT") and is_generic_label("Remote Moderator") and is_generic_label("AUDIENCE")
    assert not is_generic_label("MS. ECHEVERRI") and not is_generic_label("Guest Speaker Name")


def test_a_surname_label_takes_the_full_name_its_speaker_says():
    turns = _turns(">> HON. DIALLO:  Thank you, Chair.  I am Mariama Diallo, member of the National Assembly.")
    groups = complete_names([LabelGroup("Diallo", ["HON. DIALLO"], [0])], turns)
    assert groups[0].name == "Mariama Diallo"


def test_resolve_names_floor_voices_and_keeps_the_refusing_one_apart():
    text = (
        ">> MODERATOR:  Welcome to the workshop.  I am Ilse Berg and I moderate here in the room.  "
        "Our speaker is Dr. Nuno Reis.\n\n"
        ">> NUNO REIS:  Thank you, Ilse.  Ports need fibre.\n\n"
        ">> MODERATOR:  Questions.  The gentleman in the front row.\n\n"
        ">> PARTICIPANT:  Thank you.  Kwame Asante, I am the editor of Sunrise FM, a radio in Kumasi.  "
        "Who pays for the fibre?\n\n"
        ">> NUNO REIS:  The state, mostly.\n\n"
        ">> PARTICIPANT:  I will not give my name, I am a trader.  The state is slow.\n"
    )
    cast = resolve_session(parse_transcript(text, source="t.txt"))
    by_name = {p.name: p for p in cast.people}
    assert by_name["Kwame Asante"].role == "participant"
    assert by_name["Kwame Asante"].lines == (7,)
    unnamed = [p for p in cast.people if p.name is None]
    assert [p.lines for p in unnamed] == [(11,)]  # the trader is another voice, not Kwame going on


def _turns(*texts: str) -> list:
    session = parse_transcript("\n\n".join(texts) + "\n", source="t.txt")
    return list(session.turns)


def test_said_names_reads_a_single_name_only_after_my_name_is():
    """Issue 22 (a new user's walk): "My name is Leila" names the voice; "I am Brazilian" does not."""
    assert said_names("Hello.  My name is Leila and I work with a youth network in Tunis.") == ["Leila"]
    assert said_names("Hi, my name is Dr. Okonkwo, I teach law.") == ["Okonkwo"]
    assert said_names("Hello.  My name is Leila de Souza, from Recife.") == ["Leila de Souza"]
    assert said_names("Hello.  I am Brazilian and I work on access.") == []
    assert said_names("Hello.  My name is Kenya, no, sorry, I am from Kenya.") == []  # a place, not a name
    assert said_names("Good morning.  My name is not important, my question is.") == []


WORKSHOP = """Workshop on digital skills

>> Good morning and welcome. We have one speaker today and then the floor is open.
>> AMARA DIALLO: Thank you. Our programme trained two thousand teachers in rural schools last year.
>> Thank you, Amara. Any questions from the floor?
>> Hello. My name is Leila and I work with a youth network in Tunis. How do you keep teachers using the skills?
>> AMARA DIALLO: We pair each school with a mentor and we pay for data bundles for one year.
>> Thank you both. We are at time.
"""


def test_an_unmarked_voice_giving_a_single_name_is_that_person():
    session = parse_transcript(WORKSHOP)
    cast = resolve_session(session)
    named = {p.name: p.lines for p in cast.people if p.name}
    assert named == {"Amara Diallo": (4, 7), "Leila": (6,)}
    assert sorted(line for p in cast.people if p.name is None for line in p.lines) == [3, 5, 8]


def test_a_single_name_another_speaker_carries_joins_them_and_two_names_name_no_one():
    later = WORKSHOP + ">> LEILA HADDAD: One more thing: our network has tablets to lend.\n"
    cast = resolve_session(parse_transcript(later))
    assert {p.name: p.lines for p in cast.people if p.name} == {"Amara Diallo": (4, 7), "Leila Haddad": (6, 9)}
    two = WORKSHOP.replace("youth network in Tunis.", "youth network in Tunis, my name is Samira, sorry.")
    assert {p.name for p in resolve_session(parse_transcript(two)).people} == {None, "Amara Diallo"}


def test_said_names_reads_a_single_name_after_i_am_only_before_from_or_with():
    """Issue 22: "I am Amina from …" is a self-introduction; a nationality, a job, a title, a
    place or "with us" (a hand-off) is no name, and bare "I am Leila" stays unread."""
    assert said_names("Thank you, I am Wanjiru from the Nyeri Youth Radio Club.") == ["Wanjiru"]
    assert said_names("Hello, I'm Leila, with the ministry of youth.") == ["Leila"]
    assert said_names("Hello, I am Brazilian from Recife.") == []
    assert said_names("I am Ambassador from Chile, thank you.") == []
    assert said_names("I am Director with the ministry.") == []
    assert said_names("Hello, I am Nairobi from the hub.") == []
    assert said_names("Hello, I am Leila and I work on access.") == []
    assert said_names("So I am Carlos with us today.") == []


def test_an_answer_to_a_floor_voice_is_not_named_after_the_asker_nor_the_body_it_names():
    turns = _turns(
        ">> MODERATOR:  Our first speaker is Ms. Zinhle Mabuza-Dlamini, from Durban.  Zinhle?",
        ">> SPEAKER:  Thank you.  We built towers on the school roofs.",
        ">> MODERATOR:  And our second speaker, Mr. Tomasz Wierzbicki-Lach.",
        ">> SPEAKER:  Thank you.  In Poland the towers cost less.",
        ">> FLOOR:  Thank you.  Benedita Coutinho Farias.  I am here for the Associação de Produtores "
        "do Sertão Baiano.  My question is for the lady from Durban.",
        ">> SPEAKER:  Yes, we had the same problem with the poles.",
        ">> BENEDITA FARIAS:  Thank you.",
    )
    groups = [
        LabelGroup(None, ["MODERATOR"], [0, 2]),
        LabelGroup(None, ["SPEAKER"], [1, 3, 5]),
        LabelGroup(None, ["FLOOR"], [4]),
        LabelGroup("Benedita Farias", ["BENEDITA FARIAS"], [6]),
    ]
    split = split_shared_voices(groups, turns, is_generic_label)
    owner = {i: g.name for g in split for i in g.turns}
    # the asker's short label form and the body she is here for name nobody who answers her
    assert owner[5] not in ("Benedita Farias", "Associação de Produtores do Sertão Baiano")
    assert owner[1] == "Zinhle Mabuza-Dlamini" and owner[3] == "Tomasz Wierzbicki-Lach"


def test_a_label_of_a_form_of_address_and_a_given_name_takes_the_name_its_speaker_says():
    # the label's first word is left out of the name the speaker gives: a form of address
    turns = _turns(
        ">> SENHORA LUCIANA:  Good morning.  My name is Luciana Okonkwo Barreto, and I work for a library.",
        ">> DAW KHIN:  Thank you.  Khin Myo Thet is my name, all three words.",
    )
    groups = complete_names(
        [LabelGroup("Senhora Luciana", ["SENHORA LUCIANA"], [0]), LabelGroup("Daw Khin", ["DAW KHIN"], [1])],
        turns,
    )
    assert [g.name for g in groups] == ["Luciana Okonkwo Barreto", "Khin Myo Thet"]


def test_a_surname_said_alone_never_drops_the_labels_given_name():
    turns = _turns(">> TEODORO VALLS:  Good morning.  My name is Valls, and I chair this panel.")
    groups = complete_names([LabelGroup("Teodoro Valls", ["TEODORO VALLS"], [0])], turns)
    assert groups[0].name == "Teodoro Valls"


def test_a_capitals_label_takes_the_accented_spelling_and_a_doubled_badge_one_name():
    turns = _turns(
        ">> THORDIS EYJOLFSDOTTIR:  Thank you.  I am Þórdís Eyjólfsdóttir, from a library in Akureyri.",
        ">> WIDODO WIDODO:  Thank you.  My name is Widodo, only one name, the badge doubled it.",
    )
    groups = complete_names(
        [
            LabelGroup("Thordis Eyjolfsdottir", ["THORDIS EYJOLFSDOTTIR"], [0]),
            LabelGroup("Widodo Widodo", ["WIDODO WIDODO"], [1]),
        ],
        turns,
    )
    assert [g.name for g in groups] == ["Þórdís Eyjólfsdóttir", "Widodo"]


def test_said_names_reads_my_full_name_is_and_a_name_before_is_my_name():
    assert said_names("Like she said, I'm Noi.  My full name is Noi Srisawat, and that is fine.") == ["Noi Srisawat"]
    assert own_names("The Daw is a title, and Khin Myo Thet is my name.") == ["Khin Myo Thet"]


def test_an_opening_name_then_the_speakers_own_i_is_theirs_even_if_she_speaks_of_another_later():
    text = (
        "Buenos días.  Carla Ruiz Benítez, I am from a collective in Encarnación, so I do not ask her, I support her."
    )
    assert said_names(text) == ["Carla Ruiz Benítez"]
    # words reporting another before any "I" still mark a chat read out, not a self-introduction
    assert said_names("Good.  Ilze Kalniņa, from Riga, writes in the chat that I should speak up.") == []


def test_a_single_name_after_i_am_then_another_i_am_and_a_citys_name_given_as_my_name():
    assert said_names("Good morning.  I am Iolanda, I am fourteen, I study at the school.") == ["Iolanda"]
    # "my name is" in so many words: a city's name may be a given name too, a country's never
    assert said_names("Good morning, my name is Florence, I'm sixteen.") == ["Florence"]
    assert said_names("Good morning, my name is Kenya.") == []
    # a nationality before the second "I am" is no name
    assert said_names("Hello.  I am Brazilian, I am a teacher in Recife.") == []


_FLOOR = (
    "INTERNET GOVERNANCE FORUM\nNAIROBI, 29 SEPTEMBER 2011\nWORKSHOP: MARKET STALLS ONLINE\n\n"
    ">> MODERATOR:  Welcome.  I am Hanne Brekke, I moderate.  Let's go to the floor.  Microphone one.\n\n"
    ">> AUDIENCE:  Thank you.  My name is Wairimu Gathoni-Kibet, from the Nakuru Stallholders Forum.  "
    "Who pays for the stall's card reader?\n\n"
    ">> MODERATOR:  Thank you.  Microphone two.\n\n"
    ">> Thank you, Madam Moderator.  Ousmane Traoré-Bah, Côte d'Ivoire, I keep a cyber café in Bouaké.  "
    "Our question is the same.\n\n"
    ">> MODERATOR:  Thank you.  Microphone one again.\n\n"
    ">> AUDIENCE:  Sorry, it is me again, Wairimu, only a short follow-up.  And the fees?\n\n"
    ">> MODERATOR:  Thank you.  Microphone two.\n\n"
    ">> Thank you.  Ousmane Traoré-Bah, what do you charge?  I am asking for my own café.\n"
)


def test_floor_voices_named_by_name_and_place_and_back_at_the_microphone_again() -> None:
    cast = resolve_session(parse_transcript(_FLOOR, source="t.txt"))
    people = {p.name: p for p in cast.people}
    # an unmarked turn opening "Name, Country, I …" is that speaker's; the same name opening a
    # question ("Name, what do you charge?") addresses them and names nobody
    assert people["Ousmane Traoré-Bah"].lines == (11,)
    # "it is me again, Wairimu" under the same floor label: the asker who named herself before
    assert people["Wairimu Gathoni-Kibet"].lines == (7, 15)
    assert [p.lines for p in cast.people if p.name is None and not p.labels] == [(19,)]


def test_a_voice_asked_its_name_is_the_labelled_speaker_who_answers() -> None:
    text = (
        "INTERNET GOVERNANCE FORUM\nGENEVA, 2017\nDYNAMIC COALITION MEETING\n\n"
        ">> CHAIR:  Welcome.  I am Odile Marchetti-Brun.  Who wants to start?\n\n"
        ">> SPEAKER:  Sorry, can I add something?  In our villages the bus is the problem.\n\n"
        ">> CHAIR:  Thank you.  For the record, can you say your name?\n\n"
        ">> PAVEL DOSTAL:  Yes, sorry.  Pavel Dostál, from the Brno Seniors Club.\n\n"
        ">> PARTICIPANT:  One question to Pavel: who drives the bus?\n\n"
        ">> PAVEL DOSTAL:  Volunteers.\n"
    )
    cast = resolve_session(parse_transcript(text, source="t.txt"))
    pavel = next(p for p in cast.people if p.name and p.name.startswith("Pavel"))
    assert pavel.lines == (7, 11, 15)
    assert set(pavel.labels) == {"SPEAKER", "PAVEL DOSTAL"}
    # the voice after the answer, asked nothing, is somebody else
    assert any(p.name is None and p.lines == (13,) for p in cast.people)


def test_keeping_an_eye_on_the_platforms_chat_is_a_moderators_duty() -> None:
    from forumlens.resolve import cues

    for sentence in (
        "I will keep an eye on the WebEx chat and tell Odile when somebody asks for the floor.",
        "I'll monitor the Zoom chat for questions.",
    ):
        assert cues.MODERATOR_SELF.search(sentence), sentence
    # an eye kept on something else, or a chat said of others, is no duty taken on
    for sentence in ("I will keep an eye on the budget.", "We will follow the online chat of the students later."):
        assert not cues.MODERATOR_SELF.search(sentence), sentence


def test_a_label_dropping_a_middle_name_takes_the_full_name_the_introduction_says() -> None:
    from forumlens.resolve.selfnames import middle_name_said

    text = (
        "IGF 2022 - Day 1 - Room 3 - Launch of a Sign Language Glossary\n\n***\n\n"
        ">> CHAIR:  Welcome.  I am Sanna Lindqvist-Eze.  Next to me, Engineer Tawanda Farai Mupfumi, from "
        "the Harare Open Web Lab.  Tawanda, please.\n\n"
        ">> TAWANDA MUPFUMI:  Thank you, Sanna.  We tested forty websites.\n\n"
        ">> CHAIR:  Thank you.  We close.\n"
    )
    names = {p.name for p in resolve_session(parse_transcript(text, source="t.txt")).people}
    assert "Tawanda Farai Mupfumi" in names
    assert "Tawanda Mupfumi" not in names
    # two different middle names said: nobody knows which, the label's name stays
    turns = parse_transcript(
        text.replace("Tawanda, please.", "And Tawanda Kuda Mupfumi sends greetings.  Tawanda, please."), source="t.txt"
    ).turns
    assert middle_name_said("Tawanda Mupfumi", turns) is None
    assert middle_name_said("Tawanda Mupfumi", parse_transcript(text, source="t.txt").turns) == "Tawanda Farai Mupfumi"
    assert middle_name_said("Tawanda", turns) is None  # one word: `full_name_said`'s case


_BACK_FROM_THE_FLOOR = (
    "INTERNET GOVERNANCE FORUM\nBAKU, 2012\nWORKSHOP: LIBRARIES ONLINE\n\n"
    ">> MODERATOR:  Welcome.  I am Odile Marchetti-Brun.  On the panel, Giorgi Beridze-Kapanadze, from "
    "the Kutaisi Reading Rooms.  Giorgi, please.\n\n"
    ">> GIORGI BERIDZE-KAPANADZE:  Thank you.  Our reading rooms lend tablets to the villages.\n\n"
    ">> MODERATOR:  Thank you.  Now the floor.  I see Giorgi has gone to the floor microphone.\n\n"
    ">> PARTICIPANT:  Yes, it is Giorgi again, I have to leave for the airport.  The tablets need a "
    "keyboard in our script.\n\n"
    ">> MODERATOR:  Thank you, Giorgi, safe travels.  The session is closed.\n"
)


def test_a_panellist_back_at_the_floor_microphone_who_tags_himself_is_still_the_panellist() -> None:
    cast = resolve_session(parse_transcript(_BACK_FROM_THE_FLOOR, source="t.txt"))
    giorgi = next(p for p in cast.people if p.name == "Giorgi Beridze-Kapanadze")
    assert giorgi.lines == (7, 11)
    assert giorgi.role == "guest"  # his first turn was on the panel: the floor label does not make him the floor
    assert not any(p.name is None for p in cast.people)


def test_a_floor_tag_two_speakers_first_names_fit_or_another_full_name_joins_nobody() -> None:
    two = _BACK_FROM_THE_FLOOR.replace(
        "Giorgi, please.\n\n",
        "Giorgi, please.\n\n>> GIORGI TSERETELI:  And I am Giorgi Tsereteli, from the Batumi library.\n\n",
    ).replace("Yes, it is Giorgi again", "Yes, Giorgi here")
    cast = resolve_session(parse_transcript(two, source="t.txt"))
    assert any(p.name is None and p.labels == ("PARTICIPANT",) for p in cast.people)
    other = _BACK_FROM_THE_FLOOR.replace("it is Giorgi again", "this is Giorgi Chkheidze speaking")
    cast = resolve_session(parse_transcript(other, source="t.txt"))
    giorgi = next(p for p in cast.people if p.name == "Giorgi Beridze-Kapanadze")
    assert giorgi.lines == (7,)
