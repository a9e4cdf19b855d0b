"""An ask answered in the same session by the body it names, without a response cue (issue 20).

"We ask UNESCO to publish the raw data …" — a few turns later UNESCO's speaker: "The raw data of the
assessments will be on our portal in open format from March": a `response` item that closes the ask.
A hedge ("we hear you, it is not so simple", "I cannot promise anything today"), the speaker's introduction or a
reply about something else is none.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.addressed import addressee

from .threads_support import items_of

SESSION = """>> ANA RUIZ: Welcome.  Jean, please.

>> JEAN KONE: Jean Kone, dynamic coalition on island networks.  The national assessments are useful, but nobody can check them.  So we ask UNESCO to publish the raw data of the national assessments, and not only the final reports.

>> ANA RUIZ: Thank you.  {other}

>> MARIE DUVAL: Thank you.  Marie Duval, UNESCO, I work on the assessments in Paris.  {reply}
"""


def _answered(reply: str, other: str = "Marie, UNESCO is here.") -> list[str]:
    found = items_of(SESSION.format(reply=reply, other=other), "igf2031-addressed.txt")
    threads = link_items(place_items([(2031, (2031, 0), found)])).threads
    return [t.status for t in threads if t.kind == "ask" and any("raw data" in i.quote for i in t.items)]


def test_the_body_an_ask_names_answers_it_in_the_next_turns() -> None:
    reply = "The raw data of the national assessments will be on our portal in open format from March."
    assert _answered(reply) == ["answered"]


@pytest.mark.parametrize(
    "reply",
    [
        "On the raw data of the assessments, we hear you, it is not so simple, and we are discussing it.",
        "We are very happy to be here in this beautiful city today.",  # shares nothing with the ask
        "We review how the raw data of the national assessments are kept, so I cannot promise anything today.",
        "I work on the raw data of the national assessments, with the teams in the countries.",  # who she is
    ],
)
def test_a_hedge_or_a_reply_about_something_else_leaves_the_ask_open(reply: str) -> None:
    assert _answered(reply) == ["raised-once"]


@pytest.mark.parametrize(
    ("quote", "who"),
    [
        ("So we ask the Internet Society to fund the first equipment", {"society"}),
        ("we call on the Ministry of Digital Economy to connect the schools", {"ministry", "digital", "economy"}),
        ("we ask for more time at the microphone", None),
    ],
)
def test_the_addressee_of_an_ask(quote: str, who: set[str] | None) -> None:
    found = addressee(quote)
    assert (set(found[0]) if found else None) == who
