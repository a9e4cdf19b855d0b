"""A person's session record is one code for `forumlens people --json` and the portal's person page
(`PersonAppearance.to_json`): the same fields in the same order, the page adding the words and minutes."""

from __future__ import annotations

from forumlens.store.views import PersonAppearance, PersonOnRecord
from forumlens.web.views import person_detail


def _seen(session: str, year: int | None, words: int) -> PersonAppearance:
    return PersonAppearance(
        person_key="wanjiru kamau",
        name="Wanjiru Kamau",
        session=session,
        title=f"Rural Libraries {year}",
        year=year,
        role="dc-representative",
        affiliation="DC on Rural Libraries",
        mode="online",
        words=words,
        lines=(12, 40),
        minutes=round(words / 130, 1),
    )


class _Store:
    def __init__(self, person: PersonOnRecord) -> None:
        self.person = person

    def people_on_record(self, key: str) -> list[PersonOnRecord]:
        return [self.person] if key == self.person.key else []


def test_the_cli_and_the_person_page_give_one_session_record():
    person = PersonOnRecord(
        key="wanjiru kamau",
        name="Wanjiru Kamau",
        labels=("WANJIRU KAMAU",),
        appearances=(_seen("s-2019", 2019, 260), _seen("s-2023", 2023, 520)),
    )
    cli = person.to_json()["sessions"]
    assert [list(s) for s in cli] == [["session", "title", "year", "role", "affiliation", "mode", "lines"]] * 2
    assert cli[0] == {
        "session": "s-2019",
        "title": "Rural Libraries 2019",
        "year": 2019,
        "role": "dc-representative",
        "affiliation": "DC on Rural Libraries",
        "mode": "online",
        "lines": [12, 40],
    }
    page = person_detail(_Store(person), "wanjiru-kamau")["sessions"]  # type: ignore[arg-type]
    assert [s["session"] for s in page] == ["s-2023", "s-2019"]  # newest first
    assert list(page[1]) == ["session", "title", "year", "role", "affiliation", "mode", "words", "minutes", "lines"]
    assert page[1] == {**cli[0], "words": 260, "minutes": 2.0}
