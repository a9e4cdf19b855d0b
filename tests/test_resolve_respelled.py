"""A name the next captioner writes short joins the person who said it in full
(`resolve.respelled.join_variants`), and only when one person can be meant."""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.people import LabelGroup
from forumlens.resolve.respelled import join_variants
from forumlens.transcript.parse import parse_transcript


def _turns(*texts: str):
    text = "\n\n".join(f">> L{k}:  {t}" for k, t in enumerate(texts))
    return parse_transcript(text + "\n", source="t.txt").turns


def test_a_family_name_left_off_the_end_is_the_same_person():
    turns = _turns("My name is Teodoro Huamani Ccori, I keep the radio.", "Yes, the radio is open.")
    groups = [
        LabelGroup("Teodoro Huamani Ccori", ["SPEAKER"], [0]),
        LabelGroup("TEODORO HUAMANI", ["TEODORO HUAMANI"], [1]),
    ]
    joined, _ = join_variants(groups, turns)
    assert [(g.name, g.turns) for g in joined] == [("Teodoro Huamani Ccori", [0, 1])]


def test_a_short_given_name_its_bearer_answers_to_is_the_same_person():
    turns = _turns("I am Olubunmi Ajayi-Bello, everybody calls me Bunmi.", "The routers stay.")
    groups = [LabelGroup("Olubunmi Ajayi-Bello", ["SPEAKER"], [0]), LabelGroup("Bunmi Ajayi-Bello", ["X"], [1])]
    joined, _ = join_variants(groups, turns)
    assert [(g.name, g.turns) for g in joined] == [("Olubunmi Ajayi-Bello", [0, 1])]


def test_a_shared_family_name_without_the_short_name_said_stays_two_people():
    # "Ana" is the end of "Mariana", but Mariana never says she is called Ana: two sisters
    turns = _turns("I am Mariana Quispe, from the cooperative.", "I am from the school.")
    groups = [LabelGroup("Mariana Quispe", ["MARIANA QUISPE"], [0]), LabelGroup("Ana Quispe", ["ANA QUISPE"], [1])]
    joined, _ = join_variants(groups, turns)
    assert [g.name for g in joined] == ["Mariana Quispe", "Ana Quispe"]


def test_a_short_name_two_people_could_have_joins_neither():
    turns = _turns("Teodoro Huamani Ccori, the radio.", "Teodoro Huamani Quispe, the school.", "Yes.")
    groups = [
        LabelGroup("Teodoro Huamani Ccori", ["A"], [0]),
        LabelGroup("Teodoro Huamani Quispe", ["B"], [1]),
        LabelGroup("Teodoro Huamani", ["TEODORO HUAMANI"], [2]),
    ]
    joined, _ = join_variants(groups, turns)
    assert len(joined) == 3


def test_a_role_label_then_a_short_name_label_after_a_change_of_captioner_is_one_person():
    text = (
        "IGF 2007 - Main Session\n\n"
        ">> MODERATOR:  Good afternoon, I am Delia Mamani.  Our next speaker is in Ibadan, on the screen.  "
        "Can you hear us?\n\n"
        ">> SPEAKER:  Yes.  I am Olubunmi Ajayi-Bello, everybody calls me Bunmi.  I run a small "
        "start-up, we build mesh networks for the markets.\n\n"
        "(Change of captioner.)\n\n"
        ">> DELIA MAMANI:  Thank you.  One question from Cusco: who repairs the routers?\n\n"
        ">> BUNMI AJAYI-BELLO:  The market women, we trained them.\n\n"
        ">> DELIA MAMANI:  Thank you, we close here.\n"
    )
    cast = resolve_session(parse_transcript(text, source="t.txt"))
    named = [p for p in cast.people if p.name and "Ajayi-Bello" in p.name]
    assert [(p.name, p.lines) for p in named] == [("Olubunmi Ajayi-Bello", (5, 11))]


def test_names_in_a_script_without_latin_letters_are_compared_without_failing():
    turns = _turns("我是王伟。", "谢谢。")
    groups = [LabelGroup("王 伟", ["王 伟"], [0]), LabelGroup("Wang Wei Ming", ["WANG WEI MING"], [1])]
    joined, _ = join_variants(groups, turns)
    assert [g.name for g in joined] == ["王 伟", "Wang Wei Ming"]
