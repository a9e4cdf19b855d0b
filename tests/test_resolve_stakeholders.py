import pytest

from forumlens.resolve import Evidence, Person
from forumlens.resolve.stakeholders import stakeholder_group


def _said(quote: str) -> tuple[Evidence, ...]:
    return (Evidence(3, quote, "self-introduction"),)


@pytest.mark.parametrize(
    "person, group",
    [
        (Person("A", affiliation_id="un-desa", role="guest"), "Intergovernmental Organizations"),
        (
            Person(
                "B",
                role="participant",
                evidence=_said("I'm the officer of the Nigerian IGF in the Ministry of Digital Economy."),
            ),
            "Government",
        ),
        (
            Person("C", role="participant", evidence=_said("I am Meera from a civil society organisation in India.")),
            "Civil Society",
        ),
        (Person(None, role="guest", description="a professor at the University of Ghana"), "Academia"),
        (Person("D", role="dc-representative", evidence=_said("I work for a company in Brazil.")), None),
        (Person("E", role="participant", evidence=_said("Thank you for the floor.")), None),
    ],
)
def test_stakeholder_group_from_affiliation_kind_or_own_words(person: Person, group: str | None) -> None:
    assert stakeholder_group(person) == group


def test_the_cast_carries_each_persons_stakeholder_group() -> None:
    from forumlens.resolve import resolve_session
    from forumlens.transcript.parse import parse_transcript

    text = (
        ">> JO CHAIR: Welcome. Now over to Ana Lima from UN DESA. Ana, the floor is yours.\n"
        ">> ANA LIMA: Thank you. At UN DESA we need funding for research on this.\n"
    )
    cast = resolve_session(parse_transcript(text))
    assert {p.name: p.stakeholder for p in cast.people} == {
        "Jo Chair": None,
        "Ana Lima": "Intergovernmental Organizations",
    }
    assert [p["stakeholder"] for p in cast.to_json()["people"]] == [None, "Intergovernmental Organizations"]


def test_un_desa_is_in_the_registry_as_a_un_body():
    from forumlens.resolve import load_registry

    assert load_registry().entities["un-desa"].kind == "un-body"
