"""Turns cut from the text at the markers: label, kind and the exact slice of each.

`build_turns` reads each marker's label (`heads.py`, or the label a shape or the model already
read) and cuts the speech as an exact slice of the text, time stamps and cue or export
furniture at its ends left out; `split_turns` cuts turns again where an unmarked voice starts
inside one, without reading every label again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Turn, TurnKind
from .clock import CLOCK, CLOCK_WITH_SECONDS
from .cues import is_cue_file, speech_end, speech_start
from .exportmarks import ExportMarks
from .furniture import NOTE, TIME_STAMP
from .heads import split_head
from .markers import Marker, line_of, shape_head
from .shapes import Shapes
from .speakers import display_name

__all__ = ["build_turns", "split_turns"]

# A time stamp opening a turn's text before more text on its line ("[10:08:01] (Audio feedback)",
# "14:02:11 Thank you"): page furniture, so the turn's text starts after it.
_LEAD_TIME = re.compile(rf"(?:\[{CLOCK}\]|{CLOCK_WITH_SECONDS})[ \t]+(?=\S)")

# A dash after the label's colon (`O Sr. Presidente: — Srs. Deputados, …`, a parliamentary
# record's way): part of the separator, not of the speech. Only a long dash with a space after it,
# on a labelled turn: the captioner's `--` for resumed speech stays in the text.
_LEAD_DASH = re.compile(r"[\u2013\u2014][ \t]+(?=\S)")


def _notes_only(body: str) -> bool:
    """Whether a turn body holds only stage notes and time stamps, each alone on its line
    ("(Applause)", then "(Session ends)" or "[00:12:31]"; or notes side by side): a note turn, no speech."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    return all(NOTE.match(line) or TIME_STAMP.fullmatch(line) or _NOTES.fullmatch(line) for line in lines)


# Several notes on one line ("[ LAUGHTER ]  [ APPLAUSE ]", "(Laughter) (Applause)"): notes all
# the same, each as `furniture.NOTE` reads one
_NOTES = re.compile(r"(?:[(\[][^()\[\]\n]{0,120}[)\]][.,;]?[ \t]*){2,}")


# What closes a meeting's record after the last speaker's words, on their line or alone below
# them. A note that the session itself is over ("(Session ends)", "(Meeting adjourned)", "(End
# of session)") is the captioner's record of the room: a note turn of its own. A mark of where
# the transcript stops ("[Transcript ends]", "(End of transcript)") is page furniture, as its
# "[Transcript begins]" is: no turn at all (parse_blind6 is annotated so). Neither is the
# speaker's words. Other notes closing a turn ("Thank you. (Applause)") stay in it, as the
# annotated samples read them: a reaction to the speech, not the end of the meeting.
_EVENT = r"(?:session|meeting|workshop|panel|forum|conference|hearing)"
_RECORD = r"(?:transcript|transcription|captioning|captions|recording|webcast|broadcast|live[ \t]?stream)"
_CLOSING_NOTE = re.compile(
    r"[ \t\n]+[(\[][ \t]*(?:(?:the[ \t]+)?(?P<what>[a-z]+(?:[ \t]?stream)?)[ \t]+"
    r"(?:ends|ended|concluded|closed|adjourned|is[ \t]+over)"
    r"|end[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>[a-z]+(?:[ \t]?stream)?))[ \t]*[.!]?[ \t]*[)\]][.]?[ \t]*\Z",
    re.IGNORECASE,
)
_IS_EVENT = re.compile(rf"{_EVENT}\Z", re.IGNORECASE)
_IS_RECORD = re.compile(rf"{_RECORD}\Z", re.IGNORECASE)


def _closing_note(text: str, a: int, b: int) -> tuple[int, bool] | None:
    """(where a closing mark ending the speech `text[a:b]` starts, whether it is a note turn:
    a session's end, not the transcript's); None when there is none or it is all there is."""
    if b <= a or text[b - 1] not in ").]":  # most turns: the last character says no
        return None
    found = _CLOSING_NOTE.search(text, max(a, b - 160), b)
    if found is None:
        return None
    what = found.group("what") or found.group("of")
    event = bool(_IS_EVENT.match(what))
    if not event and not _IS_RECORD.match(what):
        return None
    start = found.start() + (len(found.group()) - len(found.group().lstrip()))
    return (start, event) if text[a : _before_stamp(text, a, start)].strip() else None


_STAMP_ONLY = re.compile(rf"[ \t]*(?:\[{CLOCK}\]|{CLOCK_WITH_SECONDS})[ \t]*")


def _before_stamp(text: str, a: int, at: int) -> int:
    """Where the speech before a closing mark at `at` ends: before a time stamp that opens the
    mark's line ("[14:19:30] (End of session)"), else at `at`."""
    line_start = max(a, text.rfind("\n", a, at) + 1)
    return line_start if line_start > a and _STAMP_ONLY.fullmatch(text, line_start, at) else at


def build_turns(
    text: str,
    markers: list[Marker],
    starts: list[int],
    shapes: Shapes,
    known: dict[str, str],
    export: ExportMarks | None = None,
) -> list[Turn]:
    """One turn per marker: its label (read by the marker's rule), kind and exact text slice;
    in an export (`readers.py`), the speech ends where the export's furniture starts."""
    marked_heads = {c.at: c for c in shapes.candidates if c.marked}
    cue_file = is_cue_file(text)
    turns: list[Turn] = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].at if i + 1 < len(markers) else len(text)
        shaped = shape_head(marker, marked_heads, shapes) if not marker.implicit and marker.label is None else None
        if marker.implicit:
            label, body_start = None, marker.body
        elif marker.label is not None:
            label, body_start = marker.label, marker.body
        elif shaped is not None:
            label, body_start = shaped.label, shaped.body
        else:
            label, body_start = split_head(text, marker.body, end, known)
        if body_start > end:  # a shaped label read across the next marker (`>> A>> >> : …`): read up to it
            label, body_start = split_head(text, marker.body, end, known)
        raw = text[body_start:end]
        body = raw.strip()
        a = body_start + (len(raw) - len(raw.lstrip()))
        b = a + len(body)
        lead = _LEAD_TIME.match(text, a, b)  # ">> [10:08:01] (Audio feedback)": the time is no speech
        if lead:
            a, body = lead.end(), text[lead.end() : b]
        dash = _LEAD_DASH.match(text, a, b) if label is not None and text[a - 1 : a].isspace() else None
        if dash and text[body_start - 1 : body_start] == ":":
            a, body = dash.end(), text[dash.end() : b]
        if cue_file:  # the next cue's identifier and timing, a closing `</v>`: not speech
            # a label ending its cue (`>> JO LI:` the cue's last line): the speech is in the next cue
            a = min(b, speech_start(text, a, b))
            b = speech_end(text, a, b)
            body = text[a:b]
        elif export is not None:  # a table cell's closing quote, a heading after the speech
            b = export.speech_end(text, a, b)
            body = text[a:b]
        kind: TurnKind = "speech"
        if label is None and body[:1] in "([" and _notes_only(body):
            kind = "note"
        if label is None and not body:
            continue  # a stray ">>" with nothing after it
        # a `>>` ending its line opens the turn on the line below, where its label is
        wrapped = text.startswith(">>", marker.at) and text.find("\n", marker.at, marker.body) != -1
        line = line_of(starts, marker.body if wrapped else marker.at)
        closing = _closing_note(text, a, b) if kind == "speech" else None
        said = b if closing is None else a + len(text[a : _before_stamp(text, a, closing[0])].rstrip())
        turns.append(
            Turn(
                index=len(turns),
                line=line,
                label=label,
                speaker=display_name(label) if label else None,
                kind=kind,
                text=text[a:said],
                start=a,
                end=said,
                end_line=line_of(starts, max(a, said - 1)),
            )
        )
        if closing is not None and closing[1]:  # the session's end: a note turn of its own, on its line
            at = closing[0]
            turns.append(
                Turn(len(turns), line_of(starts, at), None, None, "note", text[at:b], at, b, line_of(starts, b - 1))
            )
    return turns


def split_turns(text: str, turns: list[Turn], at: list[Marker], starts: list[int]) -> list[Turn]:
    """`turns` cut where an unmarked voice starts inside one (`at`, implicit markers): the turn
    before keeps its label and ends there, the new one has none; the same turns `build_turns`
    gives with those markers added, without reading every label again."""
    cuts = sorted(m.at for m in at)
    out: list[Turn] = []
    k = 0
    for turn in turns:
        pieces = [turn]
        while k < len(cuts) and cuts[k] < turn.end:
            last = pieces[-1]
            if cuts[k] > last.start:
                head = text[last.start : cuts[k]].rstrip()
                raw = text[cuts[k] : last.end]
                body = raw.strip()
                a = cuts[k] + (len(raw) - len(raw.lstrip()))
                kind: TurnKind = "note" if body[:1] in "([" and _notes_only(body) else "speech"
                pieces[-1] = replace(
                    last, text=head, end=last.start + len(head), end_line=line_of(starts, last.start + len(head) - 1)
                )
                pieces.append(
                    Turn(
                        index=0,
                        line=line_of(starts, cuts[k]),
                        label=None,
                        speaker=None,
                        kind=kind,
                        text=body,
                        start=a,
                        end=a + len(body),
                        end_line=line_of(starts, max(a, a + len(body) - 1)),
                    )
                )
            k += 1
        out.extend(pieces)
    return [replace(t, index=i) for i, t in enumerate(out)]
