"""A reported ask read as said: "She says that she asks the utilities to …" → "we ask the utilities to …".

Why: an interpreter working in the third person ("He says also that his ministry will test …",
"She recommends that the regulators …") and a rapporteur retelling a group ("They recommend
that …", "And they ask the IGF to have …") report asks that the annotators count as the
reported speaker's own. The classifier learned asks from direct speech: "he asks also the
company to send an SMS" shows none of its ask evidence (P(ask) 0.00), while the same clause in
the first person ("we ask the company to send …") is an ask at 0.99. On asks_blind16 such
reported asks were the largest group of missed asks (9 of 19). `direct_speech` gives the
classifier the first-person reading of such a unit; the quote on record stays the unit as said.
Only a unit that opens with the reporting clause is read so (its subject is the one reported):
"the minister says that …" or a question put on someone's behalf ("he asks whether …") is not.
"""

from __future__ import annotations

import re

__all__ = ["direct_speech", "reported_request", "without_aside"]

# "And she says also that", "He says", "they said that", "she adds that": the reporting clause
# itself, dropped; what follows is the reported speaker's sentence.
_SAYS = re.compile(
    r"^\W*(?:(?:and|so|but|then|also)\s+)*(?P<who>she|he|they)\s+(?:also\s+)?"
    r"(?:says|said|say|adds|added|add|explains|explained|stresses|stressed|insists|insisted"
    # a comment read out for its sender ("He also writes that the donors should …", round 17)
    r"|writes|wrote|comments|commented|notes|noted)"
    r"(?:\s+(?:also|again|too))?\s*,?\s+(?:that\s+)?(?:also\s+)?",
    re.I,
)
# A reported speaker named or a group retold by its rapporteur ("And Lusia also asks that the BPF
# counts …", "The online group recommends that …", round 24): the same request verbs, followed by
# "that" or an addressee and "to" (a name alone before "asks" may start a question put for them).
_NAMED = (
    r"(?-i:(?!(?:The|We|You|It|This|That|These|Those|Our|My|Your|Its|Their|One|Everyone|Everybody)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"|the\s+(?:online\s+|remote\s+|other\s+|whole\s+)?(?:group|table|hub|room|participants|students|youth)"
)
# "she recommends that", "they ask the IGF to", "he asks also the company to", "she urges …":
# the reported speaker's own request verb (never "asks whether / if / why …", nor "asks, how …":
# a question).
_REQUESTS = re.compile(
    rf"^\W*(?:(?:and|so|but|then|also)\s+)*(?:(?P<who>she|he|they)|(?P<named>{_NAMED}))\s+(?:also\s+)?"
    r"(?P<verb>recommend|propose|suggest|urge|ask|invite|request|call\s+on|encourage|appeal\s+to)(?:s|es)?\b"
    r"(?!,?\s+(?:whether|if|why|how|what|who|when|where|which|about|for\s+the\s+floor)\b)(?:\s+also\b)?"
    r"(?(named)(?=\s+that\b|\s+(?:[\w'‑-]+\s+){1,6}?to\s+[a-z]))",
    re.I,
)
# The reported speaker's words about themselves, in the first person.
_FIRST_PERSON = {
    "she": {"she": "we", "her": "our", "herself": "ourselves"},
    "he": {"he": "we", "his": "our", "him": "us", "himself": "ourselves"},
    "they": {"they": "we", "their": "our", "them": "us", "themselves": "ourselves"},
}
# A verb right after the new "we" loses its third-person ending: "we asks" → "we ask".
_THIRD = {"is": "are", "has": "have", "does": "do", "was": "were"}


def reported_request(text: str) -> bool:
    """Whether `text` opens with a reported speaker's own request ("They recommend that …", "And
    she asks the IGF to …") or with a reporting clause ("He also writes that the donors should
    …"): a chair retelling a group's or a participant's words relays them."""
    return _REQUESTS.match(text) is not None or _SAYS.match(text) is not None


def direct_speech(unit: str) -> str | None:
    """The unit in the reported speaker's first person, or None when it does not open with a
    reporting clause of "she", "he" or "they" (then it is judged as it stands)."""
    said = _SAYS.match(unit)
    if said:
        who = said.group("who").lower()
        rest = unit[said.end() :]
        asked = _REQUESTS.match(rest)
        if asked and (asked.group("who") or "").lower() == who:  # "she says that she asks …"
            return f"we {asked.group('verb').lower()}{rest[asked.end() :]}"
        return _first_person(rest, who) if len(rest.split()) >= 3 else None
    asked = _REQUESTS.match(unit)
    if asked:
        said_as = f"we {asked.group('verb').lower()}{unit[asked.end() :]}"
        who = (asked.group("who") or "").lower()
        return _first_person(said_as, who) if who else said_as
    return None


def _first_person(text: str, who: str) -> str:
    """`text` with the reported speaker's pronouns ("she", "her", …) turned into "we", "our", …"""
    words = _FIRST_PERSON[who]
    text = re.sub(
        rf"\b(?:{'|'.join(words)})\b", lambda m: _same_case(m.group(0), words[m.group(0).lower()]), text, flags=re.I
    )
    return re.sub(r"\b(we)\s+(\w+)\b", lambda m: f"{m.group(1)} {_plural(m.group(2))}", text, flags=re.I)


def _plural(verb: str) -> str:
    """The verb after "we": "asks" → "ask", "is" → "are"; any other word as it is."""
    low = verb.lower()
    if low in _THIRD:
        return _THIRD[low]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return verb[:-1]
    return verb


def _same_case(said: str, word: str) -> str:
    return word.capitalize() if said[:1].isupper() else word


# A speaker's aside between commas inside the clause ("And the IGF, I think, needs a session …",
# "the ministries, in my view, should …"): it breaks the subject from its verb, so the ask cue
# and the classifier do not see "the IGF needs …" (round 17, issue 22).
_ASIDE = re.compile(
    r",\s*(?:i|we)\s+(?:think|believe|feel|guess|would\s+say|must\s+say)\s*,"
    r"|,\s*(?:in\s+my\s+(?:view|opinion)|frankly|honestly|of\s+course|personally)\s*,"
    # "And it would be wonderful, if possible, for the Secretariat to make …" (round 24)
    r"|,\s*(?:if\s+possible|where\s+possible|if\s+you\s+can|if\s+you\s+could)\s*,",
    re.I,
)


def without_aside(unit: str) -> str | None:
    """The unit without a speaker's aside between commas (`_ASIDE`), or None when it has none."""
    plain = _ASIDE.sub("", unit)
    return plain if plain != unit else None
