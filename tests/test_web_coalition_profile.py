"""A coalition page's profile names each of its names for what it is (new user's walk, round 17).

The profile's "Official name" row showed the registry's first three matching phrases, which
mix the official name with former and informal ones: the children's rights coalition's page
gave "Dynamic Coalition on Child Online Safety", its name until it was renamed, as an official
name, and the gender coalition's gave "Gender Coalition". The official, former and other names
are now told apart on the page and in the API (`profile.official`, `profile.former`,
`profile.aliases`). The session is written for this test.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.web import create_app

from .web_support import store_of_texts, web_settings

SESSION = """IGF 2030 Workshop #7: Children Online and the Gender Gap

>> MODERATOR JANE DOE: Welcome. Two coalitions speak today. Maria, the floor is yours.

>> MARIA KOVAC: I am Maria Kovac from the Dynamic Coalition on Children's Rights in the Digital Environment. \
We ask platforms to publish how they verify the age of their users.

>> LENA FISCHER: I speak for the Dynamic Coalition on Gender and Internet Governance. \
We call on regulators to count online harassment of women journalists.

>> MODERATOR JANE DOE: Thank you both.
"""

CHILDREN = "Dynamic Coalition on Children's Rights in the Digital Environment"
FORMER = "Dynamic Coalition on Child Online Safety"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], str]]:
    """{coalition name: (its API answer, its page's HTML)} for the coalitions of the session."""
    db, _ids = store_of_texts(tmp_path_factory.mktemp("coalition-profile"), {"ws": ("igf2030-ws7.txt", SESSION)})
    out: dict[str, tuple[dict[str, Any], str]] = {}
    with TestClient(create_app(db, web_settings(db))) as client:
        listed = client.get("/api/coalitions").json()
        for row in listed:
            api = client.get(f"/api/coalitions/{row['id']}")
            page = client.get(f"/coalitions/{row['id']}")
            assert api.status_code == 200 and page.status_code == 200, (api.text, page.text)
            out[row["name"]] = (api.json(), page.text)
    return out


def _profile_rows(page: str) -> dict[str, str]:
    section = page.split('<section id="profile">', 1)[1].split("</section>", 1)[0]
    rows: dict[str, str] = {}
    for part in section.split("<dt>")[1:]:
        label, rest = part.split("</dt>", 1)
        rows[label] = rest.split("<dd>", 1)[1].split("</dd>", 1)[0]
    return rows


def test_a_former_name_is_shown_as_former_never_as_official(pages):
    api, page = pages["DC on Children's Rights in the Digital Environment"]
    assert api["profile"]["official"] == [CHILDREN]
    assert api["profile"]["former"] == [FORMER]
    rows = _profile_rows(page)
    assert rows["Official name"] == CHILDREN.replace("'", "&#39;")
    assert rows["Former name"] == FORMER


def test_informal_names_are_shown_apart_from_the_official_one(pages):
    api, page = pages["DC on Gender and Internet Governance"]
    assert api["profile"]["official"] == ["Dynamic Coalition on Gender and Internet Governance"]
    assert "Gender Coalition" in api["profile"]["aliases"] and api["profile"]["former"] == []
    rows = _profile_rows(page)
    assert rows["Official name"] == "Dynamic Coalition on Gender and Internet Governance"
    assert "Gender Coalition" in rows["Also called"] and "Former name" not in rows
