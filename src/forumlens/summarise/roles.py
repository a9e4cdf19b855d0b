"""What a sentence *does* in the session, judged by its structure: introduce its speaker,
relay someone else's words, or record a decision the room took.

A rapporteur's takeaways hold what was found, asked, decided and disputed; they never
hold a speaker saying who they are ("I'm Ahmed Farouk, member of parliament from
Egypt", "So I run a helpline for women ..."), nor the moderator reading out the chat
("We have a comment from Aisha in Kenya"). Both are recognised by the shape of the
sentence, not by topic words: a first-person-singular subject with an identity verb at
the very start of the sentence (who I am, whom I work for, what I run), and a relay
frame (someone's comment or question *from* somewhere, someone *writes in the chat*).
`rewrite.problem` rejects both, so no section ever shows them.

Moderator talk is recognised the same way (`is_session_talk`): framing the session,
introducing the next voice, talking about the room. A chair's own "we" or "I" doing what
the session does ("Today we ask them ...", "We're talking about security", "We will be
hearing from ...") is the agenda, not a finding (`is_chair_talk`, for a speaker who chairs
only: a panellist's "we will discuss it with the ministries" is a plan). And a report of
what someone said that leaves out what they said ("Last year two coalitions told a
workshop what they had produced and what they needed") has no content to carry
(`is_empty_report`), whoever says it.

Decisions are the other way round: the closing "we agreed today that the track will
prepare a checklist", "we will extend the comment period" are what a session report
must carry, and the analyse stage's commitments miss most of them in plain speech. A
decision is a group or body as subject (we, the forum, the coalition, the final
version ...) with a commitment verb (will + an action, agreed, decided), or the
announced "next steps"; talk about the session itself ("we will now hear", "we will
take questions") is procedure, not a decision.

Pure functions over strings; general patterns only (no session's names or topics).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.fastre import Prefiltered
from ..text.wordstart import guarded

__all__ = [
    "DECIDER",
    "is_agreement",
    "is_announcement",
    "is_chair_talk",
    "is_decision",
    "is_empty_report",
    "is_introduction",
    "is_outcome",
    "is_relay",
    "is_session_course",
    "is_session_talk",
    "is_tally",
]

# The start of a sentence once filler is gone: an optional discourse opener.
_LEAD = r"^\W*(?:(?:so|okay|ok|well|yes|yeah|hello|hi|and|first of all|just briefly|briefly)\b,?\s+)*"
# Who I am: "I'm Ana Ferreira", "My name is ...", "I am from a digital rights organisation",
# "I am one of the co-facilitators", "I work for the electoral commission", "I run a helpline",
# "I speak for the coalition", "I represent ...", "Rafael Souza, I am from ...", "I come from Lagos".
# A trade or post a speaker introduces herself by ("I am a consultant, I work mostly with finance
# ministries"): said bare, with nothing after it but the end of its clause.
_TRADE = (
    r"(?:consultant|student|researcher|lawyer|teacher|journalist|economist|librarian|engineer|professor|"
    r"lecturer|activist|developer|farmer|fisher(?:man|woman)?|volunteer|coordinator|officer|adviser|advisor|"
    r"analyst|scientist|entrepreneur|trainer|programmer|parliamentarian|diplomat|civil servant|PhD candidate)"
)
_INTRO = re.compile(
    _LEAD + r"(?:(?-i:[A-Z][\w'‑-]+)(?:\s+(?-i:[A-Z][\w'‑-]+)){0,3},\s+)?(?:"
    r"my name is\b|"
    r"I(?:'m| am)\s+(?:(?-i:[A-Z][\w'‑-]+)\b|(?:originally |also |here |currently |now )?(?:from|with|based in|"
    r"part of|one of|a member of|a member|member of|the (?:\w+ ){0,3}(?:of|at|for|from|in)\b|an? (?:\w+ ){0,3}"
    r"(?:of|at|for|from|in|with)\b))|"
    r"I (?:also |currently |now |mostly |mainly )?(?:work|worked|volunteer)(?: mostly| mainly)? (?:for|with|at|in|on)\b|"
    # a trade said bare, its clause ending there: "I am a consultant, I work ...", "I'm a librarian."
    r"I(?:'m| am) (?:also |currently |now )?an? (?:\w+ )?" + _TRADE + r"(?=\s*(?:[,.;]|$)|\s+and\b)|"
    # "I come from Lagos", "I'm coming from a youth network" (not "I come from the point of view …")
    r"I(?:'m| am)? (?:also |originally |actually )?(?:come|coming) from\b(?! (?:a|the|this|that|my|our) "
    r"(?:\w+ )?(?:perspective|point|angle|view|position|standpoint)\b)|"
    r"I (?:also |currently )?(?:run|coordinate|lead|head|direct|manage|chair|co-?chair|moderate|facilitate|"
    r"represent|founded|co-?founded) (?:a|an|the|this|our|my)\b|"
    r"I(?:'m| am) (?:speaking|here) (?:for|on behalf of|as)\b|I speak (?:for|on behalf of|as)\b"
    r")",
    re.IGNORECASE,
)
# Reading out the chat or the queue: "we have a comment from Aisha in Kenya", "there is a
# question online", "Maria writes in the chat", "a remote participant asks".
_RELAY = re.compile(
    _LEAD + r"(?:(?:we|I) (?:have|got|see|received)|there(?:'s| is| are)|here(?:'s| is)) "
    r"(?:a|one|another|two|three|some|also a|a few)? ?(?:more |further |short |last |final )?"
    r"(?:comments?|questions?|messages?|contributions?|interventions?|reactions?|hands?)\b"
    r"(?:\s+(?:from|in the chat|online|on (?:the )?(?:chat|zoom|line)|by)\b)|"
    r"\b(?:writes|wrote|asks|asked|says|said|comments|commented|adds|added|notes|noted) (?:in|on) the (?:chat|Q&A|zoom)\b|"
    # a question read out with a colon ("Arief asks Thura: Is the guide also in English"), or
    # the next one announced by whom it is from ("One more, without a question, from @pitch_deck: …")
    r"\b(?:asks|asked)(?:\s+(?-i:[A-Z][\w'‑-]+))?\s*:|"
    r"^\W*(?:and\s+)?(?:one|another) (?:more|last|other)\b[^:.;?]{0,50}?\bfrom (?:at |@)?(?:(?-i:[A-Z])|\w+_|"
    r"(?:a|an|the) (?:remote |online )?(?:participant|listener|viewer|user|person)\b)[^:.;?]{0,50}:|"
    r"^\W*(?:a|one|another) (?:remote|online) (?:participant|attendee|speaker) (?:writes|asks|says|comments|adds)\b|"
    # who the next voice from the room is: "The gentleman is a local news editor from ..."
    r"^\W*(?:the|this|that) (?:gentleman|lady|woman|man|participant|person|colleague)"
    r"(?: (?:here|there|online|at the back|in the (?:\w+ )?(?:row|back|front)))? (?:is|was) (?:a|an)\b",
    re.IGNORECASE,
)
# Running the session, as a moderator does: framing it ("In this session we'll showcase ...",
# "The question for today is ..."), introducing the next voice ("Our last discussant is Luis,
# from ...", "Online, Priya, who runs a helpline", "I turn to Honourable Rania Haddad"), and
# the room ("I cannot see the room", "Interpretation is available", "Let me open to the floor").
_TITLE = r"(?:Dr\.?|Honou?rable|Hon\.|Professor|Prof\.|Ambassador|Minister|Senator|Ms\.?|Mr\.?|Mrs\.?)"
# A capitalised word that opens a sentence; a counting word ("One, the joint statement ...")
# or a sentence adverb enumerates or links, it names no one.
_NAME = (
    r"(?-i:(?!(?:One|Two|Three|Four|Five|Six|First|Second|Third|Fourth|Fifth|Finally|Also|Then|Now|Today)\b)"
    r"[A-Z][\w'‑-]+)"
)
_SESSION = re.compile(
    r"\b(?:in |during )?(?:this|today's|our|the) (?:session|workshop|roundtable|round table|panel|meeting|town hall|"
    r"open forum|main session|lightning talk)(?:,)? (?:we(?:'ll| will| are going to| want to)|will|is (?:about|on|"
    r"structured|divided)|has (?:two|three|\w+) (?:parts|halves))\b|"
    r"\b(?:the|our|today's) (?:topic|theme|format)(?: (?:for (?:today|us|this \w+)|of (?:today|this \w+)))? "
    r"(?:is|was|will be)\b|"
    # "the question for today is ...", not "the question is whether platforms should pay" (a claim)
    r"\b(?:the|our) (?:question|aim|goal|purpose|objective) (?:for (?:today|us|this \w+)|of (?:today|this \w+)) "
    r"(?:is|was|will be)\b|\btoday's (?:question|aim|goal|purpose|objective) (?:is|was)\b|"
    r"\b(?:we(?:'ll| will| are going to)|let's|let us) (?:now |first |then |also )?(?:split|showcase|divide|structure|"
    r"hear from|start with|begin with|turn to|move to|go to|jump to|have a (?:strategic |short |quick )?discussion|"
    r"fully utili[sz]e)\b|"
    r"\b(?:our|the) (?:first|second|third|fourth|fifth|sixth|next|last|final|other) (?:speaker|discussant|panell?ist|"
    r"parliamentarian|guest|presenter|person|respondent|commentator|intervention|contributor)s?\b|"
    r"\b(?:I|let me|we) (?:now )?(?:turn|go|move|come) (?:now )?(?:back )?to " + _TITLE + r"?\s*" + _NAME + r"|"
    r"^\W*(?:(?:online|remotely|in the room|on (?:the|my) (?:left|right)),?\s+)?"
    + _TITLE
    + r"?\s*"
    + _NAME
    + r"(?:\s+"
    + _NAME
    + r")?,\s+(?:who|from|our|the (?:\w+ ){0,3}(?:of|at|from))\b|"
    r"\bwe(?:'re| are)? (?:joined|joining) (?:by|with)\b|\b(?:on the stage|around the table|with me|on the panel) "
    r"(?:with me )?(?:we have|are|is)\b|"
    r"\b(?:I|we) (?:can(?:not|'t)?|do not|don't) see (?:you|the room|her|him|them|anyone)\b|"
    r"\bI (?:see|saw) (?:that )?[^.;]{0,60}\b(?:in the room|online|in the zoom)\b|"
    r"\binterpretation is available\b|\bhybrid format\b|"
    r"\blet me (?:now )?(?:open|try to summari[sz]e|summari[sz]e|sum up|wrap up|read)\b|"
    r"\b(?:open|opening) (?:it |this )?(?:up )?to the (?:floor|room|audience)\b|"
    r"\bwe have (?:about |only |just )?(?:\w+ )?(?:minutes|minute)\b",
    re.IGNORECASE,
)
_SESSION = guarded(_SESSION)  # the same matches, tried only where a word starts (`text.wordstart`)
# The session's own course, whatever its subject: a point put off or taken up again ("we will
# come back to it", "let me get back to that later"), a sentence conditioned on the session's
# clock ("if time allows", "time permitting", "if we still have time"), and the agenda of the
# session itself ("the next item on the agenda", "today's agenda"), and one's own part in it
# ("I will moderate, with Tomasz online"). Structure, not topic: the
# object of the deferral is a pronoun or "the/that question, point" (a thing said in the room),
# and "the agenda" only counts as the session's own ("the main agenda of the IGF" is a claim).
_COURSE = re.compile(
    r"\b(?:if|when|as long as|provided) (?:the |our )?time (?:allows?|permits?|remains|is left)\b|"
    # the session's clock: "we will start in one minute", "I will present the findings in five minutes"
    r"\b(?:start|begin|resume|finish|end|close|present|talk|speak|be back)\w*(?:\s+[\w'‑-]+){0,4}? in (?:about |around |"
    r"roughly |just )?(?:one|a|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|sixty|a few|\d+) "
    r"(?:minutes?|seconds?)\b|"
    r"\btime permitting\b|"
    # the speaker's own part in the session: "I will moderate, with Tomasz online"
    r"\b(?:I|we)(?:'ll| will| shall| am going to|'m going to| are going to|'re going to) (?:co-?)?(?:moderate|chair|"
    r"facilitate)\b(?! (?:a|an|the|our|my|its|their|this) (?!session|workshop|panel|discussion|forum\b)\w)|"
    r"\bif (?:we|there) (?:still |do )?(?:have|has|is|are) (?:still |enough |some |any |a (?:bit|little) of )?"
    r"(?:time|minutes) (?:left|remaining|at the end)?|"
    r"\b(?:come|get|go|circle|loop|turn) back to (?:it|this|that|these|those|(?:the|that|this|your|her|his|"
    r"their) (?:question|point|issue|comment|topic|matter))\b(?! (?:next|in \d{4}|at the next))|"
    r"\b(?:return to|revisit|take up|pick up) (?:it|this|that|(?:the|that|this|your) (?:question|point|comment))"
    r"\b (?:later|afterwards|at the end|in the (?:next|second|last) (?:part|round|half|section))\b|"
    r"\b(?:next|first|second|third|last|final|following) (?:item|point|topic) (?:on|of|in) (?:the|our|today's) "
    r"agenda\b|\b(?:today's|this session's|the session's) agenda\b|\b(?:as (?:per|on|in)|according to) "
    r"(?:the|our) agenda\b",
    re.IGNORECASE,
)
_COURSE = guarded(_COURSE)  # the same matches, tried only where a word starts (`text.wordstart`)
# The session talking about itself rather than its subject (issue 23): a call to action asks
# someone to do something about the subject, and a point states something about it; neither
# is the session's own record, order or turns. Four shapes, whoever says them:
# - its record as the thing acted on: what to write or leave out "in the report", said as a
#   request or the speaker's own plan ("please", "don't", "I will", "let me"; an
#   instruction to the rapporteur: "Please, in the report, don't put it as ...", "I will write
#   that at the top of the report"), and the report or minutes alone as the subject of being
#   published, with nothing after but when or where ("The report will be out in January"; a
#   "final report" or "final version" is the session's product, and its release a next step).
#   "the/this/your report" only: "our report for the IGF next year", "the national report on
#   foreign interference" and "a report of the visits" are someone's work, not this record;
# - the speaker's own turn: others correcting them ("the others should correct me", "The
#   Minister will correct me when I am back");
# - the order of speaking: someone in the room waiting to speak ("somebody at the back wanted
#   to speak"; not "Women who wanted to speak at community meetings were harassed"),
#   the session starting with a statement or round ("We start, as agreed ..., with the
#   statement of ...");
# - the room itself: the webcast working, remote participation "by email", the address "on
#   the screen", where a helper waits or a quiet room is ("our colleague is by the door, and
#   there is a quiet room next door").
_RECORD = r"(?:report|minutes|summary|notes|outcome document)"
_OWN = re.compile(
    r"\b(?:please,? |don't |do not |I(?:'ll| will| would| shall) |let me )(?:\w+ ){0,2}?"
    r"(?:put|write|say|mention|include|record|note|list|leave|keep)\b[^.;]{0,40}?\b(?:in|into|at the (?:top|end|start) "
    r"of|out of|from) (?:the|this|your) " + _RECORD + r"\b|"
    r"\b(?:in|into) (?:the|this|your) " + _RECORD + r",? (?:please,? )?(?:don't|do not|please|write|put|say)\b|"
    r"^\W*(?:(?:and|so|also)\W+)*(?:the|this) (?:session |workshop |meeting )?"
    + _RECORD
    + r" (?:will|would|should|is going to|is to|can) (?:also )?(?:be )?(?:out|published|posted|available|online|shared|"
    r"sent|circulated|ready|uploaded|on the\b)[^,;]{0,50}$|"
    r"\b(?:will|would|should|can|could|may|might|must) correct me\b|"
    r"\b(?:somebody|someone|anybody|anyone|(?:a|the|our|one) (?:colleague|participant|gentleman|lady|person|"
    r"speaker)s?)\b[^.;]{0,30}?\b(?:wants?|wanted|wanting|asked|asks|asking|is waiting|was waiting) (?:\w+ )?"
    r"(?:to speak|to say something|to intervene|to come in|for the floor)\b|"
    r"^\W*(?:(?:and|so|now|then)\W+)*(?:we|I)(?:'ll| will| shall| are going to)? (?:start|begin|open)\b,?"
    r"[^.;]{0,80}?\bwith (?:the|a|an|his|her|their|my|our) (?:\w+ )?(?:statement|remarks|presentation|intervention|"
    r"round|introduction|speech|address|opening)\b|"
    r"\bwebcast (?:is|was) (?:working|running|live|on)\b|\bremote participation is (?:by|through|via|on)\b|"
    r"\b(?:address|link|e-?mail|number|code) on the screen\b|"
    r"\b(?:is|are|will be|sits?|stands?|waits?) (?:by|at|near) the (?:door|entrance|exit)\b(?! of\b)|"
    r"\b(?:room|space|table) (?:is )?next door\b",
    re.IGNORECASE,
)
_OWN = guarded(_OWN)  # the same matches, tried only where a word starts (`text.wordstart`)
# Talk about the session itself, which "we will" also opens: not a decision.
_SESSION_TALK = (
    r"(?:now |first |then |next |also )?(?:hear|listen|(?:start|begin) (?:with|by|the session|now|again)|turn|move|go|take|have (?:a|some|time|the)|open|"
    r"close|end|wrap|stop|continue|come back|get back|break|see|try|discuss|talk|look at|give|pass|invite|"
    r"ask|answer|respond|share (?:the|my) screen|introduce|be (?:brief|quick|short|done|hearing|talking|discussing|"
    r"looking|moving|joined)|leave|run|showcase|split|enjoy|jump|all enjoy|not)\b"
)
_DECISION = re.compile(
    # a group or body committing: "we will extend ...", "the parliamentary track will prepare ...",
    # "the final version will be published ...", "we agreed today that ..."
    r"\b(?:we|the (?:\w+[ ‑-]){0,4}?(?:forum|track|bpf|coalition|group|working group|secretariat|organi[sz]ers|"
    r"ministry|office|network|association|initiative|programme|program|team|committee|report|version|paper|"
    r"outcome|document|checklist|guide|toolkit|map|database|survey|draft)s?)"
    # "the final version of the report, with the new section on resilience, will be published"
    r"(?:,[^,.;?]{1,120},)?"
    r"(?:'ll| will| shall| are going to| have agreed to| agreed to| decided to| commit(?:ted)? to)\s+"
    r"(?!" + _SESSION_TALK + r")(?:\w+ly\s+)?(?:be\s+)?[a-z]+|"
    r"\b(?:we (?:have |all )?(?:agreed|decided)|(?:it was|it has been) (?:agreed|decided)|(?:the )?next steps?\b(?! (?:is|are|would|could|should|might) (?:to )?(?:be|ask|see|discuss)))",
    re.IGNORECASE,
)
# The room's own decision said as such, as the news of its clause: "we agreed", "So we have agreed,
# the working group starts in January", "it was decided that …", "In the end, what we agreed is: …",
# "The next steps are …", "For the next steps, we will …". Not an
# agreement told inside another clause ("I was surprised it was agreed so quickly"), not one to
# differ ("we agreed to disagree on the licence"), and not "the next steps" as where the chair
# takes the session ("and then we go to the next steps"): clause-initial only.
_CLAUSE_START = r"(?:^|[,;:.!?]\s*|\b(?:so|and|then|now|okay|ok|yes|well|but)\b,?\s+)\W*"
_AGREED = re.compile(
    _CLAUSE_START
    + r"(?:(?:what\s+)?(?:we|they|it|all|everyone|everybody)\s+(?:(?:have|has|had)\s+been\s+|have\s+|has\s+|had\s+|"
    r"was\s+|were\s+)?(?:all\s+|just\s+)?(?:agreed|decided)\b(?!\s+(?:to\s+disagree|on\s+nothing)\b)|"
    r"(?:(?:as|as for|for|in terms of|regarding)\s+)?(?:(?:the|our)\s+)?(?:immediate\s+|concrete\s+|agreed\s+)?"
    r"next\s+steps?\b)",
    re.IGNORECASE,
)
# A conditional or hypothetical "we will" does not commit anyone: "if we will", "whether we will".
_HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|unless|when|maybe|perhaps|hope|hopefully|wonder)\b[^.;]{0,40}\bwe\b", re.IGNORECASE
)


# Who decides and its verb: "the court holds", "the bench therefore finds". A finite verb
# although the loose test reads "holds", "finds" after a singular noun as a plural noun
# (`rewrite.has_finite_verb`): the head that names the decider is the sentence's main clause.
_DECIDER = (
    r"\bthe (?:court|bench|tribunal|jury|chamber|committee|assembly|plenary|house|meeting|panel of judges) "
    r"(?:therefore |thus |now |so |also )?(?:holds|rules|finds|decides|declares|upholds|dismisses|adopts)\b"
)
DECIDER = re.compile(_DECIDER, re.IGNORECASE)
# The outcome of a session that ends in a ruling or a vote: a moot court's holding, a debate's
# or a consultation's vote, a committee's resolution. Said once, by the bench or the chair,
# in words nobody repeats, so centrality rarely picks it; it is what the session decided.
_OUTCOME = re.compile(
    _DECIDER + r"|"
    r"\b(?:held|ruled|found|decided|adopted|approved|rejected|carried|passed|defeated)[, ]+"
    r"(?:unanimously|by (?:a |the )?(?:large |narrow |clear )?majority)\b|"
    r"\b(?:unanimously|by (?:a |the )?(?:large |narrow |clear )?majority),? (?:that|the|to|it)\b|"
    r"\bthe (?:motion|resolution|amendment|proposal|recommendation) (?:is|was|has been) "
    r"(?:carried|adopted|passed|defeated|rejected|approved)\b|"
    r"\bthe (?:result|outcome) of the (?:vote|ballot|poll)\b|"
    # a jury's verdict: "the winner, and this was not unanimous, is ...", "the prize goes to"
    r"\bthe winners?(?:,(?:[^,.;?]{1,50},){1,2})? (?:is|are|was|were)\b|"
    r"\bthe (?:first )?(?:prize|award) (?:goes|went) to\b|"
    # a chair declaring the vote in the present: "the motion carries", "Team Solar won"
    r"\bthe (?:motion|resolution|amendment|proposal) (?:carries|passes|fails)\b|"
    r"\bteam (?:(?-i:[A-Z])[\w-]+ ){1,2}(?:won|wins|has won)\b",
    re.IGNORECASE,
)
# a condition or an open question before the outcome ("who will be the winner is ...") says none
_IF = re.compile(r"\b(?:if|whether|unless|when|should|would|could|who(?:ever)? will)\b", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def is_outcome(text: str) -> bool:
    """Whether the sentence states the outcome the session reached: a ruling or a vote.

    >>> is_outcome("So the court holds, unanimously, that the block of the platform was unlawful.")
    True
    >>> is_outcome("The motion was carried with 41 votes to 12.")
    True
    >>> is_outcome("If the court finds that blocking was too much, it must say what is enough.")
    False
    >>> is_outcome("The majority of users never change the default.")
    False
    >>> is_outcome("The winner, and this was not unanimous, is the team from Lagos, because it asked the farmers.")
    True
    >>> is_outcome("Before the winner, three things we saw, because they are more useful than a prize.")
    False
    """
    clean = " ".join(text.split())
    m = _OUTCOME.search(clean)
    if m is None or clean.endswith("?"):
        return False
    return not _IF.search(clean[: m.start()])


# A count of a vote: how many voted how. A number said as a word or in digits, or a share of
# the room ("most of you", "almost everybody", "nobody") ...
_HOW_MANY = (
    r"(?:\b\d+\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|a hundred)\b|\bhalf\b|\bmost\b|\bthe majority\b|"
    r"\b(?:almost |nearly )?(?:everybody|everyone|all of you|nobody|no one)\b)"
)
# ... and how they voted: for or against the motion, in favour, the votes. (Not where people
# stand in a show of positions, "on the agree side", "in the middle": a spectrogram's counts
# read out statement by statement are the room's mood, which its harvest restates; weighed
# as outcomes they displaced the harvest's points — bench/summaries.py, 53 development
# references: takeaways R-2 .1122 -> .1117, spectrogram .121 -> .088.)
_WHERE = r"(?:\b(?:for|against) the (?:motion|proposal|resolution)\b|\bin favou?r\b|\bvotes?\b)"
_TALLY = re.compile(_HOW_MANY + r"[^.;?]{0,60}" + _WHERE + "|" + _WHERE + r"[^.;?]{0,30}" + _HOW_MANY, re.IGNORECASE)


@lru_cache(maxsize=65_536)
def is_tally(text: str) -> bool:
    """Whether the sentence counts a vote: how many voted for or against, or in favour.

    A chair reading out the vote ("38 percent for the motion, 47 percent against") reports
    the session's outcome, not the running of the room: the procedure of "for the record"
    does not apply (`procedural.is_procedural`). (Exempting it from a chair's lesser weight
    as well, `rank._summary_factor`, moved only the debate deb-encryption over the 53
    development references: its vote and "the motion is defeated" replaced the closing's
    decision; takeaways R-2 .100 -> .106, but report R-2 .145 -> .135: not shipped.)

    >>> is_tally("For the record, the vote: most of you, maybe thirty-five, are in favour.")
    True
    >>> is_tally("For the record, I would say most people are on the disagree side, maybe thirty-five people.")
    False
    >>> is_tally("So the results, with 64 votes: 38 percent for the motion, 47 percent against.")
    True
    >>> is_tally("Dragana, you are a teacher, and you are on the agree side.")
    False
    >>> is_tally("Who in the middle has an answer?")
    False
    """
    clean = " ".join(text.split())
    return not clean.endswith("?") and _TALLY.search(clean) is not None


@lru_cache(maxsize=65_536)
def is_introduction(text: str) -> bool:
    """Whether the sentence introduces its speaker (who they are, whom they work for,
    what they run) rather than making a point.

    >>> is_introduction("So I run a helpline for women facing online abuse, we get 900 calls a month.")
    True
    >>> is_introduction("I'm Ahmed Farouk, member of parliament from Egypt.")
    True
    >>> is_introduction("I work with survivors every week.")
    True
    >>> is_introduction("I think the helplines need core funding.")
    False
    """
    return bool(_INTRO.match(" ".join(text.split())))


@lru_cache(maxsize=65_536)
def is_relay(text: str) -> bool:
    """Whether the sentence reads out someone else's comment or the queue (the chat, a
    remote participant) instead of saying something itself.

    >>> is_relay("Yes, we have a comment from Aisha in Kenya.")
    True
    >>> is_relay("Maria writes in the chat that captions help.")
    True
    >>> is_relay("Arief asks Thura: Is the guide also available in English.")
    True
    >>> is_relay("One more, without a question, from at pitch_deck: Governments should have one visa.")
    True
    >>> is_relay("We have a comment period until January.")
    False
    """
    return bool(_RELAY.search(" ".join(text.split())))


@lru_cache(maxsize=65_536)
def is_session_talk(text: str) -> bool:
    """Whether the sentence runs the session (frames it, introduces the next speaker,
    talks about the room) instead of saying something about its subject: moderator talk.

    >>> is_session_talk("Our last discussant is Luis, from the cybercrime unit of the police in Chile.")
    True
    >>> is_session_talk("In this session we'll showcase the DC as an example of the multistakeholder mechanisms.")
    True
    >>> is_session_talk("Online, Priya, who runs a helpline in India.")
    True
    >>> is_session_talk("The draft recommends that platforms offer reporting in local languages.")
    False
    >>> is_session_talk("We will come back to it if time allows.")
    True
    >>> is_session_talk("Please, in the report, do not put it as the last observation.")
    True
    >>> is_session_talk("We will put the requests in our report for the forum next year.")
    False
    """
    clean = " ".join(text.split())
    return bool(_SESSION.search(clean) or _COURSE.search(clean) or _OWN.search(clean))


@lru_cache(maxsize=65_536)
def is_session_course(text: str) -> bool:
    """Whether the sentence is about the session's own course (a point put off or taken up
    again, the session's time or agenda) rather than its subject: never a takeaway, a
    decision or a call to action, whoever says it and however it is reworded.

    >>> is_session_course("We will come back to it if time allows.")
    True
    >>> is_session_course("Time permitting, I will also say a word on funding.")
    True
    >>> is_session_course("Environmental sustainability was not on the main agenda of the IGF.")
    False
    >>> is_session_course("We will come back to the ministries next year with a second report.")
    False
    """
    return bool(_COURSE.search(" ".join(text.split())))


# `_DECISION` behind its literal prefilter (same answers): most sentences hold none of its words.
_DECISION_CUE = Prefiltered(_DECISION)


@lru_cache(maxsize=65_536)
def is_decision(text: str) -> bool:
    """Whether the sentence records a decision or an agreed next step of a group or body.

    >>> is_decision("We agreed today that the track will prepare a short checklist.")
    True
    >>> is_decision("We will extend the comment period to 31 January.")
    True
    >>> is_decision("We will now hear from the floor.")
    False
    >>> is_decision("If we will not act, nothing changes.")
    False
    """
    clean = " ".join(text.split())
    m = _DECISION_CUE.search(clean)
    if m is None or clean.rstrip().endswith("?") or _COURSE.search(clean):
        return False
    return not _HYPOTHETICAL.search(clean[: m.end()])


def is_agreement(text: str) -> bool:
    """Whether a decision is said to be the room's own ("we agreed today that ...", "the
    next steps are ..."), as the news of its clause, not one speaker's plan ("we will raise
    it again"), an agreement told in passing ("I was surprised it was agreed so quickly"),
    one to differ ("we agreed to disagree") or the chair's procedure ("and then we go to the
    next steps"). The summary's decisions (`report.room_decision`) and the IGF template's
    Way forward (`template._real_calls`) both ask it.

    >>> is_agreement("We agreed today that the track will prepare a short checklist.")
    True
    >>> is_agreement("We will raise it again.")
    False
    >>> is_agreement("So we agreed to disagree on the licence.")
    False
    """
    return is_decision(text) and bool(_AGREED.search(text))


# A sentence that points at what follows instead of saying it: "So here is what we agreed
# with the coordinators, and I want to confirm it in the room.", "These are the next steps.",
# "We agreed on the following." Its content is in the sentences after it (`report.announced`).
_ANNOUNCE = re.compile(
    _LEAD + r"(?:(?:here|these|those|this|that) (?:is|are|was|were)|here's|this is) (?:what|how|the (?:\w+ ){0,2}"
    r"(?:steps?|points?|things?|decisions?|outcomes?|agreements?|plan|proposals?))\b(?![^:]*:\s*\w)|"
    r"\b(?:the following|as follows)\W*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65_536)
def is_announcement(text: str) -> bool:
    """Whether the sentence only announces what the next sentences say (no content of its own).

    >>> is_announcement("So here is what we agreed with the youth coordinators, and I want to confirm it in the room.")
    True
    >>> is_announcement("We agreed on the following:")
    True
    >>> is_announcement("Here is what we found: most hubs run on diesel.")
    False
    >>> is_announcement("We agreed that the track will prepare a checklist.")
    False
    """
    clean = " ".join(text.split())
    if _ANNOUNCE.search(clean):
        return True
    return clean.endswith(":") and len(clean.split()) <= 15


# A chair's "we" or "I" doing what the session does: hearing, asking the panel, talking
# about, looking at, starting with ... in the present or the future ("Today we ask them",
# "We're talking about security", "We also will be hearing from", "We want to look at how").
# Past forms are the closing's summary ("we heard", `rewrite.room_voice`), not matched.
_SESSION_VERB = (
    r"(?:hear(?:ing)?|listen(?:ing)? to|talk(?:ing)? about|discuss(?:ing)?|look(?:ing)? at|explor(?:e|ing)|"
    r"examin(?:e|ing)|focus(?:ing)? on|reflect(?:ing)? on|div(?:e|ing) into|unpack(?:ing)?|turn(?:ing)? to|"
    r"mov(?:e|ing) (?:on )?to|ask(?:ing)? (?:them|you|him|her|both|each (?:of (?:you|them)|\w+)|every \w+|all of (?:you|them)|"
    r"(?:the|our|all|these|those) (?:\w+ )?(?:panel|panell?ists|speakers|discussants|guests|presenters|participants|"
    r"room|audience|floor|coalitions))\b)"
)
_CHAIR_TALK = re.compile(
    # the future, the progressive or a wish: any session verb
    r"\b(?:we|I)(?:'ll| will| shall|'re going to| are going to|'m going to| am going to| want to| would like to|"
    r"'d like to| are here to|'re here to)(?:\s+(?:now|also|today|then|first|briefly|just|really|actually|all|"
    r"again|quickly|next|together))*\s+(?:be\s+)?" + _SESSION_VERB + r"|"
    r"\b(?:we|I)(?:'re| are|'m| am)(?:\s+(?:now|also|today|then|first|just|really|actually|all|here))*\s+"
    # not "looking at" / "focusing on": "we are looking at a 30 percent drop in funding" is substance
    r"(?:hearing|listening|talking|discussing|exploring|examining|turning|moving|asking)\b|"
    # the present only with the session's own time: "Today we ask them ...", "First we hear from ..."
    r"\b(?:today|now|first|then|next|here|in this \w+),?\s+(?:we|I)\s+(?:will\s+)?" + _SESSION_VERB + r"|"
    r"\b(?:we|I)(?:'ll| will)?\s+(?:now\s+|first\s+)?(?:start|begin|open|kick off)\s+(?:with|by)\b|"
    r"\bwe(?:'ll| will)?\s+(?:also\s+)?(?:have|having) (?:a|an|our|\w+) (?:\w+ )?(?:speakers?|discussants?|panell?ists?|"
    r"guests?)\b",
    re.IGNORECASE,
)
# What the session itself will not see: work after it ("next year", "at IGF 2025", "in
# January") is a plan or a decision, even in a chair's mouth.
_LATER = re.compile(
    r"\b(?:next (?:year|month|week|IGF|time|meeting|cycle)|in (?:19|20)\d\d|at (?:the next|IGF ?\d{4}|the IGF \d{4})|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"by the end of|intersessional|the coming (?:year|months|weeks)|after (?:the|this) (?:IGF|session|meeting|forum))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65_536)
def is_chair_talk(text: str) -> bool:
    """Whether a chair's sentence sets the session's agenda: their "we"/"I" hears, asks the
    panel, talks about, looks at, starts with ... now (not after the session).

    >>> is_chair_talk("Today we ask them what happened since.")
    True
    >>> is_chair_talk("We're talking about security and safety and Human Rights.")
    True
    >>> is_chair_talk("We will discuss the draft with the MAG next year.")
    False
    >>> is_chair_talk("We need to add women with disabilities and more examples from Africa.")
    False
    """
    clean = " ".join(text.split())
    return bool(_CHAIR_TALK.search(clean)) and not _LATER.search(clean)


# A speech act whose content is a bare wh-clause: "told a workshop what they had produced",
# "ask them what happened since", "explained how it works".
_REPORTED = re.compile(
    r"^[^,;:]{0,60}?\b(?:told|tell|tells|telling|ask|asks|asked|asking|explain(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"report(?:s|ed|ing)?|shar(?:e|es|ed|ing)|show(?:s|ed|n|ing)?|present(?:s|ed|ing)?|discuss(?:es|ed|ing)?|"
    r"hear(?:d|s|ing)?|learn(?:s|ed|t|ing)?|say|says|said)\b(?:\s+[\w'‑-]+){0,3}?\s+"
    r"(?:what|how|why|whether|where|when|which)\b(?P<rest>[^;:]*)$",
    re.IGNORECASE,
)
# Words that carry no content of their own: pronouns, auxiliaries, light verbs, time adverbs.
_EMPTY_WORDS = """i you he she it we they them us him her their our its my your this that these those there here what how
    why whether where when which who and or but so then since now next already still so far yet ever just also
    is are was were be been being am has have had do does did done doing can could will would shall should may
    might must not n't to of for with about happen happens happened happening produce produces produced
    need needs needed want wants wanted think thinks thought mean means meant work works worked achieve achieved
    deliver delivered do did plan planned expect expected learn learned learnt change changed get got go went
    going come came say said see saw find found make made like is it's they've we've since then last year"""
_EMPTY = frozenset(_EMPTY_WORDS.split())


@lru_cache(maxsize=65_536)
def is_empty_report(text: str) -> bool:
    """Whether the sentence reports a speech act and leaves out what was said: its content
    is a wh-clause of pronouns and light verbs only.

    >>> is_empty_report("Last year two coalitions told a workshop what they had produced and what they needed.")
    True
    >>> is_empty_report("The guide explains how libraries can be counted as public access points.")
    False
    """
    m = _REPORTED.search(" ".join(text.split()))
    if m is None:
        return False
    words = re.findall(r"[\w'‑-]+", m.group("rest").lower())
    return bool(words) and all(w in _EMPTY for w in words)
