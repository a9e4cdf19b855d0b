"""Procedural talk: the chairing, thanking and connection chatter a rapporteur skips.

Captions of a one-hour session are a third procedure ("the floor is yours", "can you
hear me", "thank you, Jennifer"). We classify sentences with general patterns, not
per-session lists: a *hard* match means the sentence is procedure and is never a
candidate; *soft* matches (time keeping, greetings inside substance) lower its weight.
Moderators are recognised by behaviour (they mostly give the floor) when no cast from
the resolve stage says who they are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.fastre import PatternSet
from ..text.wordstart import guarded
from .roles import is_tally
from .units import Unit

if TYPE_CHECKING:
    from ..resolve.cast import Person

__all__ = ["MODERATOR_ROLES", "guess_moderators", "is_procedural", "procedural_weight", "runs_the_room"]

MODERATOR_ROLES = frozenset({"moderator", "chair", "remote moderator", "co-moderator", "facilitator"})

# A list of language names as said: "Amharic and French", "English, French or Spanish".
_LANGUAGES = r"(?-i:[A-Z][a-z]+)(?:(?:,| and| or|, and)\s+(?-i:[A-Z][a-z]+))*"

_HARD = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # floor-giving and hand-overs
        r"\bthe floor is (yours|open)\b",
        (r"\b(give|giving|gave|pass|hand|handing|turn|turning|put)\b.{0,30}\b(floor|mic|microphone)\b"),
        r"\b(over|back) to you\b",
        r"\bhave the floor\b",
        r"\b(hand|pass|turn|give)\b.{0,12}\b(it|this|things)\b.{0,6}\b(back |over )+(to|over)\b",
        r"^(please,? )?(go ahead|over to you)\b",
        r"\bnext (speaker|question|one)\b.{0,40}$",
        r"\b(raise|raised|see)\b.{0,20}\bhands?\b",
        r"\bwithout further ado\b",
        r"\blet me (now )?(turn|invite|introduce|check|give)\b",
        r"\bI('d| would) (now )?like to (invite|turn|call on|introduce|welcome|hand|pass|give)\b",
        r"\b(introduce yourself|for the record)\b",
        # connectivity and room chatter
        r"\bcan (you|everyone|everybody|we) (hear|see)\b",
        r"\b(hear|see) (me|us|you)( now| well| okay)?\s*[?.!]*$",
        r"\bis (it|this|that) better\b",
        r"\b(unmute|on mute|muted|muffled|my camera|the microphone on|audio is)\b",
        r"\b(sound|audio|connection) (is|was)\b",
        r"\b(in|into|to) the (chat|zoom room)\b",
        r"\b(connectivity|technical|audio|connection) (issue|issues|problem|problems|difficulties)\b",
        r"\bbear with (me|us)\b",
        # the interpretation channels: "there is no English on the channel", "French on channel two"
        r"\b(interpretation|English|French|Spanish|Arabic|Russian|Chinese|Portuguese) (is )?(available )?on (the )?channel\b",
        r"\bon channel (\d|one|two|three|four|five|six)\b",
        r"\b(type|write|put) (the|your) question\b",
        # the session's language arrangements, said of this room: "We have interpretation into
        # Amharic and French", "Please speak slowly for the interpreters" (an ask to *keep*
        # interpretation next year names no arrangement of the room and stays a point)
        r"^(?:and |so |also )?(?:today )?(?:we have|we've got|we offer|we provide|there is|there's|there will be)"
        r" (?:simultaneous |live |remote |real-time )?(?:interpretation|captioning|sign language interpretation)"
        r"(?: (?:into|in|to|from) " + _LANGUAGES + r"| available| provided| today| here| in the room)*\W*$",
        r"^(?:the |live |simultaneous )?(?:interpretation|captioning|interpreters|captioners) (?:is|are) "
        r"(?:available|provided|here|with us|in the room)(?: (?:into|in|on) "
        + _LANGUAGES
        + r"| today| here| in the room| for this session| on channel \w+)*\W*$",
        r"\b(?:speak|talk) (?:slowly|slower|more slowly|clearly)\b.{0,40}\b(?:interpret\w*|caption\w*|transcri\w*)\b",
        # where one joins from: "I am joining online from Boston", "We're connecting from the hub in Kampala"
        r"^(?:and |so |hello,? |hi,? )?(?:I am|I'm|we are|we're) (?:joining|connecting|connected|calling in|dialling in|"
        r"dialing in)(?: (?:you|us|this session|the session|today|now|here|again|as well))*"
        r"(?: (?:online|remotely|virtually|by video|by phone|on zoom|from [\w'’-]+(?: [\w'’-]+){0,4}))+\W*$",
        # the line dropped: "Sorry, I lost the connection for a moment", "I got disconnected"
        r"^(?:(?:sorry|apologies|excuse me)[,.]? )?(?:I|we)(?:'ve| have)? (?:just )?(?:lost|dropped) (?:the|my|our) "
        r"(?:connection|audio|sound|signal|video|line|internet)(?: for a (?:moment|second|minute|bit|while)| briefly| there)?\W*$",
        r"^(?:(?:sorry|apologies)[,.]? )?(?:I|we) (?:got|was|were|have been|had been|just got) (?:disconnected|cut off|"
        r"kicked out|dropped)(?: for a (?:moment|second|minute|bit|while)| briefly| again| there)?\W*$",
        # the audio itself: "the sound is breaking up", "there is an echo"
        r"\b(?:you are|you're|it is|it's|sound is|audio is|voice is) (?:breaking up|choppy|frozen|cutting out|echoing)\b",
        r"^(?:there is|there's) (?:an |some |a lot of )?(?:echo|feedback|noise)(?: in the (?:room|line|audio))?\W*$",
        # the room's logistics: the network, what is on the screen, an offer to translate a question
        r"\bwi-?fi\b.{0,40}\b(password|name|down|working|works|code)\b|\b(password|name) (of|for) the (wi-?fi|network)\b",
        r"\bI('ll| will| can| could) (also )?translate\b",
        r"\b(reading|read|monitoring|monitor|following|watching) the (chat|online questions|remote participants)\b",
        # the session's own record: "The session is recorded and the recording will be published ..."
        r"\b(session|meeting|discussion) is (being )?(recorded|captioned|webcast|live-?streamed)\b",
        r"\b(the|a) (recording|video|transcript) (of (the|this) (session|meeting) )?(will be|is|gets) "
        r"(published|posted|available|uploaded|online)\b",
        # a demonstration announced: what it shows follows ("I will show you one, it is free")
        r"\b(I|we)('ll| will| am going to|'m going to| are going to|'re going to) (now )?show you\b",
        # time keeping and session logistics
        r"\b(running|run|ran) (out of|over) time\b",
        r"\bin the (interest|spirit) of time\b",
        r"\bshort on time\b",
        r"\bwe(?: are|'re) (?:at|out of|over) time\b",
        # parking the question just asked: "that question stays open for today", "please answer Amara by e-mail"
        r"\b(?:that|this|your) question (?:stays|remains|is left|will (?:stay|remain)) open\b",
        r"\b(?:please|can you|could you|(?:maybe|perhaps) \w+ (?:can|could)) (?:answer|reply to|respond to|follow up with)"
        r" (?:\w+ ){0,2}(?:by|over|via|in) (?:e-?mail|the mailing list|the chat)\b",
        r"\b(keep|keeping) (it|this|that|your \w+) (short|brief)\b",
        r"\bI('ll| will) (stop|leave it) (there|at that)\b",
        r"\b(wrap|wrapping) (it |this )?up\b",
        r"\bwe (are|'re) (now )?(moving|going to move|going to go) (on )?to (the )?(next|second|last|issue|section|part|question|our)\b",
        r"\b(let's|let us) (move|go|start|begin|come back)\b",
        r"\b(move|moving|jump) (on )?to (the )?(next|issue area|section|second|last)\b",
        r"\b(first|second|next|last) (part|half|section) of (the|this|our) session\b",
        r"\bsorry for (going on|being late|the delay)\b",
        r"\bwe have (one|an|half an|\d+) (hour|minutes?)\b",
        r"\b(\d+|two|three|four|five|few) minutes\b.{0,20}\b(each|please|per)\b",
        # greetings, pleasantries and self-presentation
        r"^(good (morning|afternoon|evening)|hello|hi|greetings|welcome)\b.{0,60}$",
        r"\b(pleasure|honou?r|great|happy|delighted) to be here\b",
        r"\bthank you (all )?for (coming|joining|having|inviting|the (introduction|invitation))\b",
        r"\bmy name is\b",
        r"\b(I'm|I am|we're|we are) going to (move|turn|start|go|shift|come back) (on |back )?to\b",
        r"\b(shift|move|come back to) (that|this|it) (to|at) a later (time|point)\b",
        r"\bwelcome (you |everyone |everybody |all )?(to|back)\b",
        r"\bI('ll| will) (now |first )?(turn|go|come|hand|pass|give)\b.{0,25}\b(to|over)\b",
        # line-up and closing: who speaks next, whose question it is, thanks to everyone
        r"^(next|now) (we have|is|comes)\b",
        r"\b(our|the) (next|last|final|first) (speaker|panell?ist|intervention)( is| will be| today| online| here)?[,.]?( \w+)?\W*$|"
        r"\b(our|the) (next|last|final|first) (speaker|panell?ist) (is|will be) (online|here|joining|with us|from)\b",
        r"\b(we have|there is|there's) (a|another|one more) question (online|from|in the room|here|for)\b",
        r"\blet me (now )?start with\b",
        # who is connected and where: "Next, Aiko joins us online from Tokyo", "who is with us
        # here in the room", "We have two hubs connected", "We are 25 participants in the hub"
        r"\b(?:joins|joining|is with|are with) us\b(?:,?\s+(?:online|remotely|virtually|today|now|here|again|"
        r"from\s+[\w'’-]+(?:\s+(?:and\s+)?[\w'’-]+)?|in the room|on site))*\W*$",
        r"^(?:and )?(?:we have|there are)\b.{0,30}\b(?:hubs?|participants|speakers|panell?ists)\b.{0,10}"
        r"\b(?:connected|joining|online|with us|in the room|on site)\b(?!\s+to\b).{0,40}$",
        r"^(?:and )?(?:we have|there are)\b.{0,20}\bpeople (?:connected|online|with us|in the room)"
        r"(?:\s+(?:already|now|today|at the moment|with us))?\W*(?:$|,?\s+and\b)",
        r"^(?:and )?we are (?:about |around |some |over |nearly )?(?:\d+|[a-z]+ty(?:-[a-z]+)?|ten|eleven|twelve|"
        r"fifteen|a few|many) (?:participants|people|of us),? (?:here|in the|at the|online|connected|today)\b",
        r"\b(let's|let us|we('ll| will)) (now )?(take|hear|get) (some |a few |two |three |more )?"
        r"(reactions|questions|comments|interventions)( from the (floor|room)| online)?\W*$",
        # the end of one's own intervention, and floor calls to the room
        r"\b(that's|that is|this is) (all|it)( for now)? (from|on) (my|our) (side|part|end)\b",
        r"\b(that's|that is) (all|it)( for now)? from (me|us)\b",
        r"^(and )?(is|are) there (any(body|one)|someone|people|other (comments|hands))\b[^.!]{0,60}\?$",
        r"^\W*thank(s| you) (very much |so much )?to (all|everyone|everybody|our|the) (the |our )?(speakers|panell?ists|participants|captioners|interpreters|organi[sz]ers|audience|of you)\b",
        r"^(okay|ok|yes|yeah|good|great|wonderful|right|sure|absolutely|not at all)\b.{0,20}[.!?]?$",
    )
]

_HARD_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _HARD), re.IGNORECASE)
# The same test, pattern by pattern, each run only when the text has a literal it needs
# (`fastre`): one alternation of 50 patterns costs ~150 µs a sentence, this ~20 µs.
_HARD_FAST = PatternSet(_HARD)
_THANKS = re.compile(r"^\W*(thank(s| you)|many thanks|merci|gracias)\b", re.IGNORECASE)
_SOFT = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bthis session\b",
        r"\b(session|panel) (today|tomorrow)\b",
        r"\b(speakers?|panelists?|participants?) (today|here)\b",
        r"\bI (apologi[sz]e|am sorry|'m sorry)\b",
        r"\b(morning|afternoon|evening) here\b",
        r"\bvery (clear|concrete|enlightening)\b",
        r"\b(question|questions) (to|for) (you|him|her|them)\b",
        r"\bI want to (ask|know)\b",
    )
]
_SOFT_FAST = PatternSet(_SOFT)
_THANKS_FAST = PatternSet([_THANKS])
_SUBSTANCE_AFTER = re.compile(r"[:;]\s*\w+(?:\W+\w+){4,}")
_THANKS_FOR = re.compile(r"\bthank you\b[^.?!]{0,60}\bfor\b", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def is_procedural(text: str) -> bool:
    """True when the sentence is chairing, thanks or connection chatter."""
    clean = " ".join(text.split())
    # read only for thanks (most sentences are not): "Thank you: funding is the barrier ..." has substance
    if (
        _THANKS_FAST.match(0, clean, _THANKS_FAST.present(clean))
        and not _SUBSTANCE_AFTER.search(clean)
        and ((words := len(clean.split())) <= 14 or (_THANKS_FOR.search(clean) and words <= 25))
    ):
        return True
    # == bool(_HARD_ANY.search(clean)); a count of the room read "for the record" is the outcome
    return _HARD_FAST.any_search(clean) and not is_tally(clean)


# A chair talking about the talk in the room rather than the subject: who said or will say
# what ("I did hear him talk about ..."), the order of speaking ("then we can go back and
# forth between the speakers"), someone's intervention or question. Said by a panellist
# it may still carry a claim; said by a chair it is running the session.
_ROOM = re.compile(
    r"\b(?:hear|heard|listen\w*) (?:from\b|(?:to )?(?:him|her|them|you)\b)|"
    r"\b(?:him|her|them|you|he|she)(?: did| have| has| just| also)? (?:talk|speak|spoke|said|say|mention|raise|ask)\w*\b|"
    r"\bwe have (?:[A-Z][\w‑'-]+ )+(?:here|online|with us|on the line)\b|"
    r"\b(?:before|now|then|so|when|once) (?:we|I) (?:move|turn|go|come|get|jump) (?:on |back )?to\b|"
    r"\b(?:highlight|mention|raise|say|make|share|add) (?:two|three|four|a few|some|a couple of) "
    r"(?:things|points|issues|remarks|comments)\W*$|"
    r"\b(?:back and forth|forth and back)\b|"
    r"\bbetween (?:the|our) (?:speakers|panell?ists|presenters|panels?|coalitions|groups)\b|"
    r"\b(?:I|we)(?:'ll| will| can| could| are going to| want to) (?:then |now |quickly )?"
    r"(?:go (?:to|back|around|forth)|come back|hear from|take (?:questions|a question|the next)|"
    r"open (?:the floor|it up|up)|continue with|proceed)\b|"
    r"\b(?:your|his|her|their|this) (?:intervention|presentation|remarks|question|comment)s?\b",
    re.IGNORECASE,
)
_ROOM = guarded(_ROOM)  # the same matches, tried only where a word starts (`text.wordstart`)


# Lining up the speakers, said next to a participant's name: "for the next one Yasmin would
# represent the DC", "Mr. Ethan Marlowe, Vice President ...", "Jonas Keller from the youth
# IGF, I think you want to respond", "as Jennifer said, we're going to start with ...".
_LINE_UP = re.compile(
    r"\b(?:next|first|second|third|last|final) (?:one|person|speaker|reactor|guest|discussant|panell?ist)\b|"
    r"\b(?:the|our) (?:next|first|second|third|last|final)\b|"
    r"\b(?:Mr|Ms|Mrs|Dr|Professor|Prof)\.?\s+[A-Z]|\brepresent\w*\b|\byou (?:are|work|want)\b|"
    r"\bfrom (?:the|a|an|our) |\bas [A-Z][\w‑'-]+ (?:said|mentioned|noted)\b|\b(?:back|over|then) to [A-Z]|"
    r"\bthank you,? [A-Z]|\b(?:I|we) (?:am|'m|are|'re) [A-Z]",
)


@lru_cache(maxsize=65_536)
def runs_the_room(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a chair's sentence is about the session's own talk, not its subject.

    Read only for chairs: a moderator's point under "Key points by speaker" must be
    substantive or absent ("I did hear him talk about something that looked like a
    challenge to me and then we can go forth and back between the speakers" is neither a
    finding nor a position). Two kinds: talk about the talk (`_ROOM`), and lining up the
    speakers next to the name of someone in the room (`names`: the session's speakers'
    name words; `_LINE_UP`) — a chair's synthesis that names them ("Yuki would reserve the
    word for the technical layer, and Farah wants ...") holds no line-up words and stays.
    The caller lets a summary through ("we heard that ...").
    """
    clean = " ".join(text.split())
    if _ROOM.search(clean):
        return True
    if not names or not _LINE_UP.search(clean):
        return False
    return any(w in names for w in re.findall(r"[A-Z][\w'‑-]{2,}", clean))


@lru_cache(maxsize=65_536)
def procedural_weight(text: str) -> float:
    """1.0 for substance, lower for sentences with soft procedural cues, 0.0 for procedure."""
    if is_procedural(text):
        return 0.0
    hits = _SOFT_FAST.count(text)
    return 0.55**hits


def guess_moderators(units: Iterable[Unit], people: Sequence[Person] | None = None) -> set[str]:
    """Speakers (by `Unit.who`) who chair: from the cast's roles, else from behaviour.

    Behaviour: someone with several turns whose sentences are mostly procedure, or a
    generic chair label ("MODERATOR", "CHAIR"), is chairing; their substance still counts,
    at a lower weight, because wrap-ups by a chair are often the best summary sentences.
    Turns without any label are not judged: they are the youth speakers or the floor, each
    introducing themselves ("Hi. My name is ..."), not one chair with many procedural turns.
    """
    chairs: set[str] = set()
    for person in people or ():
        if person.role.lower() in MODERATOR_ROLES and person.name:
            chairs.add(person.name)
    per: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        per[unit.who].append(unit)
        if unit.label and unit.speaker is None and unit.label.lower() in MODERATOR_ROLES:
            chairs.add(unit.who)
    if people:
        return chairs
    for name, items in per.items():
        if all(u.speaker is None and u.label is None for u in items):
            continue  # turns without any label are many people, not one who chairs
        turns = Counter(u.turn for u in items)
        procedural = sum(1 for u in items if is_procedural(u.text))
        if len(turns) >= 3 and procedural / len(items) >= 0.3:
            chairs.add(name)
    return chairs
