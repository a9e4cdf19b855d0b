"""Who an item is by: the coalition or institution a speaker speaks for, or a document's coalition. Pure.

Linking never joins two actors, so the actor must be found even when the session's
people analysis has no affiliation for a speaker. In order of trust:

1. the speaker's own introduction in the turn ("Nadia Haddad, Dynamic Coalition on
   Accessibility and Disability", "I speak for …", "Omar Farouk, UN DESA"): a registry
   mention in one of the first three sentences that names the speaker or has an
   introduction frame (or, for a speaker labelled only by a role, `>> SPEAKER:`, opens with
   a name and a comma), or in the fourth or fifth when it names the speaker (greetings and
   sound checks come first) — a coalition first, then an institution, which beats what the
   people analysis guessed (it may take a name the moderator said just before); one forum
   of a family the registry knows only as its umbrella ("Best Practice Forums") is the one
   the text names by its topic ("the Best Practice Forum on Local Content");
2. the affiliation the people analysis gave the speaker in this session (moderator
   hand-offs, earlier introductions);
3. a body the registry does not know, named right after the speaker's name in the
   introduction ("Rosa Huaman, Coalition on Indigenous Languages Online."), when its
   name says it is a body (coalition, fund, forum, ministry …): an institution, so the
   same person introduced the same way in two years is one actor;
4. (`items.extract_items`) the body of the speaker's previous paragraph, when a paragraph
   finds none of its own and goes on from it (same speaker, or the same role label:
   captions label every paragraph, and only the first says whom the speaker speaks for);
5. (at link time, `service.place_items`) the coalition the same person spoke for in
   other sessions.

A document (report, statement) is by the coalition its metadata names, else the one
its title names (else the institution), else the one its opening names (front matter,
first heading and lines: a newsletter's title may name only itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from ..models import Session, Turn
from ..resolve.mentions import Mention, find_mentions
from ..resolve.orgwords import is_place, load_gazetteer
from ..resolve.registry import Registry, load_registry
from ..resolve.voice import owns
from ..transcript.speakers import name_key
from .cues import is_intro
from .formfields import field_turn, form_officers, form_organiser
from .labelbody import label_actor
from .sentences import Sentence

__all__ = [
    "Actor",
    "addresses",
    "body_aliases",
    "body_pattern",
    "body_topic_words",
    "document_actor",
    "form_actor",
    "form_officer_actors",
    "initials",
    "introduced_actor",
    "labelled_actor",
    "labelled_body",
    "own_word_coalition",
    "stated_actor",
    "turn_actor",
]

Actor = tuple[str | None, str | None]  # (coalition name, institution name)

_ORG_KINDS = ("un-body", "igf-body", "igo", "nri")
_GENERIC = frozenset({"igf", "igf-dcs"})  # "the IGF", "the Dynamic Coalitions": nobody in particular


def _names_speaker(sentence: str, speaker: str | None) -> bool:
    if not speaker:
        return False
    words = {w for w in name_key(speaker).split() if len(w) > 2}
    return bool(words & set(name_key(sentence).split()))


# a sentence that opens with a name and a comma ("Sebastián Ortega, Policy Network on …, from Montevideo."): how a
# speaker the caption labels only by a role (`>> SPEAKER:`, `>> INTERPRETER:`) introduces themselves
_NAME_FIRST = re.compile(r"^\W*(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+\s*,\s")
# how many opening sentences may hold the introduction when it names the speaker: greetings and sound checks come
# first ("Kia ora koutou.  Can you hear me?  Good.  Rangi Parata, I am from Rotorua, and I co‑facilitate …")
_INTRO_SENTENCES = 5


def _intro_sentences(speaker: str | None, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The opening sentences of a turn that may say whom its speaker speaks for.

    Sound checks and greetings of three words or fewer ("Hello?", "Can you hear?", "Okay.") are not counted:
    a speaker on a remote hub's line says them before anything else."""
    found: list[Sentence] = []
    n = 0
    for sentence in sentences:
        if n >= _INTRO_SENTENCES:
            break
        text = sentence.text
        # past the third sentence only the speaker's own name introduces ("I am happy to say …" does not)
        framed = n < 3 and (is_intro(text) or (speaker is None and _NAME_FIRST.match(text) is not None))
        if _names_speaker(text, speaker) or framed:
            found.append(sentence)
        n += len(text.split()) > _SOUND_CHECK_WORDS
    return found


_SOUND_CHECK_WORDS = 3


def _intro_mentions(session: Session, sentences: Sequence[Sentence]) -> list[Mention]:
    return [m for s in sentences for m in find_mentions(session.text, s.start, s.end)]


# a body of one of the IGF's intersessional families named by its topic, in any case ("the dynamic coalition on
# Internet and climate change", "Best Practice Forum on IXPs"): its family and the words after "on"/"for"
_FAMILY = re.compile(
    r"\b(?P<family>(?:dynamic\s+)?coalition|best\s+practice\s+forum|policy\s+network)\s+(?:on|for)\s+"
    r"(?P<topic>[\w'’‑-]+(?:\s+[\w'’‑-]+){0,5})",
    re.I,
)
# words that end a topic: what follows the body's name in an introduction ("… climate change this year with Anjali",
# "… on IXPs, from Aarhus")
_TOPIC_STOP = frozenset(
    {"from", "with", "this", "that", "these", "since", "who", "which", "where", "here", "today", "at", "in", "for"}
    | {"last", "next", "as", "to", "by", "is", "are", "was", "were", "i", "we", "our", "my", "and", "together"}
)
_TOPIC_LINK = frozenset({"and", "of", "the", "&"})


# a coalition named in short by its topic before the word ("for the First Peoples' networks coalition", "I
# co-coordinate the languages coalition"): one to four words, none of them a word that only qualifies ("the same
# coalition", "the whole coalition")
_SHORT_COALITION = re.compile(r"\b(?:the|our)\s+(?P<topic>(?:[\w'’‑-]+\s+){1,4}?)coalition\b", re.I)
# or, in an introduction's apposition, with no article ("Teuila Sapolu, prisons coalition."), read only when no
# coalition with an article is named ("Puno Region, for the Andean rivers coalition")
_SHORT_APPOSITION = re.compile(r",\s+(?P<topic>(?:[\w'’‑-]+\s+){1,4}?)coalition\b", re.I)
_NO_TOPIC = frozenset({"dynamic", "same", "whole", "new", "other", "entire", "own", "very", "two", "three", "both"})


def _short_coalition(text: str) -> tuple[str, int, int] | None:
    """(name, start of its topic, end) of a coalition `text` names in short ("the First Peoples' networks
    coalition" is "Dynamic Coalition on First Peoples' Networks"); `bodies.unified_bodies` reads a short topic as
    the one body whose topic opens or ends with it ("the languages coalition", "the schools coalition")."""
    flat = text.replace("\n", " ")
    for match in chain(_SHORT_COALITION.finditer(flat), _SHORT_APPOSITION.finditer(flat)):
        words = match.group("topic").split()
        if any(w.lower() in _NO_TOPIC | _TOPIC_STOP | _TOPIC_LINK for w in words):
            continue
        topic = " ".join(w if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in words)
        return f"Dynamic Coalition on {topic}", match.start("topic"), match.start("topic") + len(" ".join(words))
    return None


# small words a name written as a title runs on through when a capitalised word follows ("… on Connectivity for River
# Towns", "… on Access and Inclusion"); not "in" or "at", which go on to a place ("… Online in Nairobi")
_TITLE_LINK = frozenset({"and", "of", "the", "&", "for", "on"})


def _topic_after_in(word: str) -> bool:
    """Whether the capitalised word after "in" in a name written as a title goes on with its topic ("… Access in
    Prisons", "… in Libraries") rather than saying where the body or the speaker is ("… Online in Nairobi").

    Why: the topic was cut at every "in", so "Dynamic Coalition on Internet Access in Prisons" became "… on
    Internet Access", a body no other year's wording (nor its short name, "the prisons coalition") meets. A topic
    goes on in a plural common noun; a place is a name the gazetteer knows, or a singular proper name."""
    bare = word.rstrip(".,;:!?")
    if bare != word or not bare[:1].isupper() or bare.isupper() or not bare.endswith("s") or bare.endswith("ss"):
        return False
    return not is_place(bare, load_gazetteer())


def _titled_topic(words: Sequence[str]) -> list[str]:
    """The words of a topic a name written as a title gives ("Coalition on Sign Languages Online has me as …" → "Sign
    Languages Online"):
    capitalised words, and small linking words between two of them; the first other word ends it.

    Why: a coalition named in capitals ends where its capitals end. Read only by stop words, a name ran into the
    verb after it ("… Online has me as its coordinator"), and "for" cut a name short ("… on Connectivity| for River
    Towns") so the coalition was found only through a registry entry sharing its opening words."""
    kept: list[str] = []
    for n, word in enumerate(words):
        if word[:1].isupper() and not (word == "I" or word.lower() in _TOPIC_STOP):
            kept.append(word)
        elif word.lower() in _TITLE_LINK and kept and n + 1 < len(words) and words[n + 1][:1].isupper():
            if words[n + 1] == "I" or words[n + 1].lower() in _TOPIC_STOP:
                break
            kept.append(word)
        elif word == "in" and kept and n + 1 < len(words) and _topic_after_in(words[n + 1]):
            kept.append(word)  # "… on Internet Access in Prisons", "… on Public Access in Libraries"
        else:
            break
    return kept


def _family_body(text: str) -> tuple[str, int, int] | None:
    """(name, start of its topic, end) of the first intersessional body `text` names by its topic ("DC on Internet
    and Climate Change"), topic words capitalised as a title, so two years' wordings in different case are one."""
    for match in _FAMILY.finditer(text.replace("\n", " ")):
        words = match.group("topic").split()
        titled = match.group("family").split()[-1][:1].isupper() and words[0][:1].isupper()
        kept: list[str] = _titled_topic(words) if titled else []
        for n, word in enumerate([] if kept else words):
            low = word.lower()
            # "and" links a topic's words ("Internet and climate change"), unless a clause follows ("and I …")
            if low in _TOPIC_LINK and n + 1 < len(words) and words[n + 1].lower() not in _TOPIC_STOP:
                kept.append(word)
                continue
            if low in _TOPIC_STOP:
                break
            kept.append(word)
        while kept and kept[-1].lower() in _TOPIC_LINK:
            kept.pop()
        if not kept:
            continue
        head = " ".join(w[:1].upper() + w[1:].lower() for w in match.group("family").split())
        topic = " ".join(w if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in kept)
        end = match.start("topic") + len(" ".join(kept))
        return f"{head} {match.group(0).split()[-len(words) - 1]} {topic}", match.start("topic"), end
    return None


def _unregistered_body(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    registry: Registry,
    named: Callable[[str], tuple[str, int, int] | None] = _family_body,
) -> str | None:
    """An intersessional body the registry does not know, named by its topic in the introduction; None when the
    registry names the same words (or none of the kind is named).

    Why: a new coalition ("I coordinate the dynamic coalition on Internet and climate change") is nobody
    otherwise, or is read as a registry body that shares a few of its words ("the coordination of the
    dynamic coalition" is no DC Coordination Group), and its items never join across years."""
    for sentence in sentences:
        found = named(sentence.text)
        if found is None:
            continue
        name, topic, end = found
        topic, end = sentence.start + topic, sentence.start + end
        # the registry knows the body when a name it has runs into the topic ("policy network on AI"), or names
        # it by its umbrella and its topic (`_own_name`)
        umbrellas = _umbrellas(registry)
        if any(
            (m.start < end and topic < m.end and (m.kind == "dc" or m.name in umbrellas)) or topic < m.end <= end
            for m in mentions
        ):
            return None
        return name
    return None


# the topic a body of an umbrella registry entry is named with: "Best Practice Forum| on Local Content"
_TOPIC_AFTER = re.compile(r"\s+(?:on|for)\s+((?:[A-Z][\w'’‑-]*)(?:\s+(?:and|of|the|in|&)?\s*[A-Z][\w'’‑-]*){0,5})")


# the same in lower case, only when the topic closes within four words ("the best practice forum on gender and
# access, the …"): a lower-case topic has no capitals to end it ("… forum on gender asked for two years ago")
_LOWER_TOPIC_AFTER = re.compile(r"\s+(?:on|for)\s+([a-z][\w'’‑-]*(?:\s+[a-z][\w'’‑-]*){0,3})(?=\s*(?:[,.;:!?)]|$))")


def _own_name(mention: Mention, text: str) -> str:
    """The registry name of a mentioned body, or, when the registry knows only the umbrella of a family of
    bodies ("Best Practice Forums") and the text names one of them by its topic ("the Best Practice Forum on Local
    Content", "the best practice forum on local content,"), that one, its topic words capitalised as a title.

    Why: linking never joins two actors, and every forum of the family read as the umbrella is one actor:
    the cybersecurity forum's report would fulfil the local content forum's promise of case studies; and a
    caption writes the forum in lower case where its report's title capitalises it: one actor."""
    if not mention.name.endswith("s") or mention.text.endswith("s"):
        return mention.name  # not an umbrella's name, or the text says the family itself ("the BPFs")
    topic = _TOPIC_AFTER.match(text, mention.end) or _LOWER_TOPIC_AFTER.match(text, mention.end)
    if topic is None:
        return mention.name
    words = [w if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in topic.group(1).split()]
    return f"{mention.name[:-1]} {text[mention.end : topic.end()].split(maxsplit=1)[0]} {' '.join(words)}"


@lru_cache(maxsize=4)
def _umbrellas(registry: Registry) -> frozenset[str]:
    """Names of the registry's umbrella entries (a family of bodies: "Best Practice Forums")."""
    return frozenset(e.name for e in registry.entities.values() if e.kind in _ORG_KINDS and e.name.endswith("s"))


@lru_cache(maxsize=64)
def _session_member(text: str, umbrella: str) -> str | None:
    """The one forum of an umbrella family a session's text names by its topic ("the best practice forum on gender
    and access,"), None when it names none or several.

    Why: a speaker says "the best practice forum" once the moderator has said which; read as the umbrella,
    their items would be another actor than the same forum's report and its other sessions."""
    named = {name for m in find_mentions(text) if m.name == umbrella and (name := _own_name(m, text)) != umbrella}
    return named.pop() if len(named) == 1 else None


def _from_affiliation(affiliation: str | None, registry: Registry) -> Actor:
    if not affiliation:
        return None, None
    entity = registry.by_name(affiliation)
    if entity is not None and entity.kind == "dc":
        return entity.name, None
    if entity is not None and entity.id in _GENERIC:
        return None, None
    if entity is None and affiliation.isupper() and not _caps_body(affiliation):
        return None, None
    return None, affiliation


_CAPS_OPENING = re.compile(r"^(?:FROM|OF|AT|IN|WITH|FOR|A|AN|THE|HERE|BACK)\b")


def _caps_body(name: str) -> bool:
    """Whether an all-caps affiliation the registry does not know reads as a body's name: an acronym ("CCAOI"), or
    words that say a body ("ASSOCIATION FOR PROGRESSIVE COMMUNICATIONS") and do not open as a phrase does.

    Why: in an all-caps caption (early CART output) capitals mark every word, so "FROM A CONSUMER ORGANISATION IN
    STOCKHOLM" or "THE BACK" pass for a body's name; the speaker would become an institution of one session and
    their coalition's asks of other years would never join theirs."""
    words = name.split()
    if len(words) == 1:
        return len(name) <= 6 and _CAPS_OPENING.match(name) is None
    return _BODY.search(name) is not None and _CAPS_OPENING.match(name) is None


def stated_actor(person: Mapping[str, Any] | None, registry: Registry | None = None) -> Actor:
    """(coalition, institution) the people analysis gave a speaker in this session (rule 2): a guess from
    hand-offs and earlier introductions, not the speaker's own words; none when the guess is the end of a list
    of languages or places the speaker's words give after "in" (`_listed_after_in`)."""
    affiliation = (person or {}).get("affiliation")
    if affiliation and (_listed_after_in(affiliation, person or {}) or _name_before_body(affiliation, person or {})):
        return None, None
    return _from_affiliation(affiliation, registry or load_registry())


# an affiliation that is a list of bare names ("English and Bambara", "Kiswahili and French") …
_BARE_LIST = re.compile(r"^[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*\s+and\s+[A-Z][\w'’-]+$")
# … whose quote gives it after "in" and the list's first names ("it is in French, English and Bambara")
_IN_LIST_BEFORE = re.compile(r"\bin\s+(?:[A-Z][\w'’-]+\s*,\s*)*$")


# a person's full name: two to four capitalised words
_PERSON_NAME = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}$")


def _name_before_body(affiliation: str, person: Mapping[str, Any]) -> bool:
    """Whether the people analysis' affiliation is the name that opens an introduction of the shape "NAME, BODY"
    in its own evidence ("Marisol Tlachinollan, small museums.", "Ruedi Aeschbacher, from the UPU's …"): the name
    is the person who speaks under a body's label (">> SMALL MUSEUMS DC:"), not whom she speaks for.

    Why: read as an institution, the body's asks under that label were a person's name's and never met the same
    body's asks of the other years."""
    if _PERSON_NAME.match(affiliation) is None or _BODY.search(affiliation):
        return False
    for evidence in person.get("evidence") or ():
        quote = str(evidence.get("quote") or "") if isinstance(evidence, Mapping) else ""
        if quote.startswith(affiliation + ",") and len(quote) > len(affiliation) + 3:
            return True
    return False


def _listed_after_in(affiliation: str, person: Mapping[str, Any]) -> bool:
    """Whether the people analysis' affiliation is the tail of a list its own evidence gives after "in": the
    languages or places something is in ("The guide is finished, in English, Kiswahili and French"), no body.

    Why: read as an institution, the speaker's asks of that session were a body's named after two languages
    ("org:English and Bambara") and never met her asks of the other years."""
    if _BARE_LIST.match(affiliation) is None or _BODY.search(affiliation):
        return False
    for evidence in person.get("evidence") or ():
        quote = str(evidence.get("quote") or "") if isinstance(evidence, Mapping) else ""
        at = quote.find(affiliation)
        if at > 0 and _IN_LIST_BEFORE.search(quote[:at]):
            return True
    return False


def own_word_coalition(
    person: Mapping[str, Any] | None, own_lines: Iterable[int], registry: Registry | None = None
) -> str | None:
    """The coalition the people analysis gave a speaker when its evidence is her own words naming it ("Yesterday
    eleven of us … founded the Dynamic Coalition on …", "So today we start the Dynamic Coalition on …"), as an
    institution (a coalition the registry does not know); None otherwise.

    Why: a founder who tells of the coalition she just started says whom she speaks for as surely as an
    introduction does, but not in the words an introduction opens with, so her body here counts as the analysis'
    guess and never reaches the sessions of other years where she says "we" and names nobody. The body must be a
    coalition's name (a place or a count read as a body, "Sri Lanka and Tunisia", is no "we" of hers) and named in
    a quote of one of her own lines (`own_lines`: every line of her turns; a moderator's hand-off naming it is a
    guess)."""
    stated = stated_actor(person, registry)[1]
    if person is None or stated is None or _family_body(stated) is None:
        return None
    own = set(own_lines)
    key = name_key(stated)
    said = (e for e in person.get("evidence") or () if isinstance(e, Mapping) and e.get("line") in own)
    return stated if any(key in name_key(str(e.get("quote") or "")) for e in said) else None


def introduced_actor(
    session: Session, turn: Turn, sentences: Sequence[Sentence], registry: Registry | None = None
) -> Actor:
    """(coalition, institution) the speaker of `turn` says they speak for in the turn's opening (rule 1);
    (None, None) when the opening says nothing of it."""
    registry = registry or load_registry()
    intro = _intro_sentences(turn.speaker, sentences)
    mentions = _intro_mentions(session, intro)
    coalition = next((m for m in mentions if m.kind == "dc"), None)
    if coalition is not None:
        stated = _stated_in_full(session.text, coalition)
        return (None, stated) if stated else (coalition.name, None)
    unregistered = _unregistered_body(intro, mentions, registry)
    if unregistered is not None:
        return None, unregistered
    org = next(
        (_own_name(m, session.text) for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None
    )
    if org is not None and org in _umbrellas(registry):
        org = _session_member(session.text, org) or org
    if org is None:  # a coalition said in short is weaker than a body the registry knows ("I am from the addressing
        # coalition, today I speak for the West Africa IGF")
        org = _unregistered_body(intro, mentions, registry, _short_coalition)
    if org is None and turn.speaker is None:
        noted = noted_actor(session.text[turn.start : turn.end], registry)
        if noted != (None, None):
            return noted
    return (None, org) if org is not None else labelled_actor(turn.label, turn.speaker, registry)


# a bracketed note in a turn (a captioner's or transcriber's) that names a person and, after a comma, whom they speak
# for: "[Captioner's note: the previous speaker was Henrike Vossberg-Tellkamp, UNCTAD. …]"
_NOTE = re.compile(r"\[[^\]\n]{0,400}\]")
_NOTED_NAME = re.compile(r"\b(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+,\s+(?=[A-Z])")


def noted_actor(turn_text: str, registry: Registry | None = None) -> Actor:
    """(coalition, institution) a bracketed note in the turn of a speaker the label does not name says the speaker
    spoke for: the body named right after a person's name and a comma in the note; (None, None) without one.

    Why: a captioner who could not identify a speaker labels the turn `>> SPEAKER:` and names them afterwards in a
    note; the turn was the session's, and the body's promise, answer or update never met its other years."""
    registry = registry or load_registry()
    for note in _NOTE.finditer(turn_text):
        for name in _NOTED_NAME.finditer(note.group(0)):
            rest = note.group(0)[name.end() :]
            mentions = [m for m in find_mentions(rest, registry=registry) if m.start == 0]
            coalition = next((m for m in mentions if m.kind == "dc"), None)
            if coalition is not None:
                return (None, stated) if (stated := _stated_in_full(rest, coalition)) else (coalition.name, None)
            stated_body = _family_body(rest)
            if stated_body is not None and stated_body[1] < 40:
                return None, stated_body[0]
            org = next((m for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None)
            if org is not None:
                return None, _own_name(org, rest)
    return None, None


# capitalised words that go on a body's name past where the registry's match ended ("… on Connectivity| for Displaced
# People"): each may follow one small linking word
_NAME_GOES_ON = re.compile(r"(?:[ \t]+(?:(?:for|of|and|in|on|the|&)[ \t]+)?[A-Z][\w'’‑-]*)+")


def _stated_in_full(text: str, mention: Mention) -> str | None:
    """The coalition's full name, when the registry coalition `mention` was read from only the opening words of a
    coalition the text names in full with a topic of its own ("the Dynamic Coalition on Connectivity for Displaced
    People" read as the registry's "DC on Community Connectivity"); a mention in lower case ("the coalition on public
    warning") is the full name the same session writes in capitals with the same words. None when the text says
    the registry's body (the registry's name has no topic word the full one lacks).

    Why: the registry's match runs on the opening words and drops the rest, so a new coalition whose name opens like
    a registered one is that one in the years its speakers say its name in full, and another actor in the years the
    people analysis or a document names it: its asks never join across years (`document_actor` reads a document's
    opening the same way)."""
    own = _full_name(text, mention)
    if own is not None:
        return own
    after = " ".join(text[mention.end : mention.end + 120].split()).casefold()
    for said, full in _full_names(text).get(mention.name, ()):
        if after.startswith(said) and (len(after) == len(said) or not after[len(said)].isalnum()):
            return full
    return None


def _full_name(text: str, mention: Mention) -> str | None:
    goes_on = _NAME_GOES_ON.match(text, mention.end)
    if goes_on is None or not mention.text.split()[-1][:1].isupper():
        return None
    full = " ".join(f"{mention.text}{goes_on.group(0)}".split())
    return full if _other_body(full, mention.name) else None


@lru_cache(maxsize=64)
def _full_names(text: str) -> dict[str, list[tuple[str, str]]]:
    """Registry coalition name → (the words that go on past its mention, in lower case; the full name) for each
    coalition `text` names in full past a registry mention (`_full_name`)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for mention in find_mentions(text):
        if mention.kind == "dc" and (full := _full_name(text, mention)) is not None:
            rest = full[len(" ".join(mention.text.split())) :].strip().casefold()
            if (rest, full) not in out.setdefault(mention.name, []):
                out[mention.name].append((rest, full))
    return out


_ORG_WORD = re.compile(r"[A-Z][\w-]{2,}")


@lru_cache(maxsize=1024)
def body_pattern(org: str) -> re.Pattern[str] | None:
    """How a speaker names their own institution as a subject: its full name, or "the" and its last
    capitalised word ("the Secretariat" for the IGF Secretariat, "the Office" for an Office of …), its initials
    when it has no acronym of its own ("the CTU" for the Caribbean Telecommunications Union), or "the"
    and the head noun of its name, singular or plural ("the Ministry" for a Ministry of Communication and …,
    "the forum" for the Best Practice Forums, "the network" for a Policy Network on …).

    Why shared: items read a speaker's promise by it ("the Secretariat will …"), and linking reads by it which asks
    were put to the body that responds ("And to the Secretariat we ask …")."""
    words = _ORG_WORD.findall(org)
    if not words:
        return None
    nouns = {re.escape(words[-1])}
    head = _ORG_HEAD.match(org)
    if head is not None:
        noun = head.group(1)
        nouns.add(re.escape(noun[:-1] if noun.endswith("s") and len(noun) > 4 else noun) + "s?")
    either = "|".join(sorted(nouns))
    short = initials(org)  # "the CTU" for the Caribbean Telecommunications Union
    also = rf"|(?:the )?(?-i:{short})" if short else ""
    # its qualifier in any form, its head by its initials: "the Malawi IGF" for the Malawian Internet Governance Forum
    # (the qualifier's stem must be the name's own: "the Kyoto IGF" is a meeting)
    tail = initials(" ".join(words[1:])) if len(words) >= 4 and len(words[0]) >= 4 else None
    also += rf"|the {re.escape(words[0][:4])}[\w-]* (?-i:{tail})" if tail else ""
    return re.compile(rf"\b(?:{re.escape(org)}|the (?:[\w-]+ )?(?:{either}){also})\b", re.I)


# the head noun of a body's name: its last capitalised word before "of", "on", "for" … (or at its end)
_ORG_HEAD = re.compile(r"^(?:[\w'’-]+\s+){0,4}?([A-Z][a-z][\w-]+)(?:\s+(?:of|on|for|in|and|to)\b|\s*$)")


# a caption label that names the speaker's body after the name: "Kunal Sabharwal (DC Linguistic Diversity)",
# "FAISAL QABBANI, DC ON CHILD ONLINE SAFETY"
_LABEL_BODY = re.compile(r"^[^(,]+?(?:\((?P<paren>[^)]+)\)|,\s*(?P<comma>.+?))\s*$")
# a coalition said by its short head, "DC Linguistic Diversity", "DC on Gender": the topic after it
_DC_SHORT = re.compile(r"^\s*(?:the\s+)?DC\s+(?:(?:on|for)\s+)?(?P<topic>\S.*)$", re.I)


def labelled_actor(label: str | None, speaker: str | None, registry: Registry | None = None) -> Actor:
    """(coalition, institution) a turn's caption label names after the speaker's name (rule 1, when the opening
    says nothing): a registry body, else a coalition named by its topic ("DC Linguistic Diversity" is the "Dynamic
    Coalition on Linguistic Diversity" another session's introduction names); a role ("(Chair)", ", MODERATOR"),
    a place or a body the registry does not know is none (the people analysis reads those).

    Why: the label is the speaker's own marker, written once per turn; a speaker who introduces themself only by
    their town ("Ligaya Dimaculangan, from Quezon City") speaks for the coalition their label names, and their
    items must join the same coalition's items of the years they said it."""
    found = _LABEL_BODY.match(label or "") if speaker else None
    if found is None:
        return None, None
    body = " ".join((found.group("paren") or found.group("comma") or "").split())
    registry = registry or load_registry()
    mentions = find_mentions(body, registry=registry)
    coalition = next((m.name for m in mentions if m.kind == "dc"), None)
    if coalition:
        return coalition, None
    if mentions:  # a registry body, or the IGF itself (nobody in particular)
        org = next((m.name for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None)
        return None, org
    if body.isupper():  # a label in capitals: the topic read as words ("DC ON LINGUISTIC" → "… on Linguistic")
        body = body.lower()
    short = _DC_SHORT.match(body)
    named = _family_body(f"Dynamic Coalition on {short.group('topic')}" if short else body)
    if named is None:
        return None, None
    name = named[0]
    return (registered, None) if (registered := _registered_prefix(name, registry)) else (None, name)


def _registered_prefix(name: str, registry: Registry) -> str | None:
    """The registry coalition whose name (or former or official name) `name` cuts short ("Dynamic Coalition on
    Child Online" of "… on Child Online Safety"), when exactly one does; a caption label is cut at its line's end."""
    key = name.casefold().split()
    if len(key) < 5:  # "dynamic coalition on" and two words of the topic at least
        return None
    found = {
        e.name
        for e in registry.of_kind("dc")
        for said in (e.name, *e.phrases)
        if (words := said.casefold().split())[: len(key)] == key and len(words) > len(key)
    }
    return found.pop() if len(found) == 1 else None


_TITLE_SMALL = frozenset({"on", "and", "of", "the", "for", "in", "to", "&"})


def labelled_coalition(label: str | None, registry: Registry) -> str | None:
    """The coalition a speaker label is the name of ("DYNAMIC COALITION ON ADDRESSES AND POSTAL INCLUSION"), else None.

    Why: some captions label each turn by the body that speaks, not the person; whatever the turn says or addresses
    ("We ask the MAG to reserve a main session"), its words are that coalition's, and its asks of other years, said
    under a person's name, must join them. A label that only holds a body's name among other words ("MAG CHAIR",
    "REMOTE HUB, LAHORE") is left to the other rules.
    """
    if not label:
        return None
    text = " ".join(label.split()).strip(" :,")
    for mention in find_mentions(text, registry=registry):
        known = registry.by_name(mention.name)
        if mention.start == 0 and mention.end >= len(text) and known is not None and known.kind == "dc":
            return mention.name
    if not re.match(r"(?:the\s+)?dynamic\s+coalition\s+(?:on|for)\s", text, re.I):
        return None
    if text.isupper():  # the caption's capitals, written as the body's name is written elsewhere
        words = text.lower().split()
        text = " ".join(w if n and w in _TITLE_SMALL else w[:1].upper() + w[1:] for n, w in enumerate(words))
    found = _family_body(text)
    return found[0] if found is not None and found[2] >= len(text) else None


def labelled_body(label: str | None, registry: Registry) -> str | None:
    """The institution a speaker label is wholly the name of (">> UNIVERSAL POSTAL UNION:", ">> UNESCO:"), else None;
    the IGF itself and its umbrellas ("IGF", "Best Practice Forums") are nobody in particular.

    Why: a caption that labels each turn by the organisation that speaks made the organisation a person
    ("person:universal postal union"), or the name the turn opens with its body ("Ruedi Aeschbacher, from the UPU's
    …" read as an affiliation), and its promises never met the same body's items of the years it spoke under a
    person's label."""
    if not label:
        return None
    text = " ".join(label.split()).strip(" :,")
    for mention in find_mentions(text, registry=registry):
        if mention.start == 0 and mention.end >= len(text) and mention.kind in _ORG_KINDS:
            if mention.entity_id in _GENERIC or mention.name in _umbrellas(registry):
                return None
            return mention.name
    return None


def turn_actor(
    session: Session,
    turn: Turn,
    sentences: Sequence[Sentence],
    person: Mapping[str, Any] | None,
    registry: Registry | None = None,
    introduced: Actor | None = None,
) -> Actor:
    """(coalition, institution) the speaker of `turn` speaks for; either may be None. `introduced`: the
    turn's `introduced_actor` when the caller has it (or the one the speaker gave earlier in the session)."""
    registry = registry or load_registry()
    form = form_actor(session, turn, registry)
    if form is not None:  # "- Summary of Issues Discussed:" of a report form: the form's organiser
        return form
    labelled = labelled_coalition(turn.label, registry)
    if labelled:  # ">> DYNAMIC COALITION ON X:": the label says who speaks
        return labelled, None
    body = labelled_body(turn.label, registry)
    if body:  # ">> UNIVERSAL POSTAL UNION:": the label is a registry body's name, the body speaks
        return None, body
    tagged = label_actor(turn.label, session.text, registry)
    if tagged is not None:  # "1.3 (Pastoralist Mobile Services) …": the topic of a body the text names in full
        return tagged
    coalition, org = introduced if introduced is not None else introduced_actor(session, turn, sentences, registry)
    stated, stated_org = stated_actor(person, registry)
    if stated_org and addresses(session, sentences, stated_org, registry):
        stated_org = None  # the turn speaks *to* the body the people analysis guessed for its speaker
    if coalition:
        return coalition, None
    claimed = (person or {}).get("speaks_for")
    employer = org or stated_org
    if claimed and employer and not _a_coalition(employer, registry) and any(owns(s.text) for s in sentences):
        # "I am with APNIC. Our coalition published …": the coalition she claims in her own words, not the
        # registered employer she works for; a coalition the registry does not know stands where
        # `_unregistered_body` puts it
        known = registry.by_name(claimed)
        return (claimed, None) if known is not None and known.kind == "dc" else (None, claimed)
    if org:
        return None, org
    if stated:
        return stated, None
    return None, stated_org or _introduced_body(turn.speaker, sentences)


def form_actor(session: Session, turn: Turn, registry: Registry | None = None) -> Actor | None:
    """(coalition, institution) of a filled report form's organiser field, for a turn that is one of the form's
    fields (`formfields`); None for any other turn, or a form with no single organiser.

    Why: a form whose fields the parser read as speaker labels credited its recommendations and promises to
    "Summary of Issues Discussed" as a person; the organiser's asks of the years it spoke never joined them."""
    if not field_turn(session, turn):
        return None
    organiser = form_organiser(session.text)
    if organiser is None:
        return None
    registry = registry or load_registry()
    mentions = [m for m in find_mentions(organiser, registry=registry) if m.entity_id not in _GENERIC]
    coalition = next((m for m in mentions if m.kind == "dc"), None)
    if coalition is not None:
        stated = _stated_in_full(organiser, coalition)
        return (None, stated) if stated else (coalition.name, None)
    named = _family_body(organiser)
    if named is not None:
        return None, named[0]
    org = next((_own_name(m, organiser) for m in mentions if m.kind in _ORG_KINDS), None)
    return (None, org) if org is not None else None


def form_officer_actors(session: Session, turns: Iterable[Turn], registry: Registry | None = None) -> dict[str, Actor]:
    """Officer → (coalition, institution) of a filled report form read as labelled turns: the people its chair and
    speaker fields name the organiser's coordinator or chair (`formfields.form_officers`) speak for the organiser.

    Why: "- Chair/Moderator: Losana Ravuvutu, coordinator" is the record that she speaks for the organiser in the
    caption sessions of other years where she names no body ("Our request to the maritime authorities stands")."""
    actor = next((a for t in turns if (a := form_actor(session, t, registry)) is not None), None)
    if actor is None:
        return {}
    return {officer: actor for officer in form_officers(session.text)}


def _a_coalition(name: str, registry: Registry) -> bool:
    """Whether a body's name is a coalition's (or another intersessional body's): the registry says so, or it has
    the shape "Dynamic Coalition on X" (`_family_body`) of one the registry does not know."""
    known = registry.by_name(name)
    return (known is not None and known.kind == "dc") or _family_body(name) is not None


# what comes just before a body a speaker addresses, not speaks for: "Second, to the Council of Europe, again: …",
# "we ask the Caribbean Telecommunications Union to …", "our ask this year goes to WIPO"
_ADDRESSEE_BEFORE = re.compile(
    r"(?:(?:^|[,.;:!?]\s*|\b(?:and|then|now|so|also|again|first|second|third|finally)\s+|\bgoes\s+)to"
    r"|\b(?:ask|asks|asking|urge|urges|invite|invites|call\s+on|calls\s+on))\s+(?:the\s+)?$",
    re.I,
)


def addresses(session: Session, sentences: Sequence[Sentence], body: str, registry: Registry) -> bool:
    """Whether the turn puts its words to `body` ("to the Council of Europe, again: …", "we ask WIPO to …").

    Why: the people analysis may guess a speaker's body from the body their turn addresses (a caption that labels
    everyone `>> FEMALE SPEAKER:`); an ask put to the Council of Europe would then be the Council's own, and the
    speaker's asks of other years, said for their coalition, would never join it."""
    for sentence in sentences:
        for mention in find_mentions(session.text, sentence.start, sentence.end, registry=registry):
            if mention.name == body and _ADDRESSEE_BEFORE.search(
                session.text[max(sentence.start, mention.start - 40) : mention.start]
            ):
                return True
    return False


_CAPITALISED = re.compile(r"[A-Z][\w-]{2,}")


def initials(name: str) -> str | None:
    """The initials a body of three capitalised words or more goes by when it has no acronym in its name ("CTU" for
    the Caribbean Telecommunications Union); None for a shorter name or one with an acronym ("IGF Secretariat").

    Why: a speaker names their own body, or another's output, by its initials ("the CTU will publish …", "The CTU's
    yearly comparison came out"), and the registry does not know every regional body."""
    words = _CAPITALISED.findall(name)
    if len(words) < 3 or any(w.isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


_BODY = re.compile(
    r"\b(?:coalition|fund|foundation|forum|network|association|institute|university|ministry|council|office"
    r"|agency|secretariat|society|alliance|union|initiative|cent(?:re|er)|commission|programme|program|authority"
    r"|observatory|consortium|federation|chamber|bank|corporation|company|organi[sz]ation|igf)\b",
    re.I,
)
_AFTER_NAME = re.compile(
    r"^\s*,\s*(?:from |of |for |with |representing |speaking for )?(?P<body>[A-Z][^,.;:!?()]{2,80}?)\s*[.,;:]"
)


def _introduced_body(speaker: str | None, sentences: Sequence[Sentence]) -> str | None:
    """A body named right after the speaker's own name in the turn's first sentence ("Astrid Lund,
    Nordic Fund for Digital Cooperation."), when its name says it is one; None otherwise."""
    if not speaker or not sentences:
        return None
    text = sentences[0].text
    last = name_key(speaker).split()[-1:]
    words = list(re.finditer(r"[\w'’-]+", text[:80]))
    end = next((m.end() for m in words if last and name_key(m.group(0)) == last[0]), None)
    if end is None:
        return None
    found = _AFTER_NAME.match(text[end:])
    if found is None:
        return None
    body = " ".join(found.group("body").split())
    if (
        body.isupper()  # an all-caps caption ("MARGIT EKHOLM, FROM A CONSUMER ORGANISATION IN STOCKHOLM."): no name shows
        or not _BODY.search(body)
        or len(body.split()) > 9
        or any(w[:1].islower() and len(w) > 3 for w in body.split()[1:] if w.lower() not in _SMALL)
    ):
        return None
    return body


_SMALL = frozenset({"for", "on", "of", "the", "and", "in", "de", "la", "du", "des", "del", "y", "et", "und", "für"})


def document_actor(session: Session, analyses: Mapping[str, Any], registry: Registry | None = None) -> Actor:
    """(coalition, institution) a report or statement is by: its metadata's coalition, else
    the coalition its title names, else the institution its title names."""
    registry = registry or load_registry()
    author = (
        _front_matter_author(session.text, registry)
        or _letter_author(session.text, registry)
        or _prepared_by(session.text[:_OPENING], registry)
    )
    if author is not None:
        return author
    meta = analyses.get("document") or {}
    ranked = sorted(
        (c for c in meta.get("coalitions") or [] if isinstance(c, Mapping) and c.get("name")),
        key=lambda c: -float(c.get("confidence") or 0),
    )
    if ranked and float(ranked[0].get("confidence") or 0) >= 0.5:
        name = str(ranked[0]["name"])
        opening = session.text[:_OPENING]
        stated = _family_body(opening)
        if stated is not None and _other_body(stated[0], name) and _misread(opening, stated, name, registry):
            # the opening names its coalition in full, and the registry's match is made on some of those words and
            # says others: a new coalition taken for a registry one that shares a few of its words ("… on
            # Telecentres and Public Access (DC-TPA)" is no "DC on Public Access in Libraries"), as
            # `_unregistered_body` reads a speaker's
            return None, stated[0]
        return name, None
    title = str(meta.get("title") or session.title or "")
    found = _body_named(title, registry)
    if found == (None, None):
        # the title says what it is, not whose ("Meaningful Access – Newsletter No. 9"): the opening says whose
        # (front matter "title: Policy Network on … – Newsletter", "The newsletter of the IGF Policy Network on …")
        found = _body_named(session.text[:_OPENING], registry)
    return found


# a front matter field that names the institution whose document it is: "nri: Bolivia IGF", "organisation: …" (a
# "coalition:" field the metadata analysis reads)
_AUTHOR_FIELD = re.compile(
    r"^(?P<field>nri|organi[sz]ation|institution|issued[_ ]by)[ \t]*:[ \t]*"
    r"[\"']?(?P<name>[^\"'\n]+?)[\"']?[ \t]*$",
    re.I | re.M,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _front_matter_author(text: str, registry: Registry) -> Actor | None:
    """(coalition, institution) a document's front matter says it is by ("nri: Bolivia IGF"), the registry's name
    when it knows the body; None without such a field.

    Why: the author's own statement beats what the metadata analysis reads from the first page, which takes the
    first body the text names, even one it reports about ("At the Baku IGF the Dynamic Coalition on … asked the
    national IGFs …" in a national IGF's report): the report's recommendations are the national IGF's."""
    front = _FRONT_MATTER.match(text)
    field = _AUTHOR_FIELD.search(front.group("body")) if front is not None else None
    if field is None:
        return None
    name = re.sub(r"\s*\([^)]*\)$", "", field.group("name").strip())  # "… (DC-TPA)": the name without its acronym
    coalition, org = _body_named(name, registry)
    return (coalition, None) if coalition else (None, org or name)


# the opening's own word on who wrote the document: "Summary Report (prepared by the IGF Secretariat)"
_PREPARED_BY = re.compile(
    r"\b(?:prepared|compiled|issued|written|drafted|submitted|published)\s+by\s+(?P<name>[^\n()]{3,120})", re.I
)


def _prepared_by(opening: str, registry: Registry) -> Actor | None:
    """(coalition, institution) the opening says prepared the document ("Summary Report (prepared by the IGF
    Secretariat)"), when the registry knows the body it names; None otherwise (a person, no such line).

    Why: a meeting's summary names the coalitions whose requests the meeting discussed, and the metadata analysis
    takes the first of them as the document's coalition; the summary's promises ("The Secretariat will prepare a
    one-page guide …") and answers are its author's, and a coalition's request the summary reports would otherwise
    be read as the coalition asking again."""
    for line in _PREPARED_BY.finditer(opening):
        coalition, org = _body_named(line.group("name"), registry)
        if coalition is not None:
            return coalition, None
        if org is not None:
            return None, org
    return None


# an e-mail's header block: a "From:" line with a "To:", "Date:", "Sent:" or "Subject:" line next to it
_MAIL_HEADER = re.compile(
    r"^From:[ \t]*(?P<sender>[^\n]+)\n(?:[ \t]*(?:To|Cc|Date|Sent|Subject)[ \t]*:[^\n]*\n?){1,4}", re.I | re.M
)


# where the quoted earlier message of a reply begins
_QUOTED_MAIL = re.compile(r"^-{2,}\s*Original Message\s*-{2,}|^On [^\n]{5,120} wrote:\s*$|^>", re.I | re.M)


def _letter_author(text: str, registry: Registry) -> Actor | None:
    """(coalition, institution) an e-mail is by: the body its top message's "From:" header names; None when the
    text has no header block, or its sender is a person.

    Why: a reply is filed under the subject it answers ("RE: Dynamic Coalition on … -- follow-up"), which the
    metadata analysis reads as the document's coalition, but the reply's promises ("this Office will invite your
    coalition") and answers are its sender's; the first header is the top message, the ones below it are quoted."""
    headers = list(_MAIL_HEADER.finditer(text))
    if not headers:
        return None
    header = headers[0]
    quoted = _QUOTED_MAIL.search(text, header.end())
    if any(h.start() < (quoted.start() if quoted else len(text)) for h in headers[1:]):
        return None  # several messages one after another (a list digest): no one author
    sender = re.sub(r"<[^>\n]*>|\[[^\]\n]*\]|\S+@\S+", " ", header.group("sender")).strip(" \t\"'")
    coalition, org = _body_named(sender, registry)
    if coalition is not None:
        return coalition, None
    return (None, org) if org is not None else None


def _misread(opening: str, stated: tuple[str, int, int], name: str, registry: Registry) -> bool:
    """Whether the registry coalition `name` is found in `opening` only inside the topic of the body it states."""
    found = [m for m in find_mentions(opening, registry=registry) if m.kind == "dc" and m.name == name]
    return bool(found) and all(m.start < stated[2] and stated[1] < m.end for m in found)


def _other_body(stated: str, registered: str) -> bool:
    """Whether two names of bodies each have a topic word the other lacks (neither is a shorter wording of the
    other: "Dynamic Coalition on Access to Knowledge" is the registry's "… Access to Knowledge and Freedom of
    Expression", "… on Telecentres and Public Access" is not "DC on Public Access in Libraries")."""

    def words(name: str) -> set[str]:
        topic = _HEAD_TOPIC.match(name)
        said = (topic.group("topic") if topic else name).lower()
        return {w for w in re.findall(r"[\w'’‑-]+", said) if w not in _TOPIC_LINK and w not in _SMALL}

    a, b = words(stated), words(registered)
    return bool(a - b) and bool(b - a)


_OPENING = 600  # characters of a document's opening read for who it is by (front matter, heading, first lines)


def _body_named(text: str, registry: Registry) -> Actor:
    """The first coalition `text` names, else the first institution (not the IGF itself)."""
    mentions = find_mentions(text, registry=registry)
    coalition = next((m.name for m in mentions if m.kind == "dc"), None)
    org = next((_own_name(m, text) for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None)
    return (coalition, None) if coalition else (None, org)


# a body's name read as a head and a topic: "Best Practice Forum on| IXPs", "DC on| Internet and Climate Change"
_HEAD_TOPIC = re.compile(r"^(?P<head>.+?\s(?:on|for))\s+(?P<topic>\S.*)$")


def _acronym_of(short: str, words: Sequence[str]) -> bool:
    """Whether `short` ("IXPs", "CSOs") is an acronym of `words` ("Internet Exchange Points"): its first letter
    opens the first word, its last letter is in the last word, and every letter is found in order (the "X"
    of "eXchange"); a plural "s" is not a letter of it."""
    letters = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
    if len(letters) < 2 or not letters.isupper() or not words or len(words) > len(letters) + 2:
        return False
    if words[0][:1].upper() != letters[0]:
        return False
    text = " ".join(words).upper()
    at = 0
    for letter in letters[1:]:
        at = text.find(letter, at + 1)
        if at < 0:
            return False
    return at >= len(text) - len(words[-1])


def body_aliases(names: Iterable[str]) -> dict[str, str]:
    """Name → the name it is another wording of, among bodies named by a head and a topic: "Best Practice Forum
    on IXPs" → "Best Practice Forum on Internet Exchange Points" (the topic said by its acronym), "Coalition on
    X" → "Dynamic Coalition on X" (the family said in short).

    Why: a speaker names their forum by its acronym one year and in full the next (or its report's title
    does), and linking never joins two actors; the spelt-out name is the one kept."""
    parsed = [
        (name, _short_head(m.group("head")), m.group("topic")) for name in set(names) if (m := _HEAD_TOPIC.match(name))
    ]
    out: dict[str, str] = {}
    fullest: dict[tuple[str, str], str] = {}
    by_head: dict[str, list[str]] = {}  # head → its topics (an acronym is compared within one head only)
    for name, head, topic in parsed:
        key = (head, topic.casefold())
        if key not in fullest or (len(name), name) > (len(fullest[key]), fullest[key]):
            fullest[key] = name
        by_head.setdefault(head, []).append(topic)
    for name, head, topic in parsed:
        kept = fullest[(head, topic.casefold())]
        if " " not in topic:
            longer = sorted(
                {
                    fullest[(head, other.casefold())]
                    for other in by_head[head]
                    if other != topic and _acronym_of(topic, other.split())
                }
            )
            kept = longer[0] if len(longer) == 1 else kept
        if kept == name:
            kept = _completed(topic, head, by_head, fullest) or kept
        if kept != name:
            out[name] = kept
    out.update(_spelt_acronyms(names, parsed))
    return out


def body_topic_words(name: str) -> list[str]:
    """The words of a head-and-topic body's topic ("Dynamic Coalition on Smallholder Farmers Online": smallholder,
    farmers, online), lower case, without the small words; [] for any other name."""
    match = _HEAD_TOPIC.match(name)
    if match is None:
        return []
    return [w for w in re.findall(r"[\w'’-]+", match.group("topic").lower()) if w not in _SMALL and len(w) > 3]


# a name that is an acronym alone: capitals, perhaps cut by hyphens or full stops ("DC-SFO", "DCSFO", "S.F.O.")
_BARE_ACRONYM = re.compile(r"(?:the\s+)?(?P<a>[A-Z](?:[A-Z]|[-.][A-Z])+)\.?", re.I)
_SMALL = frozenset(("on", "for", "of", "and", "the", "in", "to", "a", "an", "&"))


def _initials(words: str) -> str:
    return "".join(w[0].upper() for w in words.replace("-", " ").split() if w.lower() not in _SMALL and w[:1].isalpha())


def _spelt_acronyms(names: Iterable[str], parsed: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """A body written as its acronym alone ("DC-SFO", "DCSFO") → the one body of a head and a topic whose initials it
    is, with or without the head's ("Dynamic Coalition on Smallholder Farmers Online": SFO, DCSFO).

    Why: once a coalition has a short name, its members say only that ("I speak for DC-SFO"), and the captioner spells
    it as it comes; read as an institution of its own, its asks never met the same coalition's asks said in full.
    The initials must be the whole acronym (three letters at least) and name one body only."""
    by_initials: dict[str, set[str]] = {}
    for name, _, topic in parsed:
        head = name[: len(name) - len(topic)]
        for letters in (_initials(topic), _initials(head) + _initials(topic)):
            if len(letters) >= 3:
                by_initials.setdefault(letters, set()).add(name)
    out: dict[str, str] = {}
    for name in set(names):
        match = _BARE_ACRONYM.fullmatch(name.strip())
        if match is None or not match.group("a").replace("-", "").replace(".", "").isupper():
            continue
        full = by_initials.get(re.sub(r"[-.]", "", match.group("a")), set())
        if len(full) == 1:
            out[name] = next(iter(full))
    return out


def _completed(topic: str, head: str, by_head: Mapping[str, list[str]], fullest: Mapping[tuple[str, str], str]) -> str:
    """The one longer name of the same head whose topic `topic` begins ("Dynamic Coalition on Linguistic" of "…
    on Linguistic Diversity"), else "": a caption label cut at its line's end names the body in part."""
    words = topic.casefold().split()
    longer = {
        fullest[(head, other.casefold())]
        for other in by_head[head]
        if (said := other.casefold().split())[: len(words)] == words and len(said) > len(words)
    }
    return longer.pop() if len(longer) == 1 else ""


def _short_head(head: str) -> str:
    """A name's head as compared: lower case, without "Dynamic" ("Dynamic Coalition on" is "Coalition on")."""
    head = " ".join(head.lower().split())
    return head.removeprefix("dynamic ")


def reported_body(affiliation: str, registry: Registry) -> Actor:
    """The body a record's bracket or apposition after a reported speaker's name names ("(UN Economic Commission for
    Africa)", ", coordinator of the Dynamic Coalition on X since 2014,"): its first coalition, else its first
    institution, else a coalition the registry does not know named by its topic, else a short capitalised name read as
    an institution ("(UN-Habitat)"); (None, None) for a description that names none ("a midwife", "of a telecentre
    network in Recife")."""
    named = _body_named(affiliation, registry)
    if named != (None, None):
        return named
    family = _family_body(affiliation)
    if family is not None:
        return family[0], None
    if _SHORT_BODY.match(affiliation):
        return _from_affiliation(affiliation, registry)
    return None, None


_SHORT_BODY = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+[A-Z\d][\w'’.&-]*){0,4}$")  # capitalised words only, no clause
