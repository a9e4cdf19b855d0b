"""Titled surname labels and office labels → the people they name.

The IGF captions of 2006–2013 label a turn "MS. OKORO" or "AMBASSADOR KARKLINS", while the
full name appears only where the chair hands over the floor ("I give the floor to Ms. Amina
Okoro of the Ministry …") or where the speaker introduces themselves; offices stand alone
("THE CHAIR", "REMOTE MODERATOR"). Left as they are, "Okoro" is a person of her own, with
none of the hand-off's evidence, and "THE CHAIR" nobody. Two joins, each only when exactly
one person fits (merging two people is worse than leaving one split):

- `join_titled_surnames`: a group named by a titled one-word label takes the one full name
  of the session (another speaker's name, or a name said in any speech turn) that ends with
  that surname. A title's gender (Ms. vs Mr.) vetoes a join, and chooses between two names
  only when each was said with its own title ("Ms. Amaka Okoro … Mr. Chidi Okoro"); "MS. OKORO"
  and "MR. OKORO" are two people even though the parser gives both the speaker "Okoro". An
  untitled surname label (">> EZE:") takes the one full name said that ends with it, unless
  another speaker's name holds the word (then it may be a first name: "THOMAS").
- `name_office_labels`: an office-only label joins the one speaker whose own label holds the
  same office ("CHAIRMAN DESAI" for "THE CHAIR"), else the one full name the session gives
  that office ("our remote moderator, Mr. Samuel Kiprono").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from forumlens.models import Turn
from forumlens.resolve.cutlabels import said_full_names, speech_texts
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.saidoffices import acronym_of, office_key
from forumlens.resolve.soundalike import answer_each_other
from forumlens.resolve.titles import is_title_word, parse_title
from forumlens.transcript.neighbours import previous_speech
from forumlens.transcript.speakers import normalise_label, sentence_word

__all__ = [
    "full_names_ending",
    "given_word",
    "join_titled_surnames",
    "merge_groups",
    "name_office_labels",
    "persons",
    "title_gender",
    "turn_words",
]

_TOKEN = re.compile(r"[^\W\d_][\w'’\u2011.-]*")
_PARTICLES = frozenset(
    {"de", "da", "das", "dos", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al"}
)
# Capitalised words that open a clause, never a given name ("Allow me", "From Okoro's side").
_NOT_GIVEN = frozenset({"allow", "from", "colleague", "colleagues", "friend", "brother", "sister"})
_MAX_GIVEN = 3
# Titles written shortened with a period ("Ms.", "H.E."): any other word ending in a period
# ends a sentence, so it is no title of the name after it.
_ABBREVIATED = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "h.e", "hon", "amb", "st", "sen", "rep", "gen", "col", "capt", "rev"}
    | {"mme", "mlle", "sr", "sra", "srta", "dra", "messrs", "mmes", "pr", "ing", "lic"}
)


def given_word(word: str) -> bool:
    bare = word.rstrip(".")
    if len(bare) == 1 and word.endswith(".") and bare.isupper():
        return True  # an initial: "Amina B. Okoro"
    return (
        len(bare) >= 2
        and bare[0].isupper()
        and not word.endswith(".")
        and not sentence_word(bare)
        and not is_title_word(word)
        and bare.lower() not in _NOT_GIVEN
    )


@lru_cache(maxsize=4096)
def _text_key(text: str) -> str:
    """`name_key` of a whole turn, remembered: `join_titled_surnames` asks every turn once per
    titled label, and keying every turn's characters again per label is labels × text (issue 19)."""
    return name_key(text)


def _same_word(a: str, b: str) -> bool:
    """One name word spelled alike: equal keys, a one-letter caption slip in a long word
    ("OSANDON" for "Ossandón"), or a misheard first sound of a long word ("KIZILBASH")."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 6 and a[1:] == b[1:]:
        return True  # the first sound misheard, the rest alike ("KADERI" for "Qaderi")
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and fuzz.ratio(a, b) >= 90


@dataclass(frozen=True)
class _TurnWords:
    """A turn's word tokens, the name-key words of each, and the tokens by the first letter of
    their key: computed once per turn text (`turn_words`), since `full_names_ending` reads
    every turn once per titled label, and keying each word again per label is labels × text."""

    tokens: tuple[re.Match[str], ...]
    keys: tuple[tuple[str, ...], ...]
    by_initial: dict[str, list[int]]


@lru_cache(maxsize=1024)
def turn_words(text: str) -> _TurnWords:
    tokens = tuple(_TOKEN.finditer(text))
    keys = tuple(tuple(name_key(tok.group()).split()) for tok in tokens)
    by_initial: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key:
            by_initial.setdefault(key[0][:1], []).append(i)
    return _TurnWords(tokens, keys, by_initial)


def _match_at(keys: Sequence[Sequence[str]], i: int, want: list[str]) -> int | None:
    """The index of the last token when tokens `i`… spell the words `want` (each token may hold
    several: "Leon-Arceo"), else None."""
    got: list[str] = []
    j = i
    while j < len(keys) and len(got) < len(want):
        got += keys[j]
        j += 1
    if len(got) != len(want) or not all(map(_same_word, got, want)):
        return None
    return j - 1


def full_names_ending(surname: str, turns: Sequence[Turn]) -> list[tuple[str, str | None]]:
    """Every full name said in the speech turns whose family name is `surname` (accent- and
    case-insensitive, one word or several: "Rarua-Maki", "de Leon-Arceo"), with the gender of
    the title said right before it, if any.

    "to Ms. Amina Okoro of the …" gives ("Amina Okoro", "f"); "thank you, Ambassador Okoro"
    gives nothing (a title is no given name); "Okoro Adeyemi" gives nothing (not the last word,
    and no given name before it). A name with given names before the surname may go on with
    one more family name ("Mr. Benjamín Ossandón Toro" for "MR. OSSANDON": the first of two
    surnames is the one a label keeps). A one-letter slip in a long word still matches.
    """
    want = name_key(surname).split()
    if not want:
        return []
    found: list[tuple[str, str | None]] = []
    for turn in turns:
        if turn.kind != "speech":
            continue
        head = want[0]
        if head[:3] not in _text_key(turn.text) and head[-3:] not in _text_key(turn.text):
            continue  # (first or last letters: a slip is seldom at both ends)
        text = turn.text
        words = turn_words(text)
        tokens, keys = words.tokens, words.keys
        for i in words.by_initial.get(want[0][:1], ()):
            last = _match_at(keys, i, want)
            if last is None or not any(t.group()[:1].isupper() for t in tokens[i : last + 1]):
                continue
            given, gender = _given_before(tokens, i, text)
            trailing: list[str] = []
            if last + 1 < len(tokens) and not tokens[last].group().endswith("."):
                nxt = tokens[last + 1]
                if not text[tokens[last].end() : nxt.start()].strip() and given_word(nxt.group()):
                    if not given:
                        continue  # the surname is not the last word of this name
                    trailing = [nxt.group().rstrip(".")]
            if given and len(given) <= _MAX_GIVEN:
                family = [tokens[k].group() for k in range(i, last + 1)]
                family[-1] = family[-1].rstrip(".")
                found.append((" ".join([*given, *family, *trailing]), gender))
    return found


def _given_before(tokens: Sequence[re.Match[str]], i: int, text: str) -> tuple[list[str], str | None]:
    """The given names written right before token `i` (with the particles between them and
    the surname) and the gender of a title before them."""
    given: list[str] = []
    gender: str | None = None
    j = i - 1
    while j >= 0 and len(given) < _MAX_GIVEN + 1:
        prev = tokens[j]
        if text[prev.end() : tokens[j + 1].start()].strip():
            break  # punctuation in between: not one name
        w = prev.group()
        if w.endswith(".") and w.rstrip(".").lower() not in _ABBREVIATED and not given_word(w):
            break  # "Thank you, Madam Chair. Lars Petersen": the sentence before, not his title
        if (w.lower() in _PARTICLES and given) or given_word(w):
            given.insert(0, w)
        else:
            if is_title_word(w):
                gender = title_gender(tokens, j, text)
            break
        j -= 1
    while given and given[0].lower() in _PARTICLES:
        given.pop(0)
    return given, gender


_POSSESSIVES = frozenset({"his", "her", "your"})
_STYLED = frozenset({"excellency", "highness", "majesty", "honour", "honor", "grace", "worship"})


def title_gender(tokens: Sequence[re.Match[str]], j: int, text: str) -> str | None:
    """The gender of the run of titles ending at token `j` ("Ms.", "Madam Chair")."""
    run = [tokens[j].group()]
    while j > 0 and not text[tokens[j - 1].end() : tokens[j].start()].strip() and is_title_word(tokens[j - 1].group()):
        if tokens[j - 1].group().lower() in _POSSESSIVES and tokens[j].group().lower().rstrip(".") not in _STYLED:
            break  # "next to her Mr. Tarek …": her is the sentence's, not his title ("Her Excellency")
        j -= 1
        run.insert(0, tokens[j].group())
    return parse_title(" ".join(run) + " X").gender


def _words(name: str) -> list[str]:
    return name_key(name).split()


def _hyphen_head(name: str) -> str | None:
    """The key of the first half of a name's hyphenated family name ("gitahi" of "Nyokabi
    Gitahi-Muriuki"), if its last word is hyphenated and a given name comes before it."""
    raw = name.replace("\u2011", "-").split()
    if len(raw) < 2 or "-" not in raw[-1].strip("-"):
        return None
    head = name_key(raw[-1].split("-")[0]).split()
    return head[0] if head else None


def persons(names: Sequence[str]) -> list[Counter[str]]:
    """Names clustered into people (caption variants of one name are one person)."""
    people: list[Counter[str]] = []
    for name in names:
        for person in people:
            if any(same_person(name, n) for n in person):
                person[name] += 1
                break
        else:
            people.append(Counter({name: 1}))
    return people


def _label_gender(group: LabelGroup) -> tuple[bool, str | None]:
    """Whether a label of the group carries a title before a name, and the gender the titles
    agree on (None when they say none or disagree)."""
    parsed = [parse_title(lab) for lab in group.labels]
    titled = any(p.titles and p.name for p in parsed)
    genders = {p.gender for p in parsed if p.gender}
    return titled, (genders.pop() if len(genders) == 1 else None)


def _surname_label(group: LabelGroup, surname: str) -> bool:
    """An untitled one-word label that is the name itself (">> EZE:"), not a role or a floor
    label: it may stand for the full name said in the session ("Dr. Ngozi Eze")."""
    return len(surname) >= 3 and all(
        len(_words(lab)) == 1 and _words(lab)[0] == surname and not parse_title(lab).office for lab in group.labels
    )


def _other_gender(a: LabelGroup, b: LabelGroup) -> bool:
    """Whether two groups' titles say different genders ("MS. OKORO", "MR. OKORO")."""
    ga, gb = _label_gender(a)[1], _label_gender(b)[1]
    return ga is not None and gb is not None and ga != gb


def merge_groups(into: LabelGroup, other: LabelGroup) -> None:
    into.turns = sorted([*into.turns, *other.turns])
    into.labels += [lab for lab in other.labels if lab not in into.labels]


def _split_genders(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """One surname group per title gender: "MS. OKORO" and "MR. OKORO" are two people, though the
    parser gives both turns the speaker "Okoro". A turn whose label says no gender ("OKORO")
    goes to the one the turn before called by title ("the question was for Ms. Okoro"), else
    stays with the first of them, as before."""
    result: list[LabelGroup] = []
    for group in groups:
        genders = {lab: parse_title(lab).gender for lab in group.labels}
        if not group.name or len(_words(group.name)) != 1 or len({g for g in genders.values() if g}) < 2:
            result.append(group)
            continue
        parts: dict[str | None, LabelGroup] = {}
        first: LabelGroup | None = None
        for index in group.turns:
            raw = turns[index].label
            label = normalise_label(raw) if raw else ""
            gender = genders.get(label) or _called_gender(turns, index, group.name)
            part = parts.get(gender) if gender and (genders.get(label) or gender in parts) else first
            if part is None:
                part = LabelGroup(group.name)
                parts[gender] = part
            first = first or part
            part.turns.append(index)
            if label and label not in part.labels:
                part.labels.append(label)
        result.extend(parts.values())
    return sorted(result, key=lambda g: g.turns[0])


def _called_gender(turns: Sequence[Turn], index: int, surname: str) -> str | None:
    """The gender of the title the speech turn just before calls `surname` by ("… for Ms.
    Tuitoek"), when its titles say one gender."""
    at = previous_speech(turns, index)
    if at is None:
        return None
    before = turns[at]
    said = re.findall(r"\b(?:Mr|Mrs|Ms|Miss|Mister|Madam|Madame)\.?\s+" + re.escape(surname) + r"\b", before.text)
    genders = {parse_title(m).gender for m in said} - {None}
    return genders.pop() if len(genders) == 1 else None


def _said_genders(person: Counter[str], said: Sequence[tuple[str, str | None]]) -> set[str]:
    return {g for n, g in said if g and n in person}


def _opens_said_names(word: str, turns: Sequence[Turn]) -> bool:
    """Whether the speech says a full name of two words or more that opens with `word` (a name
    key) and does not end with it ("SUTARNI SUTARNI", one name badged twice, ends with it)."""
    return any(
        len(key := name_key(name).split()) >= 2 and key[-1] != word
        for name in said_full_names(word, speech_texts(turns))
    )


def join_titled_surnames(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a titled surname label ("MS. OKORO") the one full name of the session ending with it.

    Candidates: other speakers' names of two words or more that end (or, family name first,
    start) with the surname, and full names said in any speech turn. They are clustered into
    people; the join happens only when there is exactly one, and not when the label's title
    and the name's title say different genders. The joined group merges with a speaker of that
    name, or takes the name; its labels are kept (the title never enters the name).
    """
    result = _split_genders(groups, turns)
    for group in list(result):
        if group not in result or not group.name:
            continue
        titled, gender = _label_gender(group)
        family = _words(group.name)
        # a titled label's name is a family name however many words it has ("MS. DE LEON
        # ARCEO", "H.E. RARUA-MAKI"); an untitled one only when it is one word (">> EZE:")
        if len(family) != 1 and not (titled and len(family) <= 3):
            continue
        surname = family[0]
        if (
            not titled
            and (
                not _surname_label(group, surname)
                # "THOMAS" beside speakers "Thomas Brandt" and "Anna Thomas": a first name as often
                # (not the first half of a hyphenated family name: "Gitahi" of "Gitahi-Muriuki")
                or any(
                    g is not group and g.name and surname in _words(g.name)[:-1] and _hyphen_head(g.name) != surname
                    for g in result
                )
                # ">> AMANI:" where the speech says "Amani Rwigamba" and "Amani Mrisho": the word
                # opens names said, a given name, and a given name alone tells nobody apart
                or _opens_said_names(surname, turns)
            )
        ):
            continue
        n = len(family)
        speakers = [
            g
            for g in result
            if g is not group
            and g.name
            and len(_words(g.name)) > n
            # family name first ("TANAKA Kenji") only where a title marks the label as a surname
            and (
                all(map(_same_word, family, _words(g.name)[-n:]))
                or (titled and family == _words(g.name)[:n])
                # ">> GITAHI:" for "Nyokabi Gitahi-Muriuki": a captioner keeps the first half
                or (n == 1 and _hyphen_head(g.name) == surname)
            )
        ]
        said = full_names_ending(group.name, turns)
        people = persons([*(g.name for g in speakers if g.name), *(n for n, _ in said)])
        if len(people) > 1 and gender:
            # "Ms. Amaka Okoro … and Mr. Chidi Okoro": the title chooses only when every other
            # name was said with the other title
            fitting = [p for p in people if _said_genders(p, said) == {gender}]
            if len(fitting) == 1 and all(_said_genders(p, said) - {gender} for p in people if p is not fitting[0]):
                people = fitting
        if len(people) != 1:
            continue
        person = people[0]
        said_genders = _said_genders(person, said)
        if gender and said_genders and said_genders != {gender}:
            continue  # "MS. OKORO" is not "Mr. Chidi Okoro"
        owner = next((g for g in speakers if g.name in person), None)
        if owner is not None:
            merge_groups(owner, group)
            result.remove(group)
        else:
            group.name = max(person, key=lambda n: (person[n], len(n)))
    # two labels of one person ("MS. OKORO", "DR. OKORO") now carry the same name
    merged: list[LabelGroup] = []
    for group in result:
        same = next(
            (
                m
                for m in merged
                if m.name and group.name and name_key(m.name) == name_key(group.name) and not _other_gender(m, group)
            ),
            None,
        )
        if same is not None:
            merge_groups(same, group)
        else:
            merged.append(group)
    return sorted(merged, key=lambda g: g.turns[0])


def _office_only(label: str) -> str | None:
    parsed = parse_title(label)
    return parsed.office if parsed.office and not parsed.name else None


# case-sensitive inside the case-insensitive office patterns: a name is capitalised words
_NAME = r"(?-i:(?P<name>[A-Z][\w'’\u2011-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’\u2011-]+){1,3}))"
# lazy: "Mr. Barnabas Kimutai Ruto-Chesire" keeps its three name words (titles left in the name
# are stripped by `parse_title`)
_TITLE_RUN = r"(?-i:(?:(?:[A-Z][a-z]{1,11}\.?|H\.E\.)\s+)*?)"


def _office_pattern(office: str) -> str:
    words = {
        "chair": r"(?:chair|chairman|chairperson|chairwoman)",
        "moderator": r"(?:co-?)?(?:moderator|facilitator)",
    }
    parts = office.split("-")
    return r"[\s-]+".join(words.get(p, re.escape(p)) for p in parts)


@lru_cache(maxsize=256)
def _holder_patterns(office: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns of `_named_holders` for one office, compiled once a process: the same few
    offices ("moderator", "chair", "remote-moderator") recur in every session, and the pair cost
    several ms to compile each time `re`'s own cache had dropped them (issue 19)."""
    pat = _office_pattern(office)
    # "our remote moderator, Mr. Samuel Kiprono", "our online moderator is Abdiwali Abdirahman"
    # "The Permanent Secretary, Ministry of Information …, Mr. Barnabas …", "the Mayor of the
    # Municipal Council of …, Councillor Teresia …": a protocol list says the office's body first
    before = re.compile(
        rf"\b(?:our|the|as)\s+{pat}(?:(?:\s+(?:of|for|at)\s+[^,.;:!?]{{1,80}}?)?\s*,\s+(?:[^,.;:!?]{{1,80}},\s+)?"
        rf"|\s*,?\s+(?:(?:is|will be|today is)\s+)?){_TITLE_RUN}{_NAME}",
        re.IGNORECASE,
    )
    after = re.compile(rf"{_NAME}\s*,\s+(?:who\s+is\s+)?(?:our|the)\s+{pat}\b", re.IGNORECASE)
    return before, after


def _named_holders(office: str, turns: Sequence[Turn]) -> list[str]:
    """Full names the speech turns give the office: "our remote moderator, Mr. Samuel Kiprono",
    "our online moderator is Abdiwali Abdirahman", "Nitin Desai, the chairman of …"."""
    before, after = _holder_patterns(office)
    found = []
    for turn in turns:
        if turn.kind != "speech":
            continue
        for rx in (before, after):
            for m in rx.finditer(turn.text):
                name = parse_title(m.group("name")).name
                words = (name or "").split()
                while words and not given_word(words[-1]) and words[-1] != words[0]:
                    words.pop()
                if len(words) >= 2 and all(w[:1].isupper() and not sentence_word(w) for w in words):
                    found.append(" ".join(words))
    return found


def name_office_labels(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], said: frozenset[str] | set[str] = frozenset()
) -> list[LabelGroup]:
    """An office-only label ("THE CHAIR", "REMOTE MODERATOR") joins the one person who holds the
    office: the one speaker whose own label gives it with a name ("CHAIRMAN VASCONCELOS"), else
    the one full name the session gives it; with none or two, it stays a role label. `said`: the
    labels the session says as offices (`resolve.saidoffices`: "PERMANENT SECRETARY"), offices
    too; one that is the initials of another office label ("MC") joins that label's speaker."""
    result = list(groups)
    for group in list(result):
        if group.name is not None or not group.labels:
            continue
        offices = {_office_only(lab) or (office_key(lab) if lab in said else None) for lab in group.labels}
        if len(offices) != 1 or None in offices:
            continue
        office = offices.pop()
        assert office is not None
        spelt = [
            g for g in result if g is not group and any(acronym_of(lab, o) for lab in group.labels for o in g.labels)
        ]
        if len(spelt) == 1 and all(lab in said for lab in group.labels):
            merge_groups(spelt[0], group)
            result.remove(group)
            continue
        holders = [
            g
            for g in result
            if g is not group
            and g.name
            and any(parse_title(lab).office == office and parse_title(lab).name for lab in g.labels)
        ]
        if len(holders) == 1:
            merge_groups(holders[0], group)
            result.remove(group)
            continue
        if holders:
            continue
        people = persons(_named_holders(office, turns))
        if not people:
            called = _called_before(group, result, turns)
            people = [Counter({called: 1})] if called else []
        if len(people) != 1:
            continue
        person = people[0]
        owner = next((g for g in result if g.name and any(same_person(g.name, n) for n in person)), None)
        if owner is not None and owner is not group:
            merge_groups(owner, group)
            result.remove(group)
        else:
            group.name = max(person, key=lambda n: (person[n], len(n)))
    return sorted(result, key=lambda g: g.turns[0])


# A name the chair calls at the end of a turn, handing over: "Ana Paula, somebody online?",
# "We have a hub?  Ana Paula?", "Przemek, is she connected?", "Larissa?".
_CALLED = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?-i:(?P<name>[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+)?))\s*(?:\?|,\s+[^.!?]{0,60}\?)\s*$"
)
# The next speaker answering the office holder by name: "Of course, Eirik.", "Thank you, Ana Paula,",
# "Thank you very much, Professor Marcílio Jatobá Quintela," (the title is no part of the name).
_ANSWERED = re.compile(
    r"\W*(?:thank you|thanks|yes|of course|sure|okay|ok|good|great|perfect)(?:\s+(?:very much|so much))?\s*,?\s+"
    r"(?-i:(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Madam|Mme)\.?\s+)?)"
    r"(?-i:(?P<name>[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+){0,2}))\s*[.,!]",
    re.IGNORECASE,
)
_NAME_GOES_ON = r"((?:\s+(?:(?:de|da|do|dos|van|von|der|del|la|le|bin|al)\s+)?(?-i:[A-Z][\w'’\u2011-]+)){1,3})"


# Capitalised words a chair ends a turn with that call a side or a group, not a person ("Online?",
# "Anyone?", "Bishkek hub?" is a hub, which has its own label).
_SIDES = frozenset(
    {"online", "remote", "zoom", "chat", "hub", "floor", "room", "questions", "question", "anyone", "anybody"}
    | {"everyone", "everybody", "someone", "somebody", "colleagues", "friends", "all", "audience", "comments"}
)


def _not_called(word: str) -> bool:
    """A capitalised word a chair ends a turn with that names no office holder: a sentence word
    ("Please?"), a title ("Chairman?"), or a side of the room or a group ("Online?", "Anyone?")."""
    return sentence_word(word) or is_title_word(word) or word.casefold() in _SIDES


def _called_before(group: LabelGroup, groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> str | None:
    """The one name the turns before an office label's turns call at their end ("Ana Paula,
    somebody online?" before ">> ONLINE MODERATOR:") or the turns after them answer at their
    start ("Of course, Eirik."), as the fullest form the session says
    ("My colleague who follows the online room is Ana Paula Ferraz Leme"), or the called name
    itself when the session never says more ("Przemek from NASK … Przemek, is she connected?").
    None when no name is called, two different ones are, or another speaker carries it."""
    speech = [t for t in turns if t.kind == "speech"]
    position = {t.index: k for k, t in enumerate(speech)}
    called: set[str] = set()
    answered: set[str] = set()  # weaker: the answer may thank a person whose words were read out
    for index in group.turns:
        k = position.get(index, 0)
        if k > 0 and speech[k - 1].index not in group.turns:
            m = _CALLED.search(speech[k - 1].text.rstrip()[-160:])
            if m is not None and not any(_not_called(w) for w in m.group("name").split()):
                called.add(m.group("name"))
        if k + 1 < len(speech) and speech[k + 1].index not in group.turns:
            m = _ANSWERED.match(speech[k + 1].text)  # "Of course, Eirik.  Nuuk, please."
            if m is not None and not any(_not_called(w) for w in m.group("name").split()):
                answered.add(m.group("name"))
    strong = bool(called)
    called = called or answered
    if len(called) != 1:
        return None
    short = called.pop()
    holders = [g for g in groups if g is not group and g.name and short.split()[0] in (g.name.split() or [""])[:1]]
    if holders:
        # "Ndapewa, can you say hello?" then ">> REMOTE MODERATOR:", and ">> NDAPEWA HAUFIKU:" later:
        # the one speaker called so, handed the floor right before the label, is the label's voice
        # when the two never answer each other (a thanks after the label may be for a voice read out)
        speech_ids = [t.index for t in speech]
        if strong and len(holders) == 1 and not answer_each_other(group, holders[0], speech_ids):
            return holders[0].name
        return None  # another speaker's first name: the chair is calling them
    goes_on = re.compile(rf"\b{re.escape(short)}{_NAME_GOES_ON}")
    longer = {short + re.sub(r"\s+", " ", m.group(1)) for t in speech for m in goes_on.finditer(t.text)}
    longer = {
        n for n in longer if not any(sentence_word(w) or is_title_word(w) for w in n.split()[len(short.split()) :])
    }
    if len(persons(sorted(longer))) > 1:
        return None
    return max(longer, key=len) if longer else short
