"""The label at the start of a marked turn: what follows `>>` up to the speech.

`split_head` reads the label of a turn body by the rules `parse.py` lists: the text before
the first colon when it reads as a label, a capitals label or name card a hard wrap cut in two
before its colon, a name alone on its `>>` line, a name card (whole when alone on its line) or
role or title-case label without a colon, or a label this file already used. The speech starts
right after it.
"""

from __future__ import annotations

import re

from .clock import label_colon, stamp_free
from .colonless import colonless_card
from .speakers import (
    card_reads_ok,
    colonless_label,
    display_name,
    generic_label,
    looks_like_label,
    name_key,
    parse_name_card,
    sentence_word,
)

__all__ = ["LABEL_MAX", "label_alone", "split_head"]

# The longest text before a colon that can be a label: a name card such as "H.E. NAME, DEPUTY
# MINISTER, MINISTRY OF …, COUNTRY (online)"; `looks_like_label` decides on the words.
LABEL_MAX = 160


def split_head(text: str, body: int, end: int, known: dict[str, str]) -> tuple[str | None, int]:
    """(label, offset where the spoken text starts) for the turn body text[body:end]."""
    line_end = text.find("\n", body, end)
    line_end = end if line_end == -1 else line_end
    head = text[body:line_end]
    colon = label_colon(head)
    if 0 < colon <= LABEL_MAX:
        candidate = stamp_free(head[:colon])
        if looks_like_label(candidate) and not candidate.strip().startswith(("(", "[")):
            start = body + colon + 1
            return candidate.strip(), start
    wrapped = _wrapped_label(text, head, line_end, end, known) if colon == -1 else None
    if wrapped is not None:
        return wrapped
    # a label without a colon: a label seen elsewhere, or a run of capitalised words
    stripped = head.lstrip()
    lead = body + (len(head) - len(stripped))
    below = line_end < end and bool(text[line_end:end].strip())  # speech on the lines below
    if below and label_alone(stripped):
        name = parse_name_card(stripped).name
        if generic_label(stripped) or name_key(stripped) in known or name_key(name) in known:
            return stripped.rstrip(), line_end + 1  # ">> Ana Lima" alone on its line, the speech below
    # ">> CO-MODERATOR (Jo Li) Good morning", ">> JO LI, Ministry of ICT Thank you", or a card
    # alone on its line ">> JO LI, IGF SECRETARIAT" with the speech below
    card = colonless_card(stripped, known, alone=below)
    if card:
        return stripped[:card].strip(), lead + card
    lowered = name_key(stripped[:90])
    for key, label in sorted(known.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(key + " ") and len(key) >= 5:
            raw_len = _raw_prefix_len(stripped, label)
            if raw_len:
                return stripped[:raw_len].strip(), lead + raw_len
    caps = re.match(r"((?:[A-Z][A-Z.'\u00C0-\u00DE\u2011-]+ ){2,5})(?=[A-Z][a-z])", stripped)
    if caps and looks_like_label(caps.group(1)) and not any(sentence_word(w) for w in caps.group(1).split()):
        return caps.group(1).strip(), lead + caps.end(1)
    role = _colonless_role(stripped)
    if role:
        return stripped[:role].strip(), lead + role
    titled = colonless_label(stripped)
    if titled:
        return stripped[:titled], lead + titled
    return None, body


# Capitals name words of a label cut by a hard wrap ("NOUR" / "AL-HUDA QANDEEL:").
_CAPS_WORDS = re.compile(
    r"[ \t]*((?:[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.-]*[ \t]+){0,3}[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.-]*)[ \t]*"
)
# A capitals name card a hard wrap cut ("ILEANA VOINESCU, DC ON LINGUISTIC" / "DIVERSITY: …"):
# capitals words, the card's commas and brackets between them, a comma perhaps at the cut.
_CAPS_CARD_WORD = r"\(?[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.&-]*\)?"
_CAPS_CARD = re.compile(rf"[ \t]*({_CAPS_CARD_WORD}(?:,?[ \t]+{_CAPS_CARD_WORD})*,?)[ \t]*")
_NAME_WORDS_MAX = 5  # the longest plain name a wrap may cut, and the longest name part of a card


def _wrapped_label(text: str, head: str, line_end: int, end: int, known: dict[str, str]) -> tuple[str, int] | None:
    """(label, speech start) of a capitals label a hard wrap cut in two, `>> NOUR` at a line end
    and "AL-HUDA QANDEEL: May I?" below, or a name card cut the same way (`>> ILEANA VOINESCU, DC
    ON LINGUISTIC` and "DIVERSITY: Thank you."): the marker's line holds only capitals words (and
    a card's commas and brackets), the next line opens with capitals words and a colon, and the
    two together read as one label (whitespace collapsed) — a name of at most five words, or a
    card whose name part is one and whose pieces read as a card's. A card the file already writes
    whole is no cut card, and speech below a label is never joined: its words are not all
    capitals up to a colon. None otherwise."""
    first = _CAPS_CARD.fullmatch(head)
    if first is None or line_end >= end:
        return None
    if ("," in head or "(" in head) and name_key(head) in known:
        return None  # ">> JO LI, MODERATOR" written whole elsewhere: the line below is speech
    second = _CAPS_WORDS.match(text, line_end + 1, end)
    if second is None or not text.startswith(":", second.end()):
        return None
    label = f"{first.group(1)} {second.group(1)}"
    card = parse_name_card(label)
    name_words = card.name.split()
    if (
        len(name_words) > _NAME_WORDS_MAX
        or any(sentence_word(w) for w in name_words)
        or not looks_like_label(label)
        or len(label) > LABEL_MAX
    ):
        return None
    if card.pieces and not card_reads_ok(card):
        return None
    if not card.pieces and ("," in label or "(" in label):
        return None  # brackets or commas that do not make a card
    return label, second.end() + 1


def label_alone(line: str) -> bool:
    """Whether a `>>` line reads as a label with no colon, the speech on the lines below
    (">> Ana Lima", ">> MODERATOR", ">> John K. Mwangi (online)"): a role, or two to five name
    words, each capitalised (particles and initials inside), no sentence word, no sentence end.
    A name is taken as a label only when the file uses it as one elsewhere (with a colon, or
    alone on another `>>` line), so a heading after `>>` (">> OPENING CEREMONY") stays text."""
    text = line.strip()
    if not text or len(text) > 80 or text[-1] in ".?!,;:" or not looks_like_label(text):
        return False
    if generic_label(text):
        return True
    name = parse_name_card(text).name.strip() if "(" in text or "," in text else text
    words = name.split()
    return (
        2 <= len(words) <= 5
        and not any(sentence_word(w) for w in words)
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
        and display_name(text) is not None
    )


_NAME_PARTICLES = frozenset(["de", "la", "le", "du", "da", "das", "dos", "di", "del", "della", "der", "van", "von"])


_ROLE_WORD = re.compile(r"(?:[A-Z][A-Za-z'’-]*|\d{1,3})[ \t]+")


_ROLE_WORD_LOWER = re.compile(r"[a-z][a-z'’-]*[ \t]+")  # "Audience member": a role in sentence case


def _colonless_role(head: str) -> int:
    """Length of a role or group label written without a colon, else 0: in capitals before a
    capitalised word (">> PARTICIPANT Yes, thank you", ">> AUDIENCE MEMBER Hello"), or in title
    case before a word that opens speech (">> Audience Yes, my name is…", ">> Remote Participant
    Hello"); a title-case role before any other word may be the speech itself ("Host Country
    representatives…"). The longest run of up to four words that is a role wins."""
    ends: list[int] = []
    at = 0
    while len(ends) < 4 and (word := _ROLE_WORD.match(head, at) or (ends and _ROLE_WORD_LOWER.match(head, at))):
        at = word.end()
        ends.append(at)
    for end in reversed(ends):
        nxt = re.match(r"[A-Z][a-z'’]*\b", head[end:])
        label = head[:end].strip()
        if nxt is None or not generic_label(label):
            continue
        if label.upper() == label or sentence_word(nxt.group()):
            return end
    return 0


def _raw_prefix_len(text: str, label: str) -> int:
    """Length of the prefix of `text` that spells `label` (ignoring case/hyphen style)."""
    words = len(label.split())
    match = re.match(r"\s*" + r"\s+".join([r"\S+"] * words), text)
    if match and name_key(match.group(0)) == name_key(label):
        return match.end()
    return 0
