"""Honorifics and offices written before a name in a caption label or a sentence.

The IGF captions of 2006–2013 label turns by title and surname ("MS. OKORO", "AMBASSADOR
KARKLINS", "UNDER-SECRETARY-GENERAL SHA") or by office alone ("THE CHAIR", "MR. CHAIRMAN").
`parse_title` splits such a label into the titles, the office they name (if any), the
gender a title implies (weak evidence, only ever used to veto a join) and the rest, which
is the name. Pure string work: the joins that use it live in `resolve.titled`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Titled", "is_title_word", "opens_name", "parse_title", "strip_titles"]

# Honorifics: say who the person is addressed as, not what they do in the session.
_HONORIFICS = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "lord": "m",
    "his": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "dame": "f",
    "lady": "f",
    "her": "f",
    "mx": "",
    "dr": "",
    "doctor": "",
    "prof": "",
    "professor": "",
    "hon": "",
    "honourable": "",
    "honorable": "",
    "excellency": "",
    "your": "",
    "h.e": "",
    "rev": "",
    "eng": "",
    "engr": "",
    "engineer": "",
    "councillor": "",
    "councilor": "",
    # the forms of address of the interpreted languages ("Señor Ossandón", "Monsieur Diallo")
    "señor": "m",
    "senor": "m",
    "sr": "m",
    "señora": "f",
    "senora": "f",
    "sra": "f",
    "señorita": "f",
    "srta": "f",
    "dra": "f",
    "monsieur": "m",
    "mme": "f",
    "mlle": "f",
    "herr": "m",
    "frau": "f",
}
# Offices, each mapped to the one office it is (the chair is the chair however it is called).
_OFFICES = {
    "chair": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "chairwoman": "chair",
    "chairlady": "chair",
    "president": "president",
    "moderator": "moderator",
    "facilitator": "moderator",
    "rapporteur": "rapporteur",
    "ambassador": "ambassador",
    "amb": "ambassador",
    "minister": "minister",
    "secretary-general": "secretary-general",
    "director-general": "director-general",
    "senator": "senator",
    "mayor": "mayor",
    "governor": "governor",
    "judge": "judge",
    "commissioner": "commissioner",
}
# Words that only qualify an office written after them ("VICE-CHAIR", "REMOTE MODERATOR",
# "UNDER-SECRETARY-GENERAL", "DEPUTY MINISTER"); alone they are no title.
_MODIFIERS = frozenset({"vice", "deputy", "under", "assistant", "co", "executive", "remote", "online", "session"})

_WORD = re.compile(r"[^\s]+")


@dataclass(frozen=True)
class Titled:
    """A label or name read as titles + name: `office` is the office the titles name ("chair",
    "vice-chair", "remote moderator"), `gender` "f"/"m" when a title says it, else None."""

    name: str | None
    titles: tuple[str, ...] = ()
    office: str | None = None
    gender: str | None = None


def _bare(token: str) -> str:
    return token.lower().strip(",;:").rstrip(".")


def _office_of(parts: list[str]) -> str | None:
    """The office a run of title parts names ("under", "secretary", "general" → "under-secretary-general")."""
    joined = "-".join(parts)
    for start in range(len(parts)):
        core = "-".join(parts[start:])
        if core in _OFFICES:
            head = [p for p in parts[:start] if p in _MODIFIERS]
            office = _OFFICES[core]
            return "-".join([*head, office]) if head and head != ["co"] else office
    return joined if joined.endswith(("secretary-general", "director-general")) else None


def _title_token(parts: list[str]) -> tuple[bool, str | None, str | None]:
    """Whether the hyphen parts of one word are a title, and its office and gender."""
    if not parts or not all(
        p in _HONORIFICS or p in _OFFICES or p in _MODIFIERS or p in ("secretary", "general", "director") for p in parts
    ):
        return False, None, None
    office = _office_of(parts)
    honour = [p for p in parts if p in _HONORIFICS]
    if office is None and not honour:
        return False, None, None
    gender = next((_HONORIFICS[p] for p in honour if _HONORIFICS[p]), None)
    return True, office, gender


def is_title_word(word: str) -> bool:
    """Whether one word is an honorific or an office ("Ms.", "Ambassador", "Vice-Chair")."""
    bare = _bare(word)
    return bare == "h.e" or _title_token(bare.split("-"))[0]


# The possessives of "His Excellency" are honorifics only before the title they go with; alone in a
# name they are ordinary words ("Her Majesty's …"), so they never open a name by themselves.
_POSSESSIVES = frozenset({"his", "her", "your"})
# A capitalised word after the honorific, past its period and the space: the name it opens.
_NAME_AFTER = re.compile(r"\.?[ \t\u00a0]+(?-i:[A-Z\u00c0-\u00de])")


def opens_name(text: str, start: int, end: int) -> bool:
    """Whether the word `text[start:end]` is an honorific that opens the next person's name
    ("… Schools and Connectivity and Dr. Ravi Menon", "… Society and Prof Amina Bello").

    Why: a body's or a coalition's name is read as a run of capitalised words joined by "and",
    "of", "for"; a title abbreviation is capitalised too, so without this the run went on into
    the next person ("… Connectivity and Dr") and made a second body out of the first. The word
    counts only written as a title (capital then lower case, "Dr", "Prof", "Ms", "Mrs"; an
    acronym in capitals such as "MS" is not one) and only when a capitalised word follows,
    after the title's period if it has one."""
    word = text[start:end]
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False
    bare = word.lower()
    if bare in _POSSESSIVES or bare not in _HONORIFICS:
        return False
    return _NAME_AFTER.match(text, end) is not None


def parse_title(label: str) -> Titled:
    """Split a label into titles and name.

    >>> parse_title("MS. OKORO")
    Titled(name='OKORO', titles=('MS.',), office=None, gender='f')
    >>> parse_title("THE CHAIR").office, parse_title("THE CHAIR").name
    ('chair', None)
    >>> parse_title("UNDER-SECRETARY-GENERAL SHA").office
    'under-secretary-general'
    """
    tokens = _WORD.findall(label.replace("\u2011", "-").strip())
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    titles: list[str] = []
    office: str | None = None
    gender: str | None = None
    pending: list[str] = []  # modifier or office words waiting for the word that makes them a title
    k = 0
    while k < len(tokens):
        bare = _bare(tokens[k])
        parts = ["h.e"] if bare == "h.e" else bare.split("-")
        ok, found, sex = _title_token([*pending, *parts])
        if ok:
            titles += [*(tokens[k - len(pending) : k]), tokens[k]] if pending else [tokens[k]]
            pending = []
            office = found or office
            gender = gender or sex
            k += 1
            continue
        if all(p in _MODIFIERS or p in ("secretary", "general", "director") for p in parts):
            pending.append(bare)
            k += 1
            continue
        break
    if pending:
        k -= len(pending)
    rest = " ".join(tokens[k:]).strip(" ,.:")
    return Titled(rest or None, tuple(titles), office, gender)


def strip_titles(name: str) -> str | None:
    """The name without the titles in front of it; None when it is titles only."""
    return parse_title(name).name
