"""Questions read out for others in the reader's own words, several in one turn, and the
shapes that hid them: a titled asker, a pronoun asker named before, an addressee after
"asks", an inner "?" in a lower-case caption line, numbered questions, and a moderator
putting a question to whoever can answer it."""

from __future__ import annotations

from forumlens.analyse.questioncues import REPORTED_ITEM, reported_asker

from .questions_support import rule_questions

READ_OUT = """\
>> MODERATOR:  Thank you.  Now we open the floor.  Nadia, anything online?

>> NADIA KARIMI:  Yes, two in the chat.  Mr. Omar Haddad from Tunis asks Mr. Berg: did you count the small companies in the survey?  And Ms. Lea Novak, from Zagreb, asks Ms. Osei whether the helpline works also in the evening.

>> JONAS BERG:  On the survey, yes, we counted forty small companies, a fifth of the answers, and we will publish them apart.

>> AMA OSEI:  The helpline is open until eight in the evening, and on Saturday morning too.
"""


def test_each_question_read_out_is_one_question_for_its_asker_and_addressee() -> None:
    qs = [q for q in rule_questions(READ_OUT) if q["line"] == 3]
    assert [(q["by"], q["to"]) for q in qs] == [("Omar Haddad", "Jonas Berg"), ("Lea Novak", "Ama Osei")]
    assert [q["status"] for q in qs] == ["answered", "answered"]
    assert [q["answer_lines"][0] for q in qs] == [5, 7]  # each by the one it was put to


PRONOUN = """\
>> CHAIR:  Thank you.  So, the floor is open.  Any questions?  Arif, anything from the hub?

>> ARIF RAHMAN:  Yes, Chair.  The hub has a question from Ms. Selina Akter, from a farmers' group.  She asks Mr. Tan: in the villages the phones are shared by the family.  How does the alert reach the women?  The second email is from a student in Quito, Mateo, he asks if the maps are open data.

>> DAVID TAN:  the women get the alert from the neighbours and the mosque, so the community is the channel, and we train women volunteers in every village.
"""


def test_a_pronoun_asker_is_the_name_read_out_before_it() -> None:
    qs = [q for q in rule_questions(PRONOUN) if q["line"] == 3]
    assert [q["by"] for q in qs] == ["Selina Akter", "Mateo"]
    first = qs[0]
    assert first["text"].endswith("How does the alert reach the women?")  # the question after the heading
    assert first["to"] == "David Tan" and first["status"] == "answered"


def test_a_story_with_she_asks_reads_nothing_out() -> None:
    text = (
        ">> MODERATOR:  Welcome.  Rosa, please.\n\n"
        ">> ROSA DIAZ:  My daughter is nine.  Every evening she asks why the tablet knows her name, "
        "and I have no good answer for her.  This is why we need the literacy in the schools.\n"
    )
    assert rule_questions(text) == []


def test_reported_item_shapes() -> None:
    found = [
        m.group("asker") or m.group("pron")
        for m in REPORTED_ITEM.finditer(
            "In the chat, Mr. Nabil Farouk from Oran asks Mr. Obi: did you … And he asks the panel whether …"
        )
    ]
    assert found == ["Nabil Farouk", "he"]
    assert not REPORTED_ITEM.search("She asks me to thank the organisers.")  # no question follows
    assert reported_asker("The first is from Mr. Ravi Menon in Pune, ") == "Ravi Menon"
    assert reported_asker("from a student in Bogota, Camilo, ") == "Camilo"
    assert reported_asker("Thank you all, ") is None


LOWER_CASE = """\
>> MODERATOR: thank you. the gentleman here with the microphone.

>> AUDIENCE: hi, my name is Vikram Rao, i am with a user group in Pune. i have a question for Ms. Lind. in our state the schools use free software but the board sends the exams in a closed format. why the ministry cannot tell the board to change? and a small comment, we should meet again next year.

>> ANNA LIND: thank you, a fair question. the board is independent by law, so the ministry can only recommend, and we did recommend it twice, in writing, with the list of the open formats.
"""


def test_a_question_mark_inside_a_lower_case_caption_line_ends_a_question() -> None:
    qs = rule_questions(LOWER_CASE)
    assert [(q["line"], q["to"], q["status"]) for q in qs] == [(3, "Anna Lind", "answered")]
    assert qs[0]["text"].endswith("tell the board to change?")


NUMBERED = """\
>> MODERATOR:  Questions from the floor, please.

>> AUDIENCE:  Hello, I'm Mei Tan, from a consumer group.  Two questions.  First for Ms. Ito: did your study count the informal collectors?  Second for the Ministry: is there a law on the producer responsibility?

>> KEIKO ITO:  Yes, the informal collectors are two thirds of our sample, and most of them are women without any contract.
"""


def test_numbered_questions_are_listed_apart() -> None:
    qs = rule_questions(NUMBERED)
    assert [q["text"].split(":")[0] for q in qs] == ["First for Ms. Ito", "Second for the Ministry"]
    assert qs[0]["to"] == "Keiko Ito" and qs[1]["to"] != "Keiko Ito"  # numbered: not the same addressee


PUT_ON = """\
>> MODERATOR:  The floor is open.

>> AUDIENCE:  Hello, Marta Ruiz, lawyer from Lima.  Is there a country that gives a tax incentive to small companies for their security, and did it work?

>> MODERATOR:  Good question.  Does anybody on the panel know?  Kenji?

>> KENJI SATO:  In Japan there is a subsidy for the IT investment, and security is included since this year, but it is too early to say.
"""


def test_a_moderator_putting_the_question_to_the_panel_asks_nothing_new() -> None:
    qs = rule_questions(PUT_ON)
    assert [(q["line"], q["status"], q["answer_lines"][:1]) for q in qs] == [(3, "answered", [7])]


def test_procedure_words_deep_inside_a_question_do_not_make_it_housekeeping() -> None:
    from forumlens.analyse.questions import is_housekeeping

    assert not is_housekeeping(
        "For Kenji: what is the role of the mobile operators in your network, do they join or do they see you as a critic?"
    )
    assert is_housekeeping("Can you hear us?")
    assert is_housekeeping("Is there anybody else in the Zoom room who would like to take the floor?")


SECOND_ANNOUNCED = """\
>> MODERATOR:  The floor is open.

>> AUDIENCE:  Thank you, I'm Ali Noor from a national IGF.  In Brazil the committee funds the survey.  Can the small NRIs also get this kind of funding?  And my second question is to the Secretariat, is somebody here?  How can a new NRI like ours get the recognition faster?

>> ANA SOUZA:  No, the committee funds only national activities, it is the law, but the method is open and we train other countries.
"""


def test_an_announced_second_question_is_listed_apart() -> None:
    qs = rule_questions(SECOND_ANNOUNCED)
    assert [q["text"][:20] for q in qs] == ["Can the small NRIs a", "How can a new NRI li"]


TITLED_COMMA = """\
>> CHAIR:  The floor is open.

>> AUDIENCE:  Hi, Rosa Vidal, student.  My question to Professor Ogawa: how do you protect the privacy of the people?  And for Mr. Kalsakau, who pays for the satellite kits, the government or the donors?

>> TAKESHI OGAWA:  The location is used only during the alert and deleted after one day, by law.

>> JOEL KALSAKAU:  Today the donors pay, and this is the problem, it is not sustainable.
"""


def test_and_for_a_titled_name_puts_the_second_question_to_that_person() -> None:
    qs = rule_questions(TITLED_COMMA)
    assert [(q["to"], q["answer_lines"][:1]) for q in qs] == [("Takeshi Ogawa", [5]), ("Joel Kalsakau", [7])]


OUT_OF_TIME = """\
>> MODERATOR:  Paulina, the last one online.

>> PAULINA OCAMPO:  Yes, a last one from the chat, from Mr. Gideon Berg.  He asks: what will happen with the report after the forum, will it go to the governments?

>> MODERATOR:  Very important question, and I will answer only partly because we are out of time.  The report is published on the website and we present it to the advisory group, but what happens after depends on you.
"""


def test_a_moderator_answering_briefly_for_time_still_answers() -> None:
    from forumlens.analyse.questioncues import ANSWERS_NOW

    assert [q["status"] for q in rule_questions(OUT_OF_TIME)] == ["answered"]
    assert not ANSWERS_NOW.search("I cannot answer that, sorry")
    assert not ANSWERS_NOW.search("we will answer by email")
    assert ANSWERS_NOW.search("thank you, a fair question, let me answer honestly")
