"""What the words around a speaker say: hand-offs, introductions, self-introductions, mode.

These are the general shapes chairs and speakers use in IGF sessions ("I'll turn to
the Dynamic Coalition on X … Yasmin is in the Zoom room", "from UN DESA, Wai Min
Kwok", "I'm senior policy advisor for the Dynamic Coalition on Y", "as a MAG chair").
Each helper returns offsets so the caller can quote the exact sentence as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.mentions import Mention
from forumlens.resolve.platforms import meeting_pattern
from forumlens.text.accents import unaccented as _fold  # the name this module and its callers use
from forumlens.text.roomwords import JOINER_OPENERS, titled

__all__ = [
    "ABSENT",
    "HAND_RAISE",
    "INVITE",
    "MODERATOR_OTHER",
    "MODERATOR_SELF",
    "NameHit",
    "find_name_hits",
    "handoff_names",
    "intro_adjacent",
    "mode_cues",
    "moderator_named",
    "own_mode_cues",
    "self_intro_at",
]

_CAP = r"[A-Z][\w'’\u2011-]+"
# "turn to Titi", "give the floor to Markus", "over to you, Jason", "we have Minda in the room"
_HANDOFF = [
    re.compile(
        rf"\b(?:turn(?: over)?(?: first)? to|floor to|over to(?: you,)?|pass (?:it|this)(?: over| back)? to|"
        rf"hand (?:it|the mic|the floor)(?: over| back)? to|invite|hear from|give (?:it|the floor) to|"
        rf"last words (?:first )?to|words over to|go (?:quickly )?to)\s+({_CAP}(?:\s+{_CAP}){{0,3}})"
    ),
    re.compile(rf"\bwe have ({_CAP}(?:\s+{_CAP}){{0,3}})\s+(?:here|in|on|online|with)\b"),
    re.compile(
        rf"\b({_CAP}(?:\s+{_CAP}){{0,3}}),?\s+(?:the floor is yours|you have the floor|please go ahead|over to you)"
    ),
    re.compile(rf"\b({_CAP}(?:\s+{_CAP}){{0,3}}) (?:is|will be) (?:in the|online|on|joining|with us)\b"),
    re.compile(rf"\b({_CAP}),\s+(?:if you|are you|can you|could you|would you|do you|please)\b"),
    re.compile(rf"\bsee ({_CAP}) (?:in|online|on)\b"),
]
_NOT_NAMES = titled(JOINER_OPENERS) | frozenset(
    # Not all of `roomwords.COURTESY_OPENERS`: "Thanks", "Hi" and "Sorry" were never here, and adding
    # them would change which hand-off names are found ("Sorry, could you …"), so the six it had stay local.
    # The rest: words a hand-off pattern catches in capitals that name a body, a place or a platform.
    [
        "You",
        "This",
        "That",
        "Dynamic",
        "Coalition",
        "Coalitions",
        "DC",
        "DCs",
        "IGF",
        "MAG",
        "UN",
        "Internet",
        "Please",
        "Thank",
        "Now",
        "But",
        "Our",
        "Zoom",
        "Office",
        "Department",
        "Hub",
        "Absolutely",
        "Indeed",
        "Yes",
        "Okay",
        "OK",
        "Good",
        "Hello",
        "Welcome",
    ]
)

INVITE = re.compile(
    r"\b(?:question (?:to|for)|invite|turn(?: first)? to|anyone from|anybody from|floor is yours|hear from|"
    r"over to|is there (?:anyone|anybody)|we have (?:a colleague|someone|somebody) from|next person|"
    r"colleague from|from the)\b",
    re.IGNORECASE,
)
ABSENT = re.compile(
    r"(?:^|[.?!]\s+)(?:No\s*[.?!]|Nobody|No one|Not here|If not\b|I do not see|I don't see|"
    r"(?:It seems|Apparently|Looks like|I guess) not\b)|\b(?:they|he|she) (?:are|is) not "
    r"(?:here|present|represented|in the room|online|with us)\b|\bnobody (?:could|can|is able to) "
    r"join\b",
    re.IGNORECASE,
)
HAND_RAISE = re.compile(
    r"\b(?:your hand|hands? (?:up|raised)|raise (?:your|their) hand|from the floor|"
    # "we have Pascaline, from Bujumbura, who raised her hand"
    r"raised (?:her|his|their|a|the) hand|(?:her|his|their) hand is up|"
    r"(?:one more|next|another|other) hand|a question from|"
    # "there's a hand from Vailea", "the second hand is from Mr. Musonza"
    r"(?:a|the|one)\s+(?:\w+\s+)?hand\s+(?:is\s+)?(?:up\s+)?from|"
    # an online voice that asked for the floor: "we have Idriss, from Abéché, and he asked to speak"
    r"(?:asked|asks|has\s+asked)\s+(?:to\s+speak|for\s+the\s+floor))\b",
    re.IGNORECASE,
)
MODERATOR_SELF = re.compile(
    r"\b(?:I(?:'m|’m| am)?(?:'ll|’ll| will| shall)?(?: be)?\s+(?:your\s+|the\s+)?"
    r"(?:(?:online|remote|onsite|on[\s‑-]site|virtual|in-room)\s+)?(?:co[\s‑-]?)?"  # "I am the online moderator"
    # not "I moderate the remote hub here in Pokhara": a hub's moderator speaks for the hub, not the session
    r"moderat(?:e|ing|or)\b(?!\s+(?:of\s+|at\s+|for\s+|in\s+)?(?:a|the|our|this)\s+(?:remote\s+|local\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]+\s+)?hub\b)|moderating this session|(?:my|our) co[\s‑-]?moderator|"
    r"I(?:'ll| will)? (?:be )?chair(?:ing)? (?:this|the|today)|I'm chairing|"
    # "the organisers asked me to chair this meeting", "they invited me to moderate"
    r"(?:asked|invited|requested) me to (?:co[\s‑-]?)?(?:chair|moderate|facilitate)\b|"
    r"I(?:'ll|’ll| will| am going to)?(?: also)? (?:read|relay|bring|collect|take)\s+(?:out\s+)?(?:the\s+)?"
    r"(?:questions?|comments?|hands?)\s+(?:from|in|of)\s+(?:the\s+)?(?:chat|zoom|online|remote)|"
    # "I will follow the Zoom and the hub", "I'll manage the chat": a duty taken on for the session
    # "I will keep an eye on the WebEx chat": the platform named before its chat
    r"I(?:'ll|’ll| will| am going to|'m going to)(?: also)? (?:follow|monitor|watch|manage|handle|keep an eye on)\s+"
    r"(?:the\s+)?(?:(?:zoom|webex|online|remote)\s+(?=chat\b))?"
    r"(?:zoom|chat|online\s+(?:side|questions|participants)|remote\s+(?:participation|participants|questions)|"
    r"q\s?&\s?a)\b|"
    # keeping the session's time: "I keep the time", "I'm holding the cards", "I'll be the timekeeper"
    r"I(?:'m|’m| am|'ll|’ll| will)?(?: be)?\s+(?:the\s+)?time[\s-]?keep(?:er|ing)\b|"
    r"I(?:'m|’m| am|'ll|’ll| will)?\s+(?:[\w']+\s+){0,6}?(?:keep(?:s|ing)?\s+(?:the\s+)?time(?!\s+(?:short|brief|limits?))|"
    r"(?:hold(?:s|ing)?|show(?:s|ing)?|rais(?:e|es|ing))\s+(?:up\s+)?(?:you\s+)?the\s+(?:time\s+)?cards)\b)",
    re.IGNORECASE,
)
MODERATOR_LABEL = re.compile(
    r"\b(?:MODERATOR|CO-?MODERATOR|CHAIR|CHAIRMAN|CHAIRPERSON|CHAIRWOMAN|FACILITATOR)\b", re.IGNORECASE
)
# Labels captioners give a voice from the floor when they do not know the name.
AUDIENCE_LABEL = re.compile(
    r"^(?:AUDIENCE|FLOOR|PARTICIPANT|ATTENDEE|STUDENT|QUESTION|VOICE|(?:FE)?MALE SPEAKER|"
    r"UNIDENTIFIED|UNKNOWN SPEAKER|FROM THE FLOOR)",
    re.IGNORECASE,
)
# A voice on a telephone bridge, labelled by how it connects, not by name ("CALLER", "PHONE
# CALLER", "TELEPHONE PARTICIPANT", "CALLER 2", "CALLER FROM NAIROBI"): every caller of the bridge
# speaks under it, so it is no person's name but a shared label, told apart like "PARTICIPANT" by
# who introduces themselves or is handed the line (`resolve.selfnames.split_shared_voices`).
PHONE_VOICE = re.compile(
    r"(?:(?:tele)?phone\s+)?caller(?:\s+\d+|\s+(?:from|in|on)\s+.+)?|"
    r"(?:tele)?phone\s+(?:participant|speaker|line)(?:\s+\d+)?|"
    r"(?:caller|voice|participant|speaker)\s+on\s+the\s+(?:tele)?phone(?:\s+bridge|\s+line)?",
    re.IGNORECASE,
)
# A label that is a microphone of the room ("MICROPHONE 2", "Floor mic 3", "AISLE MIC B"): the
# captioner names the stand the voice speaks at, so whoever speaks under it is in the room.
ROOM_MICROPHONE = re.compile(
    r"(?:(?:floor|room|audience|aisle|standing|centre|center|front|back|left|right)\s+)?(?:mic|microphone)"
    r"(?:\s+(?:no\.?|number|#))?\s*(?:\d{1,2}|one|two|three|four|five|six|[A-H])",
    re.IGNORECASE,
)
# A voice declining to give its name ("my name is not important", "I prefer not to give my name",
# "I will not say my name"): an unnamed person of its own, never the named voice of the same label.
DECLINED_NAME = re.compile(
    r"\bmy\s+name\s+(?:is\s+not|isn't|does\s*n[o']t)\s+(?:important|matter)|"
    r"\b(?:prefer|rather)\s+not\s+(?:to\s+)?(?:say|give|tell)\b[\w ]{0,12}?\bmy\s+name\b|"
    r"\b(?:will\s+not|won't|shall\s+not|do\s+not\s+want\s+to)\s+(?:say|give|tell\s+you)\s+my\s+name\b",
    re.IGNORECASE,
)
# A meeting tool's default account name, shown when the owner never set one ("Zoom user",
# "Teams guest", "Webex User 2", "Owner", "admin"): a device's label like "iPhone", no person;
# the voice may still say its name.
ACCOUNT_DEFAULT = re.compile(
    r"(?:(?:zoom|teams|webex|meet|skype|microsoft|google)\s+)?(?:user|guest|participant|attendee)(?:\s*\(?\d+\)?)?|"
    r"owner|admin(?:istrator)?|unknown(?:\s+user)?|"
    # the platform's own name ("WEBEX", "ZOOM 2"): the captioner's label for whoever speaks through
    # the meeting's room account, several remote voices in one session
    rf"(?:{meeting_pattern()})(?:\s*\(?\d+\)?)?",
    re.IGNORECASE,
)
# The chair announcing a panel slot without a name: whoever speaks next fills it.
SPEAKER_SLOT = re.compile(
    # (also said with where they are: "Our first online speaker is in Uzbekistan")
    r"\b(?:first|next|second|third|fourth|last|final|following|our) (?:(?:online|remote|virtual|on-?site) )?(?:speaker|panell?ist|"
    r"presenter|discussant|respondent|keynote)\b|"
    r"\b(?:a|another) (?:speaker|panell?ist|presenter|discussant) (?:from|who)\b",
    re.IGNORECASE,
)
# How an interjection opens: a new voice, not the previous speaker carrying on.
OPENER = re.compile(
    r"^\W*(?:thank|thanks|hello|hi\b|good (?:morning|afternoon|evening)|if I may|may I|can I|"
    r"could I|excuse me|my name|I'm\b|I am\b|yes\b|sorry|apolog|greetings|bonjour|dear)",
    re.IGNORECASE,
)
MODERATOR_OTHER = re.compile(
    r"\b(?:co[\s‑-]?moderators?|moderators?|facilitators?|chairing (?:this|the) session|"
    r"session chair|co[\s‑-]?hosts?|co[\s‑-]?chairs?|co[\s‑-]?moderat(?:e|es|ing)|"
    r"co[\s‑-]?facilitat(?:e|es|ing)|(?:co[\s‑-]?)?(?:moderated|chaired|facilitated)\s+by|"
    r"(?:moderat|chair|facilitat|host)(?:e|es|ing)?\b(?:\s+(?:this|the|today's|our))?"
    r"(?:\s+(?:session|workshop|forum|panel|meeting|discussion))?(?:\s+today)?\s+"
    r"(?:together\s+)?with|time[\s-]?keepers?|"
    # "My colleague Jannik will show you the cards": the one keeping the session's time
    r"(?:will|to)\s+(?:keep\s+(?:the\s+)?time(?!\s+(?:short|brief|limits?))|(?:hold|show|raise)\s+(?:up\s+)?(?:you\s+)?the\s+(?:time\s+)?cards))\b",
    re.IGNORECASE,
)


def moderator_named(text: str, cue_start: int, cue_end: int, hit_start: int, hit_end: int) -> bool:
    """A name right next to a moderator word: "our co-moderator, Tatiana", "Tatiana, our moderator"."""
    if hit_start >= cue_end:
        # "co-moderator, Tatiana", "moderator is Jonas", "together with my co-host Diego"
        return _AFTER_CUE.fullmatch(text, cue_end, hit_start) is not None
    if _BEFORE_CUE.fullmatch(text, hit_end, cue_start) is not None:
        return True
    # an apposition in between: "Andrius, a colleague from the Institute, who is our remote moderator"
    return cue_start - hit_end <= 90 and _RELATIVE_CUE.fullmatch(text, hit_end, cue_start) is not None


_AFTER_CUE = re.compile(
    r"[\s,:\u00a0]*(?:(?:is|will be|today|(?:my|our|the) (?:dear )?(?:colleague|friend|co[\s‑-]?\w+|"
    r"online moderator|remote moderator)|(?:Mr|Ms|Mrs|Dr|Prof)\.?)[\s,:\u00a0]+)*",  # "co-host is Ms. Fatou"
    re.IGNORECASE,
)
# "Tatiana, our moderator", "Diego, for co-moderating", "Ana will be co-moderating"
_BEFORE_CUE = re.compile(
    r"[\s,\u00a0]*(?:(?:who|he|she|is|will|be|as|for|our|my|the|your|also|online|remote|onsite)\s+)*"
    r"(?:co[\s‑-]?)?",
    re.IGNORECASE,
)
# A relative clause about the name just said, after an apposition that holds no sentence end:
# "…, a colleague from the Institute, who is our remote moderator" (the "who" is the name's).
_RELATIVE_CUE = re.compile(
    r",[^.;:!?()\n]*,\s+who\s+(?:is|will be|acts as|serves as)\s+(?:also\s+)?(?:our|the|my)\s+"
    r"(?:(?:remote|online|onsite|on-site)\s+)?(?:co[\s‑-]?)?",
    re.IGNORECASE,
)

_ROLE_WORDS = (
    r"(?:(?:senior|deputy|vice|co-?|executive|policy|programme|program|project|general|regional|national|"
    r"chief|founding|steering|committee|board)\s+){0,3}"
    r"(?:chair|chairperson|co-?chair|coordinator|co-?coordinator|advisor|adviser|officer|member|"
    r"representative|director|head|lead|leader|manager|founder|co-?founder|secretary|president|"
    r"facilitator|focal point|convenor|convener|part|one|rapporteur|moderator|researcher|specialist|"
    r"expert|analyst|consultant|professor|lecturer|ambassador|minister|counsellor|counselor|fellow|"
    r"engineer|staff member|employee|delegate|coordinating member)"
)
# The self-introduction and own-mode cues are asked of every sentence of every speaker: each
# sits behind its literal prefilter (`text.fastre.Prefiltered`), which gives the pattern's own answers.
_SELF = SharedCue(
    re.compile(
        rf"\b(?:(?:I'm|I am|I’m|I was)\s+(?:a |an |the |also |now |one of the )?{_ROLE_WORDS}\b|"
        rf"(?:I'm|I am|I’m|my name is)\s+(?-i:[A-Z][\w'’‑-]+(?:\s+[A-Z][\w'’‑-]+){{0,3}}),?\s+(?:and I'm\s+)?"
        rf"(?:a |an |the )?{_ROLE_WORDS}\b|"
        r"(?:I'm|I am|I’m)\s+(?:here\s+)?(?:from|with|representing|for)\b|"
        r"(?:I'm|I am|I’m|my name is|this is)\s+(?-i:[A-Z][\w'’‑-]+(?:\s+[A-Z][\w'’‑-]+){0,3}),?\s+"
        r"(?:from|with|of|representing)\b|"
        r"\bI speak (?:(?:here|today) )?(?:for|on behalf of)\b|"
        r"\bon behalf of\b|\b(?:I'm|I am|I’m|we are|we're) representing\b|\bI represent\b|\bI work (?:for|with|at|in)\b|\bcoming from\b|"
        r"\bspeaking (?:for|as)\b|\bI (?:coordinate|chair|co-?chair|lead|facilitate|co-?facilitate|run)\b|"
        rf"\bas (?:a|an|the) {_ROLE_WORDS}\b|\bin (?:our|my) (?:work|coalition|dynamic coalition)\b|"
        r"\b(?:our|my) (?:own )?(?:dynamic coalition|coalition|DC|organi[sz]ation|office)\b)",
        re.IGNORECASE,
    )
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|we|our)\b", re.IGNORECASE)
# A job word anywhere in a phrase ("Youth Ambassador"): capitalised words after "I am" that hold
# one are a job title, not a name.
ROLE_WORD = re.compile(rf"\b{_ROLE_WORDS}\b", re.IGNORECASE)
_OWN_ROLE = re.compile(rf"(?:I'm|I am|I’m|as)\s+(?:a |an |the )?({_ROLE_WORDS})\b", re.IGNORECASE)

_ONLINE = re.compile(
    r"\b(?:online|in (?:the|our) zoom(?: room)?|on zoom|in zoom|remotely|joining us virtually|"
    r"connected remotely|via zoom|remote(?:ly)? (?:participant|speaker))\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\b(?:on[\s‑-]?site|in the room|here in the room|with us here|on (?:the )?stage|in person|"
    r"to my (?:right|left)|from the floor|here with me|physically (?:here|present))\b",
    re.IGNORECASE,
)
_OWN_ONLINE = SharedCue(
    re.compile(
        r"\b(?:I (?:can't|cannot|can not|do not|don't) see (?:you in )?the room|"
        r"all I can see is (?:only )?the zoom|I'm (?:joining )?(?:online|remotely)|"
        r"I am (?:joining )?(?:online|remotely)|joining (?:you )?(?:online|remotely|from home))",
        re.IGNORECASE,
    )
)
_OWN_ONSITE = SharedCue(
    re.compile(
        r"\b(?:on (?:the )?stage with me|to my (?:right|left)(?: here)?|"
        r"(?:hand|question|gentleman|lady|mic) (?:from the floor|over here)|from the floor|"
        r"here in the room|we have a colleague here)\b",
        re.IGNORECASE,
    )
)


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    form: str


# A name or a word at a place is one rule: its literal in any case (`re`'s case rules), with no word character
# (for a name also no hyphen) touching either edge. `_said_at` is that rule, applied wherever a name or a word is
# looked for; the places to try come from `_WordIndex` (a word's places) or `_scan` (a left-to-right scan).
_NO_NAME_BEFORE = re.compile(r"(?<![\w‑-])", re.IGNORECASE)
_NO_NAME_AFTER = re.compile(r"(?![\w‑-])", re.IGNORECASE)
_NO_WORD_BEFORE = re.compile(r"(?<!\w)", re.IGNORECASE)
_NO_WORD_AFTER = re.compile(r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _literal(text: str) -> re.Pattern[str]:
    """`text` in any case by `re`'s rules: compiled once per name or word, and only for one outside ASCII when a
    place is checked (`_said_at`; issue 19: ≈ 40 case-insensitive compiles a session otherwise)."""
    return re.compile(re.escape(text), re.IGNORECASE)


def _said_at(folded: str, pos: int, literal: str, end: int, before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    """Whether `literal` stands at `pos` of `folded` in any case, as `re.IGNORECASE` decides, within `end`, with
    `before` holding at its start and `after` at its end (which sees nothing past `end`).

    Where the literal and the text there are both ASCII, `re`'s case rule is `str.lower`'s (an ASCII letter matches
    exactly its two ASCII cases, any other ASCII character only itself; `tests/test_resolve_speed_identity.py`
    checks every pair), so no pattern is compiled; outside ASCII (the dotless i, the long s, the Kelvin sign,
    Greek) the literal's own pattern decides."""
    size = len(literal)
    if pos + size > end:
        return False
    said = folded[pos : pos + size]
    if said.isascii() and literal.isascii():
        same = said.lower() == literal.lower()
    else:
        same = _literal(literal).fullmatch(said) is not None
    return same and before.match(folded, pos) is not None and after.match(folded, pos + size, end) is not None


@lru_cache(maxsize=4096)
def _bounded(literal: str, before: str, after: str) -> re.Pattern[str]:
    """`_said_at` as one pattern, for a scan: the edges' lookarounds around the literal, in any case."""
    return re.compile(before + re.escape(literal) + after, re.IGNORECASE)


def _scan(
    folded: str, literal: str, start: int, end: int, before: re.Pattern[str], after: re.Pattern[str]
) -> Iterator[int]:
    """Where `_said_at` holds in folded[start:end], left to right, each search resuming after the last place found
    (`finditer`). Used where no word index gives the places: a form opening with punctuation, a text whose lower
    case changes its length."""
    return (m.start() for m in _bounded(literal, before.pattern, after.pattern).finditer(folded, start, end))


class _WordIndex:
    """Where each looked-up word stands in one text, so name look-ups do not rescan it.

    Filled per word on first use: a session is asked about a few dozen name words, and
    indexing every word of a 2 MB caption line up front cost a second."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.words: dict[str, list[int]] = {}
        lower = folded.lower()
        # a lower-cased copy whose offsets are the text's (lower() keeps every character
        # one character long in nearly all text): candidates come from a plain substring
        # search there, several times faster than a case-insensitive regex scan
        self.lower: str | None = lower if len(lower) == len(folded) else None

    def positions(self, word: str) -> list[int]:
        """Sorted start offsets of `word` as a whole run of word characters, any case (its places lower-case to it)."""
        key = word.lower()
        found = self.words.get(key)
        if found is None:
            folded, size = self.folded, len(key)
            if self.lower is None or not key:
                places: Iterator[int] = _scan(folded, key, 0, len(folded), _NO_WORD_BEFORE, _NO_WORD_AFTER)
            else:
                places = self._lowered(key)
            found = [pos for pos in places if folded[pos : pos + size].lower() == key]
            self.words[key] = found
        return found

    def _lowered(self, key: str) -> Iterator[int]:
        """The places `_scan` finds for `key`, by a substring search in the lower-cased copy: a place `_scan` finds
        lower-cases to `key` there (each character one for one), and places of a word bounded by non-word
        characters cannot overlap, so probing every place the copy holds `key` finds the same ones."""
        assert self.lower is not None
        folded, find = self.folded, self.lower.find
        end = len(folded)
        pos = find(key)
        while pos >= 0:
            if _said_at(folded, pos, key, end, _NO_WORD_BEFORE, _NO_WORD_AFTER):
                yield pos
            pos = find(key, pos + 1)


@lru_cache(maxsize=64)
def _word_index(folded: str) -> _WordIndex:
    return _WordIndex(folded)


def _form_matches(folded: str, form: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans where name form `form` is said (`_said_at`) in folded[start:end]: at its first word's places
    (`_WordIndex`), or by a scan for a form that starts with punctuation."""
    size = len(form)
    first = re.match(r"\w+", form)
    if not first:  # a form that starts with punctuation: scan
        yield from ((pos, pos + size) for pos in _scan(folded, form, start, end, _NO_NAME_BEFORE, _NO_NAME_AFTER))
        return
    positions = _word_index(folded).positions(first.group(0))
    for pos in positions[bisect_left(positions, start) : bisect_left(positions, end)]:
        if _said_at(folded, pos, form, end, _NO_NAME_BEFORE, _NO_NAME_AFTER):
            yield pos, pos + size


def find_name_hits(text: str, start: int, end: int, forms: list[str]) -> list[NameHit]:
    """Occurrences of a person's name forms in text[start:end]: whole words, capitalised,
    accent-insensitive ("Tomás" for TOMAS PEREZ)."""
    hits: list[NameHit] = []
    # every offset inside a hit so far: "starts inside an earlier hit" is one set look-up, not
    # a pass over the hits (a first name said 600 times made that hits² per speaker, issue 19)
    covered: set[int] = set()
    folded = _fold(text)
    for form in sorted({_fold(f) for f in forms}, key=len, reverse=True):
        for a, b in _form_matches(folded, form, start, end):
            if text[a].isupper() and a not in covered:
                hits.append(NameHit(a, b, form))
                covered.update(range(a, b))
    return sorted(hits, key=lambda h: h.start)


def handoff_names(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Capitalised names in hand-off phrases ("turn to Titi") within text[start:end]."""
    found = []
    for pattern in _HANDOFF:
        for m in pattern.finditer(text, start, end):
            words = m.group(1).split()
            while words and words[0] in _NOT_NAMES:
                words.pop(0)
            if words and not any(w in _NOT_NAMES for w in words):
                name = " ".join(words)
                a = m.start(1) + m.group(1).index(words[0])
                found.append((name, a, a + len(name)))
    return found


def self_intro_at(sentence: str) -> tuple[int, str | None] | None:
    """If a sentence introduces its speaker, the offset where the cue ends and the role word."""
    m = _SELF.search(sentence)
    if not m or not _FIRST_PERSON.search(sentence):
        return None
    role = _OWN_ROLE.search(sentence)
    return m.start(), (role.group(1).strip().lower() if role else None)


def intro_adjacent(text: str, name_start: int, name_end: int, mention: Mention) -> bool:
    """Entity named right before the person ("UN DESA Wai Min Kwok", "X, Jason") or right after ("Jason from X")."""
    if mention.end <= name_start:
        gap = text[mention.end : name_start]
        return len(gap) <= 3 and re.fullmatch(r"[\s,:;\u00a0]*", gap) is not None
    if mention.start >= name_end:
        gap = text[name_end : mention.start]
        return (
            re.fullmatch(
                r"[\s,\u00a0]*(?:who is\s+)?(?:from|of|with|at|representing|for)\s+(?:the\s+)?", gap, re.IGNORECASE
            )
            is not None
        )
    return False


_ADJECTIVAL = re.compile(
    r"\b(?:on[\s‑-]?site|online|in[\s‑-]person)\s+(?:interventions?|questions?|participants?|"
    r"audience|speakers?|attendees?|comments?|and|or)\b|\b(?:and|or)\s+(?:on[\s‑-]?site|online)\b",
    re.IGNORECASE,
)


def mode_cues(sentence: str) -> tuple[int, int]:
    """(online, on site) cue counts in words about a person; "the on-site interventions"
    and "online or on site" describe others, so they are left out."""
    text = _ADJECTIVAL.sub(" ", sentence)
    return len(_ONLINE.findall(text)), len(_ONSITE.findall(text))


def own_mode_cues(sentence: str) -> tuple[int, int]:
    """(online, on site) cues in the speaker's own first-person words."""
    return len(_OWN_ONLINE.findall(sentence)), len(_OWN_ONSITE.findall(sentence))
