"""Speaker labels → people: merge caption variants, match known names, flag mis-attributions.

Captioners mishear names ("OLIVIER REPIN‑LEBLOND" for "OLIVIER CREPIN‑LEBLOND"), vary
case, accents and hyphen characters, so one person can carry several labels. They also
sometimes stamp a wrong name on a paragraph that is really the previous speaker going
on; trusting such a label would invent a speaker, so it is flagged with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from forumlens.models import Session, Turn
from forumlens.resolve import cues, titles
from forumlens.text.accents import unaccented
from forumlens.text.fastre import Prefiltered
from forumlens.transcript.speakers import COLLECTIVE_LABELS, name_key, normalise_label

__all__ = [
    "LabelGroup",
    "Misattribution",
    "drop_collective",
    "find_misattributions",
    "group_labels",
    "merge_known",
    "name_forms",
    "name_key",
    "opens_as_new_voice",
    "same_person",
    "split_floor_voices",
]


@dataclass
class LabelGroup:
    """The speech turns that belong to one speaker label family (or one unnamed turn)."""

    name: str | None
    labels: list[str] = field(default_factory=list)
    turns: list[int] = field(default_factory=list)  # indices into session.turns
    # the remote hub this voice spoke from, when it was told apart under the hub's label
    # ("REMOTE HUB NAIROBI: … My name is Grace Wanjiku"): her place, and why she is online
    hub: str | None = None


@dataclass(frozen=True)
class Misattribution:
    turn: int
    line: int
    label: str
    likely: str | None
    reason: str


def same_person(a: str, b: str, threshold: float = 80) -> bool:
    """Whether two names are caption variants of one person.

    Compared word by word on the case/accent/hyphen-free key, so "Repin-Leblond" ~
    "Crepin-Leblond" merges while "Mark Carvell" and "Mark Stevens" do not.
    A lone first name ("MARKUS") matches a full name that starts with it.
    """
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        short, full = (ka, kb) if len(ka) == 1 else (kb, ka)
        return len(full) > 1 and short[0] == full[0] and len(short[0]) >= 3
    if len(ka) != len(kb):
        return fuzz.ratio(" ".join(ka), " ".join(kb)) >= 92
    scores = [fuzz.ratio(x, y) for x, y in zip(ka, kb)]
    return min(scores) >= threshold and sum(scores) / len(scores) >= 88


_UNDOUBLED = re.compile(r"(\w)\1+")


def _display(names: Counter[str], spoken: str) -> str:
    """The variant somebody says in full in the speech (`spoken`, case-folded: the speaker's
    own "I am Thembeka Ginindza", the chair's hand-off), else the one with more of its words
    said ("it is Ginindza with two N"), then the most frequent label, then the longest (a doubled
    letter counted once), then the first seen.

    Said first because a label is typed once by the captioner and repeated as typed, while a
    name said in the speech is spelled as heard, often corrected; longest because captioners
    drop sounds ("Repin") far more often than add them.
    """

    def key(name: str) -> tuple[bool, int, int, int]:
        words = [w.casefold() for w in name.split()]
        said = re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", spoken) is not None
        in_text = sum(1 for w in words if len(w) > 2 and w in spoken)
        # a doubled letter ("Gelashvilli") is a typing slip, not a sound the other variant dropped
        return said, in_text, names[name], len(_UNDOUBLED.sub(r"\1", name))

    return max(names, key=key)


# A label that is one floor-role word, with a number at most ("QUESTIONER", "PARTICIPANTS",
# "STUDENT 2"): the captioner's label for whoever has the floor microphone, never a name, even
# where the parser took the one capitalised word for a surname.
_FLOOR_WORD = re.compile(rf"(?:{cues.AUDIENCE_LABEL.pattern.removeprefix('^')})(?:er|ers|s)?(?:\s*\d+)?", re.IGNORECASE)


def group_labels(session: Session) -> list[LabelGroup]:
    """One group per person: labelled turns merged by name, each unnamed turn on its own.

    Generic role labels ("MODERATOR", "AUDIENCE") have no speaker; all turns with the
    same such label form one group with name None.
    """
    groups: list[LabelGroup] = []
    variants: list[Counter[str]] = []
    # per speaker seen: the first named group holding a variant like it (`_same_label`), kept up
    # to date as variants arrive, so a turn costs a look-up rather than a comparison with every
    # variant of every group (turns × groups: a second per 2,400 turns of 60 speakers, issue 19)
    first: dict[str, int | None] = {}
    for turn in session.turns:
        if turn.kind != "speech":
            continue
        # the parser drops most titles; an office it keeps ("Vice-Chair Smith") is no part of a name
        speaker = titles.strip_titles(turn.speaker.replace("\u2011", "-")) if turn.speaker else None
        if speaker and turn.label and cues.PHONE_VOICE.fullmatch(turn.label.strip(" .:")):
            speaker = None  # "CALLER": every caller of a phone bridge, a shared label like "PARTICIPANT"
        elif speaker and turn.label and cues.ACCOUNT_DEFAULT.fullmatch(turn.label.strip(" .:")):
            speaker = None  # "Zoom user", "WEBEX": the tool's account name, like a device's "iPhone"
        elif speaker and turn.label and _FLOOR_WORD.fullmatch(turn.label.strip(" .:")):
            speaker = None  # "QUESTIONER", "STUDENT 2": a floor role in one word, every asker's label
        if speaker:
            if speaker not in first:
                first[speaker] = next(
                    (
                        k
                        for k, (g, names) in enumerate(zip(groups, variants))
                        if g.name and any(_same_label(speaker, n) for n in names)
                    ),
                    None,
                )
            at = first[speaker]
            if at is None:
                group, names = LabelGroup(speaker), Counter[str]()
                groups.append(group)
                variants.append(names)
                at = len(groups) - 1
            else:
                group, names = groups[at], variants[at]
            if speaker not in names:  # a new variant of group `at`: speakers like it now find it
                for other, known in first.items():
                    if (known is None or known > at) and _same_label(other, speaker):
                        first[other] = at
            names[speaker] += 1
        elif turn.label:
            label = normalise_label(turn.label)
            same = next((g for g in groups if g.name is None and label in g.labels), None)
            if same is None:
                same = LabelGroup(None)
                groups.append(same)
                variants.append(Counter())
            group = same
        else:
            group = LabelGroup(None)
            groups.append(group)
            variants.append(Counter())
        if turn.label and normalise_label(turn.label) not in group.labels:
            group.labels.append(normalise_label(turn.label))
        group.turns.append(turn.index)
    groups, variants = _merge_partial_names(groups, variants)
    spoken = (
        " ".join(t.text for t in session.turns if t.kind == "speech").casefold()
        if any(len(n) > 1 for n in variants)
        else ""
    )
    for group, names in zip(groups, variants):
        if names:
            full = _fullest(names)
            group.name = _display(full, spoken) if len(full) > 1 else next(iter(full))
    return groups


def _words(name: str) -> list[str]:
    return name_key(name).split()


def _same_label(a: str, b: str) -> bool:
    """`same_person` without its lone-first-name rule: a label of fewer words than another is
    part of a name, and which name it is part of is decided once every label is known
    (`_merge_partial_names`), so "MARK" never joins the first of two Marks by order alone."""
    if len(_words(a)) != len(_words(b)) and min(len(_words(a)), len(_words(b))) == 1:
        return False
    return same_person(a, b)


def _word_same(a: str, b: str) -> bool:
    """One name word spelled alike: equal keys, or a one-letter caption slip in a long word."""
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 90)


def _part_of(part: list[str], full: list[str]) -> bool:
    """Whether a shorter name is the start (given name, or a family name written first) or the
    end (family name) of a longer one, word for word, or its first and last words with a middle
    name left out ("ROSA MARADIAGA" of "ROSA ELVIRA MARADIAGA")."""
    n = len(part)
    if not part or n >= len(full) or (n == 1 and len(part[0]) < 3):
        return False
    if all(map(_word_same, part, full[:n])) or all(map(_word_same, part, full[-n:])):
        return True
    return n == 2 and _word_same(part[0], full[0]) and _word_same(part[1], full[-1])


def _fullest(names: Counter[str]) -> Counter[str]:
    """The variants with the most words: a person's display name is their full name, not the
    surname the captioner uses after the first turn, however often that is written."""
    most = max(len(_words(n)) for n in names)
    # "MARIBEL SACA HUAYTA" and "MARIBEL SACAHUAYTA": one name typed with a space and without is
    # no fuller one way (`_display` then takes the spelling the speech says)
    letters = {"".join(_words(n)) for n in names if len(_words(n)) == most}
    return Counter({n: c for n, c in names.items() if "".join(_words(n)) in letters})


def _merge_partial_names(
    groups: list[LabelGroup], variants: list[Counter[str]]
) -> tuple[list[LabelGroup], list[Counter[str]]]:
    """Join a label that is only part of a name ("KAZLAUSKAITĖ:" after "IEVA KAZLAUSKAITĖ:",
    "MARKUS:") to the one person whose full label it is part of.

    Captioners write the whole name on a person's first turn and a surname (or a first name)
    afterwards. The shorter label joins a longer one only when exactly one labelled speaker's
    name has it as its start or its end: two Smiths, or a Thomas who is one person's first name
    and another's surname, keep the short label apart, since merging two people is worse than
    leaving one split.
    """
    longest = [max((_words(n) for n in names), key=len) if names else [] for names in variants]
    target: dict[int, int] = {}
    for k, group in enumerate(groups):
        if not group.name or not longest[k]:
            continue
        owners = [j for j in range(len(groups)) if j != k and groups[j].name and _part_of(longest[k], longest[j])]
        if len(owners) == 1:
            target[k] = owners[0]
    for k, j in target.items():
        while j in target:  # a part of a part ("MARKUS" → "MARKUS K." → "MARKUS KUMMER")
            j = target[j]
        groups[j].turns = sorted([*groups[j].turns, *groups[k].turns])
        groups[j].labels += [lab for lab in groups[k].labels if lab not in groups[j].labels]
        variants[j].update(variants[k])
    kept = sorted((k for k in range(len(groups)) if k not in target), key=lambda k: groups[k].turns[0])
    return [groups[k] for k in kept], [variants[k] for k in kept]


def merge_known(names: Sequence[str], known: Sequence[str], threshold: float = 80) -> dict[str, str]:
    """Map each name to the matching already-known name (from the store), or to itself.

    >>> merge_known(["Anriette Asterhuysen", "New Person"], ["Anriette Esterhuysen"])
    {'Anriette Asterhuysen': 'Anriette Esterhuysen', 'New Person': 'New Person'}
    """
    index = _KnownNames(known)
    result: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        exact = [known[i] for i in index.by_key.get(key, ())]
        close = exact or [known[i] for i in index.candidates(key, threshold) if same_person(name, known[i], threshold)]
        best = max(close, key=lambda k: fuzz.ratio(name_key(k), key), default=None)
        result[name] = best if best is not None else name
    return result


class _KnownNames:
    """The names on record, indexed so `merge_known` compares a new name with the few that can
    be the same person instead of all of them (a store of 5,000 people cost ~100 ms per name).

    `candidates` is a superset of the names `same_person` accepts: two names of as many words
    whose words all score ≥ t score ≥ t joined too (the Indel distance of the joined words is
    at most the sum of theirs), names of different lengths must score ≥ 92 joined, and a lone
    first name is found by its first word. Known names keep their order, so ties resolve as before.
    """

    def __init__(self, known: Sequence[str]) -> None:
        self.keys = [" ".join(name_key(k).split()) for k in known]
        self.by_key: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self.by_key.setdefault(name_key(known[i]), []).append(i)
            if key:
                self.by_first.setdefault(key.split()[0], []).append(i)

    def candidates(self, key: str, threshold: float) -> list[int]:
        words = key.split()
        if not words:
            return []
        found = set(self.by_first.get(words[0], ()))  # a lone first name and the full names it starts
        cutoff = min(threshold, 92) - 0.5  # a little under, for float rounding
        joined = " ".join(words)
        found.update(
            i for _, _, i in process.extract(joined, self.keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        )
        return sorted(found)


def name_forms(name: str) -> list[str]:
    """Ways others refer to a person: full name, first name, last name (if distinctive)."""
    words = [w for w in re.split(r"\s+", name.replace("\u2011", "-")) if w]
    forms = [" ".join(words)]
    if len(words) > 1:
        if len(words[0]) >= 3:
            forms.append(words[0])
        if len(words[-1]) >= 4:
            forms.append(words[-1])
    return forms


def _mentioned_elsewhere(name: str, own: set[int], turns: Sequence[Turn]) -> bool:
    """Whether a speech turn other than `own` says one of the name's forms.

    Behind its literal prefilter (`text.fastre`): a case-insensitive alternation scans every
    character of every turn, while most turns hold none of the forms (issue 19)."""
    pattern = Prefiltered(re.compile("|".join(rf"\b{re.escape(f)}\b" for f in name_forms(name)), re.IGNORECASE))
    return any(pattern.search(t.text) for t in turns if t.index not in own and t.kind == "speech")


def find_misattributions(
    session: Session, groups: Sequence[LabelGroup], moderators: set[str], introduced: set[str]
) -> list[Misattribution]:
    """Labelled turns that most likely belong to the previous speaker.

    General rule: the name is never said by anyone else in the session, the person
    was never handed the floor or introduced (`introduced`), speaks only once, does
    not open like a new voice ("Thank you", "If I may", "My name is"), and the turn
    follows straight on from another non-moderator speaker with no moderator in
    between — the shape of a captioner re-labelling the middle of someone's answer.
    Sessions with no moderator found are left alone: there is no floor to be handed.

    That shape alone is also the shape of a short exchange where a participant asks a
    panelist something, so a flag needs evidence that the turn is the previous voice going
    on: the next turn thanks the previous speaker by name (`_thanks`), the previous speaker
    goes on right after it (not when their turn before ended in a question: that is an exchange
    of question, answer and follow-up), or the turn opens mid-sentence (`_MID_SENTENCE`). A turn in a voice
    of its own — it names the previous speaker or asks them something in the second person
    (`_own_voice`) — is never flagged: a speaker going on with an answer does not address themselves.
    """
    from forumlens.resolve.cues import OPENER

    if not moderators:
        return []
    by_turn = {i: g for g in groups for i in g.turns}
    speech = [t for t in session.turns if t.kind == "speech"]
    flags = []
    for group in groups:
        if not group.name or group.name in moderators or group.name in introduced:
            continue
        if len(group.turns) != 1 or _mentioned_elsewhere(group.name, set(group.turns), session.turns):
            continue
        for index in group.turns:
            pos = next(k for k, t in enumerate(speech) if t.index == index)
            if pos == 0:
                continue
            if OPENER.search(session.turns[index].text):
                continue
            prev = by_turn[speech[pos - 1].index]
            if prev is group or prev.name is None or prev.name in moderators:
                continue
            after = speech[pos + 1] if pos + 1 < len(speech) else None
            text = session.turns[index].text
            if _own_voice(text, prev.name):
                continue
            thanked = after is not None and _thanks(after.text, prev.name)
            # the previous voice asked a question and speaks again after the answer: an exchange
            # ("Which standards apply?" - "The open ones." - "And who pays?"), not one voice going on
            asked = session.turns[speech[pos - 1].index].text.rstrip().endswith("?")
            resumed = after is not None and by_turn.get(after.index) is prev and not asked
            if not (thanked or resumed or _MID_SENTENCE.match(text)):
                continue
            turn = session.turns[index]
            flags.append(
                Misattribution(
                    turn=index,
                    line=turn.line,
                    label=normalise_label(turn.label or group.name),
                    likely=prev.name,
                    reason=(
                        f"caption mis-attribution: the turn continues {prev.name}'s answer; "
                        f"the name is never introduced{'; the next turn answers ' + prev.name if thanked else ''}"
                    ),
                )
            )
    return flags


# A turn that opens in the middle of a sentence: lower case, or a conjunction or relative that
# joins it to what came before ("and the mapping covers …", "which is why …", "But …").
_MID_SENTENCE = re.compile(r"\W*(?:[a-z]|(?i:and|but|or|which|because|so that|as well)\b)")
# Second person: the turn speaks to someone ("the funding you mentioned", "your project").
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_HEAD = 200  # where a reply names whom it thanks


def _own_voice(text: str, previous: str) -> bool:
    """Whether a turn speaks in a voice of its own to the previous speaker: it names them, or
    asks a question in the second person ("How can … get the funding you mentioned?"). An
    answer going on under a wrong label does neither."""
    if _addresses(text, previous):
        return True
    questions = re.findall(r"[^.?!]*\?", text)
    return any(_SECOND_PERSON.search(q) for q in questions)


def _thanks(text: str, name: str) -> bool:
    """Whether a turn's opening thanks `name` ("Thank you, Yasmin."): the chair acknowledging
    who just spoke; a hand-off ("Bill, would you like to answer?") asks them to speak again."""
    forms = "|".join(re.escape(unaccented(f)) for f in name_forms(name))  # "Tomás" thanks TOMAS PEREZ
    pattern = rf"\bthank(?:s| you)\b[^.?!]{{0,40}}?\b(?:{forms})\b"
    return re.search(pattern, unaccented(text[:_HEAD]), re.IGNORECASE) is not None


def _addresses(text: str, name: str) -> bool:
    head = text[:_HEAD]
    return any(re.search(rf"\b{re.escape(f)}\b", head) for f in name_forms(name))


_PERMISSION_WORDS = 8
# How a voice opens when it first takes the microphone: a greeting or its name.
_GREETING = re.compile(
    r"\W*(?:(?:yes|okay|ok)[,.]?\s+)?(?:hello|hi|good\s+(?:morning|afternoon|evening)|greetings|my\s+name\s+is)\b",
    re.IGNORECASE,
)
# A chair pointing at somebody new, however briefly: "The lady here.", "One more, the gentleman".
_NEW_VOICE = re.compile(
    r"\b(?:(?:the|a|that|this)\s+(?:young\s+)?(?:lady|gentleman|woman|man|colleague|person)|"
    r"(?:one|another|a)\s+more|another\s+(?:question|hand|one|comment)|next\s+(?:question|one|hand|speaker)|"
    r"(?:first|second|third|front|back|last)\s+row)\b",
    re.IGNORECASE,
)


# A voice naming itself, or saying it will not: "my name is", "I will not give my name".
_OWN_NAME_SAID = re.compile(r"\bmy name\b", re.IGNORECASE)
# The chair's turn ending on a question for the name of the voice just heard: "But first the
# method: your name, sir, and where you work?", "Could you tell us who you are?" (a request put as
# an instruction, "please state your name", is how a chair calls every new voice: not this).
ASKS_NAME = re.compile(
    r"(?:^|[.!?:]\s+)[^.!?]*\b(?:your\s+name|who\s+you\s+are|who\s+are\s+you)\b[^.!?]*\?\s*$",
    re.IGNORECASE,
)


def opens_as_new_voice(text: str) -> bool:
    """Whether a turn opens the way a voice does when it first takes the microphone: a greeting,
    or its name said (or refused: "my name I keep for myself"); a person going on does neither."""
    return _GREETING.match(text) is not None or _OWN_NAME_SAID.search(text, 0, 120) is not None


def split_floor_voices(
    groups: Sequence[LabelGroup],
    turns: Sequence[Turn],
    speech_order: Sequence[int],
    is_moderator: Callable[[LabelGroup], bool],
    is_floor_label: Callable[[str], bool],
) -> list[LabelGroup]:
    """Split a generic floor label ("AUDIENCE", "PARTICIPANT") into one person per turn at the microphone.

    Captioners label every unknown voice from the floor the same way, so one
    "AUDIENCE" group would merge a dozen people and their affiliations. A chair
    giving the floor again (a moderator turn in between) means a new voice; an
    "AUDIENCE" turn right after a panelist's answer, or after a bare "Please, go ahead"
    (under `_PERMISSION_WORDS` words of chairing), is the same person going on, unless a voice
    heard for the first time took the microphone in between with a greeting (another person
    from the floor) or
    the turn opens with a greeting or a name, as a voice does when it first takes the microphone.
    """
    position = {turn: k for k, turn in enumerate(speech_order)}
    owner = {i: g for g in groups for i in g.turns}
    first_heard = {id(g): min((position[i] for i in g.turns if i in position), default=-1) for g in groups}
    result: list[LabelGroup] = []
    for group in groups:
        if (
            group.name is not None
            or not group.labels
            or not all(is_floor_label(lab) for lab in group.labels)
            or len(group.turns) < 2
            or is_moderator(group)
        ):
            result.append(group)
            continue
        current = LabelGroup(None, [], [group.turns[0]])
        parts = [current]
        for prev, turn in zip(group.turns, group.turns[1:]):
            between = speech_order[position[prev] + 1 : position[turn]]
            chairing = [turns[i].text for i in between if i in owner and is_moderator(owner[i])]
            chaired = sum(len(t.split()) for t in chairing)
            # somebody new took the microphone in between, greeting the room as a new voice does
            # (not a panelist giving a first answer): the exchange ended
            newcomer = any(
                i in owner
                and owner[i] is not group
                and first_heard[id(owner[i])] == position[i]
                and _GREETING.match(turns[i].text) is not None
                for i in between
            )
            # a person going on does not greet again, nor say (or refuse to say) their name again:
            # "I will not give my name, I am a domainer"
            greets = opens_as_new_voice(turns[turn].text)
            # "your name, sir, and where you work?": the chair asked the voice just heard who it is,
            # and the answer is that voice going on
            asked = len(between) == 1 and chairing and ASKS_NAME.search(chairing[-1]) is not None
            if not asked and (
                chaired >= _PERMISSION_WORDS or newcomer or greets or any(_NEW_VOICE.search(t) for t in chairing)
            ):
                current = LabelGroup(None, [], [])
                parts.append(current)
            current.turns.append(turn)
        for part in parts:
            part.labels = list(group.labels)
        result.extend(parts)
    return result


def drop_collective(groups: Sequence[LabelGroup]) -> list[LabelGroup]:
    """Groups without the turns of collective labels (">> Everyone:", ">> ALL PARTICIPANTS:"):
    several voices at once are not a person of the cast."""
    return [
        g
        for g in groups
        if g.name is not None or not g.labels or not all(lab.lower() in COLLECTIVE_LABELS for lab in g.labels)
    ]
