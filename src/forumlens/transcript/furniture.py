"""Lines of a caption page that are no speech: a stage note and a time stamp.

One definition for every reader of turns (`parse.py` and `interjections.py` both skip these
lines), so that a note or a time stamp shape learned from one file counts everywhere.
"""

from __future__ import annotations

import re

from .clock import CLOCK

__all__ = ["NOTE", "TIME_STAMP"]

# A stage note alone on its line: "(Applause)", "[ Laughter ]", "(Off microphone).".
NOTE = re.compile(r"^[(\[][^()\[\]\n]{0,120}[)\]][.,;]?$")
# A time stamp: "[00:12:31]", "00:12", "14:02:11.250". `fullmatch` for a line holding only the
# stamp, `match` for a line opening with one.
TIME_STAMP = re.compile(rf"\[?{CLOCK}\]?")
