import pytest

from forumlens.resolve.stakeholders import stakeholder_group


@pytest.mark.parametrize("person, group", [
    ({"affiliation_id": "un-desa", "role": "guest"}, "Intergovernmental Organizations"),
    ({"role": "participant", "evidence": [{"line": 3, "quote": "I'm the officer of the Nigerian IGF in the Ministry of Digital Economy."}]}, "Government"),
    ({"role": "participant", "evidence": [{"line": 3, "quote": "I am Meera from a civil society organisation in India."}]}, "Civil Society"),
    ({"role": "guest", "description": "a professor at the University of Ghana"}, "Academia"),
    ({"role": "dc-representative", "evidence": [{"line": 3, "quote": "I work for a company in Brazil."}]}, None),
    ({"role": "participant", "evidence": [{"line": 3, "quote": "Thank you for the floor."}]}, None),
])
def test_stakeholder_group_from_affiliation_kind_or_own_words(person, group):
    assert stakeholder_group(person) == group


def test_un_desa_is_in_the_registry_as_a_un_body():
    from forumlens.resolve import load_registry

    assert load_registry().entities["un-desa"].kind == "un-body"
