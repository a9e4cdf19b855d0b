"""The trained affiliation ranker (issue 22): candidates from general shapes, a "none" option,
registry bodies under their canonical names, and the shipped weights wired into resolve.

Inputs are invented for this file (people and bodies that exist nowhere), in the shapes the
issue names: a start-up said mid-turn, a job title before the body ("CEO of X"), a body that is
only talked about ("X has published"), a registry body under another spelling.
"""

from __future__ import annotations

from forumlens.resolve import resolve_session
from forumlens.resolve.affcands import Candidate, _spans
from forumlens.resolve.affmodel import Ranker, choose, load_affiliation_model, none_features
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM 2019\nBERLIN, GERMANY\nWORKSHOP 12\n********\n\n"


def _names(text: str) -> list[str]:
    return [" ".join(words) for _, _, words in _spans(text, 0, len(text))]


def test_spans_split_at_joiners_and_drop_sentence_openers() -> None:
    found = _names("Thank you. I am the CEO of Fjordlink Digital, based in Tromsø.")
    assert "Fjordlink Digital" in found  # the body after the job title
    assert "CEO of Fjordlink Digital" in found  # and the whole run, for the ranker to weigh
    assert "Thank" not in found and "I" not in found
    found = _names("the Data Protection Commission of the Republic of Ghana")
    assert "Data Protection Commission" in found
    assert "Data Protection Commission of the Republic of Ghana" in found
    assert _names("Hello, everyone, and welcome") == []


def test_choose_takes_none_unless_a_candidate_scores_higher() -> None:
    ranker = Ranker({"none": 1.0, "src:own|prev:at": 2.0, "own|verb_after": -3.0})
    nothing = none_features(moderator=False, hub=False, named=True, rule_candidates=0, candidates=2)
    own = Candidate("kestrel labs", "Kestrel Labs", None, {"src:own|prev:at": 1.0})
    talked_about = Candidate("orbit trust", "Orbit Trust", None, {"own|verb_after": 1.0})
    assert choose(ranker, [talked_about, own], nothing) is own
    assert choose(ranker, [talked_about], nothing) is None


def test_the_shipped_ranker_takes_a_body_said_mid_turn_and_not_one_merely_mentioned() -> None:
    assert load_affiliation_model() is not None
    body = (
        ">> MODERATOR: Welcome. Our first speaker is Adaeze Okonkwo. Adaeze, please.\n\n"
        ">> ADAEZE OKONKWO: Thank you. Good morning. So, on connectivity in rural areas, "
        "I work at Kestrel Labs, a small start-up in Lagos, and we build mesh networks. "
        "The Orbit Trust has published a report on this, and I agree with much of it.\n\n"
        ">> MODERATOR: Thank you, Adaeze.\n"
    )
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    person = next(p for p in cast.people if p.name == "Adaeze Okonkwo")
    assert person.affiliation == "Kestrel Labs"
    assert person.affiliation_id is None  # not a registry body
    assert any("Kestrel Labs" in e.quote for e in person.evidence)


def test_the_shipped_ranker_takes_the_body_spoken_for_after_a_but_not_the_one_before() -> None:
    body = (
        ">> MODERATOR: Welcome. Our first speaker is Ilinca Vornicu. Ilinca, please.\n\n"
        ">> ILINCA VORNICU: Thank you. So, I was for two years in the Moldova chapter of the "
        "Internet Society, as a volunteer, but today I speak for my employer, which is a start-up, "
        "Prut Hosting, we run servers in Chisinau. Young people need jobs after the forum.\n\n"
        ">> MODERATOR: Thank you, Ilinca.\n"
    )
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    person = next(p for p in cast.people if p.name == "Ilinca Vornicu")
    assert person.affiliation == "Prut Hosting"


def test_rules_still_decide_when_the_model_is_switched_off() -> None:
    body = ">> JONAS VOGT: Hello, I am Jonas Vogt from the Internet Society.\n\n>> MARIE LEROY: Thank you.\n"
    session = parse_transcript(HEADER + body, source="test.txt")
    ruled = {p.name: p.affiliation for p in resolve_session(session, use_model=False).people}
    modelled = {p.name: p.affiliation for p in resolve_session(session).people}
    assert ruled["Jonas Vogt"] == modelled["Jonas Vogt"] == "Internet Society"  # canonical registry name
