"""Forms of address in a file's labels, found by where they stand and how they repeat, in any script.

Captioners type labels in the session's language: `ÔNG KHỔNG MINH TƯỜNG` then `ÔNG TƯỜNG`,
`ආචාර්ය සඳමාලි කොඩිතුවක්කු` then `ආචාර්ය කොඩිතුවක්කු`, `PAN BOGUMIŁ STRZELECKI` then
`PAN STRZELECKI`, `නිශාන්ත වීරසූරිය මහතා` then `වීරසූරිය මහතා`, `Nərmin xanım`. A list of
each language's titles (`labelwords.TITLES`) misses the next language; the labels themselves
say which word is a form of address:

- *repetition*: a word that opens (or closes) two labels of the file whose rests are a name
  and a shorter form of it (`KHỔNG MINH TƯỜNG`, `TƯỜNG`) is kept while the name is shortened,
  so it is no name word. When one pair of labels keeps both its first and its last word (`ÔNG TƯỜNG`
  beside `ÔNG KHỔNG MINH TƯỜNG`), the opening word is taken: a shortened name keeps the word the
  room calls the person by, and the titles of the annotated sets mostly come first;
- *case*: in a label written in mixed case, a lower-case last word after capitalised name words
  (`Nərmin xanım`, `Elşən müəllim`) is an address, not a name word (particles such as `de`
  stand inside a name, never at its end).

A name left with one word after its form of address is the formal address (`Tường`, `Strzelecki`),
kept as written: the caller passes it on as titled so no short-name expansion replaces it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .labelwords import PARTICLES
from .speakers import place_of_voice, title_word

__all__ = ["drop_addresses"]


def _edge_words(names: Sequence[str]) -> tuple[set[str], set[str]]:
    """The opening and closing words that stand before (after) two or more different rests."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for name in names:
        words = name.split(" ")
        if len(words) < 2:
            continue
        after.setdefault(words[0].casefold(), set()).add(" ".join(words[1:]).casefold())
        before.setdefault(words[-1].casefold(), set()).add(" ".join(words[:-1]).casefold())
    opening = {w for w, rests in after.items() if _shortened(rests)}
    closing = {w for w, rests in before.items() if _shortened(rests)}
    return opening, closing - _tied(names, opening)


def _shortened(rests: set[str]) -> bool:
    """Whether one rest is a shorter form of another that drops its first word and keeps a run of
    the words after it (`TƯỜNG` of `KHỔNG MINH TƯỜNG`, `MAGLANGIT-ABUEVA` of `CELESTINO
    MAGLANGIT-ABUEVA JR.`, `НОМИНЧИМЭГ` of `Ц.НОМИНЧИМЭГ`, a father's initial glued before the
    given name): the word beside them stayed while the name was shortened to the word the room
    calls the person by. A name cut at its end (`Aishath Shazna` of `Aishath Shazna Rasheed`) is
    the given name kept, not an address; two people who share a given name (`JOHN SMITH`,
    `JOHN DOE`) show no such pair either, so their given name stays."""
    words = [_tokens(rest) for rest in rests]
    return any(len(a) < len(b) and _run_after_first(a, b) for a in words for b in words)


def _tokens(name: str) -> list[str]:
    """A name's words, a glued initial split from the word after it (`ц.` `номинчимэг`)."""
    return [t for t in re.split(r" |(?<=\w\.)(?=\w)", name) if t]


def _run_after_first(short: list[str], long: list[str]) -> bool:
    """Whether `short` is a run of consecutive words of `long` that does not start at its first word."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(1, len(long) - n + 1))


def _tied(names: Sequence[str], opening: set[str]) -> set[str]:
    """Closing words of a name whose opening word is also an address (`ÔNG … TƯỜNG`): the
    opening word is taken (see the module doc), so the closing one stays a name word."""
    return {
        name.split(" ")[-1].casefold() for name in names if " " in name and name.split(" ")[0].casefold() in opening
    }


def _address_slot(people: Sequence[str], opening: set[str], closing: set[str]) -> set[str]:
    """The opening words of every name of two or more words, when the labels show that the file
    writes a form of address at the opening of its labels: an opening address found by repetition
    and at least one more form of address (opening or closing) beside it. Each label of such a file
    carries its own form of address (`Доктор Д.Өнөрсайхан`, `Ноён Х.Батзориг` beside `Хатагтай
    Ц.Номинчимэг` / `Хатагтай Номинчимэг` and `Батзориг гуай`), often once, so the repetition that
    shows one person's does not show the others'; the slot does. A word that also stands inside
    or at the end of a name is a name word and stays, and a name that ends in a form of address
    (`Батзориг гуай`) has its one: its opening word is the name. Where the labels write forms of
    address at their end too, a name of two words (`හේරත් මහත්මිය`) could be either and is left
    whole; a glued initial counts as a word (`Доктор Д.Өнөрсайхан` is three)."""
    if not opening or len(opening | closing) < 2:
        return set()
    inner = {w.casefold() for name in people for w in name.split(" ")[1:]}
    return {
        words[0].casefold()
        for words in (name.split(" ") for name in people)
        if len(words) > 1
        and (not closing or len(_tokens(" ".join(words))) > 2)
        and words[0].casefold() not in inner
        and words[-1].casefold() not in closing
        and not place_of_voice(words[0])
    }


def _lower_last(label: str | None, words: list[str]) -> bool:
    """Whether the label (mixed case) ends in the name's last word written in lower case after
    capitalised words: `Nərmin xanım`."""
    if not label or len(words) < 2:
        return False
    written = label.split("(")[0].replace(":", " ").split()
    if len(written) < 2 or written[-1].casefold() != words[-1].casefold():
        return False
    last = written[-1]
    return last.islower() and last not in PARTICLES and written[0][:1].isupper() and not label.isupper()


def _closing_address(label: str | None, words: list[str], closing: set[str]) -> bool:
    """Whether the name's last word is a form of address. Not when the label opens with a title
    (`MR. ARMOA ZÁRATE` beside `MR. RODRIGO ARMOA ZÁRATE`: a label says one form of address, so
    `ZÁRATE` is the second surname) nor for a place of voices (`Zaporizhzhia hub`)."""
    if label and label.split() and title_word(label.split()[0]):
        return False
    if place_of_voice(words[-1]):
        return False
    return words[-1].casefold() in closing or _lower_last(label, words)


def _said(word: str, text: str, labelled: int) -> bool:
    """Whether the speech says the word at least as often as the labels write it: a name the room
    calls (`Rosa`, said as often as `ROSA MARADIAGA` is written), not a label's form of address."""
    said = len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE))
    return said - labelled >= labelled


def drop_addresses(
    labels: Sequence[str | None], names: Sequence[str | None], text: str = ""
) -> list[tuple[str | None, bool]]:
    """Each name (same order as its label) without the forms of address the file's labels show
    (see the module doc), and whether one was dropped. A name is never emptied. `text`: the
    file, so a word the speech says as often as the labels do stays a name (`_said`)."""
    people = sorted({n for n in names if n})
    opening, closing = _edge_words(people)
    lowered = {
        n.split(" ")[-1].casefold()
        for lab, n in zip(labels, names, strict=True)
        if n and _lower_last(lab, n.split(" "))
    }
    slot = _address_slot(people, opening, closing | lowered)
    if text:
        written = Counter(w.casefold() for n in names if n for w in n.split(" "))
        opening = {w for w in opening if not _said(w, text, written[w])}
        closing = {w for w in closing if not _said(w, text, written[w])}
    opening |= slot
    out: list[tuple[str | None, bool]] = []
    for label, name in zip(labels, names, strict=True):
        if not name:
            out.append((name, False))
            continue
        words = name.split(" ")
        dropped = False
        if len(words) > 1 and words[0].casefold() in opening:
            words, dropped = words[1:], True
        if len(words) > 1 and _closing_address(label, words, closing):
            words, dropped = words[:-1], True
        out.append((" ".join(words), dropped))
    return out
