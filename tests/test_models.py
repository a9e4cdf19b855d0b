import json

import forumlens
from forumlens.models import Citation, Session, Turn


def example_session() -> Session:
    text = "Title\n\n>> JANE DOE: Hello.\n"
    turn = Turn(
        index=0,
        line=3,
        label="JANE DOE",
        speaker="Jane Doe",
        kind="speech",
        text="Hello.",
        start=text.index("Hello."),
        end=text.index("Hello.") + 6,
        end_line=3,
    )
    return Session(title="Title", sha256="ab" * 32, source="x.txt", turns=(turn,), text=text, year=2024)


def test_turn_round_trips_through_json_with_internal_fields():
    turn = example_session().turns[0]
    assert Turn.from_json(json.loads(json.dumps(turn.to_json(internal=True)))) == turn


def test_parse_contract_has_exactly_the_design_fields():
    data = example_session().to_json()
    assert set(data) == {"title", "sha256", "turns"}
    assert set(data["turns"][0]) == {"index", "line", "label", "speaker", "kind", "text"}


def test_session_id_is_a_prefix_of_the_content_hash():
    session = example_session()
    assert session.sha256.startswith(session.id) and len(session.id) == 12


def test_citation_json_puts_session_first_when_known():
    assert list(Citation(line=3, quote="Hello.", speaker="Jane Doe", session="abc").to_json()) == [
        "session",
        "line",
        "speaker",
        "quote",
    ]


def test_package_exposes_a_tested_public_surface():
    for name in forumlens.__all__:
        assert hasattr(forumlens, name), name
