"""The who's-who scorer used by bench/whoswho.py (development and blind sets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumlens.resolve import Cast, Person
from forumlens.resolve.scoring import (
    affiliation_key,
    load_gold,
    same_affiliation_keys,
    score_people,
    score_turns,
    without_legal_form,
)
from forumlens.transcript.parse import parse_transcript

RESOURCES = Path(__file__).parent / "resources"


def test_affiliation_key_ignores_case_accents_hyphens_and_a_leading_article():
    assert affiliation_key("The Friedrich\u2011Ebert-Stiftung") == affiliation_key("friedrich ebert stiftung")
    assert affiliation_key("Universidad de los Andes") != affiliation_key("Universidad de Chile")
    assert affiliation_key(None) is None


def test_a_name_with_letters_nfkd_leaves_whole_keys_as_its_ascii_spelling():
    # "ı", "ł", "ø", "ß" have no combining mark to drop: a plain NFKD fold kept them, so the
    # scorer never matched a caption's "CAKIRSOY" to the annotation's "Çakırsoy"
    assert affiliation_key("Çakırsoy") == affiliation_key("CAKIRSOY") == "cakirsoy"
    assert affiliation_key("Łukasz Sørensen-Weiß") == "lukasz sorensen weiss"
    assert affiliation_key("Çakırsoy") != affiliation_key("Cakırsoyan")
    cast = Cast(people=(Person("Elif Cakirsoy", role="guest", lines=(4,)),), coalitions=())
    gold = {"people": [{"name": "Elif Çakırsoy", "role": "guest", "affiliation": None}]}
    score = score_people(cast, gold)
    assert (score.found, score.role, score.extra) == (1, 1, 0)


def test_score_people_counts_each_field_and_accepted_spellings():
    cast = Cast(
        people=(
            Person("Ana Lima", role="guest", affiliation="Ministry of Health of Chile", mode="online", lines=(3,)),
            Person(None, role="participant", affiliation=None, lines=(9,)),
            Person("Extra Voice", role="participant", lines=(11,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {
                "name": "Ana Lima",
                "role": "guest",
                "affiliation": "Ministry of Health",
                "affiliation_also": ["Ministry of Health of Chile"],
                "mode": "onsite",
            },
            {"name": None, "line": 9, "role": "guest", "affiliation": None, "mode": None},
            {"name": "Nobody Here", "role": "moderator", "affiliation": None},
        ]
    }
    score = score_people(cast, gold)
    assert (score.people, score.found, score.role, score.affiliation) == (3, 2, 1, 2)
    assert (score.mode, score.mode_total, score.extra) == (1, 2, 1)
    assert any(e == "Nobody Here: not found" for e in score.errors)


def test_a_hub_is_found_by_its_place_whichever_hub_words_its_name_has():
    cast = Cast(
        people=(
            Person("Mopti Remote Hub", role="remote-hub", mode="online", lines=(5,)),
            Person("Remote Hub Segou", role="participant", mode="online", lines=(7,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": "Mopti Hub", "role": "remote-hub", "affiliation": None, "mode": "online"},
            # only a hub stands for a hub: the place of a person's name is no match
            {"name": "Segou Hub", "role": "remote-hub", "affiliation": None, "mode": "online"},
            {"name": "Mopti Remote Hub Two", "role": "remote-hub", "affiliation": None, "mode": "online"},
        ]
    }
    score = score_people(cast, gold)
    assert score.found == 1 and score.role == 1
    assert "Segou Hub: not found" in score.errors and "Mopti Remote Hub Two: not found" in score.errors


def test_a_registry_spelling_accepts_the_canonical_name_and_nothing_else():
    """The cast reports registry matches under their canonical names (issue 22), so an
    annotator's "Benin IGF" is answered by "Beninese Internet Governance Forum"; another
    country's forum is still wrong."""
    cast = Cast(
        people=(
            Person("Rodrigue Ahou", role="guest", affiliation="Beninese Internet Governance Forum", lines=(3,)),
            Person("Awa Sow", role="guest", affiliation="Senegalese Internet Governance Forum", lines=(5,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": "Rodrigue Ahou", "role": "guest", "affiliation": "Benin IGF"},
            {"name": "Awa Sow", "role": "guest", "affiliation": "Benin IGF"},
        ]
    }
    score = score_people(cast, gold)
    assert score.affiliation == 1
    assert score.errors == ("Awa Sow: affiliation 'Senegalese Internet Governance Forum', annotated 'Benin IGF'",)


def test_a_registry_entity_is_one_affiliation_under_its_canonical_name_and_every_alias_both_ways():
    """The annotation keeps the form the session says ("IGF MAG", an alias); the cast gives the
    canonical name, or says the alias when the gold has the canonical one: one answer either way.
    Another entity, or a word that is no spelling of it, is still wrong."""
    cast = Cast(
        people=(
            Person("Lebo Dlamini", role="participant", affiliation="Multistakeholder Advisory Group", lines=(3,)),
            Person("Ana Ruiz", role="participant", affiliation="IGF MAG", lines=(5,)),
            Person("Tui Ono", role="participant", affiliation="MAG Chair", lines=(7,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": "Lebo Dlamini", "role": "participant", "affiliation": "IGF MAG"},
            {"name": "Ana Ruiz", "role": "participant", "affiliation": "Multistakeholder Advisory Group"},
            {"name": "Tui Ono", "role": "participant", "affiliation": "MAG"},
        ]
    }
    score = score_people(cast, gold)
    assert score.affiliation == 2
    assert score.errors == ("Tui Ono: affiliation 'MAG Chair', annotated 'MAG'",)


def test_a_legal_form_suffix_is_the_same_body_with_or_without_it():
    cast = Cast(
        people=(
            Person("Jo Brandt", role="guest", affiliation="Kiez Funk", lines=(3,)),
            Person("Ida Roth", role="guest", affiliation="Stadtnetz gGmbH", lines=(5,)),
            Person("Lu Haas", role="guest", affiliation="Kiez Funk", lines=(7,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": "Jo Brandt", "role": "guest", "affiliation": "Kiez Funk e.V."},
            {"name": "Ida Roth", "role": "guest", "affiliation": "Stadtnetz"},
            {"name": "Lu Haas", "role": "guest", "affiliation": "Kiez Radio e.V."},
        ]
    }
    score = score_people(cast, gold)
    assert score.affiliation == 2
    assert score.errors == ("Lu Haas: affiliation 'Kiez Funk', annotated 'Kiez Radio e.V.'",)
    assert without_legal_form("routerwerk ltd") == "routerwerk"
    assert without_legal_form("ltd") == "ltd"  # a key that is only a legal form stays
    assert without_legal_form("sa ltd holdings") == "sa ltd holdings"  # only at the end
    assert same_affiliation_keys(None) == frozenset()
    assert "multistakeholder advisory group" in same_affiliation_keys(affiliation_key("the Advisory Group"))


def test_score_turns_needs_line_and_speaker():
    session = parse_transcript(">> ANA LIMA:  Hello.\n\n>> BEN OKO:  Hi.\n")
    score = score_turns(session, [[1, "Ana Lima"], [3, "Ben Ako"]])
    assert (score.tp, score.fp, score.fn) == (1, 1, 1) and score.f1 == pytest.approx(0.5)


def test_load_gold_applies_listed_corrections(tmp_path):
    (tmp_path / "s.people.json").write_text(
        json.dumps({"people": [{"name": "Ana Lima", "role": "guest", "affiliation": None}]}), "utf-8"
    )
    (tmp_path / "annotation-updates.json").write_text(
        json.dumps({"s.people.json": [{"name": "Ana Lima", "affiliation": "University of X", "reason": "line 3"}]}),
        "utf-8",
    )
    assert load_gold(tmp_path / "s.people.json")["people"][0]["affiliation"] == "University of X"
    (tmp_path / "annotation-updates.json").write_text(json.dumps({"s.people.json": [{"name": "Bo"}]}), "utf-8")
    with pytest.raises(ValueError, match="Bo"):
        load_gold(tmp_path / "s.people.json")


@pytest.mark.parametrize("gold_file", sorted((RESOURCES / "intel_blind").glob("*.people.json")), ids=lambda p: p.stem)
def test_blind_sessions_are_well_formed(gold_file):
    """Shape only: the blind sessions are scored by bench/intel.py, never asserted (no tuning on them)."""
    gold = load_gold(gold_file)
    text = (gold_file.parent / gold["source"].split(" ")[0]).read_text("utf-8")
    lines = text.split("\n")
    for person in gold["people"]:
        assert person["role"] in {"moderator", "dc-representative", "guest", "participant", "remote-hub"}
        assert person.get("mode", None) in {None, "onsite", "online"}
        assert person.get("name") or 1 <= person["line"] <= len(lines)
    assert all(1 <= line <= len(lines) and lines[line - 1].strip() for line, _ in gold["turns"])


def test_an_unnamed_annotated_voice_is_found_as_the_generic_label_it_named_itself_under():
    """The earlier sets write `"name": null` for a "PARTICIPANT" who says "My name is …"; the cast
    names that voice, and it still stands for the annotated one (never for a person the
    annotation names, nor for a person under a name label)."""
    cast = Cast(
        people=(
            Person("Yara Nassar", labels=("PARTICIPANT",), role="participant", mode="onsite", lines=(25,)),
            Person("Hichem Trabelsi", labels=("PARTICIPANT",), role="participant", lines=(34, 38)),
            Person("Omar Said", labels=("OMAR SAID",), role="guest", lines=(40,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": None, "line": 25, "role": "participant", "affiliation": None, "mode": "onsite"},
            {"name": None, "line": 38, "role": "participant", "affiliation": None},
            {"name": "Hichem Trabelsi", "role": "participant", "affiliation": None},
            {"name": None, "line": 40, "role": "guest", "affiliation": None},
        ]
    }
    score = score_people(cast, gold, generic_self_named=True)
    assert (score.people, score.found, score.role, score.mode, score.mode_total) == (4, 2, 2, 1, 1)
    # under the later sets' convention an unnamed voice is one the session never names
    assert score_people(cast, gold).found == 1
    assert {e for e in score.errors if e.endswith("not found")} == {"line 38: not found", "line 40: not found"}


def test_a_hubs_turns_count_for_the_hub_whichever_hub_words_its_name_has():
    from forumlens.resolve.scoring import score_person_turns

    text = ">> CHAIR:  Over to the hub.\n\n>> MOPTI REMOTE HUB:  Hello from Mopti.\n"
    session = parse_transcript(text, source="t.txt")
    cast = Cast(
        people=(
            Person("Chair", role="moderator", lines=(1,)),
            Person("Mopti Remote Hub", role="remote-hub", lines=(3,)),
        ),
        coalitions=(),
    )
    score = score_person_turns(session, cast, [[1, "Chair"], [3, "Mopti Hub"]])
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
    # a person's name that holds the place is no hub
    cast = Cast(
        people=(Person("Chair", role="moderator", lines=(1,)), Person("Mopti Remote Hub", lines=(3,))), coalitions=()
    )
    assert score_person_turns(session, cast, [[1, "Chair"], [3, "Mopti Hub"]]).tp == 1


def test_a_name_written_family_name_first_is_the_same_person_and_other_words_are_not():
    cast = Cast(
        people=(
            Person("Takuma Oshikiri", role="guest", lines=(4,)),
            Person("Takuma Ito", role="guest", lines=(8,)),
        ),
        coalitions=(),
    )
    gold = {
        "people": [
            {"name": "Oshikiri Takuma", "role": "guest", "affiliation": None},
            {"name": "Ito Kenji", "role": "guest", "affiliation": None},
        ]
    }
    score = score_people(cast, gold)
    assert (score.found, score.role) == (1, 1)
    assert "Ito Kenji: not found" in score.errors
