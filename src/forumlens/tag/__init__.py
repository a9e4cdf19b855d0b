"""Topics of sessions: SDGs, IGF issue areas and GDC objectives with evidence; a glossary.

Pure functions over `Session`/`Turn` records and package data (taxonomies and the SDG
model weights in `data/`); runs on the default install, no network, no extra packages.
"""

from forumlens.tag.glossary import GlossaryTerm, extract_glossary
from forumlens.tag.jsonl import tag_jsonl, tag_record
from forumlens.tag.tagger import THRESHOLD, Tag, TagScore, score_text, tag_session, tag_text, tag_turn
from forumlens.tag.taxonomy import SCHEMES, Entry, Taxonomy, load_taxonomy
from forumlens.tag.text import SessionMemo

__all__ = [
    "SCHEMES",
    "THRESHOLD",
    "Entry",
    "GlossaryTerm",
    "SessionMemo",
    "Tag",
    "TagScore",
    "Taxonomy",
    "extract_glossary",
    "load_taxonomy",
    "score_text",
    "tag_jsonl",
    "tag_record",
    "tag_session",
    "tag_text",
    "tag_turn",
]
