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
from forumlens.resolve.cast import Person, affiliation_options, prepare
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM 2019\nBERLIN, GERMANY\nWORKSHOP 12\n********\n\n"


def _person(body: str, name: str) -> Person:
    """The resolved person of that name in a session of the header and `body`."""
    cast = resolve_session(parse_transcript(HEADER + body, source="test.txt"))
    return next(p for p in cast.people if p.name == name)


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
    assert _person(body, "Ilinca Vornicu").affiliation == "Prut Hosting"


def test_rules_still_decide_when_the_model_is_switched_off() -> None:
    body = ">> JONAS VOGT: Hello, I am Jonas Vogt from the Internet Society.\n\n>> MARIE LEROY: Thank you.\n"
    session = parse_transcript(HEADER + body, source="test.txt")
    ruled = {p.name: p.affiliation for p in resolve_session(session, use_model=False).people}
    modelled = {p.name: p.affiliation for p in resolve_session(session).people}
    assert ruled["Jonas Vogt"] == modelled["Jonas Vogt"] == "Internet Society"  # canonical registry name


def test_spans_keep_lower_case_joiners_of_other_languages() -> None:
    assert "Sauti ya Ziwa FM" in _names("she is the station manager of Sauti ya Ziwa FM, a community radio")
    assert "Rede Telecentros do Nordeste" in _names("I coordinate the Rede Telecentros do Nordeste.")


def _clauses(text: str, span: str) -> set[str]:
    """The clause cues (`clause:*`) of one span said in a speaker's own first turn."""
    body = f">> MODERATOR: Welcome.  Tomas, please.\n\n>> TOMAS VRBA: {text}\n\n>> MODERATOR: Thank you.\n"
    session = parse_transcript(HEADER + body, source="test.txt")
    registry = load_registry()
    prepared = prepare(session, registry)
    position = next(k for k, d in enumerate(prepared.drafts) if d.group.name == "Tomas Vrba")
    cands, _ = affiliation_options(prepared, registry)[position]
    cand = next(c for c in cands if c.name == span)
    return {f for f in cand.features if f.startswith("clause:")}


def test_clause_cues_of_a_body_claimed_or_held_in_the_speakers_words() -> None:
    # claimed: "we are X", "my affiliation for today is X"
    assert "clause:claim" in _clauses("Hello.  We are Rede Caatinga, a community network.", "Rede Caatinga")
    assert "clause:claim" in _clauses(
        "I help a forum, but my affiliation for today is the Brno Open Data Lab, a non-profit.", "Brno Open Data Lab"
    )
    # a post held there: "I edit …", "I'm in the secretariat of …", "now I am in the team of an operator, X"
    assert "clause:post" in _clauses("I edit the weekend edition of the Morava Standard.", "Morava Standard")
    assert "clause:post" in _clauses("I'm in the secretariat of the Danube Youth Forum.", "Danube Youth Forum")
    assert "clause:post" in _clauses(
        "I left the regulator, and now I am in the compliance team of an online operator, BetMorava.", "BetMorava"
    )
    # merely talked about
    assert not _clauses("The Morava Standard has published a report.", "Morava Standard") & {
        "clause:claim",
        "clause:post",
    }


def test_a_chair_may_hold_a_post_said_in_their_own_words() -> None:
    body = (
        ">> MODERATOR: Good morning.  This coalition was started with the support of the Council of Europe, "
        "so it is not mine, I only chair today.  My name is Wanjiru Kamau, I edit the weekend edition of the "
        "Naivasha Courier, it is a newspaper in Nakuru.  Olivier, please.\n\n"
        ">> OLIVIER MUGABO: Thank you, Wanjiru.  I teach at a school of journalism.\n\n"
        ">> MODERATOR: Thank you, Olivier.\n"
    )
    chair = _person(body, "Wanjiru Kamau")
    assert chair.role == "moderator"
    assert chair.affiliation == "Naivasha Courier"
