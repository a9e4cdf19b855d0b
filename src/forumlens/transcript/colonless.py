"""A name card written as a label without a colon, right after `>>`.

Captioners who drop the colon after a plain name (`>> INGRID SOLBERG Thank you`) drop it after a
name card too: `>> CO-MODERATOR (Tunde Adebayo) Good morning`, `>> MARISOL VEGA, Deputy Minister
of Telecommunications, Chile Thank you.`, `>> FAZLUR RAHMAN (online) Thank you`. The card ends
where the speech starts, and speech is told from a card by its words: a card holds only
capitalised words and the small words of an organisation's name ("of", "di"), never a word that
opens or carries a sentence ("Thank", "we", "Good morning"). So the label is the longest
prefix that (a) ends before the first sentence word or the first lower-case word that is not a
connector, (b) is followed by a capitalised word, and (c) reads as a name card whose name part is
the file's own label (written in capitals, a role, or a name the file uses as a label elsewhere).

A card alone on its `>>` line, the speech on the lines below (`>> SUNNIVA REKDAL, IGF SECRETARIAT`
then "Thank you, Njeri."), is the whole line: no speech follows it on that line, so its last
capitalised word is the card's, not the first word of the speech.
"""

from __future__ import annotations

import re
from collections.abc import Container

from .speakers import (
    NameCard,
    card_reads_ok,
    display_name,
    generic_label,
    name_key,
    occupation_word,
    parse_name_card,
    place_of_voice,
    sentence_word,
)

__all__ = ["colonless_card"]

_WORD = re.compile(r"\S+")
# Lower-case words a card may hold between its capitalised ones (bodies and places, particles).
_CONNECTORS = frozenset(
    [
        *["of", "for", "and", "the", "on", "in", "&", "y", "e", "für", "und", "des"],
        *["de", "la", "le", "du", "da", "das", "dos", "di", "del", "della", "der", "den", "van", "von", "al", "el"],
    ]
)
_MODES = frozenset(["online", "remote", "remotely", "virtual", "on-site", "onsite"])
_HEAD_MAX = 160


def _card_word(word: str) -> bool:
    bare = word.strip("(),")
    if not bare:
        return True  # a lone bracket or dash between pieces
    if bare in ("-", "--", "\u2013", "\u2014"):
        return True
    if bare.lower() in _CONNECTORS:
        return True  # "of" is a sentence word too, but it joins the words of a body's name
    if sentence_word(bare):
        return False
    if bare[:1].isupper():
        return not re.search(r"[.!?]$", bare) or len(bare.rstrip(".")) <= 3  # "Dr.", "J." but not "Chile."
    return bare.lower() in _MODES or occupation_word(bare)  # "HAKAN DEMIR, student, Bilkent"


def colonless_card(head: str, known: Container[str], *, alone: bool = False) -> int:
    """Length of a leading name card written without a colon (see the module doc), else 0.

    `known` holds the name keys (`name_key`) of the labels this file writes with a colon; a name
    part in mixed case must be one of them, one in capitals or a role needs no such evidence.
    `alone`: `head` is the whole of its line and the speech is on the lines below, so a card
    that fills the line ends at the line's end."""
    cut = min((i for i in (head.find(","), head.find("(")) if i > 0), default=-1)
    if cut <= 0 or cut > 60:
        return 0
    words = list(_WORD.finditer(head[:_HEAD_MAX]))
    run = 0
    while run < len(words) and _card_word(words[run].group()):
        run += 1
    # every word on the line is a card word, none is speech; a card in capitals ends in capitals
    # or in a bracketed piece (">> JO LI, UNESCO Bonjour" with more speech below keeps "Bonjour"
    # as speech, ">> JO LI, UNESCO (online)" is a card)
    last = words[-1].group() if words else ""
    whole = alone and run == len(words) > 1
    if whole and _capitals(head[: words[-1].start()]) and not (_capitals(last) or last.startswith("(")):
        whole = False
    for k in range(len(words) if whole else min(run, len(words) - 1), 0, -1):
        nxt = words[k].group().lstrip("(\"“'") if k < len(words) else "X"  # the line's end: speech below
        if words[k - 1].end() <= cut or not nxt[:1].isupper():
            continue
        label = head[: words[k - 1].end()].rstrip(" ,")
        if label.count("(") != label.count(")"):
            continue
        card = parse_name_card(label)
        # a hub's card alone on its line ("REMOTE HUB, PORT LOUIS") names where the voices are
        hub = whole and k == len(words) and place_of_voice(label.split(",", 1)[0])
        if not (card_reads_ok(card) or hub) or not _own_label(card, label, known):
            continue
        return words[k - 1].end()
    return 0


def _capitals(text: str) -> bool:
    """Whether every letter of `text` is a capital (and it has one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _own_label(card: NameCard, label: str, known: Container[str]) -> bool:
    """The card's name part is a label of this file: a role, a name in capitals (the file's
    capitals label shape), or a name written as a label elsewhere in the file; or a mixed-case
    name of two to four words whose card also says what the person is ("Hakan Demir, student,
    Bilkent", "Ana Ruiz (youth delegate)"): a role piece is no sentence's words. A mode alone
    ("Jo Li (online) Thank you") is not enough: the name must be a label elsewhere."""
    name = card.name
    letters = [ch for ch in name if ch.isalpha()]
    if generic_label(name) or generic_label(label.split("(")[0].split(",")[0]):
        return True
    if letters and all(ch.isupper() for ch in letters) and 2 <= len(name.split()) <= 4:
        return True
    if card.role and 2 <= len(name.split()) <= 4 and display_name(name):
        return True
    return name_key(name) in known
