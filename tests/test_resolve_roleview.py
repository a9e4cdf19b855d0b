"""`Draft.add_mode`: the one way resolve's readers count where a person is, with its evidence."""

from __future__ import annotations

from forumlens.resolve.people import LabelGroup
from forumlens.resolve.roleview import Draft, Evidence


def _draft() -> Draft:
    return Draft(group=LabelGroup(name="Ines Varga", labels=["INES VARGA"], turns=[0]), forms=["Ines Varga"])


def test_add_mode_counts_weights_and_keeps_the_sentence() -> None:
    draft = _draft()
    said = Evidence(12, "Ines joins us from Zagreb on Zoom.", "mode")
    draft.add_mode(2.0, 0, said, seen=340)
    draft.add_mode(0, 1.5, Evidence(30, "Ines, here at the table.", "mode"))
    assert (draft.online, draft.onsite) == (2.0, 1.5)
    assert draft.mode_evidence == [said, Evidence(30, "Ines, here at the table.", "mode")]
    assert draft.seen == {340}  # only the reader that read a name offset marks it
    assert (draft.own_online, draft.own_onsite) == (0.0, 0.0)  # others' words are not her own


def test_add_mode_own_words_also_count_apart() -> None:
    draft = _draft()
    draft.add_mode(1.5, 0.5, Evidence(8, "I am connecting from my kitchen.", "mode"), own=True)
    assert (draft.online, draft.onsite, draft.own_online, draft.own_onsite) == (1.5, 0.5, 1.5, 0.5)
