"""The coalition page's questions: those put to whom spoke for it in that session (issues 20/23).

The page took a question to anyone who ever spoke for the coalition, in any session, as
put to the coalition: Amina Osei spoke for the connectivity coalition in 2031, so the
question put to her in 2032, where she spoke for the library coalition, was listed on the
connectivity coalition's page too (the session mentions it). Its asks already went by
who spoke for it in the session (`coalition_owned.member_keys`); its questions now do.
The sessions are written for this test.
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

LICENCES = "Amina, how many community networks have applied for a licence this year?"
HOTSPOTS = "Amina, how many libraries keep their hotspots open after ten at night?"
WORKSHOP = f"""IGF 2031 Workshop #12: Community Networks and Public Access

>> MODERATOR JANE DOE: Welcome to the workshop. Amina, the floor is yours.

>> AMINA OSEI: I am Amina Osei, from the Dynamic Coalition on Community Connectivity. \
We call on regulators to publish the spectrum licence fees for community networks in one public register.

>> PEDRO ALVES: {LICENCES}

>> AMINA OSEI: Forty-two of them, mostly in rural areas.

>> MODERATOR JANE DOE: Thank you both.
"""
FORUM = f"""IGF 2032 Open Forum on Libraries and Connectivity

>> MODERATOR JANE DOE: Welcome. The Dynamic Coalition on Community Connectivity sends its regards this year. \
Amina, the floor is yours.

>> AMINA OSEI: I am Amina Osei, and this year I speak for the Dynamic Coalition on Public Access in Libraries. \
We need funding to keep library hotspots open at night for students.

>> PEDRO ALVES: {HOTSPOTS}

>> AMINA OSEI: About a third of them, in the larger towns.

>> MODERATOR JANE DOE: Thank you, Amina.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """(store path, {"workshop", "forum": session id}), both through the real pipeline."""
    files = {"workshop": ("igf2031-ws12.txt", WORKSHOP), "forum": ("igf2032-of-libraries.txt", FORUM)}
    return store_of_texts(tmp_path_factory.mktemp("coalition-questions"), files)


def _questions(db: str, coalition: str) -> list[tuple[str, str]]:
    with TestClient(create_app(db, web_settings(db))) as client:
        response = client.get(f"/api/coalitions/{coalition}")
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return sorted((q["session"], q["text"]) for q in page["questions"])


def test_a_question_counts_for_the_coalition_its_addressee_spoke_for_in_that_session(
    store: tuple[str, dict[str, str]],
) -> None:
    db, ids = store
    # the 2032 forum mentions the connectivity coalition, but Amina spoke for the libraries there
    assert _questions(db, "dc-on-community-connectivity") == [(ids["workshop"], LICENCES)]
    assert _questions(db, "dc-on-public-access-in-libraries") == [(ids["forum"], HOTSPOTS)]
