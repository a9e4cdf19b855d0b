"""Label variants merge; known names map; unnamed turns stay people."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.resolve import group_labels, merge_known, same_person
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Olivier Repin\u2011Leblond", "Olivier Crepin-Leblond", True),
        ("MARIA GARCÍA", "Maria Garcia", True),
        ("Shimeless Lemma", "Shimeles Lemma", True),
        ("Markus", "Markus Kummer", True),
        ("Mark Carvell", "Mark Stevens", False),
        ("Jutta Croll", "Jason Munyan", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_merge_known_maps_to_store_names():
    known = ["Anriette Esterhuysen", "Olivier Crepin-Leblond"]
    assert merge_known(["ANRIETTE ASTERHUYSEN", "Olivier Repin-Leblond", "New Person"], known) == {
        "ANRIETTE ASTERHUYSEN": "Anriette Esterhuysen",
        "Olivier Repin-Leblond": "Olivier Crepin-Leblond",
        "New Person": "New Person",
    }


def test_group_labels_keeps_every_label_and_unnamed_turns():
    text = (
        "Title\n\n>> OLIVIER REPIN\u2011LEBLOND: Hello.\n\n>> CHAIR PERSON: Thanks.\n\n"
        ">> Hi, I'm from the floor.\n\n>> OLIVIER CREPIN\u2011LEBLOND: Again.\n"
    )
    groups = group_labels(parse_transcript(text))
    olivier = next(g for g in groups if g.name and g.name.startswith("Olivier"))
    assert olivier.name == "Olivier Crepin-Leblond"
    assert olivier.labels == ["OLIVIER REPIN-LEBLOND", "OLIVIER CREPIN-LEBLOND"]
    assert len(olivier.turns) == 2
    assert any(g.name is None and not g.labels for g in groups)


_UNMARKED = """IGF 2018 - WS #12 Libraries Online

The following are the outputs of the real-time captioning taken during the IGF in Paris. Although it is largely accurate, in some cases it may be incomplete or inaccurate.

***

Good afternoon everybody, we are starting now.  My name is Ilse de Vries and I will be moderating this session on public libraries today.

>> KARIM SAADI:  Thank you, Ilse.  Libraries connect people who have nothing else.

>> ILSE DE VRIES:  Thank you, Karim.

thank you, Ilse, sorry to jump in.  My name is Rosa Moreno, from the floor, and I run a library in Seville.

>> Everyone:  (Applause)
"""


def test_unlabelled_turns_take_the_name_their_speaker_says():
    from forumlens.resolve.people import drop_collective
    from forumlens.resolve.selfnames import name_unlabelled

    session = parse_transcript(_UNMARKED)
    groups = name_unlabelled(drop_collective(group_labels(session)), session.turns)
    by_name = {g.name: [session.turns[i].line for i in g.turns] for g in groups}
    assert by_name == {"Ilse de Vries": [7, 11], "Karim Saadi": [9], "Rosa Moreno": [13]}


def test_the_cast_has_no_collective_voice_and_the_unmarked_chair_is_the_moderator():
    from forumlens.resolve import resolve_session

    cast = resolve_session(parse_transcript(_UNMARKED))
    assert [p.name for p in cast.people] == ["Ilse de Vries", "Karim Saadi", "Rosa Moreno"]
    assert cast.people[0].role == "moderator" and cast.people[0].lines == (7, 11)


def _merge_known_by_scanning(names, known, threshold=80):
    """The plain form of `merge_known`: every new name against every known one."""
    from rapidfuzz import fuzz

    from forumlens.resolve.people import same_person
    from forumlens.transcript.speakers import name_key

    out = {}
    for name in names:
        exact = [k for k in known if name_key(k) == name_key(name)]
        close = exact or [k for k in known if same_person(name, k, threshold)]
        best = max(close, key=lambda k: fuzz.ratio(name_key(k), name_key(name)), default=None)
        out[name] = best if best is not None else name
    return out


def test_indexed_merge_known_decides_as_scanning_every_known_name():
    """The index only narrows whom a name is compared with: on the annotated people of every gold
    file, and caption-style variants of them (a dropped letter, capitals, a lone first name, a
    hyphen), it maps each name exactly as comparing with everyone does."""
    import json

    from forumlens.resolve.people import merge_known

    from .blind_sets import is_blind

    gold = sorted(f for f in Path(__file__).parent.joinpath("resources").glob("*/*.people.json") if not is_blind(f))
    people = sorted({p["name"] for f in gold for p in json.loads(f.read_text())["people"] if p.get("name")})
    assert len(people) > 100
    variants = []
    for i, name in enumerate(people):
        words = name.split()
        variants += [name.upper(), name[:1] + name[2:], words[0], name.replace(" ", "-", 1)]
        if len(words) > 1 and i % 3 == 0:
            variants.append(" ".join([*words[:-1], words[-1][:-1]]))
    known = people[::2]
    assert merge_known(variants, known) == _merge_known_by_scanning(variants, known)
    assert merge_known(people, variants) == _merge_known_by_scanning(people, variants)
