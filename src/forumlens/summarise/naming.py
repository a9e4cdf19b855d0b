"""Name a body once per group of bullets, then a short form ("the coalition").

Rendering each bullet on its own (`rewrite.third_person`) gives every bullet the body's
full name: "The Dynamic Coalition on Accessibility and Disability ran tests ...", "The
Dynamic Coalition on Accessibility and Disability has published ...", "Tomas Halvorsen (DC
on Accessibility and Disability): ...". A rapporteur names the body, or the speaker with
their affiliation, once per section and then writes "the coalition", "Tomas Halvorsen".
This is the ``short-form`` transformation, applied over a section's bullets in order:

- a body named in full again, with nothing in between that the short form could also
  mean (another coalition, another ministry), becomes its short form (`short_form`):
  "the coalition", "the ministry", "the association" ... ; a body with no known head noun
  keeps its name;
- a speaker's "Name (Org): " attribution, once shown, becomes "Name: " in later bullets
  of the same section.

Pure functions over strings; the citations (verbatim quotes) are not touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text.alternation import longest_first
from .rewrite import body_name, possessive

__all__ = ["Named", "name_once", "short_form"]

# Head nouns of the bodies speakers speak for, and the short form a report uses after the
# first mention. Order matters: "Dynamic Coalition on Libraries' Network" is a coalition.
_HEADS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), short)
    for p, short in (
        (r"^(?:the )?(?:dynamic coalition|DC)\b", "the coalition"),
        (r"^(?:the )?best practice forum\b|^(?:the )?BPF\b", "the forum"),
        (r"\bministry\b", "the ministry"),
        (r"\bcommission\b", "the commission"),
        (r"\bassociation\b", "the association"),
        (r"\bagency\b", "the agency"),
        (r"\boffice\b", "the office"),
        (r"\bnetwork\b", "the network"),
        (r"\bcoalition\b", "the coalition"),
        (r"\bcouncil\b", "the council"),
        (r"\bsecretariat\b", "the secretariat"),
        (r"\bregulator\b|\bregulatory authority\b", "the regulator"),
    )
)
# Any named Dynamic Coalition in a text: another coalition than the one just named makes
# "the coalition" ambiguous until one is named again.
_ANY_DC = re.compile(
    r"\b(?:Dynamic Coalition|DC) on [A-Z][\w'’‑-]*(?:(?:,| and| in| of| on| the| for| &)* [A-Z][\w'’‑-]*)*"
)


def short_form(body: str) -> str | None:
    """The short form of a body after its first mention, or None when it has no known head noun.

    >>> short_form("DC on Public Access in Libraries")
    'the coalition'
    >>> short_form("Ministry of ICT") , short_form("APC")
    ('the ministry', None)
    """
    name = body.strip()
    for pattern, short in _HEADS:
        if pattern.search(name):
            return short
    return None


def _full(body: str) -> str:
    """The body's name as `rewrite` writes it in a sentence, without the article."""
    return re.sub(r"^the ", "", body_name(body), flags=re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    """One bullet of a section for `name_once`: its text and who said it (voice's body and
    the attribution's "Name (Org): " prefix, when the rendering added one)."""

    text: str
    body: str | None = None
    prefix: str | None = None


def _mentions(text: str, bodies: Iterable[str]) -> list[tuple[int, str]]:
    """(offset, body) of each known body named in full in `text`, and of other coalitions."""
    found = []
    for body in bodies:
        for m in re.finditer(re.escape(_full(body)), text, re.IGNORECASE):
            found.append((m.start(), body))
        if body != _full(body):
            for m in re.finditer(r"\(" + re.escape(body) + r"\)", text):
                found.append((m.start(), body))
    for m in _ANY_DC.finditer(text):
        # "…Safety's guide", "…Libraries' survey": the possessive is not part of the name
        name = re.sub(r"['’]s?$", "", re.sub(r"^Dynamic Coalition\b", "DC", m.group(0)))
        if not any(_full(b).lower() == _full(name).lower() for b in bodies):
            found.append((m.start(), name))
    return sorted(found)


def _shorten(text: str, body: str, short: str) -> str:
    """Every full mention of `body` as a subject or possessor in `text` -> its short form.

    A possessive is made again for the short form, not carried over: "the Dynamic Coalition
    on Public Access in Libraries' finding" -> "the coalition's finding" (not "the coalition'").
    """
    pattern = re.compile(r"\b(?:the )?" + re.escape(_full(body)) + r"(?:(['’])s?(?!\w))?", re.IGNORECASE)

    def sub(m: re.Match[str]) -> str:
        form = possessive(short).replace("'", m.group(1)) if m.group(1) else short
        return form[:1].upper() + form[1:] if m.start() == 0 or text[m.start() - 2 : m.start()] == ". " else form

    return pattern.sub(sub, text)


def name_once(items: Sequence[Named]) -> list[str]:
    """The texts of a section's bullets with each body named once (module docstring).

    >>> name_once([Named("The Dynamic Coalition on X ran tests.", "DC on X"),
    ...            Named("The Dynamic Coalition on X has published a checklist.", "DC on X")])
    ['The Dynamic Coalition on X ran tests.', 'The coalition has published a checklist.']
    """
    bodies = longest_first(b for it in items if (b := it.body))
    last: dict[str, str] = {}  # short form -> the body it now means
    shown: set[str] = set()  # prefixes already shown with their organisation
    out = []
    for it in items:
        text = it.text
        if it.prefix and it.prefix in shown and text.startswith(it.prefix):
            name = re.sub(r"\s*\([^)]*\):\s*$", ": ", it.prefix)
            text = name + text[len(it.prefix) :]
        short = short_form(it.body) if it.body else None
        if it.body and short and last.get(short) == it.body:
            head = text.find(":") + 2 if it.prefix and text.startswith(it.prefix.split(" (")[0]) else 0
            text = text[:head] + _shorten(text[head:], it.body, short)
        if it.prefix:
            shown.add(it.prefix)
        for _at, body in _mentions(it.text, bodies):
            form = short_form(body)
            if form:
                last[form] = body
        out.append(text)
    return out
