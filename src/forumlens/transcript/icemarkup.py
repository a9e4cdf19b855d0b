"""Spoken-corpus transcriptions in the markup of the International Corpus of English (ICE).

An ICE text opens every line with a locator in angle brackets, `<ICE-GB:S1B-014#5:1:B>`: the
corpus and text, the unit number, the subtext and the speaker's letter. Markup follows inside the
line: `<#>` opens a text unit, `<,>` is a pause, `<[>…</[>` and `<{>…</{>` mark overlap,
`<X>…</X>` extra-corpus material, `<O>…</O>` an untranscribed sound. The speaker letter is the
label (a corpus speaker letter names nobody: `parse._diarisation_id`), the locator and the tags
opening the line are no speech, the speech starts after them; consecutive units of one speaker
are one turn (`exportmarks.voice_changes`).

Told from the lines: three or more lines opening with a locator of this shape.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["read_ice_markup"]

# The locator (corpus and text code, `#` unit, `:` subtext, `:` speaker), then any tags opening the line.
_LINE = re.compile(
    r"^<[\w-]{1,20}:[\w-]{1,20}#\d{1,5}:\d{1,3}:(?P<speaker>[A-Za-z?]{1,3})>[ \t]*(?:</?[^<>\s]{1,12}>[ \t]*)*",
    re.MULTILINE,
)
_LEAST = 3


def read_ice_markup(text: str) -> ExportMarks | None:
    """The turns of an ICE-marked transcription (see the module doc); None for any other text."""
    if "#" not in text or "<" not in text:
        return None
    found = list(_LINE.finditer(text))
    if len(found) < _LEAST:
        return None
    marks = (Mark(m.start(), m.end(), m.group("speaker")) for m in found)
    return ExportMarks(voice_changes(marks), found[0].start())
