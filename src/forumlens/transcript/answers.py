"""Typed answers in a question table's answer cell: `Jo Li - text`, one answer a line.

A webinar platform's question-and-answer report is a table: a row per question, the asker in a
column of its own, and the typed answers in one cell, each answer opening with its answerer's
display name and a spaced hyphen (`Jo Li - Yes, on the page.`), the host's with the role before
the name (`Host - Jo Li - Yes.`), two answers on two lines of one quoted cell. The cell names
its speakers inline, so each of its lines that opens with a short name field and ` - ` is a turn
of its own labelled by that field (a role before the name is kept in the label, as written);
a line without one goes on with the answer above, and a cell with no named line at all (`live
answered`: answered aloud) holds no turn.
"""

from __future__ import annotations

import re

from .speakers import generic_label

__all__ = ["ANSWER_COLUMNS", "answer_turns"]

# Column names (lower case, spaces collapsed) of a question table's answer cell.
ANSWER_COLUMNS = frozenset(["answer", "answers", "answer(s)", "reply", "replies", "response", "responses"])
_DASH = " - "
_NAME_WORDS = 6
_SENTENCE = re.compile(r"[.?!;:,]")


def _name_field(piece: str) -> bool:
    words = piece.split()
    # a display name opens with a capital (or a letter of a script without case), not a phrase
    return (
        0 < len(words) <= _NAME_WORDS
        and not _SENTENCE.search(piece)
        and piece[:1].isalpha()
        and not piece[:1].islower()
    )


def answer_turns(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(speech start, speech end, label) of each named answer in the cell text[start:end] (see
    the module doc); [] when no line of the cell names its answerer."""
    found: list[tuple[int, int, str]] = []
    at = start
    while at < end:
        line_end = text.find("\n", at, end)
        line_end = end if line_end == -1 else line_end
        line = text[at:line_end].rstrip("\r")
        pieces = line.split(_DASH)
        label_pieces = 0
        if len(pieces) >= 2 and _name_field(pieces[0].strip()):
            label_pieces = 1
            if len(pieces) >= 3 and generic_label(pieces[0]) and _name_field(pieces[1].strip()):
                label_pieces = 2  # `Host - Jo Li - text`: the role, then the name
        if label_pieces:
            label = _DASH.join(p.strip() for p in pieces[:label_pieces])
            body = at + len(_DASH.join(pieces[:label_pieces])) + len(_DASH)
            body += len(text[body:line_end]) - len(text[body:line_end].lstrip())
            found.append((body, at + len(line.rstrip()), label))
        elif found and line.strip():  # a line of the answer above
            found[-1] = (found[-1][0], at + len(line.rstrip()), found[-1][2])
        at = line_end + 1
    return found
