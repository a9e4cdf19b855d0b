"""A label that is the topic of a body the same text names in full: the body speaks. Pure.

Why: a joint statement of several coalitions tags each paragraph with the coalition it is by, in short
("1.3 (Pastoralist Mobile Services) SIM registration should accept …"), after naming every coalition in full
in its heading ("Joint Statement of the Dynamic Coalition on Fishers Connectivity, …"). The parser reads the tag
as a speaker's label; the people analysis then guesses that "speaker"'s body from the names around it (the
first coalition of the heading, or a name run on into the signatures), and a coalition's ask in the statement
never meets the same coalition's ask said in a session. The tag is the topic of one of the bodies the text names:
that body is the paragraph's voice. A label that is a person's name is no coalition's topic, and a topic two
bodies of the text share (a coalition and a forum on one topic) says neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resolve.registry import Registry

__all__ = ["label_actor", "label_body", "tagged_actor"]

# a body's head before its topic: "Dynamic Coalition on", "DC on", "Best Practice Forum on", "Policy Network on"
_BODY_ON = (
    r"(?:(?:Dynamic\s+)?Coalition|DC|(?:Best\s+Practice\s+)?Forum|(?:Policy\s+)?Network|(?:Working\s+)?Group)"
    r"\s+(?:on|for)\s+"
)
_HEAD = _BODY_ON + r"(?:the\s+)?"


@lru_cache(maxsize=512)  # one call per turn, and a session's turns repeat few labels
def label_body(label: str | None, text: str) -> str | None:
    """The full name `text` gives the body whose topic `label` is ("Pastoralist Mobile Services" → "Dynamic Coalition
    on Pastoralist Mobile Services"), as the text first writes it; None when the label is no such topic, is a
    single word, or is the topic of two bodies of the text.

    >>> label_body("Fishers Connectivity", "Statement of the Dynamic Coalition on Fishers Connectivity.")
    'Dynamic Coalition on Fishers Connectivity'
    >>> label_body("Ana Ruiz", "Ana Ruiz, Dynamic Coalition on Rivers.") is None
    True
    """
    words = (label or "").split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if len(w) > 3):
        return None
    if not _may_follow_a_head(words[0], text):
        return None  # no body's head in the text is followed by the label's first word
    topic = r"\s+".join(re.escape(w) for w in words)
    found = {
        " ".join(m.group(0).split())
        for m in re.finditer(rf"\b{_HEAD}{topic}(?![\w'’-]|\s+(?:and|of|for|in|&)\s+(?-i:[A-Z]))", text, re.I)
    }
    heads = {re.sub(rf"\s+(?:the\s+)?{topic}$", "", name, flags=re.I).casefold() for name in found}
    if not found or len({_family(h) for h in heads}) != 1:
        return None
    first = min(found, key=lambda name: text.find(name) if name in text else len(text))
    return first


# every way a body's head can end where a topic begins: `_HEAD` with and without its "the"
_HEAD_ENDS = re.compile(rf"\b{_BODY_ON}(?P<the>the\s+)?", re.I)


@lru_cache(maxsize=4)  # one text a session, asked for each of its labels
def _head_ends(text: str) -> tuple[int, ...]:
    """The offsets where `label_body`'s pattern could start reading a topic in `text`: after each head, with
    and without the "the" that follows it.

    Why (issue 19): `label_body` compiled a case-insensitive pattern per label and scanned the whole text with
    it (≈ 2.5 ms a label, ≈ 20 ms a session's first pass), while most labels (people's names) never follow a
    head at all. A head found inside another ("Coalition on" in "Dynamic Coalition on") ends where it does."""
    ends: set[int] = set()
    for m in _HEAD_ENDS.finditer(text):
        ends.add(m.end())
        if m.group("the") is not None:
            ends.add(m.start("the"))
    return tuple(sorted(ends))


def _may_follow_a_head(word: str, text: str) -> bool:
    """False only when no head of `text` is followed by `word` in any case: `label_body`'s pattern then cannot
    match. Exact for ASCII; any other character counts as a possible match (case-insensitive matching of
    other scripts has rules `str.lower` does not share), so the full pattern decides."""
    size, key, plain = len(word), word.lower(), word.isascii()
    for end in _head_ends(text):
        said = text[end : end + size]
        if not (plain and said.isascii()) or said.lower() == key:
            return True
    return False


def _family(head: str) -> str:
    """The kind of body a head says ("dynamic coalition on" and "dc on" are one family)."""
    if "coalition" in head or head.startswith("dc"):
        return "coalition"
    return head.split()[-2] if len(head.split()) > 1 else head


def label_actor(label: str | None, text: str, registry: Registry) -> tuple[str | None, str | None] | None:
    """(coalition, institution) of `label_body`: the registry's coalition when it knows the body as one, else the
    body as an institution-like actor (a coalition the registry does not know); None when the label is no body's."""
    body = label_body(label, text)
    if body is None:
        return None
    known = registry.by_name(body)
    return (known.name, None) if known is not None and known.kind == "dc" else (None, body)


# a paragraph's tag: its number, then its coalition in brackets ("1.3 (Pastoralist Mobile Services) SIM …")
_TAG = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?\((?P<tag>[A-Z][^()\n]{2,80})\)\s")


def tagged_actor(sentence: str, text: str, registry: Registry) -> tuple[str | None, str | None] | None:
    """The actor (`label_actor`) a sentence's opening tag names ("1.3 (Pastoralist Mobile Services) SIM registration
    should …", in a document whose heading names the coalition in full); None without such a tag.

    Why: where the parser reads the statement as a document, not as labelled turns, the tag is still the paragraph's
    voice, and the document's author (its first coalition) is not."""
    found = _TAG.match(sentence)
    return label_actor(found.group("tag"), text, registry) if found is not None else None
