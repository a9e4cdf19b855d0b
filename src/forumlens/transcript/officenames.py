"""The person in a label that opens with an office, a role or a form of address, read by its shape.

Parliamentary records and caption files put more before a name than the titles of
`labelwords.TITLES`: an article before the title (`O SR. MARCIANO BRANDIMARTE`, `A SRA. …`), a
form of address in lower case before a surname in capitals (`El señor ARRIBALZAGA PEDREGUERA`),
an office with the person in brackets (`Digitaliseringsministeren (Asger Tvedebrink-Hjorth)`,
`O SR. PRESIDENTE (Deputado …)`) and a role word before the name (`PANELIST WANJIRU KIRIGITHA`).
A list of each language's offices misses the next language; the label's shape says which part is
the person:

- *an article before a title*: a first word of one or two letters with no full stop (so no
  initial) before a word `is_title` knows is the language's article; both go;
- *the case of the words*: in a mixed-case label, words written in capitals after opening words
  written in mixed or lower case, one of them a lower-case word that is no name particle, are the
  name; the opening words are its form of address. A capitals rest that is a role (`PRESIDENTA`)
  names nobody;
- *an office with the person in brackets*: a label `HEAD (INNER)` whose bracket holds two to four
  words written as a name (each capitalised and in mixed case, particles allowed) while its head
  is no name (one word, a role, or five words and more once an article and a title are gone):
  the bracket is the person (`Lord Jo (Con)`, `Jo Li (Highland Council)` keep their head);
- *a role word before the name*: the first one or two words are a role label by themselves
  (`generic_label`) and two or more name words follow: the name is the rest;
- *an office before a title*: words that are no titles, then a person's title (`DR.`, `Mr`), then
  two to four name words: the name is the words after the title (`MINISTRICA ZA … DR. JO LI`);
- *a head written as an office* before a bracketed name: a lower-case word in it, or a compound cut
  at a hyphen (`Samgöngu- og sveitarstjórnarráðherra (Jo Li)`), counts as a head that is no name.

Pure functions over a label; `office_names` applies them to a session's labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .labelwords import FUNCTION_WORDS, INITIAL_WORD, PARTICLES, is_title, name_word
from .speakers import display_name, generic_label

__all__ = ["office_name", "office_names", "offices_written_in"]

_BRACKETED = re.compile(r"\s*(?P<head>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _name_part(label: str) -> str:
    """The label before a card in brackets, after a comma, or a colon."""
    return re.split(r"[(,:\[]", label, maxsplit=1)[0].strip()


def _without_article(words: list[str]) -> list[str]:
    """`O SR. PRESIDENTE` → `SR. PRESIDENTE`: a word of one or two letters, no full stop, before a title."""
    if len(words) > 2 and len(words[0]) <= 2 and words[0].isalpha() and is_title(words[1]):
        return words[1:]
    return words


def _bracketed_person(label: str) -> str | None:
    """The person in brackets after an office (see the module doc), else None."""
    match = _BRACKETED.fullmatch(label)
    if match is None:
        return None
    inner = match.group("inner").split(",")[0].strip()
    words = _capitals_person(label, inner.split())
    if not 2 <= len(words) <= 4 or not name_word(words[-1]) or words[-1] in PARTICLES:
        return None
    if not all(name_word(w) or INITIAL_WORD.fullmatch(w) for w in words[:-1]):
        return None  # an initial or a one-letter particle inside (`Jo K. Li`, `Cormac Ó Faoláin`)
    if any(w.lower() in FUNCTION_WORDS for w in words if w not in PARTICLES):
        return None
    head = _without_article(match.group("head").split())
    while len(head) > 1 and is_title(head[0]):
        head = head[1:]
    if not (len(head) == 1 or len(head) >= 5 or generic_label(" ".join(head)) or _worded(head) or _office_head(head)):
        return None
    name = display_name(inner)
    return name if name and not generic_label(name) else None


def _capitals_person(label: str, words: list[str]) -> list[str]:
    """The bracket's words as a name is written in mixed case, when a label set all in capitals
    holds a person there by the mark of one (`PIRMININKĖ (E. GINTAUTAITĖ-RIMKĖ)`: an initial or a
    title before a family name); capitals alone cannot tell a name from a place or a body
    (`MODERATOR (UNITED STATES)`), so any other bracket is returned as written."""
    if not label.isupper() or len(words) < 2 or not (INITIAL_WORD.fullmatch(words[0]) or is_title(words[0])):
        return words
    rest = [w.capitalize() if not INITIAL_WORD.fullmatch(w) else w for w in words[1:]]
    rest = ["-".join(p.capitalize() for p in w.split("-")) for w in rest]
    return [words[0], *rest]


def _office_head(words: list[str]) -> bool:
    """Whether a head before a bracket is written as an office, no name: it opens with a capital
    and holds, after its first word, a lower-case word of three letters or more that is no
    particle (`Session chair`, `Samgöngu- og sveitarstjórnarráðherra`), or a word cut before its
    compound's end (`Verkehrs- und Umweltminister`: a name holds no word ending in a hyphen).
    A comma makes a card of it (`Jo Li, moderator (ISOC)`: the bracket is the body), not an office."""
    if not words or not words[0][:1].isupper() or any("," in w for w in words):
        return False
    return any(w.endswith("-") for w in words) or any(
        w.isalpha() and _office_mark(w) and w.islower() for w in words[1:]
    )


def _worded(words: list[str]) -> bool:
    """Whether a head holds a word no name holds, a language's article or preposition (`The
    Convener`, `The Minister for Economy`); a name's particle (`de`, `van`) is no such word."""
    return any(w.lower() in FUNCTION_WORDS and w.lower() not in PARTICLES for w in words)


def _capitals_rest(label: str) -> tuple[bool, str | None]:
    """(whether the case shows a form of address before the name, the name): `El señor ARRIBALZAGA
    PEDREGUERA` → `Arribalzaga Pedreguera`; `La señora PRESIDENTA` → None (a role)."""
    words = _name_part(label).split()
    k = next((i for i, w in enumerate(words) if w.isupper() and sum(ch.isalpha() for ch in w) >= 2), len(words))
    rest = words[k:]
    if not (1 <= k < len(words)) or not all(w.isupper() for w in rest):
        return False, None
    opening = words[:k]
    if any(w.isupper() for w in opening):
        return False, None
    lower = [w for w in opening if w.isalpha() and w.islower() and w not in PARTICLES and len(w) >= 3]
    if not lower or any(w.lower() in FUNCTION_WORDS for w in lower):
        return False, None
    text = " ".join(rest)
    if generic_label(text):
        return True, None
    name = display_name(text)
    return (True, name) if name else (False, None)


def _role_before_name(label: str) -> str | None:
    """`PANELIST WANJIRU KIRIGITHA` → `Wanjiru Kirigitha`: a role label then two or more name words."""
    words = _name_part(label).split()
    for k in (1, 2):
        rest = words[k:]
        role = " ".join(words[:k])
        if len(rest) < 2 or len(role) < 3 or not (generic_label(role) and generic_label(role.title())):
            continue  # `A KINNEY …`: a one-letter voice; `MEI LIN TAN`: a given name a label in capitals hides
        if not _LETTERS.fullmatch(rest[0]):
            return None  # `Chair — Jo Li`, `Host | Jo Li`: a separator the name readers already know
        if any(w.lower().strip(".") in FUNCTION_WORDS or w.lower() in PARTICLES for w in rest[:1]):
            return None
        if any(w.lower().strip(".") in FUNCTION_WORDS for w in rest if w.lower() not in PARTICLES):
            return None
        name = display_name(" ".join(rest))
        return name if name and not generic_label(name) else None
    return None


def _office_words_before(label: str) -> str | None:
    """`Ensimmäinen varapuhemies Eero Hietakorpi` → `Eero Hietakorpi`, `Místopředsedkyně PSP Jitka
    Li` → `Jitka Li`: in a mixed-case label, opening words that end with a word no name holds
    written as a name is not (a lower-case word of three letters or more that is no particle,
    or an acronym in capitals), then two to four name words: the opening words are the office."""
    words = _name_part(label).split()
    if len(words) < 3 or not words[0][:1].isupper() or label.isupper() or " ".join(words) != label.strip():
        return None  # a card or a bracket after the words is read by the rules above
    # an acronym marks an office only after an office word (`Místopředsedkyně PSP`); after titles
    # alone it is a family name set in capitals (`Dr. DOAN Thi Phuong Lan`)
    k = max(
        (
            i
            for i, w in enumerate(words[:-2])
            if _office_mark(w) and (w.islower() or any(not is_title(v) for v in words[:i]))
        ),
        default=-1,
    )
    rest = words[k + 1 :]
    if k < 0 or not 2 <= len(rest) <= 4 or not name_word(rest[-1]):
        return None
    if not all(name_word(w) or INITIAL_WORD.fullmatch(w) for w in rest[:-1]):
        return None  # an initial may stand for a given name (`Kultūras ministre L. Jo-Li`)
    if any(w.lower() in FUNCTION_WORDS or w in PARTICLES for w in rest[:1]) or rest[-1] in PARTICLES:
        return None
    name = display_name(" ".join(rest))
    return name if name and not generic_label(name) else None


def _office_before_title(label: str) -> str | None:
    """`MINISTRICA ZA DIGITALNO PREOBRAZBO DR. JO LI` → `Jo Li`: a person's title (`DR.`, `Mr`,
    `Prof.`) after opening words that are no titles themselves, then two to four words written
    as a name: the title opens the person, the words before it are the office, in any case."""
    words = _name_part(label).split()
    if " ".join(words) != label.strip():
        return None  # a card or a bracket after the words is read by the rules above
    k = next((i for i, w in enumerate(words) if i and is_title(w) and not is_title(words[i - 1])), -1)
    rest = words[k + 1 :]
    if k < 0 or not 2 <= len(rest) <= 4 or any(is_title(w) for w in rest):
        return None
    cased = [w.capitalize() if w.isupper() else w for w in rest]
    cased = ["-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in cased]
    if not all(name_word(w) for w in cased) or cased[0] in PARTICLES:
        return None
    name = display_name(" ".join(rest))
    return name if name and not generic_label(name) else None


def _office_mark(word: str) -> bool:
    """A word of an office that no name holds as written: lower case, three letters or more and
    no particle (`varapuhemies`), or an acronym in capitals (`PSP`)."""
    letters = sum(ch.isalpha() for ch in word)
    if word.isalpha() and word.islower():  # a joining word ("for", "of") ends no office
        return letters >= 3 and word not in PARTICLES and word not in FUNCTION_WORDS
    return word.isalpha() and word.isupper() and 2 <= letters <= 5


def office_name(label: str | None) -> tuple[bool, str | None]:
    """(whether the label's shape names its person apart from an office or address, that person
    or None for a role): the rules of the module doc, the brackets first."""
    if not label:
        return False, None
    person = _bracketed_person(label)
    if person is not None:
        return True, person
    found, name = _capitals_rest(label)
    if found:
        return True, name
    words = _name_part(label).split()
    bare = _without_article(words)
    if bare is not words:
        name = display_name(" ".join(bare))
        if name:
            return True, name
    person = _role_before_name(label) or _office_words_before(label) or _office_before_title(label)
    if person is not None:
        return True, person
    return False, None


def office_names(
    labels: Sequence[str | None], addressed: Sequence[tuple[str | None, bool]]
) -> list[tuple[str | None, bool]]:
    """`addressed` (each name and whether a form of address was dropped) with the person each
    label's shape names (`office_name`); a name so read counts as titled (no short-name expansion)."""
    out: list[tuple[str | None, bool]] = []
    seen: dict[str, tuple[bool, str | None]] = {}
    for label, (name, dropped) in zip(labels, addressed, strict=True):
        if not label:
            out.append((name, dropped))
            continue
        if not name:  # a role before the brackets (`O SR. PRESIDENTE (Deputado Jo Li)`): the holder is named there
            holder = _bracketed_person(label)
            out.append((holder, True) if holder else (name, dropped))
            continue
        if label not in seen:
            seen[label] = office_name(label)
        found, person = seen[label]
        out.append((person, True) if found and person != name else (name, dropped))
    return _shared_openings(out)


# How many people an opening word must open the names of before it is read as an address.
_ADDRESSED_PEOPLE = 3


def _shared_openings(named: list[tuple[str | None, bool]]) -> list[tuple[str | None, bool]]:
    """A word that opens the names of three or more people, each with two or more words after it
    that begin differently (`Deputado Aristides …`, `Deputado Eustáquio …`, `Deputado Irineu …`),
    is an office or a form of address: dropped. Three, not two, because two people who share a
    given name are common in a session (`Maria Elena López`, `Maria José González`; `Mohamed Ali
    …`, `Mohamed Salah …`) and a dropped given name is a wrong name, while a record with an address
    before every name has it on more than two. Not a fixed phrase (`Remote Hub Lagos`, `Remote Hub
    Quito`: the same word follows), one person written twice (`Sidi Ould Boubacar`, `… Boubakar`),
    nor a description (`Representative of …`: a function word)."""
    firsts: dict[str, set[str]] = {}
    for name, _ in named:
        words = name.split(" ") if name else []
        if len(words) >= 3 and not any(w.lower() in FUNCTION_WORDS for w in words):
            firsts.setdefault(words[0], set()).add(words[1])
    shared = {w for w, after in firsts.items() if len(after) >= _ADDRESSED_PEOPLE}
    if not shared:
        return named
    out: list[tuple[str | None, bool]] = []
    for name, dropped in named:
        words = name.split(" ") if name else []
        out.append((" ".join(words[1:]), True) if len(words) >= 3 and words[0] in shared else (name, dropped))
    return out


def offices_written_in(text: str, named: Sequence[tuple[str | None, bool]]) -> list[tuple[str | None, bool]]:
    """`named` (each turn's name and whether a form of address was dropped) with an office the
    file writes as a common noun dropped from the front of a name: a name of three words or more
    whose opening words the speech writes in lower case, as a phrase (`… gives the floor to the
    staatssecretaris`, `odpowie sekretarz stanu w Kancelarii …`), is that office and then the person
    (`Staatssecretaris Joke Verbeek-Asante` → `Joke Verbeek-Asante`). A name word is written with
    its capital wherever it stands; an office in running text is not. A single opening word counts
    only when the speech never writes it with a capital inside a sentence (a given name that is
    also a word, `Hope`, `Will`, is addressed so: `Thank you, Hope.`). The person keeps two to
    four name words; a name so read counts as titled (no short-name expansion). A label of one
    word is left alone: a role the speech writes in lower case (`TIMEKEEPER:` beside `the
    timekeeper`) is still the voice's name for the people it resolves to."""
    out: list[tuple[str | None, bool]] = []
    seen: dict[str, str | None] = {}
    for name, dropped in named:
        if name and name not in seen:
            seen[name] = _office_written(text, name)
        person = seen.get(name) if name else None
        out.append((person, True) if person else (name, dropped))
    return out


def _office_written(text: str, name: str) -> str | None:
    """The person after the longest opening of `name` that `text` writes in lower case (see
    `offices_written_in`), or None."""
    words = name.split(" ")
    if len(words) < 3:
        return None
    for k in range(len(words) - 2, 0, -1):
        rest = words[k:]
        if len(rest) > 4 or not all(name_word(w) for w in rest) or rest[0].lower() in PARTICLES:
            continue
        opening = words[:k]
        if opening[0].casefold() in PARTICLES or opening[0].casefold() in FUNCTION_WORDS:
            return None
        if not _written_lower(text, opening, rest[0]):
            continue
        if any(w.casefold() not in PARTICLES and _written_lower(text, [w], None) for w in rest):
            return None  # `Remote Hub Dhaka`: `hub` is a word the speech writes too, no name
        if k == 1 and _capital_inside_sentence(text, opening[0]):
            continue
        return " ".join(rest)
    return None


def _written_lower(text: str, opening: list[str], then: str | None) -> bool:
    """Whether `text` holds the words of `opening` as a phrase whose first word is in lower case,
    not followed by `then` (the name itself written in lower case, `ricardo ximenes soares:`, is
    a label, no office)."""
    phrase = r"\s+".join(re.escape(w) for w in opening)
    for match in re.finditer(rf"(?<![\w-]){phrase}(?![\w-])", text, re.IGNORECASE):
        first = match.group(0)[:1]
        after = text[match.end() : match.end() + 80].split()
        if then is not None and after and after[0].casefold().startswith(then.casefold()):
            continue
        if first.isalpha() and first.islower():
            return True
    return False


def _capital_inside_sentence(text: str, word: str) -> bool:
    """Whether `text` writes `word` with its capital after a lower-case word or a comma (inside a
    sentence, where only a name keeps its capital)."""
    pattern = rf"(?:\b[^\W\d_]*[a-zà-ÿ][^\W\d_]*|,)[ \t]+{re.escape(word[:1].upper() + word[1:].lower())}(?![\w-])"
    return re.search(pattern, text) is not None
