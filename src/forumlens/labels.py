"""Category and status keys read as words: "concise-summaries" is shown as "concise summaries".

Keys (`KEY`: lower case words joined by hyphens) are what the analyses store and the JSON contracts
carry; a reader sees words. One place for the rule, imported by the report renderers
(`summarise.render`), the threads' summaries and the portal. Pure and dependency-free, so the
threads stage shows words without importing the summarise package (≈ 0.2 s of imports).
"""

from __future__ import annotations

import re

__all__ = ["KEY", "key_words", "kind_label", "lead_label"]

KEY = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a category or status key ("concise-summaries"), not a title


def key_words(kind: str) -> str:
    """A key in words, as it reads inside a sentence: "concise-summaries" → "concise summaries".

    >>> key_words("links-to-institutions")
    'links to institutions'
    """
    return kind.replace("-", " ")


def kind_label(kind: str) -> str:
    """A category or status key as a reader's label: "concise-summaries" → "Concise summaries"."""
    return key_words(kind).capitalize()


def lead_label(kind: str) -> str:
    """The label a list item opens with: a category key in words ("Concise summaries"), a title as written.

    Keys are lower case joined by hyphens; a segment title ("Opening by UN DESA") keeps its
    capitals, only its first letter raised.
    """
    if KEY.fullmatch(kind):
        return kind_label(kind)
    return kind[:1].upper() + kind[1:]
