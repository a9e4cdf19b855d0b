"""An unmarked turn right after a hand-off to one speaker is that speaker's: ">> KUUSEPUU:  Yes.
Dorin, I have unmuted you, please go ahead." then ">> Hello?  Hello, can you hear me? …"; "And
Dorin, the last word goes to Bălți." then ">> Plan the network for the village …"; "Chisomo?"
then ">> Pay the community centres …".

Why: an online voice comes in before the captioner sees whose it is, and a closing one-liner
goes by before the label is typed, so the turn keeps a bare `>>` and becomes an unnamed extra
person. The hand-off just before it says whose turn it is, and the captions follow hand-offs.
What tells it, taken together: the turn before ends with a sentence said to one person by first
name (it opens with the name and a comma, or is the name and a question mark); exactly one
speaker of the cast goes by that first name, and not the one who said it; and the unmarked turn
does not thank that person (then it is somebody else answering them). A voice that names itself,
or a hand-off in any other sentence, is left alone.

A one-turn voice under a floor label (">> AUDIENCE:", ">> PARTICIPANT:") after such a hand-off
is read the same way, more strictly, since a floor microphone is anyone's: it joins the one
called only when that person, too, has spoken only under floor labels ("Deanne, you had your
hand up again?" and the MAG member heard before under ">> AUDIENCE:"); and a voice called by a
first name nobody of the cast goes by takes the full name it says itself with that first name
("Saulius, you asked me for the floor" … ">> PARTICIPANT: … Saulius Jakštonis, from the
Klaipėda Evening Courier.": a floor speaker signing off with the name the chair called). With
no hand-off before it, the voice after it may tell the same: ">> AUDIENCE: … Senait
Gebrezgiabher, Bremerhaven Centre for Migration and Media.  Thank you." then ">> GHIATH QATTINEH:
Thank you, Senait, …": a first name thanked as the next turn opens, which nobody of the cast goes
by, and the floor voice's own words say one full name with it.

Floor turns are credited one by one, by who the turn says speaks: a voice handed to a first name
that says in so many words a full name with that first name which is not the holder's ("Farid in
Dushanbe, please go ahead" … ">> … I am Farid Sharipzoda": two people share the given name) is
that other person, not the Farid of the cast; and a bare voice handed the floor ("Efua, go
ahead.") by a first name nobody of the cast goes by takes the one full name the session gives
it (its own words first, else the chair's: "your name is in the chat: Efua Anokyewaa-Quarcoo"),
and is the one a later hand-off to that first name calls back ("Efua?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from forumlens.models import Turn
from forumlens.resolve.cutlabels import said_full_names, speech_texts
from forumlens.resolve.firstnames import NOT_NAMES
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.selfnames import own_names

__all__ = ["handed_to", "join_handed_turns"]

# "Dorin, I have unmuted you …", "And Dorin, the last word …", "Chisomo?": said to one person
_SAID_TO = re.compile(
    r"^(?:(?:And|Now|So|Yes|Okay|OK|Then)\s*,?\s+)?(?P<name>(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]{2,}))\s*(?:,\s|\?\s*$)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# The hand-off gives the floor ("Efua, go ahead.", "Farzana, please.", "Kofi?"), not only speaks to
# the one named ("Zainab, it's a good question, … let me come back to it"): then a voice nobody of
# the cast goes by may take the one full name the session gives that first name
_GIVES_FLOOR = re.compile(
    r"\b(?:please|go ahead|the floor|over to you|your turn|unmuted|the microphone|you can start)\b|\?\s*$",
    re.IGNORECASE,
)
_THANKS = re.compile(r"\s*(?:thank\s+you|thanks|merci|gracias),?\s+((?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’-]+)", re.IGNORECASE)


# A last sentence that only gives the floor, to whoever the sentence before called: "Gwendolyn,
# can you hear us?  Please go ahead."
_ONLY_FLOOR = re.compile(
    r"^(?:please[\s,]+)?(?:go\s+ahead|you\s+can\s+(?:start|speak))(?:[\s,]+please)?\s*[.!]?$", re.IGNORECASE
)
# "Please, Gwendolyn, go ahead.": the name after a "please" that opens the sentence
_PLEASE = re.compile(r"^please\s*,\s*", re.IGNORECASE)


def handed_to(text: str) -> str | None:
    """The first name a turn's last sentence is said to ("Kwabena, the last word from Accra."), if any;
    a last sentence that only gives the floor ("Please go ahead.") gives it to the one the sentence
    before it calls."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    if not sentences:
        return None
    last = sentences[-1]
    if len(sentences) > 1 and _ONLY_FLOOR.match(last):
        last = sentences[-2]
    please = _PLEASE.match(last)
    m = _SAID_TO.match(last[please.end() :] if please else last)
    if m is None or m.group("name") in NOT_NAMES:
        return None
    return m.group("name")


def join_handed_turns(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], floor_label: Callable[[str], bool]
) -> list[LabelGroup]:
    """The groups with each unmarked (or `floor_label`-labelled), unnamed one-turn voice that
    follows a hand-off to one first name joined to, or named as, that person (see the module's
    docstring)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    at = {index: k for k, index in enumerate(speech)}
    owner = {i: g for g in groups for i in g.turns}
    firsts: dict[str, list[LabelGroup]] = {}
    for group in groups:
        # a voice named by its own words under a bare `>>` ("My name is Yosias …") is called too
        words = name_key(group.name).split() if group.name else []
        if words:  # a name of no Latin letters has no key to call it by
            firsts.setdefault(words[0], []).append(group)
            if len(words) > 2:  # "Marc-Olivier, you are unmuted": a given name of two words
                firsts.setdefault(" ".join(words[:2]), []).append(group)
    gone: set[int] = set()
    for group in groups:
        floor = bool(group.labels) and all(floor_label(lab) for lab in group.labels)
        if group.name is not None or (group.labels and not floor) or len(group.turns) != 1:
            continue
        k = at.get(group.turns[0], 0)
        if k == 0:
            continue
        before = owner.get(speech[k - 1])
        called = handed_to(turns[speech[k - 1]].text)
        if floor and called is None and k + 1 < len(speech):
            # "… Senait Gebrezgiabher, Bremerhaven Centre …  Thank you." then "Thank you, Senait, and
            # yes …": the next voice thanks the floor voice by the first name it signed off with
            _name_thanked_floor_voice(group, turns[speech[k + 1]].text, firsts, turns)
            continue
        if before is None or before.name is None or called is None:
            continue
        first = name_key(called)
        holders = firsts.get(first, [])
        text = turns[group.turns[0]].text
        thanked = _THANKS.match(text)
        if thanked and name_key(thanked.group(1)) == first:
            continue
        claimed = _claimed_with(first, text)
        if claimed is not None and not any(h.name and same_person(claimed, h.name) for h in holders):
            # "Farid in Dushanbe, please go ahead" … ">> … I am Farid Sharipzoda, …": the one called
            # says whose turn it is, and it is not the Farid of the cast; two people share the name
            group.name = claimed
            firsts.setdefault(first, []).append(group)
            continue
        if not holders:
            # nobody goes by the name called: the voice's own words may say it in full, and a bare
            # voice (no floor microphone: the one handed to) takes the one full name the session
            # gives that first name ("Efua, go ahead" … "your name is in the chat: Efua …-Quarcoo")
            gives_floor = _GIVES_FLOOR.search(_SENTENCE_END.split(turns[speech[k - 1]].text.strip())[-1])
            _name_by_own_words(group, first, turns, session=not floor and gives_floor is not None)
            if group.name is not None:
                firsts.setdefault(first, []).append(group)  # "Efua?" later hands her the floor again
            continue
        if len(holders) != 1 or holders[0] is before:
            continue
        target = holders[0]
        others = _other_full_names(first, target, turns)
        if others:
            # "online from Kigali, Amani Rwigamba" and, from the floor, "Amani Mrisho": the session
            # says two full names with the first name, so the name called tells nobody apart; the
            # voice is the other one only when the holder has not spoken yet (the one called is the
            # one the session had named), else nobody's
            if len(others) == 1 and not floor and min(target.turns) > group.turns[0]:
                group.name = others[0]
            continue
        if floor and not all(floor_label(lab) for lab in target.labels):
            continue
        target.turns = sorted([*target.turns, *group.turns])
        gone.add(id(group))
    return [g for g in groups if id(g) not in gone]


def _other_full_names(first: str, holder: LabelGroup, turns: Sequence[Turn]) -> list[str]:
    """The full names the session says with the first name `first` (a name key) that are not the
    holder's, one per person (longest form)."""
    if holder.name is None or len(name_key(holder.name).split()) < 2:
        return []
    people: list[str] = []
    for name in said_full_names(first, speech_texts(turns)):
        if len(name_key(name).split()) < 2 or same_person(name, holder.name):
            continue
        same = next((k for k, p in enumerate(people) if same_person(name, p)), None)
        if same is None:
            people.append(name)
        elif len(name) > len(people[same]):
            people[same] = name
    return people


def _name_by_own_words(group: LabelGroup, first: str, turns: Sequence[Turn], session: bool = False) -> None:
    """Name a one-turn voice by the one full name its own words say with the first name `first`
    (a name key), if they say one; `session`: else by the one the whole session says with it."""
    said = said_full_names(first, speech_texts([turns[group.turns[0]]]))
    if not said and session:
        said = said_full_names(first, speech_texts(turns))
    if said and all(same_person(n, said[0]) for n in said) and len(said[0].split()) >= 2:
        group.name = max(said, key=len)


def _claimed_with(first: str, text: str) -> str | None:
    """The one full name a turn's speaker says is theirs in so many words ("I am Farid Sharipzoda")
    that opens with the first name `first` (a name key), if there is exactly one."""
    claimed = [n for n in own_names(text) if name_key(n).split()[:1] == [first] and len(n.split()) >= 2]
    return claimed[0] if claimed and all(same_person(n, claimed[0]) for n in claimed) else None


def _name_thanked_floor_voice(
    group: LabelGroup, after: str, firsts: dict[str, list[LabelGroup]], turns: Sequence[Turn]
) -> None:
    """A floor voice no hand-off called, thanked by first name as the next voice opens: it takes
    the full name its own words say with that first name, when nobody of the cast goes by it
    (else the thanks may be for them)."""
    thanked = _THANKS.match(after)
    if thanked is None or thanked.group(1) in NOT_NAMES:
        return
    first = name_key(thanked.group(1))
    if first and not firsts.get(first):
        _name_by_own_words(group, first, turns)
