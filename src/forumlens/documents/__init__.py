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
"""

from .meta import DOCUMENT_KINDS, DocumentMeta, detect_metadata
from .overrides import Overrides, parse_overrides, read_sidecar
from .paragraphs import is_transcript, locate, split_paragraphs

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
