"""Coalition status in one session: presented, invited-absent or mentioned.

"Presented" needs the coalition's own voice: a speaker whose resolved affiliation is
that coalition and who said something. Being named — even being asked a question, as
in "I have a question for the Dynamic Coalition on Gender. Is anybody from that
coalition in the room?" — is not presenting. A coalition that was invited or asked
(by the chair's invitation, or by anyone's question addressed to it) and never
answered is "invited-absent"; every other named coalition is "mentioned".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forumlens.resolve import cues, voice
from forumlens.resolve.mentions import Mention

__all__ = ["Voice", "coalition_statuses"]


@dataclass(frozen=True)
class Voice:
    """A speaker who spoke for a coalition: its id and the lines that show it."""

    entity_id: str
    lines: tuple[int, ...]


def _invited(text: str, sentence: tuple[int, int], mention: Mention, by_moderator: bool) -> bool:
    a, b = sentence
    if voice.addressed(text, a, mention.start):
        return True
    return by_moderator and cues.INVITE.search(text, a, b) is not None


def coalition_statuses(
    text: str,
    mentions: Sequence[Mention],
    voices: Sequence[Voice],
    sentence_of: Mapping[int, tuple[int, int]],
    moderator_at: Mapping[int, bool],
) -> dict[str, tuple[str, list[int]]]:
    """Coalition id → (status, evidence lines), in order of first appearance.

    `sentence_of` maps a mention's start offset to its sentence span, `moderator_at`
    maps it to whether a moderator said it (offsets outside speech are absent).
    """
    presented: dict[str, list[int]] = {}
    for v in voices:
        presented.setdefault(v.entity_id, []).extend(v.lines)
    lines: dict[str, list[int]] = {}
    invited: set[str] = set()
    for m in mentions:
        if m.kind != "dc":
            continue
        lines.setdefault(m.entity_id, []).append(m.line)
        span = sentence_of.get(m.start)
        if span is not None and m.entity_id not in presented and _invited(text, span, m, moderator_at[m.start]):
            invited.add(m.entity_id)
    result: dict[str, tuple[str, list[int]]] = {}
    # first line, then first appearance: two coalitions named on one line keep the order they were named in
    # (a set here would order them by hash seed, and records would differ between processes)
    for entity_id in sorted(
        dict.fromkeys([*lines, *presented]), key=lambda e: min(lines.get(e, []) + presented.get(e, []))
    ):
        status = "presented" if entity_id in presented else "invited-absent" if entity_id in invited else "mentioned"
        result[entity_id] = (status, sorted(set(lines.get(entity_id, []) + presented.get(entity_id, []))))
    return result
