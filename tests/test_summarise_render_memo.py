"""Stop 30 (issue 19): the rendering cascade's shortcuts give the plain code's answers.

`compress` searches for a dash-separated restart only in a text holding a dash (compared
with the search run on every text); `is_procedural` reads its thanks-only patterns only after a
thanks opener; `rewrite.dangling` and `first_person` are kept per text. Each is compared
with the plain code (copied here as it was) on every sentence of real transcripts and on
sentences built to reach the branches (dashes of each kind, thanks with and without
substance after a colon).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.summarise import compress as compress_module
from forumlens.summarise import procedural, rewrite
from forumlens.transcript.sentences import split_sentences

RESOURCES = Path(__file__).resolve().parent / "resources" / "summarise"

BUILT = [
    "why public access ‑‑ why use public access when alternatives are there",
    "My -- good day to all of you, we start now.",
    "It is — it was a long process — and we finished it.",
    "The gap – the real gap – is in rural areas, you know.",
    "Thank you: funding is the barrier we keep coming back to in every region.",
    "Thank you very much for the invitation to this panel today.",
    "Thank you, Chair.",
    "Thanks to all the speakers for their very clear remarks this morning.",
    "So, um, we we have published a guide for libraries.",
    "Its page lists the members, and he said it is updated.",
    ", , and so, I think, the key message is that access matters.",
]


def _sentences() -> list[str]:
    out = list(BUILT)
    for path in sorted(RESOURCES.glob("*.txt"))[:6]:
        text = path.read_text(encoding="utf-8")
        out += [text[a:b] for a, b in split_sentences(text) if text[a:b].strip()]
    return out


def _plain_is_procedural(text: str) -> bool:
    clean = " ".join(text.split())
    words = len(clean.split())
    substance_after = re.search(r"[:;]\s*\w+(?:\W+\w+){4,}", clean)
    if (
        procedural._THANKS_FAST.match(0, clean, procedural._THANKS_FAST.present(clean))
        and not substance_after
        and (words <= 14 or (re.search(r"\bthank you\b[^.?!]{0,60}\bfor\b", clean, re.IGNORECASE) and words <= 25))
    ):
        return True
    return bool(procedural._HARD_ANY.search(clean))


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    got = _sentences()
    assert len(got) > 300  # real sentences, not only the built ones
    return got


def test_compress_gives_the_plain_answers(sentences: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    compress_module.compress.cache_clear()
    fast = [compress_module.compress(s) for s in sentences]
    monkeypatch.setattr(compress_module, "_DASHES", ("",))  # "" is in every text: the dash search always runs
    assert [compress_module.compress.__wrapped__(s) for s in sentences] == fast
    assert any(d in s for s in sentences for d in ("‑‑", "--", "—", "–"))  # the dash branch was reached


def test_the_stutter_repair_still_cuts_at_every_dash_kind() -> None:
    for dash in ("‑‑", "--", "—", "–"):
        text = f"why public access {dash} why use public access when alternatives are there"
        assert compress_module._repair_stutter(text) == "why use public access when alternatives are there"
    assert compress_module._repair_stutter("no dash here, why use it") == "no dash here, why use it"


def test_is_procedural_gives_the_plain_answers(sentences: list[str]) -> None:
    procedural.is_procedural.cache_clear()
    assert [procedural.is_procedural(s) for s in sentences] == [_plain_is_procedural(s) for s in sentences]
    assert procedural.is_procedural("Thank you, Chair.")
    assert not procedural.is_procedural("Thank you: funding is the barrier we keep coming back to in every region.")


def test_kept_dangling_and_first_person_answer_as_computed(sentences: list[str]) -> None:
    rewrite.dangling.cache_clear()
    rewrite.first_person.cache_clear()
    for s in sentences:
        for _ in range(2):  # the second ask is answered from the memo
            assert rewrite.dangling(s) == rewrite.dangling.__wrapped__(s)
            assert rewrite.first_person(s) == rewrite.first_person.__wrapped__(s)
    assert rewrite.dangling.cache_info().hits >= len(set(sentences))
