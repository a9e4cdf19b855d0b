"""The file types forumlens reads, declared once: every message that names them and ingest's folder filter read this.

The readers choose by sniffing the bytes (`registry.py`, `transcript/readers.py`), never the
name; the suffixes matter where a name is all there is: which files of a folder are tried,
which uploads are taken, and what a refusal tells the user to give instead. Messages that
each spelled the list drifted apart (".txt, .html, .md, .pdf and .docx" for an image,
".txt, .html, .pdf or .docx" for binary data, neither naming the subtitle and caption-table
formats the readers accept); they all say `ACCEPTED` now, and a test checks it against the
README.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACCEPTED", "CAPTION_HEADER_NEEDED", "FORMATS", "TABLE_SUFFIXES", "TEXT_SUFFIXES", "Format"]


@dataclass(frozen=True)
class Format:
    """One kind of input: its suffixes, the first the one a message names."""

    suffixes: tuple[str, ...]
    table: bool = False  # a .csv/.tsv is read only when it sniffs as a caption export (a speaker and a text column)


FORMATS: tuple[Format, ...] = (
    Format((".txt", ".text")),  # captions as text, whatever the caption style
    Format((".html", ".htm")),  # a saved caption page or a report
    Format((".md", ".markdown")),
    Format((".pdf",)),
    Format((".docx",)),
    # a coalition's mailing list: an mbox or list archive, a saved message (`transcript/mailreader.py`
    # reads it by its headers; a list archive saved as .txt is read the same way)
    Format((".mbox", ".eml")),
    Format((".vtt",)),  # WebVTT subtitles
    Format((".srt",)),  # SRT subtitles
    Format((".sbv",)),  # YouTube's caption export
    Format((".ass", ".ssa")),  # SubStation Alpha subtitle scripts
    Format((".ttml", ".dfxp")),  # TTML (DFXP) timed-text captions
    Format((".csv", ".tsv"), table=True),
)

# suffixes a folder's file is tried by ("" a file without one); a table's only when it sniffs as a caption export
TEXT_SUFFIXES = frozenset({"", *(s for f in FORMATS if not f.table for s in f.suffixes)})
TABLE_SUFFIXES = frozenset(s for f in FORMATS if f.table for s in f.suffixes)
# what a table must hold to be read as captions, said the same way wherever a table is not read
CAPTION_HEADER_NEEDED = "a caption table needs a header row naming a speaker and a text column (speaker,text)"


def _accepted() -> str:
    files = [f.suffixes[0] for f in FORMATS if not f.table]
    tables = "/".join(s for f in FORMATS if f.table for s in f.suffixes)
    return f"{', '.join(files)}, or a caption-export {tables} with a speaker and a text column"


# the accepted types in words, as every message and the README give them
ACCEPTED = _accepted()
