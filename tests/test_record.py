"""Who's who across the store: label variants merge, coalitions keep their status per session."""

from forumlens.ingest import IngestOptions, ingest_file
from forumlens.transcript.speakers import name_key
from forumlens.views import list_coalitions

from .conftest import MAIN_SESSION, ROOT

LIMIT = 20_000_000


def test_people_and_coalitions_across_sessions(fresh_store, tmp_path):
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    ingest_file(fresh_store, ROOT / "examples" / "igf2024-ws-coalition-outputs.txt", IngestOptions(max_bytes=LIMIT))
    olivier = fresh_store.people_on_record("crepin")
    assert len(olivier) == 1
    assert {"olivier repin leblond", "olivier crepin leblond"} <= {name_key(x) for x in olivier[0].labels}
    assert olivier[0].affiliations == ["DC on Core Internet Values"]
    libraries = list_coalitions(fresh_store, "public access in libraries")
    assert [c.name for c in libraries] == ["DC on Public Access in Libraries"]
    assert libraries[0].presented == 2 and len({s["session"] for s in libraries[0].sessions}) == 2
    absent = {c.name for c in list_coalitions(fresh_store) for s in c.sessions if s["status"] == "invited-absent"}
    assert "DC on Community Connectivity" in absent


def test_a_name_variant_in_a_later_session_merges_with_the_person_on_record(fresh_store, tmp_path):
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    later = tmp_path / "later.txt"
    later.write_text(
        "IGF 2022 DC main session\n\n>> ANRIETTE ESTERHUYSEN: Thank you.  As MAG chair I welcome the "
        "coalitions.  Coalitions need funding.\n>> JANE DOE: Thank you, Anriette.\n",
        "utf-8",
    )
    ingest_file(fresh_store, later, IngestOptions(max_bytes=LIMIT))
    records = fresh_store.people_on_record("sterhuysen")
    assert len(records) == 1, [r.name for r in records]
    assert records[0].sessions == 2
    assert "ANRIETTE ESTERHUYSEN" in records[0].labels and "ANRIETTE ASTERHUYSEN" in records[0].labels


def test_sessions_naming_a_coalition_by_part_of_its_name_or_its_whole_acronym(fresh_store):
    main = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).session
    other = ingest_file(
        fresh_store, ROOT / "examples" / "igf2024-ws-coalition-outputs.txt", IngestOptions(max_bytes=LIMIT)
    ).session
    both = sorted([main, other])
    assert fresh_store.sessions_naming_coalition("Public Access in LIBRARIES") == both
    assert fresh_store.sessions_naming_coalition("dc-pal") == both
    assert fresh_store.sessions_naming_coalition("dc-pa") == []  # an acronym matches whole
    assert fresh_store.sessions_naming_coalition("no such coalition") == []
