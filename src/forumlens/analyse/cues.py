"""Cue phrases shared by the analyses, kept in one place so they can be reviewed
(and extended for new caption styles) without reading the algorithms.

All are general English conventions of chaired meetings, not phrases of any one file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.stopwords import QUESTION_STOPWORDS
from ._regex import compile_cue

__all__ = [
    "ADDRESSING",
    "AGENDA_STATEMENT",
    "ASK_FRAME",
    "CUT_OFF",
    "DECLINE",
    "DECLINE_SENTENCE",
    "FLOOR_INVITE",
    "FLOOR_REQUEST",
    "GROUP_ADDRESS",
    "LOGISTICS",
    "MOD_FRAME",
    "MOVES_ON",
    "ON_BEHALF",
    "PARKING",
    "PRESENCE_CHECK",
    "PROCEDURAL",
    "QUESTION_ANNOUNCEMENT",
    "QUESTION_REF",
    "REASK",
    "RELAY",
    "RETURN_TO",
    "ROOM",
    "SELF_ANSWER",
    "TIMEKEEPING",
    "TO_CHANNEL",
    "WH_AFTER_COMMA",
    "WH_START",
    "CheckMemo",
    "content_words",
    "is_procedural",
]

# Results of pure checks of one sentence text, by (pattern, text): see `is_procedural`.
CheckMemo = dict[tuple[re.Pattern[str], str], bool]

_AUX = r"(?:do|does|did|can|could|would|will|should|shall|is|are|was|were|has|have|might|may|must)"
# "How does your coalition …", "So, how does …", "From your perspective how your …"
WH_START = re.compile(
    rf"^\W*(?:(?:so|and|now|then|but|also|finally|lastly|first(?:ly)?|second(?:ly)?)\W+)?"
    rf"(?:(?:from|in)\s+(?:your|the)\s+(?:perspective|view|opinion|experience)\W+)?"
    rf"(?:how|what|why|in what way)\s+(?:{_AUX}|your|you)\b",
    re.I,
)
# "…, what would be your main point …" / "… ask what can be done …"
WH_AFTER_COMMA = compile_cue(
    rf"(?:,|\bask(?:\s+you)?|\bquestion(?: is| was)?\s*[:,]?)\s*(?:how|what|why)\s+(?:{_AUX}|your|you)\b", re.I
)
# First-person frames that turn a statement into a question to someone.
ASK_FRAME = compile_cue(
    r"\b(my (first |second |last |final |main )?question (is|was|would be|to|for)|i have (a|one|two|another) questions?"
    r"|i('d| would| wanted| want)( just)? (like to )?(ask(?! (the|all|every\w*|them|governments?|states|for|that)\b)|know|hear from|understand)\b|i wonder(ed)? (if|whether|how|what|why)"
    r"|(can|could|would) you (please )?(tell|explain|share|elaborate|comment|say|give|clarify)"
    r"|it would be (helpful|useful|good|interesting|great) to (know|hear|understand|learn)"
    r"|i('m| am| would be| 'd be) (very )?(interested|curious) to (hear|know|learn|understand)"
    r"|i want to hear (more )?(about|from)\b)",
    re.I,
)
# Frames only a moderator uses to put a question.
MOD_FRAME = compile_cue(
    r"\b(the question (is|was)\s*:|(a|one|my|the) question (to|for) |(ask|put to) you (a|my|one|the) question"
    r"|going to ask you)",
    re.I,
)
# Housekeeping, not substance: presence, audio, floor management.
PROCEDURAL = compile_cue(
    r"\b(hear (me|us|you)|see (me|us|you)|can you (hear|see)|hear on ?site|can you speak|could speak|can speak|(is|are) (there )?(any|some)(one|body)"
    r"|\bis (?!(?:your|our|their|its|my) )\w+( \w+)? (here|online|with us|in the room|on the line)\b|are you (still )?(there|with us|online)|(type|write|post|put) (the|your|it|a) (question|comment)|(do|if|whether) we have ([\w‑'-]+ ){0,7}(in the|online|here|with us|on ?site)|^\W*do we have\b|is (he|she|they|it) (here|online|with us)|on ?site\?|online\?"
    r"|(audio|sound|mic|microphone|connection|video)\b.{0,20}\b(working|better|ok|okay)|repeat (that|what|your|the (question|last\b|(\w+ )?(sentence|name|number|word|part|link|address|email)))"
    r"|is that better|are you ready|shall we (start|begin|move)|(like|want|wish) to (take|have) the floor"
    r"|(any|other|more) (hands|questions|comments)\b|raise (your|a) hand|ask the (remote )?question"
    r"|take (the|this|a|that|another|one more|your) question|how much time|time do we have|(now|here) or (later|in)"
    r"|can we (start|begin|move)|who('s| is) next|where (are|is) (we|he|she)|(one )?(last|more|final) (quick )?question"
    r"|yes, \w+\?$)\b",
    re.I,
)
# Floor management voiced as a question. Each is matched against the whole sentence once a
# leading vocative ("Ana, ") is set aside (see `analyse.questions.is_housekeeping`):
# asking to be given the floor ("Hello, can I speak?", "May I ask a short question?") …
FLOOR_REQUEST = re.compile(
    r"^\W*(?:(?:hello|hi|yes|sorry|excuse me|okay|ok)\W+)*(?:(?:can|may|could) i|am i able to)\s+(?:please\s+)?"
    r"(?:speak|come in|intervene|say something|add something|make a (?:short |quick |brief )?(?:comment|point|remark)"
    r"|(?:have|take) the floor|ask (?:a|one|something|you something)(?: (?:short|quick|brief|small|last|final))?"
    r"(?: question| thing)?)(?: (?:from the floor|here|now|too|as well|please))*\W*$",
    re.I,
)
# … checking who is there or whether there are questions ("is there a question online?",
# "anything in the chat?", "we have Ana online?", "you're in the room?") …
PRESENCE_CHECK = re.compile(
    r"^\W*(?i:(?:so|and|now|okay|ok|yes|then)\W+)?(?:"
    r"(?i:(?:do we have|have we got|are there|is there|did we get|have we had)"
    r"(?: (?:any|some|a|another|more|other|further))?(?: \w+)?(?: questions?| comments?| hands?| interventions?)"
    r"(?: \w+){0,4})"
    r"|(?i:any(?:thing|one|body)?(?: else| more)?(?: questions?| comments?| hands?)?"
    r"(?: (?:online|on ?site|here|in the room|in the chat|from the floor)))"
    r"|(?i:(?:is|are) (?:the|our) (?:remote )?(?:hubs?|speakers?|panel(?:ists)?|participants?|colleagues)"
    r" (?:online|on ?site|here|with us|in the room|on the line|connected|there|ready))"
    r"|(?i:i (?:believe|think|hope|see) )?(?i:we have|is|are)(?: [A-Z][\w‑'-]+){1,3}"
    r" (?i:online|on ?site|here|with us|in the room|on the line|connected)"
    r"|(?i:you(?:'re| are) (?:online|on ?site|here|with us|in the room|on the line|connected|there))"
    r")\W*$",
)
# … and keeping time ("I'm afraid we are out of time, so let me leave it …").
TIMEKEEPING = compile_cue(
    r"\b((run|running|ran|are|we're|we are|almost|nearly) out of time|time is up|past the hour"
    r"|(we|i) (have|need|must) to (close|stop|end) (here|now|there|the session|soon)"
    r"|wrap (it |this |things |the session )?up|close the session|end the session)\b",
    re.I,
)
# "We want to look at how …": a statement of what the session will do.
AGENDA_STATEMENT = re.compile(
    r"^\W*(we|i|let'?s|let us)\b[^,.?!]{0,25}\b(look at|discuss|talk about|explore|hear about"
    r"|examine|consider|reflect on|see)\b",
    re.I,
)
SELF_ANSWER = re.compile(
    r"^\W*(because|the (short |simple )?answer|yes|no|well|simply|of course|not really|not at all|nothing|never"
    r"|i don'?t think so|i doubt it|of course not|certainly not|absolutely not)\b",
    re.I,
)
# A yes/no question about the meeting's logistics ("Can everyone see my screen?", "Is the
# interpretation working?", "Do I have five minutes or three?", "Shall we take a photo?"):
# housekeeping, judged on the whole sentence once a vocative is set aside.
LOGISTICS = re.compile(
    r"^\W*(?:(?:okay|ok|so|and|sorry|hello|yes|now)\W+)*(?:can|could|may|do|does|is|are|shall|should|will|would|did|have)"
    r"\s+(?:[\w']+\s+){0,6}?(?:(?:my|the|your|this|our|a|group)\s+)?"
    r"(?:screen(?! time)|slides?|mic|microphone|mute[ds]?|unmute\w*|camera|video|audio|sound|volume|interpretation|interpreters?"
    r"|channel|photo|picture|recording|link|zoom|queue|hand|(?:\w+\s+)?minutes|break|echo|stream|poll|same point)\b"
    r"[^?]{0,40}\?\W*$",
    re.I,
)
# The moderator cutting an exchange short for time: what was asked just before is not
# answered here (answered later only if someone takes it up).
CUT_OFF = compile_cue(
    r"\b((?:are|we're|we are|almost|nearly|running|run|ran) (?:really |already |now |completely )?out of time|no (?:more )?time (?:left|for)|time is up"
    # round 16 (issue 22, Q2): "we ran over", "the next speaker is already waiting", "we need the
    # stage for the next talk": the host of a short slot cuts the Q&A, whoever the cast says hosts
    r"|\b(?:we|we've|we have) (?:ran|run|gone|went) over\b"
    r"|next (?:speaker|talk|presenter|session|workshop|panel)s? (?:is|are) (?:already )?(?:waiting|here|outside|at the door|standing)"
    r"|(?:organi[sz]ers|people|speakers) of the next (?:session|workshop|panel|talk) are (?:already )?(?:standing|waiting|outside|here)"
    r"|(?:our|the) time is (?:over|finished|gone)|(?:we are|we're) at the (?:top of the )?hour"
    # the next session is at the door: "in two minutes this room belongs to the next session",
    # "the next session must come in", "the people of the next workshop are already outside"
    r"|(?:room|hall) belongs to the next|next (?:session|workshop|panel) (?:must|has to|needs to) come in"
    r"|(?:people|speakers|colleagues) (?:of|for) the next (?:session|workshop|panel) (?:are|is) (?:already )?(?:outside|waiting|here)"
    r"|(?:must|have to|need to) (?:leave|vacate) the room|(?:cannot|can't|can not|won't|will not|are not able to)"
    r" (?:take|answer|address|get to) (?:them|it|that|those|these|this|more|any more|all)"
    r"|(?:respond|reply|answer|follow up|take (?:it|this|that|them))(?: to (?:it|that|them))?"
    r" (?:bilaterally|offline|by e-?mail|in writing|after the session|later on)"
    r"|come back to (?:it|that|this|them) if (?:there is|we have) time"
    r"|take (?:those|these|them|it|this|that|the rest|the other questions?)(?: \w+){0,2} offline"
    r"|(?:discuss|continue|answer) (?:it|that|this|them|those) (?:offline|after the session|in the corridor))\b",
    re.I,
)

# An answerer passing on the question.
DECLINE = re.compile(
    r"\b(won'?t|will not|can'?t|cannot|not able to|unable to|not in a position to) (really )?"
    r"(answer|respond to|take) (that|this|the|your)\b|\bpass on (this|that|the) question"
    r"|\bdon'?t know the answer|\bnot (really )?the (right|best) person"
    # round 16 (issue 22, Q2): a refusal or a deflection to another body, in the first person or
    # rendered in the third by an interpreter ("the cost is commercial information, I cannot share
    # it", "he cannot answer for the Ministry of Finance", "she cannot speak for the ministry"); one
    # that goes on with "but …" in the same sentence answers ("I cannot share the contract, but …")
    r"|\b(?:cannot|can'?t|can not|not able to|unable to|not allowed to) (?:share|disclose|reveal) "
    r"(?:it|this|that|them|those|these|the \w+)\b(?![^.!?]*\bbut\b)"
    r"|\b(?:cannot|can'?t|can not) (?:answer|speak|talk) (?:for|on behalf of) (?:the|my|our|his|her|their)\b(?![^.!?]*\bbut\b)"
    r"|\b(don'?t think|not sure|doubt) (i'm|i am) the (right|best) person"
    # stop 34 (issue 22): the one shape behind several wordings, a refusal followed by a verb of
    # saying and what is not said ("I cannot comment on commercial discussions", "I will not speak
    # about my government's decision in this room", "I will not take it, sorry", "I cannot say it
    # today"); again a "but …" in the same sentence answers ("I cannot say it all, but …")
    r"|\b(?:i|we)(?: really| simply)? (?:cannot|can'?t|can not|will not|won'?t|would rather not|prefer not to)"
    r" (?:comment|speak|talk|say|go into|take|answer) (?:on|about|it|this|that|them|any|anything)\b(?![^.!?]*\bbut\b)"
    # stop 38 (issue 22, S6): the same refusal with the rest of the class of verbs that say or make
    # known ("I can't discuss it here", "we cannot confirm that", "I won't tell you this"), the
    # thing not said named by a pronoun; "but …" after it in the same sentence still answers
    r"|\b(?:i|we)(?: really| simply)? (?:cannot|can'?t|can not|will not|won'?t|would rather not|prefer not to)"
    r" (?:discuss|tell(?: you)?|confirm|disclose|reveal|go into) (?:it|this|that|them|any of (?:it|this|that|them))\b"
    r"(?![^.!?]*\bbut\b)"
    # a deflection of agency: what was asked is someone else's to decide, not the replier's ("that
    # decision is not made at my desk", "it is not up to me", "this is not our call", "out of my
    # hands"): the replier says why they give no answer instead of giving one
    r"|\b(?:is|are|'s|'re) not (?:made|taken|decided) (?:at|by|on|in) (?:my|me|us|our)\b"
    r"|\b(?:is|'s|it is|it's) not (?:up to|for) (?:me|us) to (?:decide|say|answer)\b|\bnot (?:my|our) (?:decision|call) to make\b"
    r"|\bout of (?:my|our) hands\b",
    re.I,
)
# A sentence by which the speaker moves the session on to its close ("So, to close.", "Let me sum
# up.", "I really have to close, I'm sorry"): what follows it is the session's business, not a reply
# to the question before. Read by the reply reader (`replyreader.read_reply`) and by the chair's own
# answer (`questionfates.mod_answers`: a closing summary after "To close." is no answer to the last
# question; rounds 27 and 28).
MOVES_ON = re.compile(
    r"^\W*(?:(?:so|and|okay|ok|well)\W+)?(?:to (?:close|conclude|wrap up|sum up|finish)\b"
    r"|let me (?:try to )?(?:close|conclude|sum up|wrap up|summari[sz]e)|before we close|in closing|to summari[sz]e"
    r"|(?:i|we) (?:really |now |just )?(?:have|need|must) to (?:close|stop|finish|wrap up)\b(?!\s+(?:the|a|an|this|that|these|those|our|their|it|my|your|his|her|with)\b))",
    re.I,
)
# The answer sent to a channel or a later time: a verb of answering and, later in the same sentence,
# where or when ("please answer these two in the Q and A box in writing", "we reply to you on the
# mailing list"). Read by the reply reader (`replyreader.sentence_kind`) and where a later turn names
# the asker only to send the answer there (`questions.taken_up`: "We will ask her to answer Fatou in
# the chat" sets the question aside again, it does not take it up).
TO_CHANNEL = re.compile(
    r"\b(?:answer|reply|respond|write|post)\b[^.!?]*?\b(?:in writing|by e-?mail|offline|after the session"
    r"|(?:in|on|through|via) the (?:chat|q ?(?:and|&) ?a(?: box)?|question box|mailing list|list(?! of\b)"
    r"|(?:mailing|working|discussion|whatsapp|telegram|signal|e-?mail|chat|online|contact|facebook|linkedin) group))\b",
    re.I,
)
# The same refusal read within one sentence of a reply (`replyreader.sentence_kind`): a refusal in
# the first person of a verb that says or makes known, whatever its object ("this one I cannot
# answer in one minute", "I will not say the country", "That is the question that we never
# answer"); a "but …" later in the sentence answers after all, and "I can't tell you how …" is
# praise. Why not in `DECLINE` itself: `DECLINE` is also searched over a whole reply turn, where
# such a sentence often follows an answer already given ("… we will propose that our grant opens
# to the founders also.  I cannot say more today."); folded into it, it turned three answered
# questions of rounds 19 and 26 unanswered and one unanswered answered (stop 43). Bounded by the
# sentence, a refusal of anything is a refusal. One pattern for both: `DECLINE` and this shape.
DECLINE_SENTENCE = re.compile(
    DECLINE.pattern + r"|\b(?:i|we)(?: really| simply| honestly| just)?"
    r" (?:cannot|can'?t|can not|could not|couldn'?t|will not|won'?t|would rather not|prefer not to|never"
    r"|(?:am|are) not (?:able|allowed|authori[sz]ed) to)"
    r" (?:answer|say|tell|name|comment|disclose|reveal)\b(?! (?:you )?how\b)(?![^.!?]*\bbut\b)",
    re.I,
)
# A question explicitly set aside for later or left open.
PARKING = compile_cue(
    r"\b(food for thought|bear (this|that|the|it)( question)? in mind|bare (this|that|the|it)( question)? in mind"
    r"|keep (this|that|the|it)( question)? in mind|not directed to (anybody|anyone|any)|come back to (it|this|that|the|your)"
    r"|(shift|move|postpone|defer|leave) (that|this|it|the question) (to|until|for) (a )?later|later time|leave it open"
    r"|reply in writing|answer in writing"
    # stop 41: the question itself told to wait ("so this one has to wait, unfortunately"), not a
    # person ("you have to wait for the report")
    r"|\b(?:this|that|it|the question|your question)(?: one| question)? (?:has to|must|will have to|should) wait\b"
    # round 16 (issue 22, Q2): "the panellists have agreed to answer all the questions from the box
    # in writing", "Lina, maybe in the corridor, after": sent out of the session
    r"|(?:answer|reply|respond)(?: to)?(?: \w+){1,6} in writing|\b(?:maybe|perhaps|then|later)\W+(?:\w+\W+){0,2}in the (?:corridor|hallway)\b"
    # "take it offline", "discuss this offline", not a country or a server that is offline
    r"|(?:take|discuss|continue|answer|talk|speak|follow up|reply|respond|chat)(?: \w+){0,3} offline"
    # "Pemba, can you answer Rashid in the corridor?": sent out of the session, not answered in it
    r"|(?:discuss|continue|answer|talk|speak|reply|respond|chat|take (?:it|this|that|them))(?: \w+){0,3} (?:in the (?:corridor|hallway|break)"
    # stop 35 (issue 22): "Maybe you can continue outside with Thura", "take it to Shahzad outside":
    # outside the room, not "outside the capital"
    r"|during the break|at the break|over coffee|after the session|outside(?! (?:the|of|a|an|our|their|this|its|his|her)\b))"
    r"|(?:keep|save|park|hold) (?:that|this|it|the question)(?: one| question)? (?:for later|for the end|until the end)"
    r"|forward (?:the|this|that|your) question"
    # "this big question must stay with us", "let's keep it for the mailing list": left open by the chair
    r"|(?:question|it|this|that) (?:must|will|has to|should|can only) (?:stay|remain) (?:with us|open)"
    r"|(?:keep|save|park|hold) (?:that|this|it|the question)(?: one| question)? for the (?:\w+ )?(?:mailing list|list|chat"
    r"|e-?mail|next (?:call|meeting|session)))\b",
    re.I,
)
# A speaker taking up, later in the session, a question set aside earlier: the words that lead to
# its asker's name, at the end of the text searched ("before we close I want to come back to the
# question of Svetlana": `questions.taken_up`), and a return's opening ("Yes, thank you for
# waiting.", "As promised, …", "So, coming back to …", "And now my own homework"). The same verbs
# park a question in the turn that sets it aside ("let me come back to that"); after other
# business, leading to the name or opening the addressee's later turn, they bring it back.
RETURN_TO = compile_cue(
    r"\b(?:(?:come|coming|get|getting|go|going|turn|turning) back|return|returning) to(?: the| your| his| her| their)?\s*$"
    r"|\bthank(?:s| you)(?: all)? for (?:your |the )?(?:waiting|patience)\b|\bas (?:i |we )?promised\b"
    r"|\b(?:now|so)\W+(?:to )?(?:(?:come|coming|go|going|turn|turning) back|returning) to\b|\bmy (?:own )?homework\b",
    re.I,
)
# A moderator passing a question on to its addressee.
RELAY = compile_cue(
    r"\b((answer|respond to|take|react to|address|pick up) (that|this|the|it)( question)?|(your|any) "
    r"(response|reaction|thoughts)|would you like to (answer|respond|react|come in)"
    r"|(want|like|wish|care) to (comment|respond|react|reply|answer|come in))\b",
    re.I,
)
QUESTION_REF = compile_cue(
    r"\b((your|the|that|this|his|her|their) question|to answer|in answer|in response|answering"
    r"|(a |that is a |that's a |it is a |it's a )?(fair|good|valid|important) (criticism|point|question|challenge))\b",
    re.I,
)
ROOM = compile_cue(
    r"\b(not directed to (anybody|anyone)|anybody in the room|anyone in the room|(all|any|each) of you"
    r"|to (everyone|everybody|all speakers|all panelists|the panel|the room)|invite (the )?(speakers|panelists))\b",
    re.I,
)
# A question put to a group, not to one person: "To all coalitions: what …", "My question to
# each of the speakers is …", "and for both of you, …". Structural: "to/for" + a quantifier
# (all, each, every, both) heading the sentence or right after "question"/"one" — wherever
# it stands, the addressee is plural, so no single speaker is the one who must answer.
GROUP_ADDRESS = compile_cue(
    r"(?:^\W*(?:(?:and|so|now|then|finally)\W+)?|\b(?:questions?|one)\s+(?:(?:is|goes)\s+)?)(?:to|for)\s+"
    r"(?:all|each|every|both|everyone|everybody)\b",
    re.I,
)
# A sentence that only announces that a question follows, and asks nothing itself: "Chris, I
# have a question to you.", "I have a question for the Dynamic Coalition on Gender.", "One
# more question for the panel." The whole sentence must be the frame (an optional vocative,
# a subject, "question(s)", an optional "for/to" + addressee with no question word) and carry
# no "?" or ":" — "The question is for Ingrid: how …" and "My question to you is what …"
# ask. The question is the sentence that follows (`questions._group_turn`).
QUESTION_ANNOUNCEMENT = re.compile(
    # "Only a question.", "Just one question." (asks_blind14): a modest heading announces too
    r"^\W*(?:[A-Z][\w‑'-]+(?:\s+[A-Z][\w‑'-]+)?,\s*)?(?:(?:and|so|now|ok(?:ay)?|well|also|only|just)\W+)?"
    r"(?:i(?:'ve|\s+have|\s+had|\s+also\s+have)?\s+(?:got\s+|just\s+)?|we\s+(?:also\s+)?have\s+|there(?:'s|\s+is)\s+)?"
    r"(?:a|one|another|two|three|my|a\s+couple\s+of)\s+(?:(?:quick|short|small|brief|final|last|more|follow-up|specific|further|first|second)\s+){0,2}"
    r"questions?(?:\s+(?:is|goes))?"
    r"(?:\s+(?:for|to)\s+(?!(?:[^.!]*\b(?:who|whom|whose|what|when|where|why|how|which|whether|if|about)\b))[^?:;!]{1,90}?"
    # read out for someone: "I have one question from a participant who had to leave, she gave me this paper."
    # (one person's, "from a participant", not the floor's: "We have a question from the floor." gives the floor)
    r"|\s+from\s+(?:a|an|one|another)\s+(?!(?:[^.!]*\b(?:what|when|where|why|how|which|whether|if|about)\b))[^?:;!]{1,90}?)?"
    r"\s*[.!]*\s*$",
    re.I,
)
ON_BEHALF = re.compile(
    r"\b(?:question|comment|(?:first|next|second|third|last|another|other) one)s?(?:\s+(?:in|on) the chat|\s+online)?"
    r"(?:\s+is)?\s+(?:from|by)\s+(?:the\s+|our\s+)?(?:(?:remote\s+)?hub\s+(?:in|of|from)\s+)?"
    r"(?P<a>[A-Z][\w‑-]+(?:\s+[A-Z][\w‑-]+){0,3})"
    r"|\b(?P<b>[A-Z][\w‑-]+(?:\s+[A-Z][\w‑-]+){0,2})\s+(?:remote\s+)?(?:hub|participant)(?:'s)?\s+(?:question|comment)"
    r"|\bon behalf of\s+(?:the\s+)?(?P<c>[A-Z][\w‑-]+(?:\s+[A-Z][\w‑-]+){0,3})"
    r"|\b(?P<d>[A-Z][\w‑-]+(?:\s+[A-Z][\w‑-]+){0,2})\s+(?:has|have)\s+(?:now\s+|just\s+)?(?:sent|posted|typed|written|asked)\b"
    r"|\b(?P<chat>(?:from|in|on) the chat|online participant|remote participant)"
)
# The moderator's cue that the next speaker comes from the floor.
FLOOR_INVITE = compile_cue(
    r"\b(from the floor|open the floor|any questions|questions\?|the (gentleman|lady|person|colleague)\b"
    r"|go ahead|hands? (up|raised)|your name)",
    re.I,
)
ADDRESSING = compile_cue(
    r"\b(question (is |goes )?(to|for)|ask(ing)?|turn(ing)?( first| now| over)? to|mov(e|ing)( now)? to|invite"
    r"|hand(ing)?( it| this)?( over| back)? to|go(ing)? to|start with|jump to|floor to|now to|next,?)"
    r"(\W+\w+){0,4}\W*$",
    re.I,
)
REASK = compile_cue(
    r"\b(re-?ask|repeat (the|my|our) question|ask (it |the question )?again|the question (was|we had)"
    r"|back to (the|your|our) question)\b",
    re.I,
)

# The question/answer overlap ignores these (forumlens.text says why), and also function words
# that list stopwords leave in: number and order words, indefinite pronouns, "after"/"before"
# (two turns sharing "first … after … five" share no topic).
_STOP = QUESTION_STOPWORDS | frozenset(
    [
        "after",
        "before",
        "first",
        "second",
        "third",
        "last",
        "four",
        "five",
        "seven",
        "eight",
        "nine",
        "three",
        "anybody",
        "anyone",
        "somebody",
        "someone",
        "everybody",
        "everyone",
        "nobody",
        "something",
        "anything",
        "everything",
        "every",
    ]
)


def content_words(text: str) -> set[str]:
    """Crudely stemmed content words, for comparing a question with a possible answer."""
    stems = map(_content_stem, set(re.findall(r"[a-z]+", text.lower())))
    return {w for w in stems if w is not None}


@lru_cache(maxsize=65_536)
def _content_stem(w: str) -> str | None:
    """One word of `content_words` crudely stemmed, None when it is no content word: a session's
    turns repeat a few thousand words, each stemmed once here (issue 19: every later turn's words)."""
    if len(w) < 4 or w in _STOP:
        return None
    for suffix in ("ings", "ing", "ies", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def is_procedural(text: str, memo: CheckMemo | None = None) -> bool:
    """`PROCEDURAL.search(text)`, remembered in `memo` (an `AnalysisContext.memo`) when given."""
    if memo is None:
        return bool(PROCEDURAL.search(text))
    key = (PROCEDURAL, text)
    found = memo.get(key)
    if found is None:
        found = memo[key] = bool(PROCEDURAL.search(text))
    return found
