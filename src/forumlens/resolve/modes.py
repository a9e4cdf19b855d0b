"""On site or online: what people say about where they are, and where the session met.

Few speakers say "I'm online"; they say it indirectly, and the rules below are the
general shapes of that:

- a remote speaker: "joining from Accra", "good evening from Santiago", "apologies, the
  power went out", "my connection is slow", "can you hear me?", "I could not travel" (or "get
  a visa"), "following from home", "watching from a hub", "it is 4 a.m. here" (a night hour
  where one is; also said bare, "it's 1 a.m., my children are asleep", or with the city,
  "it's 9 p.m. in Manila"), "I am on the phone, on the bus", "I raised my hand in Zoom", "I
  lost the audio";
- somebody in the room: "here in the room", "we are a few in the room", "here in Kyoto" or
  "happy to be with you in Kyoto" (the city where the IGF met that year, `data/places.toml`;
  not "I wish I could be with you in Kyoto"; "sorry not to be with you in Kyoto" is online),
  "a pleasure to be in Kyoto" (the host city, never its country), "to my right", "in person",
  "I flew in", "I just arrived", "the visa came only two days ago", "sitting in the second row",
  "I will moderate in the room", "good afternoon from the room", "sitting at the table with the
  laptops", "here at the stage", "from the back row", "the report here in my hand" and "more on
  the table at the back"; a trip told of another year ("Last year I came to the IGF") says
  nothing of now;
  "I bring greetings from Accra" carries a message from home and says nothing;
- a chair about others: "online we have …", "here in the room with me is …", "joining
  from Cape Town, …" (before the name) or "…, who joins us from Kigali", "who is sitting at
  the front with me" (after it); "joining us from" is always about somebody else; a position
  at the table ("on my left, …", "next to him, …") is the room, and running the online side
  from a city ("following the online room from Lagos") is online, from the back of the room not;
  "can you hear us?", "we see you on the big screen" and a talk that "comes on the video link"
  are online, "she came by the night train" the room;
  a seat at the table ("at the end of the table, …"), "in the building", "I see you arrived";
- a chair counting the panel: "three speakers in the room and one online", "all of them
  here in the room" (`speaker_split`): once one side is known, the rest are on the other;
  "all … here with us, except Professor X" puts the rest in the room once X is placed;
- a chair giving the floor to an unnamed voice: "the gentleman at the back", "the
  microphone in the aisle" (the room) or "anybody online?", "in the chat" (online);
- the session itself: a year the IGF met only online (2020) or a title that says it is a
  virtual meeting, webinar or call makes everyone online unless they say otherwise.

Each helper returns (online, on site) weights so callers can add them up per person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.datafiles import shipped_toml
from forumlens.resolve.platforms import meeting_pattern
from forumlens.text.fastre import Prefiltered
from forumlens.text.numbers import NUMBER_WORDS
from forumlens.text.wordstart import guarded

__all__ = [
    "ALL",
    "GREETING",
    "HUB_DUTY",
    "POINTING",
    "SOME",
    "Venues",
    "about_other",
    "floor_cues",
    "load_venues",
    "own_cues",
    "points_into_room",
    "session_default",
    "speaker_split",
]

_HERE = r"(?:here|over here)"
# A meeting platform, named as where one takes part ("on WebEx", "via Zoom", "in the Teams call").
_PLATFORM = meeting_pattern()
# "I moderate the remote hub here in Pokhara", "we are hosting the Dhulikhel hub": running a hub, which
# is where one is (online), and whom one speaks for (the hub, not the session's panel)
HUB_DUTY = re.compile(
    # a remote hub, or one "here": not "I coordinate the Innovation Hub", a body of that name
    r"\b(?:I|we)\s+(?:(?:am|are|will be)\s+)?(?:moderat\w*|run\w*|host\w*|coordinat\w*)\s+(?:a|our|the|this)\s+"
    r"(?:remote\s+(?:participation\s+)?hub|(?:(?-i:[A-Z])[\w'’-]+\s+)?hub\s+here)\b",
    re.IGNORECASE,
)
# `own_cues` asks these of every sentence of every speaker: each sits behind its literal
# prefilter (`text.fastre.Prefiltered`), which gives the pattern's own answers.
_OWN_ONLINE_STRONG = SharedCue(
    re.compile(
        r"\b(?:(?:joining|connecting|connected|calling|dialling|dialing|logging|logged)\s+(?:in\s+)?"
        # not "joining us from": that is said of somebody else joining the speaker's room
        r"(?:(?:you|today|this session)\s+)?(?:from|remotely|online|virtually|via)|"
        # "I bring greetings from Accra" conveys a message from home, it does not say where one is
        r"(?<!bring )(?<!brings )(?<!convey )(?<!extend )(?<!send )(?<!the )"
        r"(?:good (?:morning|afternoon|evening|night|day)|hello|hi|greetings|namaste|bonjour|salaam)"
        r"(?:\s+(?:to\s+)?(?:you|all|everyone|everybody))?,?\s+from\s+(?!the\s+(?:room|floor|hall|stage|back|front))|"
        r"(?:power|electricity|lights?|internet|connection|network|signal|bandwidth)\b(?:\s+[\w']+){0,4}?\s+"
        r"(?:went out|went off|is out|was cut|is cut|cut off|(?:keeps?|kept) (?:going|dropping|cutting)|"
        r"dropp(?:ed|ing)|may drop|is (?:unstable|slow|bad|weak|poor))|"
        r"my (?:internet |network )?(?:connection|bandwidth|camera|video|webcam) (?:is|was|keeps|may)|"
        r"(?:on|switch(?:ed)? to|from) my (?:phone|mobile)|"
        # "I raised my hand in Zoom", "I lost the audio": the meeting tool's side of the call
        rf"(?:I|we)\s+(?:have\s+)?(?:raised|raise|put up)\s+(?:my|our|a)\s+hand\s+(?:in|on|via)\s+(?:the\s+)?(?:{_PLATFORM}|chat)\b|"
        r"(?:I|we)\s+(?:have\s+|had\s+|just\s+)?lost\s+(?:the|my|our)\s+(?:audio|sound|connection|signal|video|line)\b|"
        # "it is 4 a.m. here", "it is almost midnight here": a night hour where one is, while the
        # session meets in the host city's day
        r"it(?:'s|’s| is)\s+(?:already\s+|almost\s+|nearly\s+|past\s+|now\s+)?(?:(?:[1-6]|12)(?:[:.]\d\d)?\s*a\.?\s?m\b\.?|"
        r"(?:9|10|11)(?:[:.]\d\d)?\s*p\.?\s?m\b\.?|(?:after\s+)?midnight|the middle of the night|late at night|"
        r"(?:one|two|three|four|five)(?:\s+o['’]clock)?\s+in the morning)\s*,?\s*"
        # "…here", or the hour said bare as where one is ("Yes, it's 1 a.m., my children are asleep"),
        # or with the city one is in ("it's 9 p.m. in Manila"; the host city is checked on its own)
        r"(?:(?:here|over here|where I am|for me|in my (?:city|country|time ?zone)|in\s+(?-i:[A-Z])[\w'’-]+)\b|"
        r"(?=\.?\s*[,;]|\.?\s*$|\.\s+(?-i:[A-Z])))|"
        # "I am on the phone, on the bus": taking part on the move
        # "I am parked at a petrol station", "I am in the car": dialling in on the road
        r"(?:I am|I'm|I’m)\s+(?:(?:on|in)\s+(?:the|a|my)\s+(?:phone|bus|train|taxi|car)|on the move|parked|driving)|"
        # "I am on WebEx from Jacmel", "I follow on Zoom", "I'm on the telephone line": the speaker
        # on the meeting's platform or line (not "there are people on WebEx": that is others)
        r"(?:I am|I'm|I’m|we are|we're|we’re)\s+(?:(?:also|still|here|connected|joining)\s+)?(?:on|in|via)\s+"
        rf"(?:the\s+)?(?:{_PLATFORM}|(?:tele)?phone line)\b|"
        r"(?:I|we)\s+(?:follow|join|participate|listen|watch|am following|am participating|am listening)\s+"
        rf"(?:[\w']+\s+){{0,2}}?(?:on|via|through)\s+(?:the\s+)?(?:{_PLATFORM})\b|"
        r"(?:I|we)\s+(?:could not|couldn't|cannot|can't|was not able to|wasn't able to|were not able to)\s+"
        r"(?:travel|come|be there|be with you|make it|join you in person|get (?:a|my|the|our) visas?)|"
        # "following from home", "watching from a hub in Kathmandu" (not "from the back of the room")
        r"(?:following|watching|listening|attending|participating)\s+(?:[\w']+\s+){0,3}?from\s+"
        r"(?!the\s+(?:room|floor|hall|stage|back|front|side))|"
        # (not "a question from the hub": where somebody else's words come from)
        r"(?<!question )(?<!questions )(?<!comment )(?<!comments )(?<!hand )(?<!message )"
        r"(?:from|at)\s+(?:a|our|the)\s+(?:remote\s+|local\s+)?hub\b|" + HUB_DUTY.pattern + r"|"
        # "I moderate the remote hub here in Pokhara": the one running a hub is at the hub
        # "I can see you on the room camera", "I see the room on my screen": the room seen from afar
        # (not "we see you on the screen": the room seeing a remote speaker)
        r"(?:I|we)\s+(?:can\s+)?(?:see|watch)\s+(?:you all|all of you|everybody|everyone|the room|the hall|the panel)\s+"
        r"(?:on|through|via|in)\s+(?:the|my|our)\s+(?:room\s+|room's\s+)?(?:camera|screen|webcast|stream|livestream)\b|"
        r"(?:I|we)\s+(?:can\s+)?(?:see|watch)\s+(?:you|it)\s+(?:on|through|via|in)\s+the\s+"
        r"(?:room\s+camera|room's\s+camera|webcast|livestream|live\s+stream)\b|"
        # "I have no camera today" (one's own picture in other words: `_own_picture`)
        r"I\s+(?:have|have got|'ve got|’ve got)\s+no\s+(?:camera|video|webcam)|"
        r"I\s+(?:do not|don't|don’t)\s+have\s+(?:a\s+|my\s+)?(?:camera|video|webcam)\b)\b",
        re.IGNORECASE,
    )
)
_OWN_ONLINE_WEAK = SharedCue(
    re.compile(
        r"\b(?:can (?:you|everybody|everyone) (?:all )?(?:hear|see) me|(?:I )?hope you can hear me|am I audible|"
        r"hope (?:my|the) (?:audio|sound|connection) is)\b",
        re.IGNORECASE,
    )
)
_OWN_ONSITE = SharedCue(
    re.compile(
        r"\b(?:(?:I am|I'm|I’m|we are|we're|we’re)\s+(?:[\w']+\s+){0,4}?(?:here\s+)?in the (?:room|hall)|"
        r"(?:in|into) the (?:room|hall) here|here (?:in|at) the (?:room|hall|venue)|"
        r"(?:I|we|to)\s+(?:see|have)\s+(?:[\w']+\s+){0,3}?(?:faces|people|hands?)\s+(?:here\s+)?in the (?:room|hall)|"
        # where one sits in the room: "I am sitting in the second row", "seated near the door"
        r"(?:sitting|seated|standing)\s+(?:[\w']+\s+){0,4}?(?:row|aisle|door|podium|stage)\b|"
        # "I'm sitting at the table with the two laptops" (not "at my kitchen table": at home)
        r"(?:sitting|seated)\s+(?:here\s+)?(?:at|by|near)\s+the\s+(?:[\w-]+\s+)?table\b|"
        # "I am here in Salle VIII at the front table", "sitting at the panel table"
        r"(?:here|sitting|seated)\s+(?:[\w']+\s+){0,4}?at\s+the\s+(?:front|head|top|panel|speakers['’]?)\s+table\b|"
        # "your host here at the little stage", "here on the podium"
        r"here\s+(?:at|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:stage|podium|lectern|dais)\b|"
        # "Hi, from the back row", "we are here in the third row"
        r"(?:from|in)\s+the\s+(?:back|front|first|second|third|fourth|fifth|last)\s+row\b|"
        # "I am sitting at the online desk here at the back of the hall", "I am sitting in the back",
        # "Hola, buenas tardes, here in the back"
        r"(?:here|sitting|seated|standing)\s+(?:[\w']+\s+){0,4}?(?:at|in) the (?:back|front|middle|corner|end) of the (?:room|hall)\b|"
        r"(?:sitting|seated|standing|here)\s+(?:at|in) the (?:back|front)\b|"
        # "I came all the way from Kampala to this room"
        r"(?:I|we)\s+(?:came|flew|travell?ed)\s+(?:all the way\s+)?from\s+[\w'’ -]{2,40}?\s+to (?:this|the) (?:room|hall|venue|forum|IGF)\b|"
        r"(?:I|we)\s+(?:just\s+|only\s+|almost\s+|nearly\s+|finally\s+)?arrived\b(?!\s+online)|jet[\s-]?lag(?:ged)?|"
        # "I was lost in the corridors of this congress centre": the building the speaker is in
        r"(?:in|at|of|around|inside|from)\s+(?:the\s+\w+\s+of\s+)?this\s+(?:(?:congress|conference|convention|exhibition)\s+"
        r"(?:centre|center|hall)|building|venue)\b|"
        r"(?:I am|I'm|I’m)\s+(?:here\s+)?in person|physically (?:here|present)|"
        r"(?:hello|good (?:morning|afternoon|evening)|greetings)(?:\s+(?:to\s+)?(?:you|all|everyone|everybody))?,?\s+"
        r"from (?:the|this) (?:room|hall|venue)\b|"  # "Good afternoon from the room in Katowice"
        # "the visa came only two days ago": the trip happened (not "I could not get a visa")
        r"(?:my|the|our)\s+visas?\s+(?:finally\s+|only\s+)?(?:came|arrived|was granted|was approved)|"
        r"(?<!not )(?<!never )(?<!n't )(?:got|received)\s+(?:my|the|our)\s+visas?\s+(?:just\s+)?in time|"
        # "I will moderate in the room", "I'll be here in the room"
        r"(?:I|we)\s+(?:will|'ll|’ll|shall)\s+(?:moderate|be|sit|stay|chair|take questions)\s+(?:here\s+)?in the (?:room|hall)|"
        r"(?:I|we)\s+(?:came|flew|travell?ed)\s+(?:all the way\s+)?(?:here|to)\b|(?:I|we)\s+(?:just\s+)?(?:flew|came)\s+in\b|"
        # the trip that brought them: "I came by bus from Cajazeiras, nine hours", "I came by the
        # night train from Narvik" (not "I came to this topic by chance")
        r"(?:I|we)\s+(?:came|travell?ed|drove|arrived)\s+(?:here\s+)?by\s+(?:the\s+)?(?:night\s+|overnight\s+|early\s+)?"
        r"(?:bus|coach|car|train|plane|boat|ferry|road|air)|"
        # "I came from Nouakchott especially for this forum"
        r"(?:I|we)\s+(?:came|flew|travell?ed)\s+from\s+[\w'’ -]{2,40}?\s+(?:especially|specially|just)\s+for\s+"
        r"(?:this|the)\s+(?:forum|meeting|workshop|session|IGF|event)|"
        # a place by the room's furniture: "I am standing at the lectern", "I am at the remote
        # participation desk by the wall", "I am sitting next to you" (said to the chair)
        r"(?:I am|I'm|I’m|we are|we're|we’re|sitting|seated|standing)\s+(?:here\s+)?(?:at|by|near|behind|next to|beside)\s+"
        r"the\s+(?:(?:remote|online|registration|technical|tech|help|press)\s+(?:participation\s+)?desk|"
        r"lectern|podium|pillar|door|aisle)\b|"
        r"(?:sitting|seated|standing)\s+(?:right\s+)?(?:next to|beside|in front of|opposite)\s+"
        r"(?:you|the (?:chair|chairman|chairperson|moderator))\b|"
        # the remote moderator's seat: "I am at the laptop here on the side", "…, at the laptop here by
        # the window", "from the laptop at the side of the stage" (not "at my laptop", nor "at home")
        r"(?:at|from|behind)\s+the\s+laptops?\s+(?:here\b|(?:at|on|by|near|in)\s+the\s+(?:[\w-]+\s+)?"
        r"(?:side|back|front|end|corner|window|door|wall|stage|table|podium|aisle|row)\b)|"
        # things of the room at hand: "they are here on the table", "on the table by the door",
        # "one microphone on this table", "my suitcase under the table", "I will hold up this red card"
        r"(?:is|are|it's|it’s|they're|they’re)\s+(?:right\s+)?here\s+on\s+the\s+tables?\b|"
        # (the room's, not "at the back of my office")
        r"on\s+the\s+tables?\s+(?:by|near|next to|at)\s+the\s+(?:door|entrance|exit|back|front)\b(?!\s+of\s+(?:my|our)\b)|"
        # a printed thing held up to the room: "I have the printed copy here in my hand"
        r"(?:copy|copies|report|book|booklet|flyer|leaflet|brochure|postcards?|paper)\s+(?:right\s+)?here\s+in\s+my\s+hands?\b|"
        # (not "at this stage": a point in time)
        # "I will be your chair this afternoon, from this podium"
        r"(?:on|at|around|under|from)\s+this\s+(?:table|podium|dais|lectern)\b|on\s+this\s+stage\b|"
        r"my\s+(?:suitcase|luggage|bags?|coat)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:under|on|by|behind|next to)\s+the\s+"
        r"(?:table|chair|door|stage)\b|"
        r"(?:hold|holding|raise|raising|show|showing|wave|waving)\s+up\s+(?:this|the|my|a)\s+(?:[\w-]+\s+)?"
        r"(?:card|sign|placard)\b|"
        # the way here: "I walked in three minutes", "I came straight from the airport"
        r"(?:I|we)\s+(?:just\s+)?walked\s+(?:here|in|over|across)\b|"
        r"(?:came|come|drove|arrived)\s+(?:here\s+)?(?:straight|directly|right)\s+from\s+the\s+"
        r"(?:airport|plane|station|train)\b|"
        # a seat at the room's table or microphone: "the one with the bell here at the head of the
        # table", "I am here at microphone number two", "standing by the floor mic" (not "my mic")
        r"(?:here|sitting|seated|I am|I'm|I’m)\s+(?:here\s+)?at\s+the\s+(?:head|end|far end|other end|middle|centre|center)\s+"
        r"of\s+the\s+table\b|"
        r"(?:I am|I'm|I’m|here|standing|sitting|seated)\s+(?:here\s+)?(?:at|by|near)\s+(?:the\s+)?"
        r"(?!my\b|your\b|our\b)(?:[\w-]+\s+){0,2}?(?:mic|microphone)\b|"
        # someone's seat or name card at the table: "I am sitting in her chair and her name card is
        # still on the table in front of me" (a speaker standing in for an absent one)
        r"(?:sitting|seated)\s+in\s+(?:his|her|their)\s+(?:chair|seat|place)\b|"
        r"name\s+(?:card|plate|tag|sign)\s+(?:is\s+)?(?:still\s+)?(?:here\s+)?on\s+the\s+table\b|"
        # the panel seated beside the speaker: "On my right is Ms. …", "On my left, Mr. …"
        r"(?:on|to)\s+my\s+(?:left|right)(?=\s*,|\s+(?:is|are|sits?|we have)\b))\b",
        re.IGNORECASE,
    )
)
# "online" says where someone is when no noun follows it ("Ana is online with us"); before a
# noun it describes a thing ("online abuse", "online safety").
_ONLINE_WORD = (
    r"online(?=\s*(?:[,.;:?!)\u2011-]|$|(?:with|from|and|or|too|today|now|at|in|on|for|to|is|are|was|were|who|"
    r"which|we|I|you|he|she|they|it|please|already|here|there|but|so|again|via|through|by|as|if|I'm|I’m|has|"
    r"have|had|will|would|can|could|should|may|might|must|do|does|did|not|also|still|right|tonight|tomorrow|"
    r"yesterday|this|that|these|those|the|a|an|me|him|her|them|us|my|your|his|their|our|just|only|then|"
    r"when|where|while|because|since|until|after|before|during|about)\b))"
)
_OTHER_ONLINE = re.compile(
    r"\b(?:"
    + _ONLINE_WORD
    + r"|remotely|virtually|in (?:the|our) zoom(?: room)?|(?:on|in|via) zoom|remote (?:participant|speaker)(?!s)|"
    # "Khadijetou is on the WebEx from Nouadhibou", "she is on the Skype from Almaty": where one
    # takes part, said of them (not "the questions on the WebEx chat", a place they write to)
    # ("… and is with us on the WebEx from Nuku'alofa": with us, on the platform)
    rf"(?:is|are|was|were|still|already|now)\s+(?:with\s+us\s+)?(?:on|in|via)\s+(?:the\s+)?(?:{_PLATFORM})\b(?!\s+chat)|"
    # "Sonam is on the telephone line from Thimphu", "who joins by phone": a voice on a line
    r"on the (?:tele)?phone line|on the line from|(?:is|are|was|still)\s+on the (?:tele)?phone\b|"
    # the meeting tool's controls, said by the chair: "a raised hand on the WebEx, Karim", "you are
    # unmuted", "you can unmute" (nobody in the room is unmuted by the host)
    rf"(?:raised\s+hand|hand\s+(?:is\s+)?(?:raised|up))\s+(?:in|on|via)\s+(?:the\s+)?(?:{_PLATFORM})\b|"
    r"(?:you\s+are|you're|you’re|you\s+(?:are\s+)?now)\s+unmuted|(?:you\s+)?(?:can|may)\s+unmute|"
    r"(?:please\s+)?unmute\s+(?:yourself|your\s+(?:mic|microphone|line))\b|"
    r"(?:joins?|joining|joined|connected|speaks?|speaking|calling)\s+(?:in\s+|us\s+)?(?:by|via|over|on)\s+"
    r"(?:the\s+)?(?:(?:tele)?phone|video(?:[\s-]?(?:conference|link|call))?|videoconference)\b|"
    # what the chair says of their picture or sound: "your picture has frozen", "I see him on the
    # screen already", "we see only your name on the screen"
    r"(?:your|her|his|their)\s+(?:picture|video|image|connection|sound|audio)\s+(?:has\s+|is\s+|just\s+)*"
    r"(?:frozen|froze|dropped|cut|breaking up|broke up)\b|"
    r"see\s+(?:him|her|you|them)\s+on\s+(?:the\s+)?(?:big\s+|large\s+|main\s+)?screen\b|(?:your|her|his)\s+name\s+on\s+the\s+screen\b|"
    # "Djamila, on the screen from Brockton", "Bożena and Tomasz on one screen": a picture in the room
    r"(?<!slides )(?<!slide )(?<!it )on\s+(?:the|one|a|the same|our)\s+(?:big\s+|large\s+|main\s+)?screen\b|"
    # the chair checking the line to them: "can you hear us?"; the talk "comes on the video link"
    r"can\s+you\s+(?:hear|see)\s+us\b|(?:comes?|coming)\s+(?:to\s+us\s+)?(?:on|over|via|by)\s+(?:the\s+|a\s+)?video\b|"
    r"(?:joins?|joining|joined|connects?|connecting|connected|calling in|dialling in)\s+(?:us\s+|in\s+)?"
    r"(?:from|remotely|online|virtually)|"
    # "who is following the online room from Lagos": running the online side from a place
    # (not "from the back of the room")
    r"(?:online|zoom|remote|virtual)\s+(?:room|side|participation|chat)\s+from\s+(?!the\b)(?-i:[A-Z])|"
    # "…, who … follows everything from Kampala"
    r"(?:follows|following|watches|watching)\s+(?:[\w']+\s+){0,3}?from\s+(?!the\b)(?-i:[A-Z]))",
    re.IGNORECASE,
)
_OTHER_ONSITE = re.compile(
    r"\b(?:on[\s‑-]?site|in the (?:room|hall)|here with (?:me|us)|with (?:me|us) here|on (?:the )?stage|from the floor|"
    r"here (?:on|at) the (?:table|podium|dais|panel)|"
    r"in person|(?:to|on|at) my (?:right|left)|"
    # a seat at the table ("at the end of the table, …", "with us at the table is …"), being in
    # the building, having arrived ("I see you arrived"): the room
    # ("at the corner of our table", "at the end of our row", "at the side table")
    r"at the (?:(?:end|other end|far end|head|middle|centre|center|side|corner) of (?:the|our|this) |"
    r"(?:side|front|head|panel|top|high|main)\s+)?(?:table|podium|dais|head table)|"
    r"at the (?:end|other end|far end|corner) of (?:the|our|this|my) row|"
    # "and sitting at the far end, behind the laptop, Dalia": the seat at the table's end
    r"(?:sitting|seated)\s+at the (?:far |other )?end\b|"
    r"(?:is|are|am) (?:already |now )?in the building|(?:has |have )?(?:just |finally )?arrived\b(?!\s+(?:online|in the (?:zoom|chat)))|next to (?:me|him|her)|beside (?:me|him|her)|"
    # "Salum, next to the Professor, …": the seat beside a panellist called by title
    r"(?:next to|beside)\s+(?:the\s+)?(?-i:Professor|Prof\.|Dr\.|Doctor|Minister|Ambassador|Senator|Deputy|Honourable|"
    r"Chair|Chairman|Chairwoman|Mr\.|Mrs\.|Ms\.|Madam|Madame)|"
    # "Behind me with the laptop is my colleague …" (not "no company behind me")
    r"(?:sits|sitting|seated|standing)\s+(?:right\s+)?behind\s+(?:me|us)\b|"
    r"behind me(?=\s*,?\s+(?:with|at|is|are|sits|sitting|we have)\b)|(?:here\s+)?at my side|physically (?:here|present)|"
    # "our remote moderator is at the back with the laptop"
    r"(?:is|are|sits|sitting|seated|standing)\s+(?:here\s+)?at the back\b|"
    # "my colleague Dounia at the laptop will take over the WebEx", "Onur is at the laptop by the
    # window": the remote moderator's seat in the room (not "at the laptop at home", "in her office")
    r"(?:at|behind) the laptops?\b(?!\s+(?:at|in|from)\s+(?:home|(?:my|his|her|their|our)\b))|"
    r"flew in|came all the way|travell?ed (?:all the way|a long way|far)|(?:at|in|from) the (?:back|front|middle|corner) of the (?:room|hall)|"
    # "he travelled from Santiago for this panel", "she came from Dakar to be with us"
    r"(?:came|travell?ed|flew)\s+(?:in\s+|here\s+)?from\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+"
    r"(?:for (?:this|the|our)|to (?:be with|join|attend)|yesterday|last night|this morning)|"
    # "she came by the night train from Narvik": the trip that brought them
    r"(?:came|travell?ed|drove|arrived)\s+(?:here\s+)?by\s+(?:the\s+)?(?:night\s+|overnight\s+|early\s+)?"
    r"(?:bus|coach|car|train|plane|boat|ferry|road|air)\b|"
    # "she came directly from the airport", "still with her suitcase next to the chair": the trip
    # just ended in the room
    r"(?:came|come|drove|arrived)\s+(?:here\s+)?(?:straight|directly|right)\s+from\s+the\s+(?:airport|plane|station|train)|"
    r"(?:with|and)\s+(?:his|her|their)\s+(?:suitcase|luggage)|"
    # "he's the one in the first row with two laptops": a seat in the room
    r"in the (?:first|second|third|fourth|front|back|last) row|"
    r"(?:sitting|seated)\s+(?:(?:right\s+)?here|(?:at|in) the (?:front|back|table|panel|podium|first row)|"
    r"(?:next to|beside|with|(?:closest|nearest|close|near)(?: to)?) (?:me|us)))\b",
    re.IGNORECASE,
)
# The same matches, tried only where a word starts (`text.wordstart`; issue 19).
_OTHER_ONLINE = guarded(_OTHER_ONLINE)
_OTHER_ONSITE = guarded(_OTHER_ONSITE)
_ADJECTIVAL = re.compile(
    r"\b(?:on[\s‑-]?site|online|in[\s‑-]person)\s+(?:interventions?|questions?|participants?|audience|"
    r"speakers?|attendees?|comments?|side|(?:and|or)\s+(?:on[\s‑-]?site|online|in[\s‑-]person|offline|remote|"
    r"in the room|here))\b|"
    # "in the room and online" describes everyone; ", and online we have Olaf" starts a new clause
    r"\b(?:and|or)\s+(?:on[\s‑-]?site|online)\b(?!\s+(?:we|I|you|is|are|there|with|today|now)\b)",
    re.IGNORECASE,
)
# "One more from online, Wendell?", "anything from online, Ana?": where the questions come from,
# asked of the one who reads them, says nothing of where that one is (said of a voice given the
# floor, "anybody online?" does place it: `floor_cues` keeps it)
_QUESTIONS_ONLINE = re.compile(
    r"\b(?:one\s+more|more|anything|anyone|anybody|somebody|someone|questions?|comments?|hands?)\s+"
    r"(?:from\s+)?online\b",
    re.IGNORECASE,
)
_FLOOR_ONSITE = re.compile(
    rf"\b(?:in (?:the|this) (?:room|hall)|at the back|in the (?:front|middle|corner|aisle|back)|"
    rf"(?:first|second|third|fourth|front|back|last) row|{_HERE}\b(?= in the)|"
    rf"(?:gentleman|lady|young (?:man|woman|lady)|man|woman|sir|madam)\s+(?:\w+\s+){{0,3}}?(?:there|{_HERE})\b|"
    rf"(?:the|a) (?:gentleman|lady|young (?:man|woman|lady))\s+(?:(?:who is\s+)?(?:standing|sitting|seated|walking|coming)\s+)?"
    rf"(?:in|with|at|on|behind|near|by|next to)\b|"
    # "the gentleman who is walking to the microphone now"
    rf"(?:walking|coming|going)\s+(?:up\s+)?to\s+the\s+(?:mic|microphone|podium|stage|front)\b|"
    # "One more here", "a hand there": pointing into the room
    rf"(?:one more|another (?:one|question|hand|comment)|a (?:question|hand|comment))\s+(?:from\s+)?(?:{_HERE}|there)\b|"
    # a chair pointing at a person ("Yes, the gentleman.", "Yes, madam, at the press table.")
    rf"(?:yes|okay|ok|please),?\s+(?:the|that)\s+(?:gentleman|lady|young (?:man|woman|lady))\s*[.,!]|"
    # a sentence that is only the pointing: "Thank you.  The young lady."
    # ("The lady, please.", "The gentleman there first.": courtesy words only)
    rf"^\s*(?:the|that)\s+(?:gentleman|lady|young (?:man|woman|lady))(?:\s*,?\s*(?:please|yes|now|first|next|go ahead))*\s*[.!]|"
    # the seat behind the voice just given the floor: "Behind him, yes, please."
    rf"^\s*(?:and\s+)?(?:then\s+)?(?:behind|next to|beside)\s+(?:him|her)\b|"
    # the room's own microphones: "there is a standing microphone in the centre aisle"
    rf"(?:standing|floor|audience)\s+(?:mic|microphone)s?\b|in the (?:[\w-]+\s+)?aisle\b|"
    rf"(?:madam|sir),?\s+(?:at|in|on|near|by|behind)\s+the\b|"
    # the microphone carried to the voice: "the microphone is coming", "we bring you the mic"
    rf"(?:mic|microphone) is (?:coming|on (?:its|the) way)|bring (?:you |her |him )?the (?:mic|microphone)\b|"
    rf"(?:hand|hands) (?:up )?(?:over )?(?:there|{_HERE})\b|(?:mic|microphone)s? (?:is |are )?(?:in|at) the\b|"
    # the chair calling a numbered floor microphone: "Microphone two, the lady.", "Mic one again."
    rf"(?:^|[.!?]\s+)(?:(?:yes|okay|ok|now|then),?\s+)?(?:mic|microphone)\s+(?:number\s+)?"
    rf"(?:\d{{1,2}}|one|two|three|four|five|six)\b(?=\s*(?:again\b|please\b|[,.!?]|$))|"
    # "I see a hand at the middle microphone", "someone at microphone two"
    rf"(?:at|by|near)\s+(?:the\s+)?(?!my\b|your\b|her\b|his\b)(?:[\w-]+\s+){{0,2}}?(?:mic|microphone)s?\b|"
    # the seat by the chair's own: "who is sitting on my left", "sitting across the table from me"
    rf"(?:sitting|seated)\s+(?:[\w']+\s+){{0,3}}?(?:my (?:left|right)|(?:from|next to|beside|opposite) me)\b)",
    re.IGNORECASE,
)
_FLOOR_ONLINE = re.compile(
    r"\b(?:online|zoom|(?:in|from) the chat|remote(?:ly)?|virtual(?:ly)?|unmuted?)\b", re.IGNORECASE
)
_VIRTUAL_TITLE = re.compile(
    r"\b(?:virtual|online)\s+(?:meeting|session|call|workshop|event|forum|conference|consultation)|"
    r"\bwebinar\b|\b(?:zoom|video|conference|coordination)\s+call\b",
    re.IGNORECASE,
)
_PLACE_HERE = SharedCue(
    re.compile(
        r"\b(?:here|(?:be|am|are|is)\s+(?:here\s+)?with\s+(?:you|all of you)(?:\s+all)?(?:\s+here)?)\s+(?:in|at)\s+"
        r"((?-i:[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+){0,2}))",
        re.IGNORECASE,
    )
)
# "a great pleasure to be in Baku", "we are finally in Baku": being in the host city, said
# without "here"; read only for the city (`_venue_city`), never as evidence for elsewhere.
_BE_IN = SharedCue(
    re.compile(
        r"\b(?:to be|I am|I'm|I’m|we are|we're|we’re)\s+(?:(?:now|finally|all|again|back)\s+)?in\s+"
        r"((?-i:[A-Z][\w'’\u2011-]+(?:\s+[A-Z][\w'’\u2011-]+){0,2}))",
        re.IGNORECASE,
    )
)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(str(n).casefold() for row in shipped_toml("countries.toml")["countries"] for n in row)


def _venue_city(place: str, venue: frozenset[str]) -> bool:
    """The host city (not its country: "to be in Brazil" is said from home as well)."""
    return place not in _countries() and any(place == v or place.startswith(v + " ") for v in venue)


# "I wish I could be with you in Kyoto": where the speaker is not.
_WISHED = re.compile(
    r"\b(?:wish|could not|couldn't|cannot|can't|unable|unfortunately|would have|would love|would like|hoped)\b",
    re.IGNORECASE,
)

# "not to be with you in Riyadh", "won't be here in Kyoto": the place cue denied right before it.
_DENIED = re.compile(r"\b(?:not|never|n't)\s+(?:to\s+)?be\b", re.IGNORECASE)


@dataclass(frozen=True)
class Venues:
    """Host city names by year, years the IGF met only online, and known place names (folded)."""

    by_year: dict[int, frozenset[str]]
    online_years: frozenset[int]
    places: frozenset[str]

    def venue(self, year: int | None) -> frozenset[str]:
        return self.by_year.get(year, frozenset()) if year is not None else frozenset()


@lru_cache(maxsize=1)
def load_venues() -> Venues:
    data = shipped_toml("places.toml")
    by_year = {int(row[0]): frozenset(str(v).casefold() for v in row[1:]) for row in data["venues"]}
    places = frozenset(c.casefold() for c in data["cities"]) | frozenset(v for names in by_year.values() for v in names)
    return Venues(by_year, frozenset(int(y) for y in data["online_years"]), places)


def session_default(title: str, year: int | None, venues: Venues | None = None) -> str | None:
    """ "online" for a session that met only online (a 2020 session, a webinar, a virtual call)."""
    v = venues or load_venues()
    if (year is not None and year in v.online_years) or _VIRTUAL_TITLE.search(title or ""):
        return "online"
    return None


def _here_places(sentence: str, venue: frozenset[str], places: frozenset[str]) -> tuple[float, float]:
    """ "here in Kyoto", "happy to be with you in Kyoto": on site when Kyoto is where the session
    met, online when it is elsewhere; not when the speaker wishes they were there."""
    online = onsite = 0.0
    for m in _PLACE_HERE.finditer(sentence):
        place = m.group(1).casefold()
        # "here in Sharm" for Sharm El Sheikh: a venue is often called by its first word
        at_venue = any(
            place == v or place.startswith(v + " ") or (len(place) >= 4 and v.startswith(place + " ")) for v in venue
        )
        if _DENIED.search(sentence, max(0, m.start() - 12), m.start() + 3):
            # "I am sorry not to be with you in Riyadh": says outright they are not there
            online += 1.0 if at_venue else 0.0
            continue
        if _WISHED.search(sentence, 0, m.start()):
            continue  # "I wish I could be with you in Kyoto": where they are not, and no more
        if at_venue:
            onsite += 1.5
        elif venue and (place in places or place.split()[0] in places):
            online += 1.0
    folded = sentence.casefold()
    if venue and not onsite and any(v in folded for v in venue):
        for m in _BE_IN.finditer(sentence):
            denied = _DENIED.search(sentence, max(0, m.start() - 12), m.start() + 3)
            if _venue_city(m.group(1).casefold(), venue) and not denied and not _WISHED.search(sentence, 0, m.start()):
                onsite += 1.5
                break
    return online, onsite


# A third-person subject right before a cue: the words are about others ("some connecting
# online", "Rahul, who is joining us from Bangalore", "people connecting from far away"); or
# the object of "we have" / "there are" that the cue describes ("we have remote hubs connected
# from Dhaka", "there are two colleagues joining from Lima"; not "I have been connected from home").
# A remark dropped in between ("someone who is, I am told, dialling in") leaves the subject as it is.
_ASIDE = r"(?:,\s*(?:I\s+(?:am|was|have\s+been)\s+told|I\s+(?:think|believe|understand|hear)|apparently)\s*,\s*)?"
_OTHERS_BEFORE = re.compile(
    r"\b(?:who|he|she|they|some|someone|somebody|others|people|participants|colleagues|those|many|speakers|"
    r"friends|panell?ists|everyone|everybody|all)\s+(?:(?:is|are|was|were|who|will be|also|still|now)\s*){0,2}"
    + _ASIDE
    + r"$|"
    r"\b(?:(?:we|I)(?:\s+(?:also|now|still|already))?\s+(?:have|(?:have\s+)?got)|we['’]ve(?:\s+got)?|"
    r"there\s+(?:is|are|was|were))\s+(?!been\b)(?:[\w'’-]+\s+){1,5}$",
    re.IGNORECASE,
)


# "She came directly from the airport": a room cue with another person as its subject (not "they",
# "there are": "they are here on the table" are the speaker's leaflets).
_SHE_BEFORE = re.compile(r"\b(?:he|she)\s+(?:(?:is|was|has|also|still|just)\s+){0,2}$", re.IGNORECASE)


def _own(pattern: Prefiltered, sentence: str) -> int:
    """Cue matches in a sentence that are not said about a third person."""
    return sum(
        1 for m in pattern.finditer(sentence) if not _OTHERS_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
    )


# What one says of one's own picture, sound or slides: "the picture is frozen on my side", "on my
# side the slides are a black square". All three must be said: "on my side" alone is often "for my
# part" ("On my side, I will show some slides").
_MY_SIDE = re.compile(r"\b(?:on|at) my (?:side|end)\b", re.IGNORECASE)
_AV = re.compile(r"\b(?:picture|video|image|screen|sound|audio|slides?|camera)\b", re.IGNORECASE)
_AV_STATE = re.compile(
    r"\b(?:frozen|froze|freezing|stuck|black|blank|grey|gray|dark|choppy|lagging|delayed|breaking up|"
    r"not working|(?:does|do) not work|(?:doesn|don)['’]t work|gone|cut)\b",
    re.IGNORECASE,
)


def _own_picture(sentence: str) -> bool:
    return bool(_MY_SIDE.search(sentence) and _AV.search(sentence) and _AV_STATE.search(sentence))


# "Last year I came to the IGF with …", "in 2019 I flew to the forum": a trip told of another year
# says nothing of where one is now.
_PAST = re.compile(
    r"\b(?:last|previous|past)\s+(?:year|time|month|edition|forum|IGF)\b|\b(?:years?|months?)\s+ago\b|"
    r"\bin\s+(?:19|20)\d\d\b|\bback\s+(?:in|then)\b|\bthe\s+first\s+time\b|\bwhen\s+I\s+(?:was|first)\b",
    re.IGNORECASE,
)


def _told_of_before(sentence: str, at: int) -> bool:
    """Whether the clause up to `at` is set in another year ("Last year I came …"; not "In 2019 I
    was in Berlin; this year I just arrived")."""
    start = max(sentence.rfind(turn, 0, at) for turn in (";", " but ", "this year", " now "))
    return _PAST.search(sentence, max(start, 0), at) is not None


# A late arrival excused by the venue's own obstacles: "sorry for the delay, the security did not
# believe my badge photo", "sorry, the queue was very long", "my apologies, I was stuck in the main
# hall and ran the whole corridor". All three must be said (an apology, being held up, a place of the
# building); the meeting tool's side of a delay ("stuck in the Zoom waiting room") is not the building.
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|excuse me|forgive me)\b", re.IGNORECASE)
_HELD_UP = re.compile(r"\b(?:late|delay(?:ed)?|queues?|stuck|ran|rushed|running)\b", re.IGNORECASE)
_BUILDING = re.compile(
    r"\b(?:queues?|security|badges?|corridors?|registration|stairs|staircase|lifts?|elevators?|shuttle|"
    r"entrance|building|(?:main|plenary|wrong)\s+(?:hall|room))\b",
    re.IGNORECASE,
)
_ON_THE_LINE = re.compile(
    r"\b(?:zoom|webex|teams|link|connection|connect\w*|online|waiting\s+room|lobby|password|internet|app|"
    r"audio|video|platform|host|network|signal)\b",
    re.IGNORECASE,
)


_APOLOGY_WORDS = ("sorry", "apolog", "excuse", "forgive")


def _late_in_person(sentence: str) -> bool:
    """A late arrival excused by the building ("sorry, the queue was very long"): in the room."""
    low = sentence.lower()
    if not any(word in low for word in _APOLOGY_WORDS):
        return False  # asked of every sentence: the regular expressions only where an apology is
    return bool(
        _APOLOGY.search(sentence)
        and _HELD_UP.search(sentence)
        and _BUILDING.search(sentence)
        and not _ON_THE_LINE.search(sentence)
    )


# "Good morning, Berlin", "namaste Berlin", "Hello, Addis, hello everybody": the host city greeted by
# name, as one greets a room one is not in (`_greets_venue`; the city's name, never its country).
GREETING = (
    r"(?:hello|hi|hey|good\s+(?:morning|afternoon|evening|day)|greetings|namaste|bonjour|bonsoir|hola|"
    r"buen(?:os|as)\s+(?:d[ií]as|tardes|noches)|salaam|salam|marhaba|ciao|hallo|guten\s+(?:morgen|tag|abend)|"
    r"ol[aá]|bom\s+dia|boa\s+(?:tarde|noite)|kalimera|merhaba|jambo|habari|muraho|talofa|kia\s+ora|sawubona)"
)
_GREETED_PLACE = re.compile(
    rf"\b{GREETING},?\s+(?:(?:to\s+)?(?:you\s+(?:in|all\s+in)\s+))?"
    r"((?-i:[A-Z])[\w'’\u2011-]+(?:\s+(?-i:[A-Z])[\w'’\u2011-]+)?)(?=\s*(?:[,.;:!?]|$|and\b))",
    re.IGNORECASE,
)


def _greets_venue(sentence: str, venue: frozenset[str]) -> bool:
    """The host city greeted by name ("Good morning, Berlin"): said to the room from elsewhere."""
    if not venue:
        return False
    folded = sentence.casefold()
    if not any(v.split()[0] in folded for v in venue):
        return False  # asked of every sentence: the pattern only where the host city's name is
    for m in _GREETED_PLACE.finditer(sentence):
        place = m.group(1).casefold()
        if place not in _countries() and any(place == v or v.startswith(place + " ") for v in venue):
            return True
    return False


def own_cues(sentence: str, year: int | None, venues: Venues | None = None) -> tuple[float, float]:
    """(online, on site) weight of the speaker's own sentence."""
    v = venues or load_venues()
    online = 1.5 * _own(_OWN_ONLINE_STRONG, sentence) + 0.75 * len(_OWN_ONLINE_WEAK.findall(sentence))
    online += 1.5 * _own_picture(sentence)
    onsite = 1.5 * sum(
        1
        for m in _OWN_ONSITE.finditer(sentence)
        # "She came directly from the airport": the room, but hers, not the speaker's
        if not _told_of_before(sentence, m.start())
        and not _SHE_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
    )
    onsite += 1.5 * _late_in_person(sentence)
    online += 1.5 * _greets_venue(sentence, v.venue(year))
    here_online, here_onsite = _here_places(sentence, v.venue(year), v.places)
    return online + here_online, onsite + here_onsite


def about_other(words: str) -> tuple[int, int]:
    """(online, on site) cue counts in words about another person ("who joins us from Kigali",
    "here in the room with me is"); "online or on site" and "online participants" describe
    others in general, and "one more from online" where questions come from, so they are left out."""
    text = _QUESTIONS_ONLINE.sub(" ", _ADJECTIVAL.sub(" ", words))
    online = len(_OTHER_ONLINE.findall(text))
    onsite = 0
    for m in _OTHER_ONSITE.finditer(text):
        # "she is not in the room", "he isn't here with us": the room denied is where they are not
        if _NOT_THERE.search(text, max(0, m.start() - 16), m.start()):
            online += 1
        else:
            onsite += 1
    return online, onsite


# Right before a room cue: "is not", "isn't", "could not be", "is not yet" — the cue denied.
_NOT_THERE = re.compile(r"(?:\bnot|n['’]t)\s+(?:(?:be|yet|physically)\s+)?$", re.IGNORECASE)


def floor_cues(words: str) -> tuple[int, int]:
    """(online, on site) cues in a chair's words giving the floor to an unnamed voice."""
    text = _ADJECTIVAL.sub(" ", words)
    return len(_FLOOR_ONLINE.findall(text)), len(_FLOOR_ONSITE.findall(text))


# Weight of a speaker pointing into the room ("the gentleman at the back", "Nafisa, who is sitting
# next to me"): one who sees the room is in it. Weaker than one own-words cue, so any word of
# theirs about where they are outweighs it.
POINTING = 0.5
# What the pointing leaves out: "the people in this room" is said to the audience from anywhere, and
# "the gentleman in Honiara" points at a named place, not at a seat.
_NOT_POINTING = re.compile(r"\bin\s+(?:the|this)\s+(?:room|hall)\b|\b(?:in|from|of|at)\s+(?-i:[A-Z])", re.IGNORECASE)
# Asked of every sentence of every speaker: behind their literal prefilters, and the online side
# only where the room's side matched.
_POINT_AT_SEAT = Prefiltered(_FLOOR_ONSITE)
_SEAT_BY_ME = Prefiltered(_OTHER_ONSITE)
# one's own seat as the point of reference: "next to me", "on my left" (never "I")
_SELF_PLACE = re.compile(r"\b(?:me|my)\b", re.IGNORECASE)
# Words one of which every room-side floor cue holds (`_FLOOR_ONSITE`'s alternatives, lower-cased):
# a sentence with none is not asked (the pattern costs ~8 µs a sentence; this, ~1 µs).
_ROOM_PLACES = ("room", "hall", "back", "front", "middle", "corner", "aisle", "row", "here")
_ROOM_POINTERS = ("man", "lady", "sir", "madam", "mic", "podium", "stage", "sitting", "seated")
_FLOOR_WORDS = _ROOM_PLACES + _ROOM_POINTERS


def points_into_room(sentence: str) -> bool:
    """The speaker sees the room, so is in it: they give the floor to a place in it (`floor_cues`
    on the room's side: "the lady at the back", "the microphone in the aisle") or tell another's
    seat from their own ("who is sitting next to me", "on my left", `about_other`), with no online
    cue beside it ("Tinashe, on the screen, joining from Harare" is left unsaid)."""
    low = sentence.lower()
    if any(word in low for word in _FLOOR_WORDS) and _POINT_AT_SEAT.search(sentence):
        online, onsite = floor_cues(_NOT_POINTING.sub(" ", sentence))
        if onsite and not online:
            return True
    if _SELF_PLACE.search(sentence) and _SEAT_BY_ME.search(sentence):
        online, onsite = about_other(sentence)
        return bool(onsite) and not online
    return False


_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_PANEL = r"(?:\s+(?:of\s+(?:them|our\s+speakers)\s+|speakers?\s+|panell?ists?\s+|presenters?\s+))?"
_ROOM = r"(?:here|in the (?:room|hall)|on ?site|on-site|in person|with (?:me|us)(?: here)?)"
_AWAY = r"(?:online|remote(?:ly)?|connected|on zoom)"
# "we have three speakers in the room and one online", "two here and two online", and the other order.
# This and `_ALL` sit behind their literal prefilter (`text.fastre`): asked of every chair's turn,
# matched by few.
_SPLIT = Prefiltered(
    re.compile(
        rf"\b{_NUM}{_PANEL}\s*{_ROOM}\s*,?\s+and\s+{_NUM}{_PANEL}\s*{_AWAY}\b|"
        rf"\b{_NUM}{_PANEL}\s*{_AWAY}\s*,?\s+and\s+{_NUM}{_PANEL}\s*{_ROOM}\b",
        re.IGNORECASE,
    )
)


# "three speakers, all of them here in the room with me", "all our panellists are online today"
_ALL = Prefiltered(
    re.compile(
        rf"\b(?:{_NUM}\s+(?:speakers|panell?ists|presenters)\b[^.;]{{0,30}}?\b(?:all|both)(?:\s+of\s+them)?|"
        rf"(?:all|both)\s+(?:of\s+)?(?:our|the)\s+(?:speakers|panell?ists|presenters))"
        rf"(?:\s+are)?(?:\s+(?:here\s+)?(?P<room>{_ROOM})|\s+(?P<away>{_AWAY}))\b",
        re.IGNORECASE,
    )
)
ALL = 99  # "all of them": as many as the panel has
SOME = -1  # "all … here with us, except Professor X, who joins by video": the exceptions, however many
_EXCEPT = re.compile(
    r"\s*,?\s*(?:on the (?:podium|stage|panel)\s*,?\s*)?(?:except|apart from|but not|save)\b", re.IGNORECASE
)


def _count(word: str) -> int:
    return NUMBER_WORDS.get(word.lower(), 0) or int(word)


# "two of our speakers sit here in the room with me.  The third is on the WebEx": the room's count,
# then the one left over placed online in the next sentence (one, whatever the ordinal)
_REST_AWAY = Prefiltered(
    re.compile(
        rf"\b{_NUM}{_PANEL}\s*(?:(?:are|sit|are\s+sitting|are\s+seated)\s+)?{_ROOM}\b[^.;?!]{{0,60}}[.;]\s+"
        r"(?:and\s+)?the\s+(?:second|third|fourth|fifth|other|last|remaining)(?:\s+(?:one|speaker|panell?ist|presenter))?\s+"
        rf"(?:is|joins(?:\s+us)?|will\s+join(?:\s+us)?)\s+(?:{_AWAY}|(?:on|via)\s+(?:the\s+)?(?:{_PLATFORM}))\b",
        re.IGNORECASE,
    )
)


def speaker_split(words: str) -> tuple[int, int, int, int] | None:
    """(on site, online, start, end) of a chair's count of the panel by where they are ("three
    speakers in the room and one online", "two of them sit here in the room.  The third is on
    Zoom"; `ALL` on one side for "all of them here in the room"),
    else None. Once the speakers on one side are all known, the others of the panel are on the
    other side: the session said so."""
    m = _SPLIT.search(words)
    if m is not None:
        a, b, c, d = m.groups()
        room, away = (a, b) if a is not None else (d, c)
        return _count(room), _count(away), m.start(), m.end()
    rest = _REST_AWAY.search(words)
    if rest is not None:
        return _count(rest.group(1)), 1, rest.start(), rest.end()
    every = _ALL.search(words)
    if every is None:
        return None
    if every.group("room"):
        # "all of our panelists are here with us on the podium, except Professor Fernandez":
        # the room holds all but the exceptions, who are named (and placed) on their own
        away = SOME if _EXCEPT.match(words, every.end()) else 0
        return (ALL, away, every.start(), every.end())
    return (0, ALL, every.start(), every.end())
