"""The sentence cues of thread items: what a sentence does to an ask, a promise or a question. Pure.

Signals, tried in this order on each sentence (the first that fires wins):

- `response`  an institution (or a moderator speaking for one) takes up an earlier ask
              or question: "following the request from the coalitions last year",
              "to answer the question raised last year", "as you asked", "to Faisal, who
              asked in Nairobi: …", a reply addressed to an ask with its asker named ("To the
              regional IGF's request about the hubs: …", "To the Arab IGF, which asked for
              this in Bali: …"; not a topic lead-in, "To the question of funding: …")
              (not "I repeat what Mei Lin asked in Riyadh");
- `slip`      a promise that slipped or was dropped: "did not happen", "never took place",
              "postponed", "could not be completed", "we did not manage it", "we dropped it",
              "we stopped it";
- `update`    work on a promise under way: "is still being drafted", "we now expect to
              finish it", "not yet ready", "is almost there", "we are halfway", "on
              schedule", "the work goes on", "the mapping … is going on", "the work on
              the ranking continued", "we will continue the work on the guide";
- `promise`   the speaker's own body will produce something: "we will publish…",
              "our plan is to…", "we are planning a survey…", "X will be released", and
              in the present tense "we are preparing a report for next year", "a second
              edition is planned for 2031"; a census or a connectivity target said as its
              verb ("our forum will count every exchange point …", "we will connect two
              hundred schools"); a meeting said by its place ("the national IGF will take
              place in Kara");
- `delivery`  a promised output done, in any words: "we launched the toolkit",
              "the guidelines that we published in March", "the report is out", "the map
              went live", "the workshops took place", "Our study, released in 2023, …",
              an outcome told as a state ("is now online", "has been translated", "is
              now used by fourteen schools", "now sit on a single page");
- `enacted`   an institution says it has done something ("our office now holds a
              quarterly briefing"): a response when an earlier ask is alike enough;
- `need`      an ask or a stated need: "we need…", "libraries lack the money…",
              "again called for…", "without seed money, these networks close", "we are
              still asking the secretariat for…", "we recommend that…", "it would help…",
              "… is still our first ask", "regulators should publish…", an imperative
              ("Fund the coalitions!", "Please, governments: put standards into your
              procurement rules"), not being able to take part for want of money ("could
              not join us because nobody covers their travel"), a problem that
              persists ("half of our schools still have no Internet", "the money
              still goes to the big operators"), what someone other than the
              speaker or a pronoun must or should do ("users whose account is
              closed must be told which rule …"), a practice condemned ("switching off
              the network on the day of the vote is never acceptable").

Never a need, whatever need word it has (`is_non_ask`): thanks ("I would like to thank…"),
floor procedure ("I would like to give the floor…", "keep to four minutes"), rhetoric
("everybody needs the Internet") and questions. Nor is a need word that only frames what the
speaker tells next ("I would like to, yeah, talk a little bit about …"), the noun "needs" ("to meet
community needs"), or a need another body is reported to have acknowledged ("the United Nations
acknowledged that children need …"): a later need word of the sentence may still be its ask
(`_not_the_ask`). A problem is a need when it persists or is the speaker's own ("… are still the
problem number one"), not as a finding ("Affordability is the biggest barrier").

`RETRO_PROMISE` finds the earlier promise a delivery or slip names ("was announced for 2024; it
has been delayed", "the report that we promised is out"), so `items.py` can put that promise on
record.

Promises, slips, updates and deliveries must name a deliverable (`lexicon.deliverables`)
or point back to one with a pronoun ("we dropped it"); a need must be at least five
words. Why rules: each decision stays explainable with a verbatim quote, and the
constructions are few; `analyse/asks.py` finds a subset of the needs (its subjects are
fixed lists) and is read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..analyse._regex import compile_cue
from ..text.alternation import alternation
from ..text.cuegate import BranchTestedCue, CueFamily, GatedCue
from ..text.fastre import Prefiltered
from .promiseshape import promise_shape

__all__ = [
    "PRONOUN_OBJECT",
    "RETRO_NAMED",
    "RETRO_PROMISE",
    "Cue",
    "CueMemo",
    "find_cue",
    "is_intro",
    "is_non_ask",
    "retro_promise",
    "venues_by_year",
]

_I = re.I
_OWN = (
    r"(?:we|i|our (?:coalition|group|team|members|network|working group|dc|organi[sz]ation)"
    r"|the coalition|this coalition|the dc|members"
    # a national or regional IGF speaks of itself as "our forum"; a ministry's speaker as "our ministry"
    r"|our (?:national |regional |youth )?forum|our ministry|our government"
    # an office writing in its own name ("When the consultations open, this Office will invite your coalition")
    r"|this (?:office|secretariat|ministry|agency|department|bureau))"
)
_MAKE = (
    r"(?:publish|release|produce|present|launch|prepare|develop|deliver|share|issue|finali[sz]e|complete|conduct"
    r"|run|organi[sz]e|hold|host|write|draft|translate|update|revise|submit|compile|create|build|set up|establish"
    r"|start|carry out|put together|put (?:online|up|out)|make public|circulate|map|offer|provide|make available"
    r"|bring out|roll out|open|finish|review|put (?:it|them|this|these|those|that) (?:in|into|on)"
    # a feature added to an output ("we will add a search by coalition to the archive"), not "add that …"; an output
    # put up on a medium ("we will put on a wiki an index of …")
    r"|add (?=(?:a|an|one|two|three|new|our|the|its)\b)|put on (?=(?:a|an|the|our|its)\b)"
    r"|do|table|adopt|unveil|deliver|have (?:a|an|the|our)|come (?:back|out) with|undertake|launch|train"
    # a study is made too ("we will survey women in rural areas"), and so are recordings ("will record five hundred
    # hours of spoken Quechua") and access ("make all the transcripts … searchable")
    r"|survey|study|assess|evaluate|pilot|digiti[sz]e|record"
    # an institution promises to weigh an ask ("We will consider a track for the national initiatives")
    r"|consider|look (?:into|at)|examine"
    # an institution promises a body a part in its process ("this Office will invite your coalition to contribute")
    r"|invite (?:[\w'’-]+ ){1,4}?to (?:contribute|take part|participate|submit|present|join|speak)"
    # help others make it ("our regional forum will help each of the five countries to hold its own national IGF")
    r"|help (?:[\w'’-]+ ){1,6}?(?:to )?(?:hold|host|organi[sz]e|set up|build|create|launch|run|start|bring|establish"
    r"|develop)"
    # a report back promised ("The Secretariat will report to the MAG at its first meeting of 2018 on …")
    r"|report (?:back )?(?:to|on)"
    # a census promised as its verb ("our forum will count every exchange point …") and a connectivity target
    # said as a count ("we will connect two hundred secondary schools"); not "count on", not "connect you"
    r"|count (?=every|all|each|the)|connect (?=(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty"
    r"|forty|fifty|hundred|a hundred|a thousand|every|all|the last|the remaining)\b)"
    r"|make (?:[\w'’-]+ ){1,10}?(?:searchable|accessible|available|public|free|open)(?=[\s,.;]|$)"
    # an institution's promises in its own verbs: a meeting convened, a template sent, a page given to each, a list
    # put online, criteria written down, an open question taken to the body that decides ("we will bring it to the
    # MAG"); each still needs its deliverable named (`items.py`), so "we will send you the link" promises nothing
    r"|convene|write down|send (?!(?:you|us|it|them|him|her)\b)(?:[\w'’-]+ ){0,4}?(?:a|an|the|our|its|their) (?=\w)"
    r"|give (?:(?:all|every|each|the|our)\s+)?(?:[\w'’-]+ ){0,3}?(?:its|their) own"
    r"|put (?:online |up |out )?(?:one|a|an|our|the) (?:[\w'’-]+ ){1,8}?(?:on|online|in|into) (?:the|our|a|an|its)\b|bring (?:it|this|that|them|these|those) (?:to|before) (?:the|our))"
)
# the opening of a reply addressed to someone ("To the …", "And to the …" at the start of a sentence or clause)
_ADDRESSED = r"(?:^[\W_]*(?:and |so )?|[:;] (?:and )?)to (?:the|your|their|this|that) "
_ASK_NOUN = r"(?:requests?|questions?|calls?|asks?|proposals?)"
_RESPONSE = compile_cue(
    r"\b(?:following|in response to|responding to|in reply to|as a result of|thanks to|in answer to"
    r"|to follow up on|following up on|acting on)\s+(?:the|your|their|this|that|a|these|those|last year's)"
    r"\s+(?:[\w'’-]+\s+){0,2}(?:requests?|calls?|asks?|questions?|proposals?|suggestions?|recommendations?"
    r"|appeals?|demands?)\b"
    r"|\b(?:the|your|their|this|that) (?:questions?|requests?|calls?|suggestions?|proposals?)"
    r" (?:raised|asked|put|posed|made|sent|submitted|voiced|we received)\b"
    # a record of the body that took a request up: "The MAG discussed a request made at IGF 2018 by the Dynamic
    # Coalition on … that …", "The Council considered the proposal of the youth forum"
    r"|\b(?:discussed|considered|examined|reviewed|took up|debated) (?:a|an|the) (?:[\w'’-]+ )?(?:requests?|proposals?"
    r"|calls?) (?:made|sent|submitted|raised|put|received|from|of|by)\b"
    r"|\banswer(?:ing)?\b[^.?!]{0,60}\bquestions?\b"
    r"|\b(?:as|like) (?:you|the coalitions?|they|participants|members|several of you) (?:asked|requested|suggested)\b"
    r"|\b(?:as|like) (?:the|our|your) (?:[\w'’-]+ ){1,6}?(?:had |has |have )?(?:asked|requested) us\b"
    r"|\b(?:as|like) (?:the|our|your) (?:[\w'’-]+ ){0,3}(?:coalitions?|members|participants|community|network|colleagues"
    r"|group|youth|delegates?) (?:had |has |have )?(?:asked|requested|suggested|proposed)\b"
    r"|\byou asked (?:us )?(?:for|about|whether|if|last|to)\b"
    r"|\b(?:on|regarding|concerning|as for|about|coming back to|to come back to) (?:the|your|their|that) (?:[\w'’-]+ )?"
    r"(?:questions?|requests?|calls?) (?:on|about|of|for|from|raised|asked|made|put)\b"
    r"|\b(?:as|like) (?:was |had been )?(?:requested|asked|suggested) (?:by|last|at|in)\b"
    # a sentence that opens on a known request and answers it after a colon: "On the sign language request, which
    # the coalition has made since 2008: the MAG agreed it" (the request named by up to three words of its topic)
    r"|^\W*(?:on|regarding|concerning|as for|about|coming back to) (?:the|your|their|that|this) (?:[\w'’-]+ ){0,3}"
    r"(?:requests?|asks?|proposals?|calls?)\b[^.;?!]{0,100}:"
    r"|\b(?:asked|raised|wanted to know|put to us|requested)\b[^.;?]{0,30}\b(?:last year|(?:two|three|four|five|six|a few|several) years ago|in (?:19|20)\d\d"
    r"|at the last (?:igf|forum|meeting|session)|earlier this year)\b"
    # "Last year in Kyoto the policy network on artificial intelligence asked for …": the asker's name may be long
    r"|\b(?:last year|(?:two|three|four|five|six|a few|several) years ago|in (?:19|20)\d\d|at the last (?:igf|forum|meeting|session))\b[^.;?]{0,70}"
    r"\b(?:asked|wanted to know|requested)\b"
    r"|\b(?:someone|somebody|a participant|one participant|participants|a colleague|one of you|several of you"
    r"|many of you)(?: (?:from|in|at|on) (?:the )?[\w'’-]+(?: [\w'’-]+)?)? (?:has |had |have )?asked\b[^.;?]{0,40}\b(?:whether|if|about|how|what|when|why|for|who|which"
    r"|where)\b"
    r"|\b(?:following|after|as a result of|in response to|acting on) what (?:[\w'’-]+ ){1,6}?(?:asked|requested"
    r"|proposed|suggested|called)\b"
    r"|\b(?:this|that|it) was (?:asked|requested) (?:very |quite |many times|again|clearly|strongly|loudly)"
    # what was done told as what someone asked for: "…, which the best practice forum on local content asked for in
    # Katowice", "the guide … that the forum asked for is on our website"; an earlier question named: "in Addis there
    # was a question online about the youth IGFs"
    r"|\b(?:which|that|what) (?:the|our|your|their|this|that) (?:(?!(?:because|since|when|if|is|are|was|were|has|have)\b)[\w'’-]+ )"
    r"{0,6}?(?:(?:has|have|had) )?(?:(?:asked|requested|called|pleaded) (?:us )?for|raised (?:again|twice|(?:\w+ )?(?:years?|times) in a row"
    r"|(?:last|every|each) year|(?:in|at) (?-i:[A-Z])\w+))\b"
    r"|\bthere (?:was|were) (?:a |one |some |several |many )?(?:questions?|requests?) (?:\w+ )?(?:about|on|from|for)\b"
    # a body named as the asker, its ask told as made again and again: "The coalition on older people has asked several
    # times for a main session" (said by the institution that now answers it; never "our coalition", "we")
    r"|^\W*the (?:[\w'’-]+ ){0,3}(?:coalition|forum|network)(?: (?:on|for)(?: [\w'’-]+){1,4}?)? (?:has|have) "
    r"(?:asked|requested|called) (?:us )?(?:several times|many times|repeatedly|more than once|again and again"
    r"|for years|year after year|every year) (?:for|to)\b"
    # a reply addressed to an ask, a colon before what was done: "To the regional IGF's request about the hubs: …",
    # "To the request of the Caribbean IGF in Baku about exchange points: …", "To the Arab IGF, which asked for this
    # in Bali: …" (the asker named whole or by a relative clause: "to the question of funding: …" is a topic, not one)
    rf"|{_ADDRESSED}(?:[\w'’ -]{{0,60}}?['’]s (?:[\w-]+ )?{_ASK_NOUN}"
    rf"|{_ASK_NOUN} (?:of (?:the |our |your )?(?-i:[A-Z])|(?:from|by|that|which|the|raised|asked|sent|put|made)\b)"
    r"|[^,:.;?!]{2,60}, (?:which|who) (?:has |have |had )?(?:first |already |repeatedly |again )?(?:asked|requested|called)\b)"
    r"[^.;?!]{0,100}:",
    _I,
)
# the asker and the meeting named, not by the speaker's own side (`_asked_at_place`): "And to Faisal, who asked in
# Nairobi: …", "The Benin IGF asked in João Pessoa and again in Geneva that …"
_ASKED_AT = re.compile(
    r"(?<!\bwe )(?<!\bi )\b(?:asked|requested) (?:us |me |the \w+ )?(?:in|at) (?-i:[A-Z])[\w'’-]+"
    # the meeting named first, then another asker and what was asked for: "In Athens the radio coalition asked for a
    # feed …" (a reported question, "a journalist asked how many …", is left to the question rules)
    r"|^\W*(?:in|at) (?-i:[A-Z])[\w'’-]+(?: (?-i:[A-Z])[\w'’-]+)?,? (?!(?:we|i|our|my)\b)(?:[\w'’-]+ ){1,5}?"
    r"(?:asked|requested) (?:us |me )?(?:for|to|that)\b",
    _I,
)
# Searched only where one alternative's words are (issue 19): same matches
_ASKED_AT_CUE = Prefiltered(_ASKED_AT, alternatives=True)
# … but taken up as one's own again: "And I repeat what Mei Lin asked in Riyadh" is a need said again
_SAID_AGAIN = re.compile(r"\b(?:repeat|repeating|echo|echoing|support|supporting|agree|second|join|joining)\b", _I)
_SLIP = compile_cue(
    r"\b(?:did not|didn't|has not|hasn't|have not|haven't|had not|never|could not|couldn't|was not|wasn't"
    r"|were not|weren't)\s+(?:be\s+|been\s+)?(?:happen(?:ed)?|materiali[sz]ed?|take place|taken place|took place"
    r"|come out|get done|make it|manage(?:d)?|completed?|finish(?:ed)?|publish(?:ed)?|deliver(?:ed)?|release[ds]?"
    r"|done|possible)\b"
    r"(?!\s+yet)"
    r"|\bnever\s+(?:been\s+)?launched\b"  # "we never launched it": not "not launched yet"
    r"|\b(?:slipped|postponed|delayed|deferred|dropped|abandoned|shelved|cancell?ed|put on hold|on hold"
    r"|suspended|called off|behind schedule|fell through|gave up|given up|set aside|scrapped|discontinued"
    r"|pushed back|was stopped|were stopped|no longer (?:planned|going ahead|happening|on the table)"
    r"|(?:we|i|they) (?:have |had )?(?:stopped|ended|closed|paused|halted) (?:it|them|this|that|the|our|work)"
    r"|did not go ahead|didn't go ahead|fell by the wayside|ran out of (?:time|money|funding|steam)"
    r"|(?:is|are|was|were) not happening|isn't happening"
    r"|aren't happening|will not (?:appear|come out)|won't (?:appear|come out)"
    # "we could not keep it alive", "the programme stopped last year"
    r"|(?:could not|couldn't|did not|didn't) keep (?:it|them|this|that) (?:alive|going|running|open)"
    r"|(?:programme|program|project|initiative) (?:has |had )?stopped)\b"
    r"|\bhad to (?:cancel|drop|postpone|abandon|shelve|delay|put off|give up|stop)\b"
    # a promise given up by decision: "The ranking of the platforms, we decided in the end not to do it."
    r"|\bdecided (?:in the end |finally |eventually |then |last year )?not to (?:do|publish|produce|hold|continue|go on|pursue|"
    r"finish|make|write|run)\b"
    r"|\b(?:won't|will not) (?:happen|be (?:ready|published|finished|completed|released|delivered)"
    r" (?:this|in time|before|until|by))\b"
    # a phrasal verb around its object ("we gave it up", "we let it go") and a deliverable told late
    r"|\b(?:gave|give|given|giving) (?:it|them|this|that) up\b|\b(?:let|letting) (?:it|them|this|that) go\b"
    r"|\b(?:is|are|was|were|it's|is running|are running|was running) (?:very |a bit |a little |quite |badly )?late\b"
    r"(?!\s+(?:in|to|for|at|on|comers?)\b)"
    r"|\bnot (?:going to )?(?:happen|materiali[sz]e)\b"
    r"|\bnever (?:took place|came out|happened|started|appeared|got (?:done|finished|started|published))\b"
    # a promise that came to nothing, told by its maker or by those it was made to: "It never took off", "It never got
    # off the ground", "We never saw it" (a pronoun back to the promise just named)
    r"|\bnever (?:took off|got off the ground|came to anything|came about)\b"
    # told in the passive by those it was promised to: "It was never written", "the maps were never printed"
    r"|\b(?:was|were|has been|have been)\s+never\s+(?:written|made|held|built|produced|printed|translated|drafted"
    r"|created|organi[sz]ed|sent|started|begun|run|set up|put (?:online|up))\b"
    r"|\b(?:we|i|nobody|no one|they) never (?:saw|received|got|heard (?:of|about|back about)) (?:it|them|any of it)\b"
    r"(?!\s+(?:coming|before|like|so|that|this))",
    _I,
)
_COUNT_WORD = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred)"
)
# a count of several words: "one hundred and twenty", "two thousand"
_COUNT = rf"{_COUNT_WORD}(?:[\s-]+(?:and\s+)?(?:{_COUNT_WORD}|thousand))*"
# work on a promise told as the count done so far, of any verb: "we trained one hundred and twenty of the two
# hundred", "two hundred clerks trained so far", "we have trained sixty hospital staff, not two hundred"
_PROGRESS = (
    rf"\b[a-z]+ed\s+(?:only\s+|already\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?(?:out\s+)?of\s+(?:the|our|its|their|all)\s+"
    rf"{_COUNT}\b"
    rf"|\b{_COUNT}\s+(?!(?:years?|months?|weeks?|days?|times)\b)(?:[\w-]+\s+){{0,4}}?so far\b"
    rf"|\b[a-z]+ed\s+(?:only\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?[\w-]+,\s+not\s+(?:the\s+)?{_COUNT}\b"
)
_PROGRESS_BRANCHES = 3  # the alternatives of `_PROGRESS`, which open `_UPDATE`'s alternation
# what each of them needs and literals cannot say: a participle right before a count, or "so far" (on lower case)
_PARTICIPLE_COUNT = re.compile(rf"ed\s+(?:only\s+|already\s+)?{_COUNT_WORD}")


def _may_count(text: str) -> bool:
    """False only when no alternative of `_PROGRESS` can match `text` (its cheap test, `BranchTestedCue`)."""
    low = text.lower()
    return "so far" in low or _PARTICIPLE_COUNT.search(low) is not None


_UPDATE = compile_cue(
    _PROGRESS + r"|"
    r"\b(?:still|currently|now) (?:being )?(?:drafted|drafting|prepared|preparing|written|writing|edited|editing"
    r"|reviewed|translated|developed|developing|finali[sz]ing|working on)\b"
    r"|\b(?:is|are) being (?:drafted|prepared|written|finali[sz]ed|edited|reviewed|translated|developed|updated|tested"
    r"|piloted|trialled|trialed|field-tested)\b"
    r"|\b(?:is|are) (?:still |now |well )?(?:in progress|under way|underway|in preparation|in draft|on track"
    r"|(?:almost|nearly|very nearly|close to being) there"
    r"|nearly (?:ready|done|finished|complete)|almost (?:ready|done|finished|complete)"
    r"|at an advanced stage|coming along|taking shape|on schedule|on time|halfway(?: there| through)?"
    r"|(?:half|partly) (?:done|finished|written|ready))\b"
    r"|\b(?:we are|we're|it is|it's) (?:about |almost |nearly |more than )?(?:halfway|half way)\b"
    r"|\bthe work (?:goes on|continues|is continuing|continued|went on)\b"
    # work on a promise told as going on: "the mapping … is going on", "we will continue the work on the guide"
    r"|\b(?:is|are) (?:still )?going on\b"
    r"|\b(?:we|i) (?:will|shall|are going to) (?:continue|keep) (?:the |our )?(?:work(?:ing)? on|developing|drafting"
    r"|writing|preparing)\b"
    r"|\bexpect(?:s|ed)? (?:it |them |this |that )?to (?:finish|complete|publish|release|launch|present"
    r"|be (?:ready|published|finished|released|available|out|completed))\b"
    r"|\b(?:not (?:yet|quite)|still not(?: yet| quite)?) (?:ready|finished|complete|completed|published|done|out)\b"
    # not yet put where people can use it ("It is not online yet"): an update, not a slip, "yet" says it is coming
    r"|\b(?:(?:is|are)(?: still)? not|isn't|aren't|isn’t|aren’t) (?:online|available|live|public|up) yet\b"
    r"|\b(?:is|are) not yet (?:online|available|live|public)\b"
    r"|\b(?:has not|hasn't|have not|haven't|is not|isn't) (?:yet )?(?:been )?(?:published|finished|completed|released)"
    r" yet\b|\b(?:a|the|our) first draft\b"
    # a study under way, in its own words: "the survey … is in the field", "our study is in its last review"
    r"|\b(?:is|are) (?:now |still )?in (?:the field|(?:its|their|the) (?:last|final) (?:review|round|stage|phase))\b"
    r"|\b(?:we are|we're|we have been) (?:still |now )?(?:working on|finali[sz]ing|drafting|writing|editing|translating)"
    r" (?:the|our|it|this)\b|\bwork on (?:the|our|it|this) [^.;]{0,40}\b(?:continues|continued|is continuing|has started|has begun"
    r"|is progressing)\b|\b(?:is|are) (?:going|moving) (?:well|ahead|forward)\b"
    r"|\b(?:is|are|has been|have been) (?:now |finally |also )?confirmed\b|\bas (?:planned|scheduled|promised)\b",
    _I,
)
_PROMISE = compile_cue(
    rf"\b{_OWN}\s+(?:(?:also|then|now|soon|very soon|further)\s+)?"
    r"(?:will|shall|are going to|'re going to|am going to|plan to|plans to|intend to|intends to|aim to|are aiming to"
    r"|commit to|are committed to|promise to|undertake to|hope to|would like to|want to)"
    rf"\s+(?:(?:also|then|soon|jointly|formally|finally|officially)\s+)?{_MAKE}\b"
    r"|\b(?:we|i)(?:'ll|’ll)\s+" + _MAKE + r"\b"
    r"|\b(?:we|i|our (?:coalition|group|team|members))(?:'re|’re| are| am| is)\s+(?:also\s+|now\s+|currently\s+)?"
    r"(?:planning|preparing|working on|developing|drafting|designing|writing|producing|compiling|building"
    r"|putting together|conducting|carrying out|translating|creating|setting up|organi[sz]ing|collecting"
    r"|finali[sz]ing|launching|mapping|updating|revising|editing)\b(?! (?:on|for|with|in) (?:it|this|that)\b)"
    r"|\b(?:is|are) (?:planned|scheduled|foreseen|due) (?:for|in|by|before|at)\b"
    # a meeting promised as its place and time ("Next year the Benin IGF will take place in Parakou"): the subject is
    # the deliverable, as in "will be published"
    r"|\b(?:will|shall) (?:take place|be held|be organi[sz]ed|be hosted) (?:in|at|on|for|by|during|next|before)\b"
    r"|\bour (?:plan|aim|goal|intention|next step|commitment|priority|promise)s? (?:for (?:next|the coming) year )?"
    r"(?:is|are|will be) to\b|\bwe (?:commit|pledge|promise) to\b|\bnext on our (?:list|agenda) is\b"
    # a promise with its output as the object ("we promise a toolkit for the managers of telecentres")
    r"|\b(?:we|i) (?:also |hereby )?(?:promise|pledge) (?:a|an|one|our|the|new)\b"
    # a promise said without a verb, the output after a colon ("And our promise for 2021: an online map of …")
    r"|\b(?:(?:our|my) (?:new |next |own )?|one more |another |a last |a final |a new )(?:promise|pledge|commitment)s?"
    r"(?: for (?:\d{4}|this year|next year|the coming year))?\s*:"
    # … with any word before the noun and a short aside after it ("Our first promise as one coalition: one website");
    # not when the aside tells its fate ("our promise from Addis Ababa is kept: the report …" is news of it)
    r"|\b(?:our|my|its|their) (?:[\w'’-]+ ){0,2}(?:promise|pledge|commitment)s?\b"
    r"(?:(?!\b(?:is|are|was|were|has|have|had|been)\b)[^:.;?!]){0,40}:(?=\s*\S)"
    # … or as the noun it is ("Our promise for next year is a toolkit for courts …", "Our next piece of work is a guide
    # for …"): the promise named as a noun, the output its complement
    r"|\b(?:(?:our|my) (?:new |next |own )?|one more |another |a last |a final |a new )(?:promise|pledge|commitment)s?"
    r"(?: for (?:\d{4}|this year|next year|the coming year))?\s+(?:is|are|will be)\s+(?=(?:a|an|one|two|three)\b)"
    r"|\bour next (?:piece of work|project|output|publication|product)s? (?:is|are|will be) (?=(?:a|an|one|two|three)\b)"
    # an output said to be possible by a coming date ("The French and Arabic versions can be ready for the next Forum")
    r"|\b(?:can|could) be (?:ready|finished|completed|done|published|translated) (?:for|by|before|in time for) (?:the "
    r"(?:next|coming)|next|(?:19|20)\d\d|the end of)\b"
    # reported speech: a third person's promise in a report ("He added that UNODC will publish a short note …")
    r"|\b(?:said|added|noted|announced|stated|explained|confirmed|promised|replied|reported|indicated|assured"
    r"|informed [\w ]{1,40}?) that\s+(?:[^,.;:!?]{1,60}?\s)?(?:will|shall) (?:also |soon |then |now )?" + _MAKE + r"\b"
    r"|\b(?:will|shall) be (?:published|released|launched|presented|issued|made available|finali[sz]ed|shared"
    r"|circulated|ready|out|available|online|translated)\b",
    _I,
)
# A clause opened by a subordinator before its subject ("… online when it is complete", "once they are done"):
# a time to come or a condition, not a state reached. Said once as the two word lists; `re` needs a fixed-width
# lookbehind per pair, so the pairs are spelled out from them (every subordinator with every subject).
_SUBORDINATORS = ("when", "once", "until", "if")
_SUBJECTS = ("it", "they")
_NOT_SUBORDINATE = "".join(rf"(?<!\b{sub} {subject} )" for subject in _SUBJECTS for sub in _SUBORDINATORS)
_MONTH_WORD = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DELIVERY = compile_cue(
    rf"\b{_OWN}\s+(?:have |has |had )?(?:now |recently |finally |just |already |successfully |officially )?"
    r"(?:published|released|launched|issued|completed|finished|finali[sz]ed|presented|delivered|produced|adopted"
    r"|circulated|put out|rolled out|unveiled|made available|wrote|written|built|set up|translated)\b"
    rf"|\b(?:that|which) {_OWN} (?:have |had |has )?(?:published|released|launched|issued|completed|finished"
    r"|finali[sz]ed|presented|delivered|produced|adopted|circulated|put out|set up|built|created|wrote|written"
    r"|translated|opened)\b"
    r"|\b(?:is|are|was|were|has been|have been|had been) (?:now |finally |recently |already |officially )?"
    r"(?:out|published|released|launched|available|online|live|completed|finished|finali[sz]ed|adopted|issued"
    r"|presented)\b"
    r"|\b(?:is|are|has been|have been) (?:now |finally |already )(?:searchable|accessible|free to (?:download|use|read))\b"
    r"|\b(?:came|comes|come) out\b|\b(?:we|the coalition) (?:now|finally) (?:have|has) (?:a|an|our|the|its)\b"
    r"|\b(?:we|the coalition) (?:have |has )?(?:handed|submitted|sent) (?:over )?(?:the|our|its)\b"
    # "our school … ran online in July" (not "ran out of money", "ran into problems")
    r"|\b(?:ran|went ahead)\b(?!\s+(?:out|into|short|late|over|away|behind|up|down|a |an |the |our |their |it\b))"
    r"|\btook place\b|\b(?:was|were|has been|have been) (?:successfully )?held\b"
    r"|\b(?:we|i|they|(?:countries|members|coalitions|forums|cities|schools)) (?:have |had |has )?(?:now |finally "
    r"|successfully )?held (?:our|the|a|an|its|their)\b"
    r"|\b(?:is|are|was|were|has been|have been) (?:now |finally |already )?printed\b"
    r"|\b(?:went|go|goes|has gone|have gone) (?:online|public|live)\b|\b(?:came|comes|come) online\b"
    # out for some time: "our study … is public since March", "the guide is online since 2019"
    r"|\b(?:is|are) (?:out|online|public|available|live) since\b"
    r"|\b(?:is|are|was|were|has been|have been) (?:now |finally |already )?(?:translated|up and running)\b"
    r"|\b(?:is|are) now (?:used|in use|adopted|applied|taught) (?:by|in|at)\b"
    r"|\bnow (?:sits?|lives?|appears?|stands?) (?:on|in) (?:the|a|one|our|its|a single)\b"
    r"|\b(?:exists?|existed) (?:now|already|today)\b|\bnow exists?\b"
    r"|\b(?:is|are|has been|have been) (?:now )?on (?:our|the|its|their) (?:web ?)?(?:page|website|site|portal)\b"
    # … a site named by its owner only when said to be there now ("That list is now on the ITU web site"): "the form
    # is on the IGF website" tells where a thing is, not that it was delivered
    r"|\b(?:(?:is|are) now|(?:has|have) (?:now )?been) on (?:our|the|its|their) (?:(?-i:[A-Z])[\w'’.&-]* ){1,2}"
    r"(?:web ?)?(?:page|website|site|portal)\b"
    # participial: "Our research on X, released in 2023, …" (the noun before it is the deliverable)
    r"|,\s*(?:released|published|launched|issued|completed|adopted|presented|finali[sz]ed)"
    r"\s+(?:in|last|earlier|this|at|on|during|early|late)\b"
    # a deed or a state of completion told with its date, the copula dropped as notes and slides drop it ("published
    # March 2019", "online since 2019", "happened in Hamburg in 2008", "done 2007-2010"); not "will be published in"
    r"|(?<!\bbe )(?<!\bbeen )\b(?:published|released|launched|issued|happened|held|done|opened|online|live)"
    rf"(?: (?:[\w'’-]+ ){{0,3}}?(?:in|since|on))? (?:(?:early |late |mid-)?{_MONTH_WORD} )?(?:19|20)\d\d\b"
    r"|\bnow (?:complete|completed|finished|done)\b"
    # an output told finished with the adjective ("The leaflet is done: one page, three languages", "the list is
    # complete since March"); not a way of working ("the studies are done by volunteers", "it is done in English")
    # nor what is done ("what is done with the data"), nor a time to come ("… online when it is complete":
    # `_NOT_SUBORDINATE`)
    r"|(?<!\bwhat )"
    + _NOT_SUBORDINATE
    + r"\b(?:is|are|was|were|has been|have been) (?:now |finally |already )?(?:done|complete)\b"
    r"(?!\s+(?:by|with|in|through|at|on|for|to|from|via|every|each|so|as|when|if|because|differently|manually"
    r"|locally|online|offline|here|there|that|this)\b)",
    _I,
)
# a coalition named as the subject ("The Dynamic Coalition on X will publish …"): `find_cue` accepts these
# only when a coalition name ends just before them
_PROMISE_NAMED = compile_cue(
    r"\b(?:will|shall|is going to|are going to|plans? to|intends? to|aims? to|commits? to|is committed to"
    r"|is planning to|promises? to|hopes? to)\s+(?:(?:also|then|soon|jointly|formally|finally)\s+)?" + _MAKE + r"\b"
    r"|\b(?:is|are) (?:planning|preparing|developing|drafting|designing) (?:a|an|the|its|their)\b",
    _I,
)
_DELIVERY_NAMED = compile_cue(
    r"\b(?:has |have |had )?(?:now |recently |finally |just |already |successfully |officially )?"
    r"(?:published|released|launched|issued|completed|finished|finali[sz]ed|presented|delivered|produced|adopted"
    r"|circulated|put out|rolled out|unveiled|made available)\b",
    _I,
)
# an institution saying it has done what was asked, without saying it was asked
_ENACTED = compile_cue(
    r"\b(?:we|our (?:office|team|department|agency|organi[sz]ation)|the (?:secretariat|mag|igf|office|un|agency))"
    r"(?: \w+)?\s+(?:has|have) (?:now |recently |just |already )?(?:set up|created|established|launched|introduced"
    r"|reserved|allocated|opened|agreed to|decided to|started|begun|made)\b"
    r"|\bthe (?:secretariat|mag|igf|office|un|agency|bureau|host country)(?: \w+)? (?:has |have )?(?:now )?"
    r"(?:decided|agreed|resolved) to\b"
    r"|\bnow (?:holds|hosts|runs|offers|provides|publishes|lists|includes|funds|organi[sz]es|has a)\b",
    _I,
)
# what "X should not …" tells when it is no ask but a stance or a reminder ("Governments should not worry about this",
# "we should not forget"): a need in the negative acts ("States should not touch the domain name system")
_NOT_ASKED = (
    r"(?:forget|underestimate|overlook|miss|ignore|worry|fear|panic|think|believe|expect|feel|hesitate|doubt|wait"
    r"|be (?:forgotten|underestimated|overlooked|afraid|worried|surprised|naive|shy))\b"
)
# "asking anyone for permission" after "without", "by" or "before" is a manner or a time ("Openness
# is what let the network grow without asking anyone for permission"), not an ask.
_NEED = compile_cue(
    r"\b(?:need|needs|needed|require|requires|lack|lacks|lacking|(?<!\ba )(?<!\bthe )call(?:s|ed)? (?:again )?for"
    r"|ask(?:s|ed)? for|(?:still|keep|kept|again|continue to|keep on) asking|(?<!be )(?<!been )(?<!being )(?<!was )(?<!were )(?<!is )(?<!are )(?<!without )(?<!by )(?<!before )ask(?:s|ed|ing)? (?:(?!to\b|for\b)[\w'’-]+ ){1,4}for"
    r"|request(?:s|ed)?|appeal(?:s|ed)? (?:to|for)|urge[sd]?|seek(?:s|ing)?|(?:are|is) looking for"
    r"|depend(?:s|ing)? on|short of|struggl(?:e|es|ing) to)\b"
    r"|\b(?:would|'d) (?:also |really |still |very much )?(?:like|want|welcome|appreciate|love)\b"
    r"|\b(?:we|i) (?:also |still |again )?(?:ask|want|wish)\b"
    r"|\b(?:cannot|can't|can not) (?:survive|continue|operate|last|function)\b[^.]{0,40}\bwithout\b"
    r"|\bwithout (?:[\w'’-]+ ){0,3}(?:money|funding|funds|grants|resources|support|training|skills|help"
    r"|financing|budgets?)\b"
    r"|\bit would be (?:very |really )?(?:helpful|useful|good|great|important)\b"
    r"|\bit would (?:really |greatly |also |certainly )?help\b"
    r"|\b(?:our|their|the coalition's|its) (?:first|main|biggest|top|key|central|only|most urgent|number one|one)"
    r" (?:ask|request|demand|call)s?\b"
    # the ask announced by its noun and a colon, what follows is the ask ("Our ask has not changed: not a scanned
    # PDF …", "The coalition put its old ask again: the morning prices, by SMS …")
    r"|\b(?:our|their|its|my)\s+(?:[\w'’-]+\s+){0,2}(?:ask|request|demand)s?\b[^:.;?!]{0,40}:(?=\s*\S)"
    r"|\bthere (?:is|'s|remains) (?:a |an )?(?:[\w-]+ ){0,2}need\b|\bthe need (?:for|to)\b"
    r"|\b(?:still )?waiting for\b|\b(?:have|has) no (?:money|funding|funds|budget|resources|staff|secretariat)\b"
    r"|\b(?:is|are|remains?) (?:still )?missing\b|\bchallenge (?:is|remains)\b"
    r"|\bcall(?:s|ed)? (?:again |once more |once again |also )?(?:up)?on\b"
    r"|\b(?:invite[sd]?|encourage[sd]?) (?:the|all|governments|donors|states|member states)\b"
    r"|\brecommend(?:s|ed)? that\b|\bwe (?:strongly |therefore |again )?recommend\b(?![,.;:])"
    r"|\bour (?:main |key |first |central )?recommendations? (?:is|are|remains?)\b"
    r"|\bplead(?:s|ed)? for\b|\binsist(?:s|ed)? on\b"
    r"|\b(?:renew|repeat|reiterate|restate)(?:s|d|ed)? (?:our|its|their|the|this|that|my) (?:call|appeal|request"
    r"|demand|ask|message|recommendation)s?\b"
    r"|\b(?:this|that|it) (?:has been|is|remains|was|will stay|stays) (?:our|the coalition's|its|their) (?:line|position"
    r"|demand|ask|call|message)\b"
    # a problem said to persist, or said as the speaker's own ("Frequencies are still the problem number one", "this
    # remains the main barrier", "funding is our biggest problem"); "Affordability is the biggest barrier" is a finding
    r"|\b(?:(?:is|are) (?:still|again) (?:the|our)|remains? (?:still )?(?:the|our)|(?:is|are) our)"
    r" (?:main |biggest |first |key |real |central )?(?:problem|barrier|obstacle)(?: number one)?\b"
    r"|\b(?:the )?(?:igf|secretariat|mag|un|united nations|office|envoy|desa|host country|website|nris?"
    r"|regulators?|governments?|(?:member )?states|donors|funders|parliaments?|ministries|policy ?makers"
    r"|authorities|platforms|operators|companies|the private sector|host countries)\b"
    r"[^.;?]{0,50}?\b(?:should|must|ought to)\b"
    rf"(?! not {_NOT_ASKED})"
    r"|\bwe hope (?:that )?(?:the )?(?:igf|secretariat|mag|un|united nations|host|envoy)\b"
    # a body asking another to act: "The coalition asks the IGF Secretariat to publish …"
    r"|\b(?:coalition|dc|network|members?|we|i)(?:'s members)? (?:again |also |therefore |formally |now )?"
    r"(?:asks?|invites?|urges?|calls? (?:up)?on) (?:the |all |every |our )?[\w'’ -]{1,50}? to (?!be\b)\w+"
    # a need said as a problem that persists: "half of our schools still have no Internet", "researchers still
    # cannot see the data", "the money still goes to the big companies"
    r"|\bstill (?:(?:have|has|get|gets|see|sees|are|is) )?(?:no|not|cannot|can't|can not|never|without)\b"
    # … "we still don't know how many women are online", "mobile data is still too expensive", "one gigabyte still
    # costs more than …", "without shared computing …, the research stays in five countries"
    r"|\bstill (?:do not|don't|does not|doesn't)\b|\b(?:is|are) still (?:far |much |way )?too\b"
    r"|\bstill (?:costs?|takes?) (?:more|too|far|much)\b"
    r"|\bwithout\b[^.;:?]{3,80},[^.;?]{0,60}\b(?:stays?|remains?|cannot|can't|will not|won't|will never)\b"
    r"|\bstill (?:goes|go|went) to\b"
    # what someone (any subject but the speaker, the listener or a pronoun) must or should do or be given:
    # "users whose account is suspended must be told which rule …", "the fragmentation network should invite …"
    r"|\b(?!(?:we|i|you|it|this|that|there|they|he|she|one|who|which|what|everybody|everyone|someone|nobody)\b)"
    r"[a-z][\w'’-]{2,}\s+(?:must|should)\s+(?!say\b|be (?:noted|said|mentioned|clear|aware)\b"
    rf"|not\s+{_NOT_ASKED})(?:also\s+|not\s+)?(?:be\s+)?[a-z]+"
    # a message said to be said again and again: "we keep saying it: …", "Filtering at the DNS level, we keep saying it"
    r"|\b(?:we|i) keep (?:on )?(?:saying|repeating|telling)\b"
    # a practice condemned is a demand to end it: "Switching off the network on the day of the vote is never acceptable"
    r"|\b(?:is|are) (?:never|not|no longer|simply not) (?:acceptable|tolerable|justifiable|justified)\b(?! (?:to|for) (?:me|us|him|her)\b)"
    # a problem just told, and the demand to repair it: "This must be fixed before the next IGF"
    r"|\b(?:this|that|it|these|those) (?:really |simply )?(?:must|should|has to|have to|needs? to) be (?:fixed|changed"
    r"|solved|addressed|corrected|repaired|improved|resolved|remedied)\b",
    _I,
)
_NOT_NEED = compile_cue(
    r"\bno need\b|\bneed to (?:say|mention|stop|remind|thank|hurry|move|close|wrap|finish|end|leave|go|break|pause"
    r"|be (?:brief|quick|short)|keep (?:it )?(?:short|brief)|speed up|give the floor|hand over|turn to)\b"
    r"|\b(?:do|does|did) not need\b|\b(?:don't|doesn't|didn't) need\b|\bwithout delay\b",
    _I,
)
# what the speaker says they would like to do when it is telling, not asking ("I would like to thank …", "I want to
# tell a story …"): the verbs of `_NON_ASK`'s frame, which `_SPEECH_FRAME` reads past a filler too
_SPEECH_ACTS = (
    r"thank|welcome|introduce"
    r"|give (?:the floor|the word|you)|invite (?:you|our|the next|my)|add|say|share|present|start|begin|remind|highlight"
    r"|mention|echo|congratulate|acknowledge|end|close|conclude|recall|note|stress|underline|emphasi[sz]e|hand|pass"
    r"|turn|open|make (?:a|one|two|three|some) (?:\w+ )?(?:points?|comments?|remarks?)|speak|talk|respond|react"
    r"|comment|follow up|build on|come back|hear|listen|know|ask (?:a|one|my|you|our|the panel)"
    # the speaker's own telling: "I want to tell a story …", "I want to be honest with this room", "I want to
    # report that we did", "I want to repeat the first recommendation"
    r"|tell (?:a|you|this|the|our|my|what|how)|report (?:that|on|back|to you)|be (?:honest|frank|clear|brief|short)"
    r"|repeat (?:the|our|my|what|it|this|that)|explain|describe|give (?:a|an|some|you) (?:short |quick |brief )?"
    r"(?:update|news|overview)"
)
# sentences that are not asks whatever cue they carry: thanks, floor procedure, rhetorical questions
_NON_ASK = compile_cue(
    r"^\W*(?:(?:and|so|but|first(?:ly)?|also|finally|lastly),?\s+)?(?:thank|thanks|many thanks|congratulations|kudos"
    r"|(?:i|we) (?:also |really |just )?(?:thank|congratulate|applaud|salute)"
    r"|(?:i|we) (?:am|are) (?:very |really |so |deeply )?(?:grateful|thankful|honou?red|glad|pleased|happy))\b"
    r"|\b(?:would|'d|’d|want|wish) (?:also |really |just |first |briefly )?(?:like )?to (?:" + _SPEECH_ACTS + r")\b"
    r"|\b(?:keep|stick) (?:it |your (?:\w+ )?)?(?:to|within|short|brief)\b|\b(?:raise your hand|unmute|take the floor"
    r"|introduce yourself|go ahead|over to you|you have the floor|the floor is (?:yours|open))\b"
    r"|^\W*(?:make no mistake|let me be clear|as we all know|we all know)\b"
    r"|\b(?:everybody|everyone|we all|all of us|the whole world)\s+(?:[\w'’-]+\s+){0,3}(?:needs?|wants?)\b",
    _I,
)
# a need cue that only frames what the speaker goes on to tell, a filler or two between ("I would like to, yeah,
# talk a little bit about …", "I would like to maybe hear more from …", "I just would like to possibly chip in to
# highlight …"): not the ask, though a need said later in the sentence may be ("… I believe there's a need to …")
_SPEECH_FRAME = re.compile(
    r"\s+to,?\s+(?:(?:yeah|yes|well|uh|um|erm|er|ah|oh|okay|ok|so|maybe|perhaps|possibly|just|briefly|quickly|only"
    r"|also|really|now|first|then|again|very|a little(?: bit)?|a bit|kind of|sort of|you know|i think),?\s+){1,3}"
    r"(?:" + _SPEECH_ACTS + r"|chip in|weigh in|jump in|touch (?:on|upon))\b",
    _I,
)
# a need told as what another body acknowledged or found ("It was over 30 years ago that the United Nations
# acknowledged that children need special protection"): a report of someone else's words, not the speaker's ask
_REPORTED_NEED = re.compile(
    r"\b(?<!\bwe )(?<!\bi )(?:acknowledged|recogni[sz]ed|declared|affirmed|stated|found|concluded|established|showed"
    r"|noted) that\b",
    _I,
)
# "needs" as a noun: what someone's needs are, or needs met, served, addressed ("the way public access computers have
# been leveraged to meet community needs", "tools that fit their needs"); the speaker's own ("our needs") may be an ask
_NOUN_NEEDS = re.compile(
    r"(?:\b(?:the|their|its|his|her|your|whose|these|those|basic|specific|special|different|particular|diverse)"
    r"|\b(?:meet|meets|meeting|met|address|addresses|addressing|addressed|serve|serves|serving|served|respond to"
    r"|responding to|fit|fits|suit|suits|cater to|catering to)(?:\s+[\w'’-]+){0,3})\s+$",
    _I,
)
# an ask put as an imperative, at the start of a sentence or clause ("Fund the coalitions!", "Please,
# governments in this room: put security standards into your procurement rules")
_IMPERATIVE = compile_cue(
    r"(?:^|[:;]\s+|\bplease,?\s+)(?:please,?\s+)?(?:(?:do\s+)?(?:put|create|fund|give|include|add|publish|set up"
    r"|support|ensure|open (?!the (?:floor|session|meeting|discussion|debate)\b)|invite|provide|recogni[sz]e|adopt|require|involve|finance|reserve|guarantee|translate"
    r"|invest in|establish|allocate|increase|listen to|protect|respect|count|bring|build|pay for|make (?!no\b|sure you\b"
    r"|it short\b)|help (?!yourself|yourselves)|let (?!us\b|me\b|'s\b|’s\b|it\b|them\b)))\b",
    _I,
)
# a request made as a noun phrase and "please", at the start of a sentence ("Text on screen in every room, please")
_POLITE = compile_cue(
    r"^\W*(?:and |so |but )?(?!(?:yes|no|ok|okay|go ahead|next|thank\w*|one moment)\b)"
    r"(?![^,]*\b(?:speakers?|floor|slides?|mic|microphone|questions?|next|quiet|silence|seats?|hands?|minutes?)\b)"
    r"[^.;:?!]{8,80}?,\s*please\b",
    _I,
)
# not being able to take part or keep going for want of money or support: a need in other words
_UNABLE = compile_cue(
    r"\b(?:cannot|can't|can not|could not|couldn't|are unable to|were unable to|is unable to|can no longer"
    r"|could no longer|are not able to|were not able to)\s+(?:[\w'’-]+\s+){0,2}(?:join|attend|come|take part"
    r"|participate|travel|afford|be here|be present|connect|continue|survive|keep|pay)\b",
    _I,
)
_FOR_WANT = compile_cue(
    r"\b(?:nobody|no one|no-one|none of [\w ]{1,20}) (?:covers?|pays?|funds?|finances?|supports?|sponsors?)\b"
    r"|\b(?:there is|there's|we have|they have) no (?:[\w-]+ ){0,2}(?:money|funding|funds|budget|support|fellowships?"
    r"|grants?|bursar(?:y|ies)|visas?)\b|\btoo expensive\b|\b(?:lack|lacks|lacking|absence|shortage) of\b",
    _I,
)
# an earlier promise named in the sentence that tells its fate ("A guide … was announced for 2024; it has been
# delayed", "the report that we promised in Addis is out"): the promise is on record even if its session is not
RETRO_PROMISE = compile_cue(
    r"\b(?:was|were|had been|has been|have been) (?:first |originally |initially )?(?:announced|promised|planned"
    r"|scheduled|foreseen|pledged|due|supposed to (?:come|be|appear))\b"
    r"|\b(?:that|which)?\s*(?:we|i|the coalition|our coalition) (?:had |have )?(?:announced|promised|pledged"
    r"|committed to|planned)\b|\b(?:the|our|its) (?:promised|announced|planned|long-awaited)\b",
    _I,
)
# the earlier promise named by whoever made it ("the review that Faisal promised in Bali", "As the Secretariat
# promised in Sharm") or by a participle after the deliverable ("our guide, announced in Nairobi, was printed"):
# what it names is on record (`retro_promise`), but the promise may be another actor's, so the sentence does not
# put a promise of the speaker's on record (`items._retro_promise` reads `RETRO_PROMISE` alone)
RETRO_NAMED = compile_cue(
    r"\b(?:that|which) [\w-]+(?:'s|’s)? (?:had |has )?(?:announced|promised|pledged)\b"
    r"|\bas (?:we|i|(?:the|our) [\w-]+|[A-Z][\w-]+) (?:had |has |have )?(?:announced|promised|pledged)\b"
    r"|,\s*(?:first |originally )?(?:announced|promised|pledged) (?:in|at|last|for|by|during)\b",
    _I,
)
# "we dropped it", "postponed that." — but not "completed this year"
PRONOUN_OBJECT = re.compile(
    r"^\W*(?:it|them|(?:this|that|these|those)(?=\s*(?:[.,;:!?]|$)|\s+(?:to|in|for|by|because|as|and|but|until)\b))\b",
    re.I,
)
_INTRO = compile_cue(
    # "I am Nadia Rahimi", "I am from …", "I am one of the coordinators …" (not "I am happy to say that …, as the
    # Bangladesh IGF asked us": a minister taking up an ask does not speak for the group that made it)
    r"\b(?:i am|i'm)\s+(?:from|with|at|the|a|an|one|part|here for|co-?[a-z]+|(?-i:[A-Z]))"
    r"|\b(?:i speak for|speaking for|on behalf of|representing|my name is|here for|member of|coordinator of"
    r"|co-?chair of|chair of|i work for|i work at|i come from)\b"
    # "I coordinate the post office coalition since 2020": what one runs says whom one speaks for
    r"|\bi\s+(?:co-?)?(?:coordinate|chair|convene|facilitate)\s+(?:the|our)\b",
    _I,
)


@dataclass(frozen=True)
class Cue:
    """What a sentence does (`signal`) and the words that said it (`start`..`end` in the sentence)."""

    signal: str  # response | slip | update | promise | delivery | enacted | need
    start: int
    end: int
    text: str
    about: str = ""  # response: "question" or "request"


# Every pattern behind one literal prefilter for all thread cues (issue 19; `resolve.cuefilter.SharedCue`'s
# idea, with a pool of its own so resolve's sentences are not scanned for these literals): the literals of
# all cue patterns a sentence holds are found once per sentence (not once per pattern), and a pattern that
# is one alternation also needs one alternative with all its literals present. Same matches (the filter
# only skips a pattern that cannot match); on the bench/stages sessions (4,552 sentences) most sentences
# now skip _RESPONSE, _UPDATE, _DELIVERY and _SLIP outright.
# The thread cues share one literal pool of their own (resolve's pool with these added made both
# slower). `items` asks one sentence several times in a row and again in later passes over the session
# (the shared transcript: 752 scans of 573 sentences when only 256 were remembered), so the family's
# default (4,096 texts, a few hundred KB) is kept: each sentence of a session is scanned once.
_GATE = CueFamily()  # which of the cues below a sentence can match, in one pass (`CueMemo`)


def _CueFilter(pattern: re.Pattern[str]) -> GatedCue:
    """The pattern behind the thread cues' one literal gate (`text.cuegate`)."""
    return _GATE.cue(pattern)


_Searcher = re.Pattern[str] | Prefiltered
_ORDER: tuple[tuple[str, _Searcher], ...] = (
    ("response", _CueFilter(_RESPONSE)),
    ("slip", _CueFilter(_SLIP)),
    # the count of work done (`_PROGRESS`) requires only "ed" and "of" as literals: its shape is tested first
    ("update", BranchTestedCue(_UPDATE, _GATE, _PROGRESS_BRANCHES, _may_count)),
    ("promise", _CueFilter(_PROMISE)),
    ("delivery", _CueFilter(_DELIVERY)),
    ("enacted", _CueFilter(_ENACTED)),
    ("need", _CueFilter(_NEED)),
)


_DELIVERY_FILTER = dict(_ORDER)["delivery"]
_SLIP_FILTER = dict(_ORDER)["slip"]
_NAMED: dict[str, _Searcher] = {"promise": _CueFilter(_PROMISE_NAMED), "delivery": _CueFilter(_DELIVERY_NAMED)}
_NOT_NEED_FAST = _CueFilter(_NOT_NEED)
_NON_ASK_FAST = _CueFilter(_NON_ASK)
_IMPERATIVE_FAST = _CueFilter(_IMPERATIVE)
_POLITE_FAST = _CueFilter(_POLITE)
_UNABLE_FAST = _CueFilter(_UNABLE)
_FOR_WANT_FAST = _CueFilter(_FOR_WANT)
_RETRO_FAST = _CueFilter(RETRO_PROMISE)
_RETRO_NAMED_FAST = _CueFilter(RETRO_NAMED)
_INTRO_FAST = _CueFilter(_INTRO)


class CueMemo:
    """The cue patterns' answers for one sentence, kept by whoever asks about that sentence several times.

    Why explicit: `items` asks `find_cue` about one sentence several times in a row (the response cue first, then
    every signal, then the signals left when a cue names no deliverable), and each asks `is_non_ask` too; the
    answers are kept for that sentence only, by the caller, so nothing is shared between threads or calls on
    other sentences (a module-level memo keyed by text was both). A memo asked about another sentence searches
    afresh and keeps nothing.
    """

    __slots__ = ("_found", "_met", "sentence")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._found: dict[int, re.Match[str] | None] = {}
        self._met: int | None = None  # the cues' required sets the sentence meets (`CueFamily.met`), once asked

    def search(self, pattern: _Searcher, sentence: str) -> re.Match[str] | None:
        """`pattern.search(sentence)`, remembered when `sentence` is this memo's; a cue whose literals the
        sentence lacks (`_GATE`, a `CueFamily`: one pass for all the cues) is not asked at all."""
        if sentence != self.sentence:
            return pattern.search(sentence)
        key = id(pattern)  # the patterns are module constants, alive as long as the module
        if key in self._found:
            return self._found[key]
        if _GATE.bits_of(pattern):  # a cue the gate rules on: one scan of the sentence for all of them
            if self._met is None:
                self._met = _GATE.met(sentence)
            if not _GATE.allows(pattern, self._met):
                self._found[key] = None
                return None
        found = self._found[key] = pattern.search(sentence)
        return found


def _search(pattern: _Searcher, sentence: str, memo: CueMemo | None = None) -> re.Match[str] | None:
    """`pattern.search(sentence)`, answered from `memo` when it is this sentence's and was asked before."""
    return memo.search(pattern, sentence) if memo is not None else pattern.search(sentence)


_NAME_GAP = re.compile(r"^[\s,'’s]*(?:\([^)]{0,20}\)\s*)?(?:\w+\s+){0,2}$")  # "DC3's members", "(DC3) also"


def _after_name(
    sentence: str, pattern: _Searcher, names: Sequence[tuple[int, int]], pos: int = 0
) -> re.Match[str] | None:
    """A match of `pattern` (from `pos` on) whose subject is a coalition name (ending at most three words before it)."""
    for match in pattern.finditer(sentence, pos):
        if any(end <= match.start() and _NAME_GAP.match(sentence[end : match.start()]) for _, end in names):
            return match
    return None


Spans = Sequence[tuple[int, int]]


def find_cue(
    sentence: str,
    *,
    signals: frozenset[str] | None = None,
    names: Spans | Callable[[], Spans] = (),
    own: Spans = (),
    memo: CueMemo | None = None,
) -> Cue | None:
    """The first signal (in the module's order) whose cue the sentence carries, or None.

    `names`: spans of coalition names in the sentence, so "The Dynamic Coalition on X will
    publish …" is a promise as "we will publish …" is; `own`: spans naming the speaker's own
    institution ("the Secretariat will create one page …", said by the Secretariat), read the same way.
    `names` may be a function that finds them: it is called only when a named-subject cue could
    fire, since finding coalition names costs more than all the cue patterns of a sentence. `memo`: the
    sentence's `CueMemo`, when the caller asks about it again (else one for this call).

    >>> find_cue("We will publish a toolkit before the next IGF.").signal
    'promise'
    >>> find_cue("The survey we announced did not happen.").signal
    'slip'
    """
    if memo is None or memo.sentence != sentence:
        memo = CueMemo(sentence)
    for signal, pattern in _ORDER:
        if signals is not None and signal not in signals:
            continue
        match = memo.search(pattern, sentence)
        if match is None and signal in _NAMED and memo.search(_NAMED[signal], sentence) is not None:
            if callable(names):
                names = names()
            if names or own:
                match = _after_name(sentence, _NAMED[signal], [*names, *own])
        if match is None and signal == "need":
            match = _other_need(sentence, memo)
        if match is None and signal == "response":
            match = _told_at_meeting(sentence, memo)
            if match is not None and (signals is None or "slip" in signals) and memo.search(_SLIP_FILTER, sentence):
                # "It was never written; in 2017 they told us there was no translator": the sentence states the
                # promise's fate and reports what was said of it; the fate is the item (a slip, tried next)
                match = None
            match = match or _asked_at_place(sentence)
        if match is None and signal == "promise":
            match = _dated_future(sentence) or _dated_will(sentence) or _shaped_promise(sentence, names, own)
        if match is None:
            continue
        if signal == "promise" and (_LEAD_IN.match(sentence, match.end()) or match.group(0).endswith(":")):
            # "What we will do: we will publish a review …", "Our promise: by 2022 we will publish …": the lead-in
            # announces the promise that follows (said without a verb, "Our promise: an online map", it is the cue)
            # said by the body's name ("One thing we will do: the ITU will publish …", said by the ITU) just as well
            later = next((m for m in pattern.finditer(sentence) if m.start() >= match.end()), None)
            if later is None and signal in _NAMED:
                names = names() if callable(names) else names
                later = _after_name(sentence, _NAMED[signal], [*names, *own], match.end()) if names or own else None
            if later is None:  # "And a new promise: we will install five satellite terminals …": any verb, by shape
                later = _shaped_promise(sentence, names, own, match.end())
            match = later or match
        if signal == "promise" and (cleft := _cleft(sentence, match)) is not None:
            return cleft
        if signal == "delivery" and (_asked(sentence, match) or _in_purpose(sentence, match)):
            continue
        if signal == "delivery" and _PART_DONE.search(sentence):
            # "Now four of our five countries have held their own national IGF": done in part, news of the promise.
            # Only when the caller asks for updates: a cue's signal is always one of `signals`, else the callers'
            # retries over the signals not yet tried (`items._turn_items`) never run out ("we translated nine of
            # the forty, …" came back as the update already tried, and the ingest hung)
            if signals is not None and "update" not in signals:
                continue
            return Cue("update", match.start(), match.end(), match.group(0))
        if signal == "need" and (
            memo.search(_NOT_NEED_FAST, sentence) or is_non_ask(sentence, memo) or _too_short(sentence, match)
        ):
            continue
        if signal == "need" and _not_the_ask(sentence, match):
            match = next((m for m in _NEED.finditer(sentence, match.end()) if not _not_the_ask(sentence, m)), None)
            if match is None:
                continue
        if signal == "update":
            done = _delivered_before(sentence, match, memo)
            if done is not None and signals is not None and "delivery" not in signals:
                continue  # a delivery is not what the caller asks for (see the count above)
            if done is not None:
                return done
        about = ""
        if signal == "response":
            said = match.group(0).lower()
            # "this was asked", "…, as the Bangladesh IGF asked us": a request taken up
            asked = (
                "asked" in said and not re.match(r"(?:this|that|it) was asked", said) and not said.endswith(" asked us")
            )
            about = "question" if "question" in said or asked or "wanted to know" in said else "request"
        return Cue(signal, match.start(), match.end(), match.group(0), about)
    return None


def _shaped_promise(
    sentence: str, names: Spans | Callable[[], Spans], own: Spans, start: int = 0
) -> re.Match[str] | None:
    """A promise by its clause's shape, any verb (`promiseshape`): the speaker's side or a name the caller knows
    as its subject, a modal of intention, a verb that names an output, an object. Names are looked up only when
    the sentence has a modal at all (finding them costs more than the cue patterns)."""
    if _ANY_MODAL.search(sentence) is None:
        return None
    spans = [*(names() if callable(names) else names), *own]
    return promise_shape(sentence, spans, start)


_ANY_MODAL = re.compile(r"\b(?:will|shall|going to|plans? to|intends? to|aims? to|undertakes? to|commit)|['’]ll\b", _I)
_LEAD_IN = re.compile(r"\s*:")
# a pseudo-cleft: "What we will do is put a page …", "What the Secretariat will do is to publish …"
_WHAT_BEFORE = re.compile(r"\bwhat\s+$", _I)
_CLEFT_VERB = re.compile(r"\s+(?:is|will be)\s+(?:to\s+)?[a-z]+\b", _I)


def _cleft(sentence: str, match: re.Match[str]) -> Cue | None:
    """The promise of a pseudo-cleft ("What we will do is put a page for rural hubs on the website"): the cue runs
    from "What" to the verb after "is", so the object the verb governs is the deliverable. Why: "what" before a cue
    otherwise says the cue names no deliverable ("to present what we produced"); in a cleft it announces one."""
    if not match.group(0).lower().endswith(" do"):
        return None
    what = _WHAT_BEFORE.search(sentence, max(0, match.start() - 12), match.start())
    verb = _CLEFT_VERB.match(sentence, match.end())
    if what is None or verb is None:
        return None
    return Cue("promise", what.start(), verb.end(), sentence[what.start() : verb.end()])


# a part of a promised whole said as a count: "four of our five countries", "12 out of 30 schools"
_PART_DONE = re.compile(rf"\b{_COUNT_WORD} (?:out )?of (?:our |the |its |their |all )?{_COUNT_WORD}\b", _I)


# a later clause joined on: "…, and a Spanish edition is being translated"
_LATER_CLAUSE = re.compile(r",\s+(?:and|but|while)\s", _I)


def _delivered_before(sentence: str, update: re.Match[str], memo: CueMemo | None = None) -> Cue | None:
    """The delivery a sentence tells in its main clause when its update cue sits in a clause joined on after it
    ("The guide … is online, in English and Portuguese, and a Spanish edition is being translated"): the
    sentence delivers what it opens with; the work going on is about another thing. None otherwise."""
    done = _search(_DELIVERY_FILTER, sentence, memo)
    if done is None or done.end() > update.start() or _asked(sentence, done):
        return None
    if _LATER_CLAUSE.search(sentence, done.end(), update.start()) is None:
        return None
    return Cue("delivery", done.start(), done.end(), done.group(0))


# a clause that says what a thing is for or waits on, not what happened ("… so that the names are removed before a
# judgment goes online", "until the report is out")
_PURPOSE = re.compile(
    r"\b(?:so that|in order that|before|until|unless|as soon as|whenever)\s+(?:[\w'’-]+\s+){0,8}$", _I
)


def _in_purpose(sentence: str, match: re.Match[str]) -> bool:
    """Whether a delivery cue sits in a clause of purpose or condition ("so that …", "before a judgment goes online"):
    that clause tells no delivery, so the main clause's own signal (a promise to add a checklist) is read instead."""
    return _PURPOSE.search(sentence, max(0, match.start() - 80), match.start()) is not None


# "how many women are online", "how much of it is now available": the clause asks for a figure
_ASKS_FIGURE = re.compile(r"\bhow (?:many|much|far|often|long)\b[^.;:!?]*$", _I)
# the end of the clause holding a match: the next sentence or clause stop after it
_CLAUSE_END = re.compile(r"[.;:!?]")


def _asked(sentence: str, match: re.Match[str]) -> bool:
    """Whether a delivery cue sits in a question, not a statement: its clause ends with "?" or
    asks for a figure ("How many women are online?", "we asked how many schools are online").
    A question about a state of things tells nothing was delivered."""
    if _ASKS_FIGURE.search(sentence, 0, match.start()):
        return True
    stop = _CLAUSE_END.search(sentence, match.end())
    return stop is not None and stop.group(0) == "?"


# what the floor said to an institution at a meeting it names ("In Katowice the health people told us that …")
_TOLD_US = _CueFilter(compile_cue(r"\b(?:told|asked|reminded|wrote to|urged|pressed) us\b", _I))


@lru_cache(maxsize=1)
def venues_by_year() -> dict[int, frozenset[str]]:
    """Year → the names of its IGF meeting's place (`resolve/data/places.toml`), each many-word name also by its
    first word when that word has four letters or more: people say "in Sharm", "in Addis", "in Nusa".

    Why: a response names the meeting an ask was made at as people say it ("The East African forum asked us in
    Sharm about the cable"); read only by its full name, the meeting is not named and the response not found."""
    from ..resolve.modes import load_venues

    out: dict[int, frozenset[str]] = {}
    for year, names in load_venues().by_year.items():
        short = {first for n in names if len(words := n.split()) > 1 and len(first := words[0]) >= 4}
        out[year] = frozenset(names) | frozenset(short)
    return out


@lru_cache(maxsize=1)
def _meeting_named() -> re.Pattern[str]:
    """A named IGF meeting: its host city or country (`venues_by_year`), a year, "last year"."""
    either = alternation(n for names in venues_by_year().values() for n in names)
    return re.compile(
        rf"\b(?:(?:in|at|from|since)\s+(?:the\s+)?(?:igf\s+(?:in\s+)?)?(?:{either}|(?:19|20)\d\d)|last year"
        r"|two years ago|at the last (?:igf|forum|meeting))\b",
        _I,
    )


_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WILL_HAVE = re.compile(r"\bwill (?:have|get|receive)\b", _I)
_HEDGE = re.compile(
    r"\b(?:hope|hoping|expect|believe|think|wish|dream|predict|probably|maybe|perhaps|if|unless|should|want|wants"
    r"|everybody|everyone|nobody|people)\b",
    _I,
)


@lru_cache(maxsize=1)
def _time_frame() -> re.Pattern[str]:
    """A deadline or a coming meeting a sentence opens its promise with: "by the end of 2012", "by December",
    "in 2013", "next year", "in Vilnius" (a meeting's place, `venues_by_year`)."""
    either = alternation(n for names in venues_by_year().values() for n in names)
    return re.compile(
        rf"\b(?:by (?:the end of |early |mid-|late )?(?:(?:19|20)\d\d|{_MONTH}|next year|the next (?:igf|forum|meeting))"
        rf"|(?:in|from) (?:(?:19|20)\d\d|{_MONTH})|next year|in (?:{either}))\b",
        _I,
    )


def _dated_future(sentence: str) -> re.Match[str] | None:
    """A promise told as what others will have by a date ("by the end of 2012 every district headquarters will have a
    public Internet centre", "in Vilnius every workshop room will have remote participation"): the date first, then
    "will have" within the same clause, its object the deliverable."""
    will = _WILL_HAVE.search(sentence)
    if will is None:
        return None
    frame = _time_frame().search(sentence, 0, will.start())
    if _HEDGE.search(sentence, 0, will.start()):  # "we hope that by 2030 every school will have …": a wish
        return None
    if frame is None or _CLAUSE_END.search(sentence, frame.end(), will.start()) or will.start() - frame.end() > 80:
        return None
    return will


# the speaker (or its body) and a future of any verb: "by 2015 we will bring these materials together in one portal"
_OWN_WILL = re.compile(
    rf"\b{_OWN}\s+(?:(?:also|then|now|soon|further)\s+)?(?:will|shall|'ll|’ll)\s+"
    r"(?:(?:also|then|soon|jointly|formally|finally)\s+)?(?P<verb>[a-z]+)\b",
    _I,
)
# verbs of talk, thought, presence, hospitality and trying, whose future names no output ("we will see in 2025", "we will meet
# again next year", "we will try next year"): a dated future of these is no promise
_NO_OUTPUT_VERB = frozenset(
    re.findall(
        r"\w+",
        "be have see know talk discuss hear listen meet come go return miss remember think keep wait try ask need want"
        " look get let tell say continue stay remain do not never invite thank welcome join attend visit celebrate",
    )
)


def _dated_will(sentence: str) -> re.Match[str] | None:
    """A promise of any verb that carries a date: the speaker's own "we will" (or its body's) and a time frame in
    the same clause, before or after it ("by 2015 we will bring these materials together in one online portal",
    "we will present a short note … in March 2018"). Why: the list of making verbs (`_MAKE`) is fitted to the words
    of the sessions seen so far; a dated future of the speaker's own is a promise whatever its verb, and the date is
    what makes it one to follow up (a date: a meeting's city alone, "in Geneva", is a place). A hedge before it ("we hope that by 2030 we will …") or a verb of talk and
    thought (`_NO_OUTPUT_VERB`) is none."""
    for will in _OWN_WILL.finditer(sentence):
        if will.group("verb").lower() in _NO_OUTPUT_VERB or _HEDGE.search(sentence, 0, will.start()):
            continue
        start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, will.start())), default=0)
        end_match = _CLAUSE_END.search(sentence, will.end())
        end = end_match.start() if end_match else len(sentence)
        if _DATE_FRAME.search(sentence, start, end):
            return will
    return None


# a date, not a place: "by 2015", "in March 2018", "next year" ("I will take it back to my colleagues in Geneva" names
# a meeting's city, and no deadline)
_DATE_FRAME = re.compile(
    rf"\b(?:by (?:the end of |early |mid-|late )?(?:(?:19|20)\d\d|{_MONTH}|next year|the next (?:igf|forum|meeting))"
    rf"|(?:in|from) (?:(?:19|20)\d\d|{_MONTH})|next year)\b",
    _I,
)


def _told_at_meeting(sentence: str, memo: CueMemo | None = None) -> re.Match[str] | None:
    """A response that reports what someone told the institution at a meeting it names: the ask taken up."""
    told = _search(_TOLD_US, sentence, memo)
    if told is None or _meeting_named().search(sentence) is None:
        return None
    return told


def _asked_at_place(sentence: str) -> re.Match[str] | None:
    """A response naming who asked and the place of the meeting ("to Faisal, who asked in Nairobi: …"); not one
    that repeats or supports what another asked there ("I repeat what Mei Lin asked in Riyadh")."""
    asked = _ASKED_AT_CUE.search(sentence)
    if asked is None or _SAID_AGAIN.search(sentence, 0, asked.start()):
        return None
    if _OWN_ASKER.search(sentence, 0, asked.start()):
        return None  # "Eight years after I first asked in Hyderabad, …": the speaker's own ask, said again
    return asked


# the speaker as the asker, an adverb or two between ("I first asked", "we already asked"): `_ASKED_AT`'s look-behind
# reads only the word right before the verb
_OWN_ASKER = re.compile(r"\b(?:i|we)\s+(?:[a-z]+\s+){0,2}$", re.I)


def _other_need(sentence: str, memo: CueMemo | None = None) -> re.Match[str] | None:
    """A need said without a need word: an imperative ask, or not being able to take part for want of money."""
    match = _search(_IMPERATIVE_FAST, sentence, memo) or _search(_POLITE_FAST, sentence, memo)
    if match is not None:
        return match
    unable = _search(_UNABLE_FAST, sentence, memo)
    if unable is not None and _search(_FOR_WANT_FAST, sentence, memo):
        return unable
    return None


def _not_the_ask(sentence: str, match: re.Match[str]) -> bool:
    """Whether a need cue only frames what the speaker tells next (`_SPEECH_FRAME`), is the noun "needs"
    (`_NOUN_NEEDS`), or sits in what another body is reported to have acknowledged (`_REPORTED_NEED`): a later
    need word of the sentence may still be its ask."""
    if match.re is not _NEED:
        return False
    if _SPEECH_FRAME.match(sentence, match.end()):
        return True
    if match.group(0).lower() == "needs" and _NOUN_NEEDS.search(sentence, max(0, match.start() - 80), match.start()):
        return True
    return _REPORTED_NEED.search(sentence, 0, match.start()) is not None


def _too_short(sentence: str, match: re.Match[str]) -> bool:
    """Needs have at least five words; an imperative ask ("Fund the coalitions!") three."""
    return len(sentence.split()) < (3 if match.re is _IMPERATIVE else 5)  # a polite noun phrase: five


def is_non_ask(sentence: str, memo: CueMemo | None = None) -> bool:
    """Thanks, floor procedure or a (rhetorical) question: never an ask, whatever need word it has.

    >>> is_non_ask("I would like to thank the hosts for the support they gave us.")
    True
    >>> is_non_ask("We need travel support for young people.")
    False
    """
    return _search(_NON_ASK_FAST, sentence, memo) is not None or sentence.rstrip("\"'”’)] ").endswith("?")


def is_intro(sentence: str) -> bool:
    """A self-introduction frame ("I am …", "speaking for …", "on behalf of …")."""
    return _INTRO_FAST.search(sentence) is not None


def retro_promise(sentence: str, *, named: bool = True) -> re.Match[str] | None:
    """`RETRO_PROMISE.search(sentence)`, else (`named`) `RETRO_NAMED`'s, behind the shared prefilter (most
    sentences name no earlier promise)."""
    found = _search(_RETRO_FAST, sentence)
    return found if found is not None or not named else _search(_RETRO_NAMED_FAST, sentence)
