"""Shapes of question turns that `analyse.questions` reads beyond the shared cues.

Why a module of its own: the shared cue lists (`analyse.cues`) serve asks, outputs and
segments too; these patterns only decide which sentences are questions and what a
moderator's next words do to them. Each is a *shape* (a heading before a colon, a
first-person frame, a vocative with no verb), not a phrase lifted from one session:

- `SECOND_QUESTION`: a question sentence that opens with "And" and asks something new
  ("And did the parties …?", "And a second question for Mr. Banda, …", "And to the MAG:
  why …?"). Annotators list such a question on its own, even in the same turn to the same
  addressee; a follow-up that only rephrases ("Is it the number of speakers, or something
  else?") does not open with "And" and stays with the question before it.
- `HEADED`: a "?" sentence that carries its own question heading ("Question to Anjali:
  did …?", "A question about the scope: does …?") or a first-person frame anywhere in it
  ("I would also like to ask the colleagues …, did anybody …?", "I want to ask the IGF, is
  there …?"): whoever speaks, it is put as a question.
- `REPORTED`: a question reported for someone else ("He asks if …", "She wants to know
  whether …"), a question without "?" in a turn that reads questions out.
- `REPORTED_ITEM`, `reported_asker`: one read-out question with its asker first, titled or
  a pronoun named just before ("Ms. Hye-jin Yoon asks Mr. Dumitrescu: …", "…, Camilo, he asks
  if …"), and the addressee after the verb.
- `ORDINAL_QUESTION`, `NEXT_QUESTION_HEAD`: a numbered or announced further question of one
  turn ("Second for the Ministry: …?", "And my second question is to …"): listed apart.
- `TO_ANYBODY`, `PASS_ON_WORDS`: a moderator putting the question just asked to whoever can
  answer ("Does anybody on the panel know?"): nothing new asked.
- `ANSWERS_NOW`: a speaker saying they answer now ("I will answer only partly because we
  are out of time"): time or follow-up words around it do not set the question aside.
- `FLOOR_OPEN`: a moderator opening the floor or calling the next hand ("the floor is
  open", "one more hand, Mr. Koffi", "I see Olga first", "raise your hand").
- `HANDOFF_REST`: what is left of a moderator's short question once the name called is set
  aside, when it holds no verb ("Joseph, on the quality?", "Mariam, the cost?"): a turn
  given to answer an earlier question, not a new question.
- `ANSWER_REF`: a moderator's question about "the answer on …" or "the question of …", or
  asking someone to answer a colleague's question ("Aiko, do you have the answer on the
  disabilities?", "maybe you take Amina's question?"): the earlier question handed on.
- `CHAT_CHECK`, `TECH_CHECK`: asking whether there is anything in the chat (for someone), whether
  something works: procedure.
- `REPLY_HEAD`: the words before a name with which a reply says whose question it answers ("To
  answer Sandra, …", "in reply to Omar", "answering Lena"): the named speaker asked.
- `CONSENT_CALL`: a chair putting a decision to the room ("Is there any objection to adopt the
  text as amended?", "May I take it that we ask the Secretariat …?", "Can we agree on Kwame as
  co-chair?", "Are we all agreed?"): the meeting's procedure for deciding, answered by silence
  or applause, not a question anyone is to answer.
- `FLOOR_GIVING`: a sentence that only gives someone the floor to begin ("Tracy, would you
  start?", "Do you want to go first?"): a hand-off, not a question.
- `TIME_SHORT`: a moderator saying time is short or the session must end ("we have only
  two minutes", "the next session is waiting", "we have to leave it there").
- `NOT_KNOWN`: a reply that does not answer: the speaker does not know, or promises to find
  out later ("I don't know", "we will check", "put it in the notes"); `questionfeatures`
  reads it too.
- `intro_name`: the name an unnamed voice from the floor gives itself at the start of its
  turn ("Thank you.  Nomvula Dlamini, South Africa, …", "Hi, I'm Leah Goldberg, …", "My
  name is Dorcas Mensah"): annotators record the asker by that name.
- `DEFERS`: a speaker or moderator sending a question to someone else or to later without
  answering ("maybe someone can answer in the discussion", "we come back to it before the
  end", "we don't have this number"); the answer promised for another time, channel or body is
  one shape in it (`_PASSED_ON`: "we will answer in writing", "please e-mail the Secretariat").
"""

from __future__ import annotations

import re

from ..text.fastre import Prefiltered
from ..text.roomwords import COURTESY_OPENERS, JOINER_OPENERS
from ..text.wordstart import guarded
from ._regex import compile_cue

__all__ = [
    "ANSWERS_NOW",
    "ANSWER_REF",
    "CHAT_CHECK",
    "CONSENT_CALL",
    "DEFERS",
    "DEFERS_FAST",
    "FLOOR_GIVING",
    "FLOOR_OPEN",
    "HANDOFF_REST",
    "HEADED",
    "NEXT_QUESTION_HEAD",
    "NOT_KNOWN",
    "NOT_KNOWN_FAST",
    "NOT_NAME",
    "ORDINAL_QUESTION",
    "PASS_ON_WORDS",
    "QUOTED_RELAY",
    "READ_BACK",
    "READ_BACK_FAST",
    "REPLY_HEAD",
    "REPORTED",
    "REPORTED_ITEM",
    "SECOND_QUESTION",
    "SENDER",
    "TECH_CHECK",
    "TIME_SHORT",
    "TO_ANYBODY",
    "intro_name",
    "ordinal_part",
    "reported_asker",
    "verbless",
    "without_read_back",
]

_AUX = r"do|does|did|can|could|would|will|should|is|are|was|were|has|have|had|shall|may|might|must"
_WH = r"how|what|why|who|whom|whose|when|where|which"

SECOND_QUESTION = re.compile(
    r"^\W*and\W+(?:(?:also|then|finally|lastly)\W+)?"
    r"(?:(?:a|my|one|the)\s+(?:\w+\s+){0,2}?(?:question|one)\b"  # "And a second small one for …"
    r"|(?:to|for)\s+(?:the\s+)?(?-i:[A-Z])"  # "And to the MAG: …"
    r"|(?:" + _WH + r"|" + _AUX + r"|is there|are there)\b)",
    re.I,
)
HEADED = compile_cue(
    r"\b(?:question|one)\s+(?:is\s+)?(?:to|for|about|on|regarding)\b[^?:]{1,60}:\s*\S"
    r"|^\W*(?:(?:and|so|also|my|just|only)\W+)*(?:a\s+|one\s+|my\s+)?(?:(?:short|small|quick|brief|last|final|second|first)\s+)?question"
    # a heading that says who can answer: "And a question that maybe only the ministry can answer:  is …?"
    r"(?:\s+(?:that|which)\s+[^?:.!]{1,60})?\s*:"
    r"|^\W*(?:(?:and|so|also)\W+)?(?:for|to)\s+(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?(?-i:[A-Z])[\w‑'-]+(?:\s+(?-i:[A-Z])[\w‑'-]+)?\s*:\s*\S"
    r"|\b(?:i|we)(?:'d| would| want| wanted| also want| would also| just want)?(?: also| just)?(?: like)?(?: to)? ask\b[^?.!]{0,80},\s*(?:"
    + _WH
    + r"|"
    + _AUX
    + r"|is there|are there|did anybody|does anybody|has anybody)\b",
    re.I,
)
# A question reported for someone else ("He asks if the BPF will continue …", "She wants to
# know whether …"): a question even without "?", in a turn that reads questions out.
REPORTED = re.compile(
    r"^\W*(?:(?:and|so|then|also)\W+)?(?:he|she|they)\s+(?:asks?|is asking|are asking|wants? to know|would like to know"
    r"|wonders?)\s+(?:if|whether|about|" + _WH + r")\b",
    re.I,
)
# A question read out for a named person in the reader's own words, the asker and the verb
# first ("Ms. Hye-jin Yoon asks Mr. Dumitrescu: does …?", "And Ms. Rana Najjar, from Beirut,
# asks the panel whether …", "he asks if …", "She asks Ms. Dizon: …"): the asker is a
# (titled) name, a name with where it writes from, or a pronoun whose name came just before
# (`reported_asker`); the addressee, when named, follows the verb; the question follows a
# colon, or opens with "if", "whether" or a question word. One per read-out question, so a
# turn reading three holds three (`questions._relay_pieces`).
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Minister|Ambassador|Madam|Mister)\.?\s+)"
_NAME = r"(?-i:[A-Z][\w‑'-]+(?:\s+[A-Z][\w‑'-]+){0,2})"
_NOT_ASKER = r"(?!(?:He|She|They|It|Everyone|Everybody|Someone|Somebody|One|This|That|The|And|So|In|Also)\b)"
REPORTED_ITEM = re.compile(
    r"(?:\b(?P<pron>he|she|they)|" + _TITLE + r"?" + _NOT_ASKER + r"(?P<asker>" + _NAME + r"))"
    r"(?:\s+(?:from|in)\s+" + _NAME + r")?(?:\s*,\s*(?:from|in)\s+[^,.;:?]{1,50},)?"
    r"\s+(?:asks|is asking|are asking|wants to know|would like to know|wonders)"
    r"(?:\s+(?P<to>(?:the\s+)?(?:panel(?:lists)?|speakers|chair|moderator|everybody|everyone|all of you|all|you)\b"
    r"|" + _TITLE + r"?" + _NAME + r"))?"
    r"(?:\s*:\s*\S|\s+(?:if|whether|" + _WH + r")\b|\s*,\s*(?:" + _WH + r"|" + _AUX + r")\b)",
    re.I,
)
# A question read out in its asker's own words, inside quotation marks ("She asks, "…?"",
# "Hamid writes: "…?"", "Sipho, from a network near Durban, asks, "…?"", "there is a question
# from Ana in the chat: "…?""): a reporting verb after the asker (a name, or a pronoun whose name
# was read just before: `reported_asker`), or "question from NAME", right before an opening
# quotation mark. What the quotation holds up to its closing mark is the asker's words; its "?"
# sentences are the asker's questions (`questionsentences.quoted_relays`). The addressee, when
# named, follows the verb ("asks the panel, "…"").
QUOTED_RELAY = re.compile(
    r"(?:(?:\b(?P<pron>he|she|they)|" + _TITLE + r"?" + _NOT_ASKER + r"(?P<asker>" + _NAME + r"))"
    r"(?:\s*,\s*(?:from|in|who|a|an|the)\s+[^,.;:?!\"“]{1,60},)?"
    r"\s+(?:also\s+)?(?P<verb>asks|asked|is asking|says|said|writes|wrote|types|typed|wants to know"
    r"|would like to know|wonders)"
    r"(?:\s+(?P<to>(?:the\s+)?(?:panel(?:lists)?|speakers|chair|moderator|everybody|everyone|all of you|all|you)\b"
    r"|" + _TITLE + r"?" + _NAME + r"))?"
    r"|\bquestions?\s+(?:from|by)\s+" + _TITLE + r"?(?P<sender>" + _NAME + r")[^\"“.?!:]{0,60}?)"
    r"\s*[,:]?\s*(?P<open>[\"“])",
    re.I,
)
# A moderator putting the question just asked to whoever can answer it ("Does anybody on the
# panel know?", "Can someone from the panel take it?", "Who wants to answer?"): an indefinite
# answerer and nothing asked of its own (`questions._passes_to_panel` checks the words left).
TO_ANYBODY = re.compile(
    r"^\W*(?:(?:good|great|fair|interesting|thank you|thanks|okay|ok|so)\W+(?:question\W+)?)*"
    r"(?:(?:" + _AUX + r")\s+)?(?:any|some)(?:body|one)\b|^\W*who\s+(?:wants|would like|can|could|will)\b",
    re.I,
)
# Words such a call may hold besides the answerer: where they sit and what they should do.
PASS_ON_WORDS = frozenset(
    {
        "panel",
        "panelists",
        "panellists",
        "room",
        "speakers",
        "colleagues",
        "want",
        "like",
        "take",
        "help",
        "know",
        "answer",
        "respond",
        "reply",
        "react",
        "comment",
        "start",
        "first",
        "quickly",
        "briefly",
    }
)
# The name a reported question's pronoun stands for, named just before it: "…, Camilo, he
# asks", else the last titled name ("from Ms. Shamima Parvin, from a women's organisation.
# She asks …"), else the last name after "from" ("from Bogdan in Kyiv. He asks …").
_APPOSED = re.compile(r",\s*(" + _NAME + r"),\s*(?:and\s+)?$")
# (a title before a role is an address, not a name: "Thank you, Madam Chair.")
_TITLED = re.compile(_TITLE + r"(?!(?:Chair|Chairman|Chairperson|Chairwoman|Moderator|President)\b)(" + _NAME + r")")
# A sender already named, then their place, right before an apposed name makes that name the
# place's region or country ("from Rodrigo in Santa Cruz, Bolivia, he asks"), not the asker ("from a
# student in Bogota, Camilo, he asks" names him there).
_IN_PLACE = re.compile(r"\b[Ff]rom\s+" + _NAME + r"\s+in\s+" + _NAME + r"\s*$")
_FROM_NAME = re.compile(r"\b[Ff]rom\s+(" + _NAME + r")")
# A sender introduced before the question read out for them: "from NAME" opening a clause or
# after the word that counts the questions out ("The first is from Amílcar in Praia.", "There is
# one from Jorge in Asunción,", "Yes, from Rahul, he says …", "From Fatou in Thiès,"). It is
# the reading-out itself, as a word of the chat or the e-mail is: a "he asks" after it stands
# for that sender (rounds 18, 24, 26, 27, 28 read questions out so with no such word).
SENDER = re.compile(r"(?:^|[.,:;]\s+|\b(?:is|one|first|second|third|next|last|another)\s+)[Ff]rom\s+" + _NAME)
# A later question of one turn opened by an ordinal ("Two questions.  First for Ms. Gitau: …?
# Second for the Ministry: does …?", "Third, …?", "My second question is …?"): listed on its
# own, like an "And …?" one (`SECOND_QUESTION`).
ORDINAL_QUESTION = re.compile(
    r"^\W*(?:and\s+)?(?:(?:the|my|a|our)\s+)?(?:second|third|fourth|secondly|thirdly|next|another|last|lastly|finally)\b",
    re.I,
)

# A sentence that announces a further question of the same turn without asking it ("And my
# second question is to the IGF Secretariat, is somebody here?"): the question that follows is
# one of its own, not more of the one before.
NEXT_QUESTION_HEAD = re.compile(
    r"\b(?:my|the|a|one|and)\s+(?:second|third|next|last|final|other)\s+question\b|\banother question\b", re.I
)


def reported_asker(before: str) -> str | None:
    """The name a "he asks …" stands for, from the words read out just before it (`before`,
    the turn up to the pronoun): an apposed name (not one after a place: `_IN_PLACE`), else the
    last titled name, else the last name after "from". None when nothing before names anyone."""
    apposed = _APPOSED.search(before)
    if apposed and not _IN_PLACE.search(before, 0, apposed.start()):
        return apposed.group(1)
    titled = list(_TITLED.finditer(before))
    if titled:
        return titled[-1].group(1)
    named = list(_FROM_NAME.finditer(before))
    return named[-1].group(1) if named else None


# A speaker saying they answer now, however briefly ("I will answer only partly because we are
# out of time", "let me answer honestly"): words of time or follow-up around it do not set
# the question aside. Not "I cannot answer", not "I will answer by email".
ANSWERS_NOW = re.compile(
    r"\b(?:(?:i|we)(?:'ll| will| can| shall)?(?: (?:try to|only|just|quickly|briefly|partly))?|let me) answer\b"
    # (stop 38: "I will answer you after the briefing" defers as "I will answer it after" does)
    r"(?!(?: (?:you|him|her|it|this|that|them|this one|your question|the question))?"
    r" (?:later|after|at the end|in a (?:moment|minute)|by e-?mail|in writing|offline|bilaterally))",
    re.I,
)
FLOOR_OPEN = compile_cue(
    r"\b(?:the floor is (?:now )?open|raise (?:your|the) hands?|(?:a|one|another|more|two|three) (?:more )?hands?\b"
    r"|i see (?:a hand|hands|(?-i:[A-Z])[\w‑'-]+ first)|who (?:is|wants to be) next|next question|one more (?:here|there|from the room)"
    r"|(?:two|three|one) more,? (?:quickly|please)|take (?:two|three|some|a few) (?:questions|more)|(?:final|last|next) round|from the room)",
    re.I,
)
HANDOFF_REST = re.compile(
    r"^\W*(?:(?:and|so|now|then|maybe|perhaps)\W+)*(?:(?:on|about|for|regarding|to)\s+)?"
    r"(?:(?:the|your|this|that|our|his|her|their)\s+)?[\w‑'-]+(?:\s+[\w‑'-]+){0,4}\W*$",
    re.I,
)
_VERBISH = re.compile(
    r"\b(?:" + _WH + r"|" + _AUX + r"|am|be|been|think|know|see|say|want|need|mean|agree|please|it|there)\b", re.I
)
ANSWER_REF = compile_cue(
    r"\b(?:the|an|any) answer (?:on|to|about|for)\b|\bthe question (?:of|on|from|about) (?:(?-i:[A-Z])|the\b)"
    r"|\b(?:answer|respond to|reply to|take|address) (?:our|the|this|that|my) (?:colleague|friend|participant|gentleman|lady)\b"
    r"|\b(?:answer|respond to|reply to|take|address) (?-i:[A-Z])[\w‑'-]+'s question",
    re.I,
)
CHAT_CHECK = compile_cue(
    r"^\W*(?:(?:so|and|now|okay|ok|yes)\W+)?(?:any|some)(?:thing|one|body)?(?: else| more)?(?: questions?| comments?)?"
    r" (?:from|in|on) (?:the )?(?:chat|online|room|floor|zoom|remote)"
    r"(?: for (?:us|the panel|the speakers?|him|her|them|(?-i:[A-Z])[\w'’-]+))?\W*$",
    re.I,
)
TECH_CHECK = compile_cue(
    r"^\W*(?:(?:so|and|now|okay|ok|yes|hello)\W+)?(?:is|does) (?:it|this|that|everything) (?:working|work|ok|okay|fine|better)\W*(?:now\W*)?$",
    re.I,
)
REPLY_HEAD = r"(?i:(?:to|in) (?:answer|reply|respond|response)(?: to)?|answering|replying to|responding to)"
# The whole sentence is the call (`questionsentences.is_housekeeping` sets a vocative aside):
# asking for objections, taking the room's consent as given, proposing to adopt or agree, or
# asking whether all agree. "Can we say that the communiqué is adopted by the participants …?"
# asks about the text, and "Do you agree that …?" asks someone's view: neither is a call.
CONSENT_CALL = compile_cue(
    r"^\W*(?:(?:so|and|now|then|okay|ok|well|good|finally|chair)\W+)*(?:"
    # objections to the thing proposed, not someone's objection to something ("from the regulators")
    r"(?:(?:is|are) there (?:any|an|some)(?: \w+)? |any (?:\w+ )?)(?:objections?|opposition)(?= (?:to|on|against)\b|\W*$)"
    r"|(?:does|do|would) (?:any(?:one|body)|some(?:one|body)|any \w+) (?:\w+ )?(?:object|oppose|disagree)\b"
    r"|(?:can|may|could|shall) (?:i|we) (?:then )?(?:take it|assume|consider)(?: that)?\b"
    r"|(?:can|could|shall|may) we (?:then |now )?(?:adopt|approve|accept|endorse|agree (?:on|to))\b"
    r"|(?:do|have) we (?:got |have )?(?:a |the )?(?:consensus|agreement)\b"
    r"|(?:is|are) (?:this|that|it|everyone|everybody|we all|all|you all)(?: \w+)? (?:agreed|acceptable|agreeable)"
    r"(?: (?:to|for|with) (?:everyone|everybody|all|you|all of you|the room))?(?=\W*$)"
    r"|(?:all|those) in favou?r\b|who is (?:against|in favou?r)\b|is it the (?:wish|will) of\b"
    r")[^?]*\?\W*$",
    re.I,
)
# The whole sentence gives someone the floor to begin or go on (`questionsentences.is_housekeeping`
# sets a vocative aside): "Tracy, would you start?", "Would you like to begin?", "Can you kick us
# off, please?", "Do you want to go first?". Only the verb of beginning, with nothing asked of its
# matter: "Could you start with the budget?" or "Would you start a national IGF?" stay questions.
FLOOR_GIVING = compile_cue(
    r"^\W*(?:(?:so|and|now|then|okay|ok|well|maybe|perhaps|please)\W+)*(?:(?-i:[A-Z])[\w'’‑-]+,\s+)?"
    r"(?:(?:would|will|could|can) you(?: please)?(?: (?:like|want|care) to)?|(?:do|would) you (?:want|like|wish|care) to)"
    r" (?:start|begin|open|go first|go ahead|kick (?:us |it |things )?off|lead (?:us |it )?off|get us started"
    r"|take the floor|take it away|come in)"
    r"(?:,? (?:us|for us|first|now|please|then|here))*\W*$",
    re.I,
)
TIME_SHORT = compile_cue(
    r"\b(?:(?:only|just) (?:\w+ )?(?:minutes?|seconds?)\b|minutes? left|(?:next|following) session is (?:waiting|coming)"
    r"|leave it (?:there|here)|end of (?:the|our) time|(?:are|we're) (?:at|over) (?:the )?time|wrap (?:it )?up|close the session"
    r"|(?:have|need|must) to (?:stop|close|finish|end) (?:here|now|there)|(?:we|i) must (?:stop|close|finish|end) (?:here|now|there)"
    # the time left said as what the speaker has ("we have one minute", "I have two minutes and I must
    # close"; rounds 13, 14, 16, 17, 18 and 27 say it so, with or without "left")
    r"|(?:we|i) (?:only |just |still )?have (?:one|two|three|a|a few|one more) minutes?\b(?!\s+of\b))",
    re.I,
)
# Issue 22 (stop 34, S2): the answer promised for another time, channel or person, as one shape
# rather than a wording per round: a first-person or imperative main clause ("we will", "I'll",
# "let me", "please") whose verb passes the answer on (send, write, tell, answer, come back, take,
# bring, ...) and whose clause ends somewhere else: later ("after the session", "tonight",
# "before we close"), a channel ("in writing", "by e-mail", "offline", "on the web page") or a body
# ("the Secretariat", "to the speakers", "to them"); or the answer itself sent there ("the answer
# goes on the youth page"). Within one clause (no sentence end, comma or "but" between), so
# "we will send the report, it shows …" does not defer.
_PROMISER = r"\b(?:(?:i|we)(?:'ll| will| shall| can| could| would)(?: then| also| just)?|let (?:me|us)(?: just)?|please(?: just)?) "
_BODY = r"the (?:speakers|panellists|panelists|secretariat|organi[sz]ers)\b"
# A later time. Stop 38 (issue 22, S6): after any event of the day ("after the briefing", "after the
# launch", "after the break"), not only the session's own names for itself: the clauses this closes
# already pass on the answer or the question as a pronoun, so only the time is read here.
_LATER = (
    r"(?:later\b|afterwards\b|after (?:the|this) [\w‑-]+\b|after\W*$|tonight\b|tomorrow\b"
    r"|next (?:week|month|year)\b|before (?:we (?:close|finish|end)|the (?:session )?ends?|this session ends|the close)\b)"
)
_ELSEWHERE = (
    r"(?:" + _LATER + r"|in writing\b|by (?:e-?mail|phone|mail|letter)\b|offline\b|bilaterally\b"
    r"|(?:on|in|into) (?:the|our|their) (?:[\w'‑-]+ ){0,2}(?:page|website|web ?site|mailing list|report|notes|minutes)\b"
    r"|to " + _BODY + r"|to (?:them|him|her)\b(?= (?:in|by|after|later|tonight|tomorrow)\b))"
)
_PASSED_ON = (
    # the answer or the question itself (a pronoun, never new content) passed on and sent elsewhere
    _PROMISER
    + r"(?:(?:answer|reply|respond|come back|get back|follow up)(?: (?:to|with|on))?(?: (?:you|him|her|them|it|(?:this|that)(?: one)?|(?:your|the|this|that|her|his|their) questions?))?"
    # a verb of sending needs the thing sent to be the answer or the question: "I will mail you tonight"
    # after the figure is a follow-up, "we'll take it offline" a deferral
    r"|(?:send|e-?mail|mail|write|tell|give|take|bring|carry|pass|forward|share|post|put) (?:it|(?:this|that)(?: one)?|them|those|these"
    r"|(?:your|the|this|that|her|his|their) (?:questions?|answers?)|the (?:figures?|numbers?|details|data)|what (?:i|we) (?:have|know))"
    r"(?: (?:to|with) (?:you|them|him|her))?)"
    r"(?: (?:on|about) (?:it|this|that))? "
    + _ELSEWHERE
    # or the body that answers is the one to contact ("please e-mail the Secretariat"), not asked to act ("… to publish")
    + r"|"
    + _PROMISER
    + r"(?:e-?mail|mail|write to|contact|ask) "
    + _BODY
    + r"(?! to\b)"
    # or the answer itself goes there ("the answer goes on the youth page")
    r"|\b(?:the|their|her|his|my|our) answers? (?:goes|go|will go|will be) (?:on|in|into|to) (?:the|our|their)\b"
)
# Issue 22 (stop 37, S5): the question itself, named by a pronoun and never by its matter, carried
# somewhere by a verb of carrying ("Let me take it with me to the closing plenary", "please take it
# with Altantsetseg at the coffee", "That one, Mere, I must take to the minister") or said to belong
# elsewhere ("I think it belongs there"). Where it goes is not listed: any destination will do, and
# the caller asks instead that the reply does not take the question up (`questionfates.takes_up`),
# so "we put it in law" or "I will bring it back to the team" after an answer is no deferral.
CARRIED = compile_cue(
    r"\b(?:take|bring|carry|send|pass|give|forward|raise|keep)\s+(?:it|this|that|them)(?:\s+one)?"
    r"\s+(?:[\w'‑-]+\s+){0,3}?(?:to|with|at|for)\b"
    r"|\b(?:that|this)\s+one\b[^.?!]{0,40}?\b(?:take|bring|carry|send|pass|give|forward|raise)\s+(?:it\s+)?(?:to|with)\b"
    r"|\b(?:it|this|that)(?:\s+one)?\s+belongs?\s+(?:there|to|in|at|with)\b",
    re.I,
)
DEFERS = compile_cue(
    r"\b(?:some(?:one|body)|any(?:one|body)|others?|the (?:others|panel|colleagues)) (?:else )?(?:can|could|may|might|will)"
    r" (?:answer|respond|reply|take (?:it|this|that))"
    r"|\b(?:we|i)(?:'ll| will| can)? come back to (?:it|this|that|you|the question)"
    r"|\b(?:we|i) (?:do not|don'?t|did not|didn'?t) have (?:this|that|these|those|the|a|any|an)"
    # "I don't have a good answer today": a judging adjective does not make it an answer
    r" (?:(?:good|clear|real|full|complete|simple|final|definite|precise|proper|exact|latest|current|right) )?"
    r"(?:number|figure|data|answer|information|numbers|figures)"
    r"|\b(?:i|we) (?:do not|don'?t) know (?:a|any|the|this|that)\b"
    r"|\b(?:we|i)(?:'ll| will) take (?:it|this|that) (?:there|back|to)\b"
    r"|\b(?:cannot|can'?t|can not) answer\b|\b(?:may|might) want to answer\b"
    r"|\bprefer not to\b|\b(?:talk|discuss|speak)(?: about (?:it|this|that))? (?:after|outside) the session\b"
    r"|\b(?:don'?t|do not) have (?:the |enough )?time\b"
    r"|\b(?:continue|discuss|take|leave)(?: it| this| that)?(?: \w+)? (?:in|on|to|for) the (?:\w+ ){0,2}mailing list\b"
    r"|\b(?:need|have) to check\b|\btake (?:it|this|that|them|the \w+ one) (?:at the end|later)\b"
    r"|\b(?:put|write|add) (?:your|the|this|that|these|those) questions? (?:in|into|on|to) (?:the|our) (?:\w+ )?(?:report|notes|summary|list)"
    r"|\b(?:don'?t|do not|cannot|can'?t) see (?:(?:a|any|an)(?: \w+){1,2}|(?:anybody|anyone|somebody|someone)(?: \w+){0,3})"
    r" (?:in the room|here|online)"
    # "I will give your question to the ICANN staff at their booth": sent on to someone absent
    r"|\b(?:give|pass|send|bring|take|forward|convey|transmit|put) (?:your|this|that|the|it)(?: question)? to (?:the )?(?:[\w‑-]+ ){0,2}"
    r"(?:staff|team|secretariat|colleagues|office|booth|headquarters|them|organi[sz]ers|companies|ministry)\b"
    # left open in the record: "the question is noted", "we will put it in the report", "can we
    # take it in the report as an open question?", "let's collect answers in the chat"
    r"|\b(?:the|this|your) question is noted\b|\bas an open question\b"
    r"|\b(?:put|take|note|keep|write|record|add) (?:it|this|that|them)(?: \w+){0,2} (?:in|into) (?:the|our) (?:\w+ )?(?:report|notes|minutes)\b"
    r"|\b(?:collect|gather) (?:the )?(?:answers|responses|replies) (?:in|on|for) the (?:chat|report|list|mailing list)\b"
    # asked of someone absent later: "Jean-Baptiste, we will ask her by email", "catch Eleni in the corridor"
    r"|\b(?:ask|write to|e-?mail) (?:him|her|them)(?: \w+){0,2} by e-?mail\b"
    r"|\b(?:catch|find|meet) (?:him|her|them|[\w‑-]+) (?:in the corridor|after the session|at the (?:coffee )?break)\b"
    # kept for the group's later work: "we will keep it for the work of the coalition"
    r"|\b(?:we will|we'll|let's|let us|i will|i'll) (?:keep|save|park|hold|note|record) (?:it|this|that|the question)(?: one)?"
    r" (?:for|in) (?:the|our) (?:\w+ ){0,3}(?:work|report|document|paper|notes|future|follow-up)\b"
    # a chair holding it for later: "let's keep it and take …", "Mr. Lim, can you keep this one"
    r"|\b(?:let'?s|let us|can you|could you|you can|maybe you can|please) keep (?:it|this|that)(?: one| question)?\b"
    r"(?! (?:short|brief|simple|quick|in mind))"
    # stop 29 (fates lost on asks_blind9 … 12): a question named as the thing handed on, to any
    # body ("we will transmit your question to the chair of the working group", "send your
    # question to New York"); written into a document still to come ("put your question into our
    # submission", "include the answer in the final document", "they will be in the Chair's
    # summary"); taken offline; or sent to a later meeting ("return to it at the next virtual
    # meeting", "a topic for next year's work")
    # (to a body: "the …", "them", an acronym; "pass the question to Ana, who knows" hands it to the room)
    r"|\b(?:give|pass|send|bring|take|forward|convey|transmit|relay) (?:your|this|that|the|her|his|their) questions?(?: on)?"
    r" to (?:(?:the|them|their|its)\b|(?-i:[A-Z]{2,})\b)"
    r"|\b(?:put|write|add|include) (?:your|the|this|that|these|those) questions? (?:in|into) (?:the|our) (?:\w+ )?"
    r"(?:submission|paper|document|letter|statement)\b"
    r"|\b(?:include|put|publish|give) (?:the|their|her|his) (?:answers?|numbers|figures)(?: \w+){0,2} in (?:the|our) "
    r"(?:final |chair'?s |next |written )?(?:document|report|summary|paper|outcome)\b"
    r"|\bwill be in the chair'?s summary\b|\btaken? (?:it |this |that )?offline\b"
    r"|\b(?:return to|come back to|get back to|take up|discuss|decide) (?:it|this|that|the question)(?: \w+){0,2}"
    r" (?:at|in|during) (?:the|our) next (?:\w+ )?(?:meeting|call|session|consultations?)\b"
    r"|\ba topic for next year'?s (?:work|programme|program|agenda)\b"
    # round 17 (issue 22, Q2): the answer promised for later, sent or fetched ("I can send it to you
    # by email", "I'll ask the legal service and come back to you"): a deferral, not an answer
    r"|\b(?:i|we)(?:'ll| will| can| could| shall)? (?:send|e-?mail|mail|forward|share) (?:it|this|that|them|the (?:\w+ ){0,2}"
    r"(?:numbers?|figures?|data|details|answer|information))(?: to you| with you)? (?:by e-?mail|later|afterwards|after the session|in writing)\b"
    r"|\b(?:i|we)(?:'ll| will| must| have to| need to) ask (?:the|our|my) (?:\w+ ){0,3}(?:and|then) (?:come|get) back to (?:you|it|this|that)\b"
    # stop 35 (issue 22): the person asked is not there to answer ("Chanda has left the circle for
    # a moment", "she has gone now", "he is no longer in the room"): the answer, if any, comes when
    # they are back ("we will ask her when she comes back")
    r"|\b(?:has|have) (?:just |already )?(?:left|gone out|stepped out)(?= (?:the|this) (?:room|circle|hall|session|meeting)\b"
    r"| for a (?:moment|minute|while)\b)|\b(?:has|have) (?:just |already )?(?:left|gone)(?: now)?(?=\s*[.;])"
    r"|\b(?:is|are) (?:not|no longer) (?:here|in the room|with us)(?: (?:now|today|any ?more))?(?=\s*[.,;])"
    r"|\bwhen (?:he|she|they) (?:comes?|gets?) back\b"
    r"|"
    + _PASSED_ON
    # stop 38 (issue 22, S6): the same deferral told from the asker's side, the answer (a pronoun or
    # "the figures") to reach them at a later time ("You will have them in the press release at
    # three", "you'll get it tomorrow"); a future only, so "you can find it on our website" (where
    # it is now) still answers a question of where
    + r"|\byou(?:'ll| will| shall) (?:have|get|receive|see|read) (?:it|them|this|that|the (?:answers?|figures?|numbers?|details|data))"
    r"(?: [\w'‑-]+){0,5}? (?:"
    + _LATER
    + r"|at (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|\d{1,2}(?:[:.]\d\d)?)\b)"
    # "I don't have a regional number, honestly": any one word before the figure asked for, the
    # noun ending the phrase (not "a regional number plan"); the judging adjectives are above
    r"|\b(?:we|i) (?:do not|don'?t|did not|didn'?t) have (?:this|that|the|a|any|an) [\w‑-]+ (?:number|figure|answer)s?"
    r"(?=\s*[,.;!?]|\s+(?:for|on|about|here|with|today|now|yet|in|at|of)\b)",
    re.I,
)

# A chair reading back their notes at the close ("Let me read what I noted.  We call on …",
# "I noted three things for the report: …"): it repeats the questions' and asks' words, so a
# question it names is not taken up there (round 17, issue 22: two questions left open were
# "answered later" by the read-back). What follows the cue is the read-back.
READ_BACK = compile_cue(
    r"\b(?:let me|let us|let'?s|i will|i'll|allow me to) (?:read|recap|sum up|summari[sz]e|go through|list) (?:back )?"
    r"(?:what (?:i|we) (?:have )?(?:noted|wrote|written|heard)|my notes|the (?:\w+ ){0,2}(?:points|things|notes|messages))"
    r"|\b(?:i|we) (?:have )?noted (?:down )?(?:\w+ ){0,2}(?:things|points|messages|items)(?: for the report)?\s*[:.]",
    re.I,
)


READ_BACK_FAST = Prefiltered(READ_BACK, alternatives=True)  # see `DEFERS_FAST`


def without_read_back(text: str) -> str:
    """`text` up to a read-back of the chair's notes (`READ_BACK`), or all of it."""
    m = READ_BACK_FAST.search(text)
    return text[: m.start()] if m else text


# A reply that does not answer: the speaker does not know, or promises to find out later.
NOT_KNOWN = compile_cue(
    r"\b(i|we) (do not|don'?t|did not|didn'?t) (know|have (the|an|that) (answer|data|figure|number))|no idea"
    r"|(we|i) (will|'ll|can) (check|find out|get back|come back|follow up|put it in the notes|look into)"
    # round 16 (issue 22): the answer is still to be fetched ("Juliana, on the date, let me check
    # with my colleague", "I need to find out", "let me confirm it with the secretariat")
    # (stop 41: "that one I must verify with the statistics team": "must" is the same necessity)
    r"|\b(let me|let us|let'?s|i need to|i have to|we need to|we have to|i must|we must) (first |just |quickly )?"
    r"(check|double-check|verify|find out|look (it |this |that )?up|confirm (it |this |that )?with)\b"
    r"|(i|we) (cannot|can'?t|can not) (say|tell(?: you)?) (today|now|yet|for sure|exactly)"
    # round 16 (issue 22, Q2): the same rendered in the third person by an interpreter ("She says
    # that she does not have this number with her, she will ask her colleague in the office")
    r"|\b(he|she|they) (does not|doesn'?t|do not|don'?t|did not|didn'?t) (know|have (this|that|the|an|any) (answer|data|figure|number))"
    r"|\b(i|we|he|she|they) (will|'ll|must|have to|has to|need to|needs to) ask (my|our|his|her|their) (colleague|office|team)"
    r"|(has|had) to leave|(is|are) not (here|with us|online) (any ?more|now)|dropped|lost (him|her|them|the connection)"
    # the answer is not at hand: "I do not remember the exact number", "I did not think about it yet"
    r"|\b(do not|don'?t|did not|didn'?t|cannot|can'?t) remember\b|\b(did not|didn'?t) think about (it|this|that)\b"
    r"|\b(have not|haven'?t) thought about (it|this|that)\b"
    # no position of one's own yet: "we have not discussed it", "we haven't decided that"
    r"|\b(have not|haven'?t|did not|didn'?t) (yet )?(discussed|decided|considered) (it|this|that)\b|\bnot sure (any|some)(body|one)( here)? can answer\b"
    # put to someone absent: "Wairimu has left the call", "I see nobody from the companies",
    # "Is anybody from infoDev here?  No.", "even if they are not here"
    r"|\b(has|have) left (the )?(call|room|meeting|session|zoom)\b|\b(i|we) (see|have) (nobody|no one) from\b"
    r"|\b(any|some)(body|one) from [\w‑ -]{2,40} (here|present|in the room|online)\W+no\b"
    r"|\b(they|he|she) (are|is) not (here|present)\b|\bnobody from [\w‑ -]{2,40} (is )?(here|present|in (the|this) room)\b"
    # stop 29: any body absent ("DESA is not on this call", "the working group is not represented
    # here", "our colleagues from DESA are not in the room", "nobody registered from them", "I do
    # not see the ITU on the panel")
    r"|\b(is|are) not (represented\b|on (this|the) (call|line|panel|podium)\b|in (the|this) room\b)"
    r"|\b(nobody|no one) (registered|came|joined|is here) from\b"
    r"|\b(do not|don'?t|cannot|can'?t) see (the |any(one|body) from (the )?)?[\w‑-]+( [\w‑-]+)? (on (the|this) (panel|call|podium)|in the (room|hall|front rows))\b"
    # stop 30: "nobody from ICANN is in the hall", "I don't think anybody from the fund is in the room"
    r"|\b(nobody|no one|(do not|don'?t|did not|didn'?t) think (any|some)(body|one)) from [\w‑ -]{2,40} (is )?(here|present|in (the|this) (room|hall))\b"
    # round 15 (fates lost on asks_blind14): the body asked is named as absent ("this is question for
    # the operators, and we have no operator on this panel"), and the asker is sent to it ("you
    # should ask them there", "you can ask the ministry directly"); "we have no regulator on the
    # panel, but Rafael advised one" hands the question to someone who can answer
    r"|\b(we|i) (have|see) no [\w‑-]+( [\w‑-]+)? (on (this|the) (panel|call|podium)|in (the|this) room)\b(?!,? but\b)"
    r"|\byou (should|could|can|must|have to|need to) ask (them|him|her|the [\w‑-]+( [\w‑-]+)?) (there|directly|yourself)\b",
    re.I,
)

# The reply cues as the sentence and reply readers ask them (`questionfates`, `questions`,
# `questionsentences`): behind a literal test by alternative (`text.fastre.Prefiltered`), the same
# answers. Each is a long alternation that `re` tries at almost every letter (DEFERS and NOT_KNOWN
# 200-400 µs a sentence, issue 19), and few sentences hold all the literals of any one alternative;
# DEFERS, whose every alternative opens at a word, is also tried only where a word starts
# (`text.wordstart`). The patterns themselves stay as they are for the `PatternSet`s that read them.
DEFERS_FAST = Prefiltered(guarded(DEFERS), alternatives=True)
NOT_KNOWN_FAST = Prefiltered(NOT_KNOWN, alternatives=True)


_NAME = r"(?-i:[A-Z][\w‑'-]+(?:[ -](?:[A-Z][\w‑'-]+|de|da|dos|van|von|al|bin|el)){0,3})"
_GREETING = (
    r"(?:thank you(?: very much| so much)?|thanks|hello|hi|good (?:morning|afternoon|evening)|yes|okay|ok|sorry"
    r"|(?:madam |mister |mr\.? )?(?:chair|chairman|moderator)|everyone|everybody|all|very (?:short|quick(?:ly)?)|bonjour|hola)"
)
_SELF = re.compile(r"(?:\bmy name is|\bI am|\bI'm)\s+(?P<n>" + _NAME + r")", re.I)
_LEAD = re.compile(r"^(?:\W*" + _GREETING + r"\b)*\W*(?P<n>" + _NAME + r")\s*(?:,|\bfrom\b)", re.I)
NOT_NAME = (
    COURTESY_OPENERS
    | JOINER_OPENERS
    | frozenset(
        # and what else opens a floor voice's turn before its name: forms of address, ordinals, "question"
        [
            "no",
            "now",
            "well",
            "our",
            "i'm",
            "ok",
            "very",
            "just",
            "also",
            "madam",
            "mister",
            "chair",
            "this",
            "that",
            "here",
            "there",
            "first",
            "second",
            "one",
            "two",
            "three",
            "question",
        ]
    )
)


# "Thank you, Jennifer, for giving me the floor": a name right after the thanks is the one
# thanked (a vocative), when it is a lone first name or the thanks go on with "for".
_THANKED = re.compile(r"\bthanks?(?: you)?(?: (?:very|so) much)?,\s*$", re.I)
_THANKS_FOR = re.compile(r"^,?\s*for\b", re.I)


def _vocative(opening: str, m: re.Match[str]) -> bool:
    """Whether the name `m` found is the one the voice thanks, not its own: floor voices open
    by thanking the chair by name before giving theirs ("Thank you, Jennifer, for …")."""
    thanked = _THANKED.search(opening, 0, m.start("n"))
    return bool(thanked) and (len(m.group("n").split()) == 1 or bool(_THANKS_FOR.match(opening[m.end("n") :])))


def intro_name(opening: str) -> str | None:
    """The name a floor voice gives itself in the opening of its turn (module docstring); a
    name it thanks is not its own."""
    for pattern in (_SELF, _LEAD):
        m = pattern.search(opening)
        if m and m.group("n").split()[0].lower() not in NOT_NAME and not _vocative(opening, m):
            return m.group("n")
    return None


def verbless(text: str) -> bool:
    """A fragment with no question word, auxiliary or common verb ("on the fair share?")."""
    return bool(HANDOFF_REST.match(text)) and not _VERBISH.search(text)


# A reply that takes up a two-part question part by part ("The first part is easy. …  For the
# second part, I am sorry, I am not the right person", "Can I take the first part, …"): the
# mark of each part, its ordinal in group 1.
_PART_MARK = re.compile(
    r"\b(?:(?:the|for the|on the|and the|to the|your)\s+)(first|second|other|last)\s+(?:part|question|one|point)\b",
    re.I,
)


def ordinal_part(text: str, index: int) -> str | None:
    """The part of a reply that takes up the `index`-th question of its asker's turn (0: the
    first) when the reply marks its parts ("the first part", "for the second question");
    `text` itself when it marks none; None when it marks only other parts (it answers
    those). "other" and "last" mark a part after the first."""
    marks = [(m.start(), m.group(1).lower() == "first") for m in _PART_MARK.finditer(text)]
    if not marks:
        return text
    mine = [i for i, (_, first) in enumerate(marks) if first == (index == 0)]
    if not mine:
        # only other parts are marked: what comes before the first mark may still be ours
        head = text[: marks[0][0]]
        return head if index == 0 and len(head.split()) >= 12 else None
    i = mine[0]
    end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
    return text[marks[i][0] : end]
