"""Ask units: the pieces of a sentence the ask classifier judges one at a time.

Why: captions of spoken, often non-native English run several asks into one "sentence"
("… so what we ask is the ministry must …, and also the training for …, so we need some
funding …") and speakers voice lists as items ("One, funding: …; two, a contact person
…"). Judged whole, such a line yields one ask at most; cut at list markers, semicolons
and, in long sentences, at clause conjunctions after a comma, each piece is one
candidate. Short sentences are one unit, as before. Spans are relative to the sentence,
so a unit's text is always an exact slice of the transcript (reports quote it).
"""

from __future__ import annotations

import re

from .askcues import ASK, COMMIT, IMPERATIVE_ALT

__all__ = ["LONG_WORDS", "MIN_WORDS", "ask_units", "opens_next"]

LONG_WORDS = 28  # a sentence this long is cut at clause conjunctions too
MIN_WORDS = 3  # shorter pieces are glued to the piece before

# "One, …", "two, …", "First, …", "Secondly: …", "Number three, …", "A: …" (after a comma,
# semicolon or colon; at the start of a sentence the splitter already separated them).
_LIST_MARK = re.compile(
    r"[;,:]\s+(?=(?:and\s+)?(?:(?:one|two|three|four|five|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?"
    r"|fifth|finally|lastly|number (?:one|two|three|four|five))\b\s*[,:]|[a-e]\s*[:)]))",
    re.I,
)
_SEMI = re.compile(r";\s+")
# A caption line that ends a sentence ends the unit, though the splitter ran on ("… they borrow
# the husband's.\nSo we recommend that …"): the next line's words are a unit of their own, on
# their own line.
_LINE_END = re.compile(r"(?<=[.!?])[ \t]*\n\s*(?=\S)")
# A caption line this long is a run-on line of its own, not a caption wrapped at a screen's width:
# where it ends, with or without punctuation, the next line's words are the next thought ("…
# the search does not find content in the small languages\nso from this the draft proposes …",
# round 24). Wrapped captions hold a few words a line; a line break after fewer words stays inside.
RUN_ON_LINE_WORDS = LONG_WORDS
_NEWLINE = re.compile(r"[ \t]*\n\s*(?=\S)")


class _RunOnLineEnd:
    """Line breaks after a caption line of `RUN_ON_LINE_WORDS` words or more."""

    def finditer(self, text: str, a: int, b: int) -> list[re.Match[str]]:
        out = []
        start = a
        for m in _NEWLINE.finditer(text, a, b):
            if _words(text[start : m.start()]) >= RUN_ON_LINE_WORDS:
                out.append(m)
            start = m.end()
        return out


# "My message to the regulators is simple: give us …", "To the libraries: open …": what
# follows a colon is its own unit (the heading stays in the unit's context).
_COLON = re.compile(r"(?<=\w):\s+(?=\S)")
# An imperative clause after a comma in a long line (", literally, fund the travel of …").
_IMPERATIVE_CLAUSE = re.compile(
    rf",\s+(?=(?:and\s+)?(?:please\s+)?(?:{IMPERATIVE_ALT})\s+(?:the|our|a|an|your|more|us|them|it|this|these|those"
    rf"|all|every|each|at least|some)\b)",
    re.I,
)
# ", and UNESCO and UN Women should fund …": a second subject with its own modal.
_SECOND_MODAL = re.compile(
    r",\s+(?=and\s+(?:[\w'‑-]+\s+){1,5}?(?:should|must|ought to|could|will|need to|have to|has to)\b)", re.I
)
# Caption lines with no punctuation at all ("… so what we ask is … and also the training
# for … and third the host countries should …"): cut before the words that open a new
# clause in speech, without the comma the other cuts need.
_BARE = re.compile(
    r"(?<!\band)\s+(?=(?:and\s+(?:also|then\s+also|second(?:ly)?|third(?:ly)?|finally|lastly)\b"
    r"|also\s+(?:i|we|the|please)\b|so\s+(?!that\b|much\b|many\b|far\b|called\b|long\b)(?:what\s+)?(?:we|i|the|our|my|please)\b"
    r"|(?:second|third|fourth)(?:ly)?\s+(?:thing|point|request|one)?\b"
    r"|(?:we|i)\s+(?:would\s+like|need|want|ask|urge|call|will|should|must)\b"
    r"|(?:because|otherwise|but)\b))",
    re.I,
)
# "…, and I am happy to share ours", "…, and our company will offer internships …": after an
# ask, the speaker's side takes something on in its own clause (an offer or a commitment),
# in sentences of any length.
_SELF_CLAUSE = re.compile(
    r",\s+(?=and\s+(?:i|we|our\s+[\w'‑-]+|my\s+[\w'‑-]+)\s+(?:will|shall|am|are|is|'m|'re|'ll|would be|can|commit)\b)",
    re.I,
)
# The clause before already takes something on ("Our forum is ready to host …, and we will
# cover the venue"): one commitment, not a second unit.
_TAKES_ON = re.compile(r"\b(?:will|shall|'ll|ready to|happy to|willing to|glad to|prepared to|commit\w*)\b", re.I)
SPARSE_WORDS = 20  # a long sentence with fewer than one punctuation mark per this many words is unpunctuated
# ", and the ministries should …" opens a clause; ", and the right for the reporter to take time
# off" (no verb of its own) is one more item of the list before it, not a new thought.
_VERB = r"(?:should|must|will|shall|can|could|would|need|needs|has|have|is|are|was|were|do|does|may|might)\b"
# Clause starts that begin a new thought in run-on speech: ", and also …", ", so we need …".
_CLAUSE = re.compile(
    rf",\s+(?=(?:and\s+also|and\s+then|and\s+(?:we|i|they|our|please)|and\s+the\s+(?=(?:[\w'‑-]+\s+){{0,5}}?{_VERB}|(?:[\w'‑-]+\s+){{1,2}}to\s)"
    r"|so(?!\s+that\b)|but|also|then|otherwise|please"
    r"|we\s+(?:need|ask|want|would|will|are|should|must|have)|i\s+(?:would|want|think|ask|call|invite|urge)"
    r"|my\s+(?:recommendation|ask|request|message|suggestion|proposal))\b)",
    re.I,
)


# "We recommend both: …", "we propose the following: …", "I suggest two things: …": a head that
# recommends and names how many things follow announces a list; its items are what it recommends.
_ANNOUNCED = re.compile(
    r"\b(?:i|we)(?:\s+(?:would|'d|also|strongly|really|just))*\s+(?:recommend|suggest|propose|advise|urge|ask\s+for)\s+"
    r"(?:both|the\s+following|these|this|(?:two|three|four|five|several|a\s+few|some)(?:\s+[\w'‑-]+)?)\s*$",
    re.I,
)
HEADING_WORDS = 8  # a colon's head this short that states a need introduces what follows it


class _AfterHeading:
    """`_COLON` cuts, except after a short head that itself states the need ("What we need is
    spectrum: we ask regulators to …", "We need two things: …"): the head announces the ask
    the words after the colon spell out, so both are one unit, not the need and then the
    same need put to a body. So is a short head that recommends and says how many things follow
    ("We recommend both: …", `_ANNOUNCED`): cut there, its unit was "We recommend both" (stop 41)."""

    def finditer(self, text: str, a: int, b: int) -> list[re.Match[str]]:
        out = []
        start = a
        for m in _COLON.finditer(text, a, b):
            head = text[start : m.start()]
            if not (_words(head) <= HEADING_WORDS and (ASK.search(head) or _ANNOUNCED.search(head))):
                out.append(m)
            start = m.end()
        return out


class _SelfClause:
    """`_SELF_CLAUSE` cuts, except after a clause that already takes something on."""

    def __init__(self, text: str) -> None:
        self.text = text

    def finditer(self, text: str, a: int, b: int) -> list[re.Match[str]]:
        out = []
        start = a
        for m in _SELF_CLAUSE.finditer(text, a, b):
            if not _TAKES_ON.search(text, start, m.start()):
                out.append(m)
            start = m.end()
        return out


def _cut(
    text: str,
    pattern: re.Pattern[str] | _SelfClause | _AfterHeading | _RunOnLineEnd,
    spans: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        start = a
        for m in pattern.finditer(text, a, b):
            out.append((start, m.start() + 1))  # keep the comma/semicolon with the piece before
            start = m.end()
        out.append((start, b))
    return out


_PUNCT = re.compile(r"[,;:]")


def _words(text: str) -> int:
    return len(text.split())


# A piece that only opens what follows: a list marker ("number two,", "and third,") or a
# "please" with a vocative ("and please, all the coalitions,"), left alone when a comma cut
# follows it ("…, number two, give us a human …", "please, all the coalitions, use …").
_LEAD_IN = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:(?:number\s+)?(?:one|two|three|four|five)|first(?:ly)?|second(?:ly)?|third(?:ly)?"
    r"|fourth(?:ly)?|fifth|finally|lastly|[a-e])\W*$"
    r"|^\W*(?:and\s+|so\s+)?please,?\s+(?:all|every|each|dear|my|our|the|you)\b[^,.;:?!]{0,40},?\s*$"
    # "And my request to the other members of the coalition, please, …": a request named and
    # addressed but not yet said (no verb of its own); what follows is the request.
    r"|^\W*(?:and\s+|so\s+)?(?:my|our)\s+(?:request|recommendation|ask|appeal|message|suggestion|proposal)\s+"
    r"(?:to|for)\b[^,.;:?!]{0,60}?(?<!\bis)(?<!\bare)(?<!\bwas),?\s*$"
    # "And I ask our partners from the North, when you send us computers, please send …": the
    # addressee named after the request verb, what they are asked comes after the comma.
    r"|^\W*(?:and\s+|so\s+)?(?:i|we)\s+(?:(?:would|also|really|now)\s+)*(?:ask|urge|invite|call\s+on|appeal\s+to)\s+"
    r"(?!you\b)(?![^,.;:?!]*\b(?:to|that|for|if|whether)\b)[^,.;:?!]{1,60}?,?\s*$",
    re.I,
)
# A piece that stops where its own clause is not yet complete: it ends in a condition or a time
# clause whose main clause comes after the comma ("please, if you have material on the scams, send
# it to me", "… when you make a PDF, make it accessible"), or in a bare conjunction ("make it
# accessible, or better, publish the text …"). It opens the piece after it, like a lead-in.
# A condition that is itself a polite request ("And if the Secretariat can find us one more slot,
# we will prepare …"), one after a clause that already asks ("We would like the regulator to
# open it, and Meenakshi, if you give me your card, I will send …") or one that ends at a colon
# ("So, Ministry, if you watch the recording:  publish the data") stays a piece of its own.
_CONDITION = re.compile(
    r"(?:^|,)\s*(?:(?:and|so|but)\s+)?(?:please,?\s+)?(?:if|when|whenever|unless|once|in\s+case|as\s+soon\s+as)\b"
    r"(?![^,]*\b(?:can|could|would|will|'ll|may|might)\b)[^,:]*[,;]?\s*$",
    re.I,
)
_DANGLING = re.compile(r"\b(?:or|and|but)(?:\s+(?:better|rather|even|else|also|instead))?\W*$", re.I)


class _OpensNext:
    """`search(piece)`: a piece ending in a condition (`_CONDITION`) after no ask of its own, or
    in a bare conjunction (`_DANGLING`)."""

    @staticmethod
    def search(piece: str) -> bool:
        if _DANGLING.search(piece):
            return True
        cond = _CONDITION.search(piece)
        if cond is None:
            return False
        before = piece[: cond.start()]
        if _LEAD_IN.match(before):  # "And I ask our partners, when you send us computers, please send …"
            return True
        return not (ASK.search(before) or COMMIT.search(before) or _MODAL.search(before))


# A clause of its own before the condition ("from January our backbone will be open …, and if the
# regulator lets us use the ducts, we will reach …"): the condition opens the next clause, not this one.
_MODAL = re.compile(r"\b(?:will|would|should|must|shall|can|could|'ll|'d)\b", re.I)


_OPENS_NEXT = _OpensNext()


def _glue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces under `MIN_WORDS` words join the piece before (or after, for the first); a
    lead-in (`_LEAD_IN`) joins the piece after it, whose item or request it opens: glued
    backwards, "number two" ended the previous item and the next one lost its marker. A piece
    whose clause is not complete (`_OPENS_NEXT`) joins the piece after it too, as often as it
    takes ("my request to …, please, if you have …, send it to me")."""
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a lead-in waiting for its piece
    for i, (a, b) in enumerate(spans):
        merged = carry is not None
        if carry is not None:
            a, carry = carry, None
        if i + 1 < len(spans) and ((not merged and _LEAD_IN.match(text[a:b])) or _OPENS_NEXT.search(text[a:b])):
            carry = a
            continue
        if out and (_words(text[a:b]) < MIN_WORDS or _words(text[out[-1][0] : out[-1][1]]) < MIN_WORDS):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# A caption's sound note before the words ("(Laughter)", "[Applause]") is nobody's ask: a unit
# starts after it, so its line is the line its words are on ("… you can imagine.  (Laughter)\nNext
# year we will translate …" is the next line's commitment, not the line of the laughter).
_SOUND_NOTE = re.compile(r"[(\[][A-Za-z][\w ]{0,30}[)\]]\s+")


def opens_next(piece: str) -> bool:
    """Whether a piece of a sentence only opens the piece after it (a lead-in, a request named
    but not said, a condition before its main clause, a bare conjunction at its end)."""
    return bool(_LEAD_IN.match(piece) or _OPENS_NEXT.search(piece))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,;:":
        a += 1
    while (note := _SOUND_NOTE.match(text, a, b)) is not None and note.end() < b:
        a = note.end()
    while b > a and text[b - 1] in " \t\n,;:":
        b -= 1
    return a, b


def ask_units(sentence: str) -> list[tuple[int, int]]:
    """Spans (relative to `sentence`) of the units to classify, in order, covering it."""
    spans = _cut(sentence, _LINE_END, [(0, len(sentence))])
    spans = _cut(sentence, _RunOnLineEnd(), spans)
    spans = _cut(sentence, _LIST_MARK, spans)
    spans = _cut(sentence, _SEMI, spans)
    spans = _cut(sentence, _AfterHeading(), spans)
    spans = _cut(sentence, _SelfClause(sentence), spans)
    words = _words(sentence)
    if words >= LONG_WORDS:
        spans = _cut(sentence, _CLAUSE, spans)
        spans = _cut(sentence, _IMPERATIVE_CLAUSE, spans)
        spans = _cut(sentence, _SECOND_MODAL, spans)
        if words >= SPARSE_WORDS * (1 + len(_PUNCT.findall(sentence))):
            spans = _cut(sentence, _BARE, spans)
    trimmed = [_trim(sentence, a, b) for a, b in _glue(sentence, spans)]
    return [(a, b) for a, b in trimmed if b > a] or [(0, len(sentence))]
