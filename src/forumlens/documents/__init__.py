"""Documents beyond transcripts: coalition reports, statements, papers, glossaries.

A document is stored like a session whose turns are its paragraphs (headings are
`note` turns), each with its page and section, so search, tags and briefs work on
documents as on transcripts and every citation can name page and section.

    paragraphs   Document → Session of paragraph turns
    meta         title, date, coalitions, kind, language, each with a confidence
    language     a small offline stopword-profile language guesser
    overrides    --coalition/--kind/--date flags and FILE.meta.toml sidecars
    eligibility  the secretariat's per-coalition record and the slot eligibility rule
    links        links between stored documents and the outputs transcripts mention

The names are imported on first use (PEP 562): `meta` and `paragraphs` import the
readers (bs4, ftfy), which a command that only parses `--coalition` flags, or only
prints its `--help`, must not pay for (issue 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# public name → submodule that defines it
_PUBLIC = {
    "DOCUMENT_KINDS": ".meta",
    "DocumentMeta": ".meta",
    "Overrides": ".overrides",
    "detect_metadata": ".meta",
    "is_transcript": ".paragraphs",
    "locate": ".paragraphs",
    "parse_overrides": ".overrides",
    "read_sidecar": ".overrides",
    "split_paragraphs": ".paragraphs",
}

__all__ = [
    "DOCUMENT_KINDS",
    "DocumentMeta",
    "Overrides",
    "detect_metadata",
    "is_transcript",
    "locate",
    "parse_overrides",
    "read_sidecar",
    "split_paragraphs",
]

if TYPE_CHECKING:
    from .meta import DOCUMENT_KINDS, DocumentMeta, detect_metadata
    from .overrides import Overrides, parse_overrides, read_sidecar
    from .paragraphs import is_transcript, locate, split_paragraphs


__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())
