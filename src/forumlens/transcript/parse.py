"""Caption text → turns, for every IGF caption style since 2006.

The general rules (see shared/corpus/formats/README.md):
- a turn starts at a `>>` marker at the start of a line (after any indentation), or
  inside a line when line breaks were lost; the label is the text before the first
  colon when it reads as a name or role, or a label already seen in this session;
- a marker followed only by a stage note "(Applause)" / "[ Laughter ]" is a `note`;
- lines before the first marker (site boilerplate, title, disclaimer, date) are header;
- documents with no `>>` at all may mark turns with `NAME:` at the start of a line.

Turns the captioner marked in other ways (seen on unseen sessions, issue 22):
- a label without a colon, in capitals or in title case (`>> Markus Kummer Excellencies, …`):
  two to four name words, then a capitalised word that starts the speech;
- a collective label (`>> Everyone:`, `>> ALL PARTICIPANTS:`) is a label with no speaker;
- a first turn with no marker after the page header: the first spoken paragraph after the
  disclaimer, date or separator starts a turn with no label;
- a new voice with no marker: after a blank line, a paragraph opening with a lower-case
  "thank you" / "hello" (perhaps after "yes,") starts a turn with no label, unless the
  paragraph before stopped in the middle of a sentence;
- a name card as the label (`>> Jo Li, co-moderator:`, `>> JO LI, MINISTRY OF ICT, GHANA (online):`):
  the speaker is the name, the raw label keeps the card (`speakers.parse_name_card` reads its
  role, organisation and mode), and a later `>> Jo Li Thank you…` is a known label; the card
  may open with the role (`MODERATOR (Jo Li):`, `Chair — Jo Li:`) and use spaced dashes for
  commas (`Jo Li — Ministry of ICT:`);
- in a transcript with no `>>`, a title line with a colon is not a `NAME:` label: the part
  before the colon is a session-type phrase ("Open Forum: …"), or the rest of the line is a
  title (every word but small ones capitalised, no sentence punctuation at its end).

By the shape of the transcript (stop 19, `shapes.py`): before splitting, every line start is
read once for a label shape — a short name-like span followed by a colon, a dash between spaces
(`JO LI -- …`, `Jo Li – …`), written in square brackets (`[Jo Li] …`) or in capitals with no
separator (`JO LI Thank you`), after any time stamp (`[00:12:01]`) — and a separator counts
as this captioner's when names recur with it across the file (after `>>`, one recurring name is
enough). Then `[Jo Li]` and dash labels split a transcript with no `>>`, dash and bracket labels
after `>>` are read as labels, colon labels that the stricter bare-label rule leaves out
(`Speaker 2:`, `Participant:`, `Jo Li (online):`) count once the colon shape is in use, and a
first turn before the markers keeps its label when the name recurs as a `>>` label later. A
label shape seen on one line only stays speech; a role in capitals without a colon
(`>> PARTICIPANT Yes, …`) is a label.

Stop 20 (the fourth blind set's misses, by general rules): a name card without a colon after
`>>` (`colonless.py`: `>> CO-MODERATOR (Jo Li) Good morning`, `>> JO LI, Deputy Minister of
ICT, Ghana Thank you.`); capitals with no separator and no `>>` open a turn as a role or as the
short form of a name written in full before (`OKAFOR Thank you`), never when they hold a
sentence word (`THANK YOU Everyone`), an unrecurring body acronym (`UN DESA Reports …`) or start
a title line; an agenda line listing names ("Speakers: Dr. Jo Li; Ana Ruiz (online)") is no
turn; in a transcript with no `>>` whose line breaks were lost, a label the file uses at line
starts, written the same way right after a sentence end, starts a turn inside the line; a
one-word speaker that is a word of exactly one whole name used earlier is that person
(`shortnames.py`: `KAZLAUSKAITĖ:` after `IEVA KAZLAUSKAITĖ:`).

Stop 21 (the fifth blind set's misses, by general rules): a role or group label without a colon
in title case before a word that opens speech (`>> Audience Yes, my name…`); a lower-case piece
on a card that says what the person is (`HAKAN DEMIR, student, Bilkent:`); a generic voice told
apart by a qualifier or by where it is (`SPEAKER FROM THE FLOOR`, `FEMALE PARTICIPANT`) has no
speaker; a new voice with no marker after a blank line: a paragraph after a note turn
(`>> [inaudible]` then "okay so, can you repeat…"), one opening in lower case with a reply word
("yeah, hi", "okay so"), or one thanking the speaker of the turn it is in by name ("Thank you,
Joseph." in Joseph's turn); a mixed-case label alone on its `>>` line; a turn body holding only
stage notes and time stamps is a `note`.

Stop 23 (the seventh blind set: every new round brought label shapes no rule knew): a learned
label-line detector (`labellines.py`, weights trained by `bench/train_parse.py`) decides where the
rules are silent — in a file whose turns the rules mostly missed, every line they left open (an
automatic-transcription `Speaker 1  0:04` line above its speech, a name and affiliation alone on
a line, WebVTT cues `Name: …`); elsewhere the `>>` lines whose label the rules could not read (a
time stamp before the colon, a mis-keyed `;` or `.`, pronouns in a display name). The evidence
is the shape of the line and its recurrence across the file, never a list of strings.

Stop 24 (the eighth blind set): subtitle cue files are read as cue files (`cues.py`), told from
their lines, not their name: a WebVTT voice span `<v Name>` is a label and a change of voice a
turn, an SRT or WebVTT line opening with a dialogue dash is a voice of its own, and a turn ends
before the next cue's identifier and timing lines. A named label written twice in a row means
somebody spoke between (`interjections.py`): the last line of the first turn that opens a
sentence after one ended is an unlabelled voice. A label the label-line model read is known to
the file's other markers; a time stamp opening a turn's text is furniture; with lost line breaks
and no `>>`, a capitals name and a colon after a sentence end is a label when that is the file's
label shape; a cue file's first cue is a turn, and a short greeting after the disclaimer too.

Stop 29 (the twelfth blind set: chat saves, group exports, `said:` records): where the rules
misread a file, a fallback reader learns the file's repeating record shape (`records.py`: a
stamp, fixed words around a short name field, a colon) and reads its turns; a frame or cue
wrapper opening every line (`wrappers.py`) is read as nothing in the view.

Stop 30 (the thirteenth blind set: exports saved as `.txt`, read by their shape): a JSON or XML
file states its turns in its records (`structured.py`: the repeated record, its speech and its
speaker field learned from the file), tried before anything else; a delimited table is read by
its columns' values (`delimited.py`), a question table's answer cell by the names opening its
lines (`answers.py`), a chat or meeting copy by its `Name — stamp` head lines (`stampedheads.py`),
a channel log by its bracketed nicks (`records.py`), and a meeting's chat pasted below the
captions by the record shape of that block alone (`chatblock.py`); views read a caption extractor's row fields
(`rowfields.py`), wiki source's bold labels (`wikibold.py`) and each rolling automatic caption
line once (`rolling.py`).

Stop 40 (round 24's misses): a cue file that writes `Name: …` on every cue (a meeting service's
cloud transcript) has one turn for consecutive cues of one name (`cuerepeats.py`), and a label
ending its cue speaks in the next cue; a list digest's short message heads (`mailblocks.py`).

Stop 46 (round 30's misses, by the labels' shape): a national record's label may open with an
article and a title (`O Sr. Presidente`, `A Sr.ª Jo Li (XP)`: the article is the address's, the
raised `ª` the abbreviation's) and end with a colon and a long dash (`: — `, the separator's); an
office in capitals names the holder in brackets when an initial or a title marks a person there
(`PIRMININKĖ (E. LI)`), and office words before a name end at a lower-case office word or an
acronym (`Ensimmäinen varapuhemies Jo Li`); a report's annex writes `FAMILY, Given (note):`; a
cue export may show a device (`Galaxy A52`) for a participant: a label with no person.

Stop 47 (the national records of rounds 24–31): where the rules and the stamp-and-word record
shape read little of a file, its label lines are learned from their own repetition
(`records.read_label_records`: a name with a party, a constituency or an office, perhaps after a
clock time, ended by a colon or alone above the speech); they win where the rules read under three
in four of them and they start a turn on three in four of the rules' labelled lines.

Stop 48 (round 32's misses, by the layout): a meeting's saved captions write the name before the
time (`[Jo Li] 10:31:02 …`), one caption line each, so one speaker's lines in a row are one turn
(`cuerepeats.py`); a record's label lines replace an export reader's, or the rules' where those read
three in four, when they read every turn of theirs with the same label and more lines whose labels
come back (a long office the label rules leave out); an office the speech writes as a lower-case
phrase is no part of the name after it (`officenames.offices_written_in`); a full stop after an
initial stays in a template's label (`Kultūras ministre L. Jo-Li.`). The label lines are read once
per parse (`_label_records_once`), by the rules' path and the template fallback alike.

Stop 49 (round 33's misses): a record's label line may stand alone above the speech with neither a
clock nor a colon (`Li, Jo, minister of ICT`): `records._bare_labels` learns from the file that
such lines are labels (several voices in one form, a name that comes back); a directory name may
carry the office after a second comma (`speakers.given_first`: `Jo Li, minister of ICT`).

Turn text is an exact slice of the document text so citations stay verbatim.

One job per module; this one composes them: `readers.py` (exports, views), `markers.py` (where
the captioner marked turns), `unmarked.py` (voices the captioner did not mark), `heads.py` (the
label after a marker), `learned.py` (the label-line model where the rules are silent), `records.py` (files of repeating records),
`turns.py` (turns cut at the markers), `interjections.py` (a voice between two turns of one
speaker), `header.py` (the page header, title and year).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Literal

from ..models import Session, Turn
from .briefingqa import briefing_markers
from .chatblock import chat_blocks, with_chat_blocks
from .clock import label_colon, stamp_free
from .cuerepeats import join_repeated_cues, join_stamped_repeats
from .cues import cues_begin, first_speech, unread_timings
from .exportmarks import ExportMarks
from .gate import GATE, GateRule, few_turns, prefer_template
from .header import find_title, guess_year
from .heads import LABEL_MAX, label_alone
from .honorifics import drop_addresses
from .icemarkup import read_ice_markup
from .initials import letters_as_initials
from .interjections import voices_between
from .labelkey import keyed_roles
from .labellines import LabelModel, load_label_model
from .labelwords import PARTICLES
from .learned import asked_lines, learned_markers
from .mailreader import read_mail_archive
from .markers import Marker, find_markers, line_of, line_starts
from .officenames import office_names, offices_written_in
from .quotelevels import read_quote_levels
from .readers import export_marks, reading_view
from .records import read_label_records, read_records
from .shapes import label_shapes
from .shortnames import expand_short_names
from .speakers import (
    COLLECTIVE_LABELS,
    display_name,
    generic_label,
    looks_like_label,
    name_key,
    parse_name_card,
    title_word,
)
from .spokenaddress import spoken_addresses
from .structured import read_structured
from .templates import agreeing_bound, read_template
from .testimony import testimony_speakers
from .turns import build_turns, split_turns
from .unmarked import implicit_markers, thanked_by_name
from .view import View

__all__ = [
    "asked_lines",
    "choose_reading",
    "find_title",
    "guess_year",
    "parse_by_rules",
    "parse_by_template",
    "parse_transcript",
]


def parse_transcript(
    text: str, source: str = "", sha256: str = "", *, label_model: LabelModel | Literal["shipped"] | None = "shipped"
) -> Session:
    """Parse caption text into a `Session` with 1-based lines and exact text slices.

    A text with no turn markers is still a session (with zero turns) and a warning;
    the caller decides whether that is acceptable. `label_model` is the label-line model
    (default: the shipped one; None: the rules alone; the training bench passes its own).
    Exports are read first (`readers.py`): marks written another way (`&gt;&gt;`, `»`) are
    read in a view of the text, and turns cut from `text` again; a table, saved captions or a
    Markdown page with bold labels states its own turns.
    """
    once = _label_records_once()  # the rules' path and the template fallback both ask for it
    session, stated = _by_rules(text, source, sha256, label_model, once)
    return session if stated else choose_reading(text, session, GATE, label_records=once)


def parse_by_rules(
    text: str, source: str = "", sha256: str = "", *, label_model: LabelModel | Literal["shipped"] | None = "shipped"
) -> Session:
    """`text` read by the exports' readers and the caption rules alone, no template fallback
    (what the fallback's gate weighs the template against, `bench/parse_gate.py`)."""
    return _by_rules(text, source, sha256, label_model, _label_records_once())[0]


LabelRecords = Callable[[str], ExportMarks | None]


def _label_records_once() -> LabelRecords:
    """`records.read_label_records`, read at most once per text in one parse (`functools.cache` made
    per parse, so nothing outlives it): the rules' path (`_parse`) asks for a national record's
    label lines, and the template fallback (`templates.read_template`) asks again for the same text."""
    return cache(read_label_records)


def _by_rules(
    text: str,
    source: str,
    sha256: str,
    label_model: LabelModel | Literal["shipped"] | None,
    label_records: LabelRecords,
) -> tuple[Session, bool]:
    """The rules' reading, and whether a structured export stated its turns (no fallback then)."""
    structured = read_mail_archive(text)  # mail (`mailreader.py`): its headers state who wrote each message
    if structured is None:  # a JSON or XML export states its turns in its records
        structured = read_structured(text)
    if structured is None:  # …and a corpus text in its locators, before the markup view reads them as nothing
        structured = read_ice_markup(text)
    if structured is None:  # …and a quoting reply in its quote levels, before the quote view reads `> ` as nothing
        structured = read_quote_levels(text)
    if structured is not None:
        return _parse_export(text, source, sha256, structured, line_starts(text)), True
    view = reading_view(text)
    if view.changed:  # a view may blank a line's time mark (`<3:00:20 PM>` read as markup): joined on the source
        session = _in_source(_parse(view.text, source, sha256, label_model, label_records), text, view)
        joined = join_stamped_repeats(text, list(session.turns))
        return (session if len(joined) == len(session.turns) else replace(session, turns=tuple(joined))), False
    return _parse(text, source, sha256, label_model, label_records), False


def choose_reading(
    text: str, session: Session, rule: GateRule, *, label_records: LabelRecords | None = None
) -> Session:
    """`session` (the rules' reading), or the file's learned template's when the gate (`gate.py`)
    prefers it. A template can mark at most one turn a line and must read the rules' own lines to
    agree with them, so a file where no template could outnumber the rules enough is never read by
    its template (`agreeing_bound`, cheap: most files stop here). `label_records`: the parse's
    `_label_records_once`, so the template reads the label lines the rules read already."""
    reader = label_records or read_label_records
    least = rule.least() * max(1, len(session.turns))
    if text.count("\n") + 1 < least:
        return session
    lines = text.split("\n")
    if not few_turns(text, len(session.turns), rule.few_lines):  # then only the agreement gate can open
        if not session.turns:  # …and it needs turns of the rules to agree with, or a short record (`short_record`)
            return _short_record_reading(text, session, rule, reader)
        read = [lines[t.line - 1] for t in session.turns]
        if agreeing_bound(lines, read, rule.agree) < rule.gain * max(1, len(session.turns)):
            return session
    elif sum(1 for line in lines if line.strip()) < least:
        return session
    learned = read_template(text, reader)  # the generic fallback: the file's own speaker-marking template
    if learned is None or len(learned.marks) < least:
        return session
    template = _parse_export(text, session.source, session.sha256, learned, line_starts(text))
    return template if prefer_template(text, session.turns, template.turns, rule) else session


def _short_record_reading(text: str, session: Session, rule: GateRule, label_records: LabelRecords) -> Session:
    """A file without a turn of the rules, too short for the first gate: its template's reading
    when the gate's `short_record` takes it, else the rules' (empty) reading."""
    learned = read_template(text, label_records) if rule.few_lines and text.count("\n") + 1 >= rule.few_gain else None
    if learned is None or len(learned.marks) < rule.few_gain:
        return session
    template = _parse_export(text, session.source, session.sha256, learned, line_starts(text))
    return template if prefer_template(text, session.turns, template.turns, rule) else session


def parse_by_template(text: str, source: str = "", sha256: str = "") -> Session:
    """`text` read by its learned template alone (`templates.py`), no reader or view: what the
    fallback makes of a layout nobody wrote a reader for (`bench/parse.py --fallback-only`)."""
    learned = read_template(text)
    if learned is None:
        return _session(text, source, sha256, [], None)
    return _parse_export(text, source, sha256, learned, line_starts(text))


def _in_source(session: Session, text: str, view: View) -> Session:
    """`session`, parsed from `view`, with each turn cut from the source `text` again (a view
    keeps every line where it is, so line numbers stand)."""
    turns = []
    for turn in session.turns:
        a, b = view.source_span(turn.start, turn.end)
        turns.append(replace(turn, text=text[a:b], start=a, end=b))
    return replace(session, turns=tuple(turns), text=text)


def _parse(
    text: str,
    source: str,
    sha256: str,
    label_model: LabelModel | Literal["shipped"] | None,
    label_records: LabelRecords,
) -> Session:
    """`parse_transcript` of a text the rules read as it is (see there)."""
    starts = line_starts(text)
    export = export_marks(text)
    if export is not None:
        record = label_records(text)  # a national record's label lines may read the export's and more
        if record is not None and _extends(record, export):
            export = record
        return _parse_export(text, source, sha256, export, starts)
    shapes = label_shapes(text)
    markers = find_markers(text, shapes)
    markers = sorted(markers + implicit_markers(text, markers, shapes), key=lambda m: m.at)
    markers = sorted(markers + briefing_markers(text, markers), key=lambda m: m.at)  # `Q:` lines in a turn
    cue_start = first_speech(text)  # a cue file's first cue is speech, marked or not
    if cue_start is not None and (not markers or cue_start < markers[0].at):
        markers.insert(0, Marker(cue_start, cue_start, implicit=True))
    known: dict[str, str] = {}
    alone: dict[str, int] = {}  # names written alone on a `>>` line, no colon, and how often
    for m in markers:  # first pass: labels written with a colon, for colon-less markers
        if m.implicit or m.label is not None:
            continue
        end = text.find("\n", m.body)
        head = text[m.body : end if end != -1 else len(text)]
        colon = label_colon(head)
        if 0 < colon <= LABEL_MAX and looks_like_label(stamp_free(head[:colon])):
            written = stamp_free(head[:colon]).strip()
            if written.lower() not in COLLECTIVE_LABELS:  # ">> Everyone is…" is speech
                known.setdefault(name_key(written), written)
                card = parse_name_card(written)  # "Jo Li, co-moderator:" may come back as ">> Jo Li Thank…"
                if card.pieces and display_name(card.name):
                    known.setdefault(name_key(card.name), card.name.strip())
        elif colon == -1 and label_alone(head):
            alone[name_key(head)] = alone.get(name_key(head), 0) + 1
    for key, n in alone.items():  # a name alone on two or more `>>` lines is this file's label
        if n >= 2:
            known.setdefault(key, key)

    turns = build_turns(text, markers, starts, shapes, known)
    records = read_records(text)  # the fallback: a file of repeating records the rules misread
    if records is not None and not _rules_read(records, turns, starts) and not chat_blocks(text, turns, starts):
        return _parse_export(text, source, sha256, records, starts)
    if records is None:  # …or a national record's label lines, read from their repetition
        records = label_records(text)
        if records is not None and _label_record_wins(records, turns, starts) and not chat_blocks(text, turns, starts):
            return _parse_export(text, source, sha256, records, starts)
    model = load_label_model() if label_model == "shipped" else label_model
    if isinstance(model, LabelModel):
        learned = learned_markers(text, markers, turns, starts, model)
        if learned is not None:
            markers = learned
            # a label the model read is this file's label for the other markers too: a later
            # ">> JO LI. And…" after ">> JO LI; Thank you" (the `known` prefix rule of `split_head`)
            for m in learned:
                if m.label is not None and display_name(m.label) and not generic_label(m.label):
                    known.setdefault(name_key(m.label), m.label)
            turns = build_turns(text, markers, starts, shapes, known)
    thanked = thanked_by_name(text, turns)  # "Thank you, Joseph." inside Joseph's own turn
    # a voice on a line of its own before the same speaker's label comes back
    thanked += [Marker(at, at, implicit=True) for at in voices_between(text, turns, starts)]
    if thanked:
        turns = split_turns(text, turns, thanked, starts)
    turns = with_chat_blocks(text, turns, starts)  # a meeting's chat pasted below the captions
    turns = join_repeated_cues(text, turns)  # `Jo Li: …` on every cue of a cloud transcript

    header_end = markers[0].at if markers else len(text)
    if cue_start is not None:  # a cue file's header ends where its cues begin: a cue id is no title
        header_end = min(header_end, cues_begin(text))
    return _session(text, source, sha256, turns, header_end if markers else None)


def _extends(record: ExportMarks, export: ExportMarks) -> bool:
    """Whether a record's label lines (`records.read_label_records`) start a turn on every line
    where an export's reader starts one, and on more: the reader's label test left some out (a
    long office before a name, `14:40 Ettevõtlus- ja infotehnoloogiaminister Jo Li`, above its
    speech as the short labels are), the record's repetition read them. The same labels on the
    reader's lines: a mail's `From:` heads are no record of the senders the reader read there."""
    labels = {m.at: _folded(m.label) for m in record.marks}
    return len(record.marks) > len(export.marks) and all(labels.get(m.at) == _folded(m.label) for m in export.marks)


def _folded(label: str | None) -> str:
    return " ".join((label or "").split()).casefold()


def _label_record_wins(records: ExportMarks, turns: list[Turn], starts: list[int]) -> bool:
    """Whether a record's label lines (`records.read_label_records`) read the file better than
    the rules: the rules missed a quarter of them (`_rules_read`), and they start a turn on at
    least three in four of the lines where the rules start a labelled one (a file whose rules
    read `- RH: …` items is no record of its `AP 14 (CO) RH:` lines). Where the rules read three
    in four, the record still wins when it reads every turn of the rules, each with the rules'
    label, and more (`Ministr průmyslu a obchodu Jo Li:`, an office the label rules leave out).
    """
    if _rules_read(records, turns, starts):
        return _reads_all_and_more(records, turns, starts)
    lines = {line_of(starts, m.at) for m in records.marks}
    labelled = [t.line for t in turns if t.label is not None]
    return 4 * sum(line in lines for line in labelled) >= 3 * len(labelled)


def _reads_all_and_more(records: ExportMarks, turns: list[Turn], starts: list[int]) -> bool:
    """Whether a record's label lines start a turn on every line where the rules start one, with
    the same label, and on more lines, each with a label that comes back (a one-off line the
    rules read as speech, `Thanks to the Secretariat (Jo Li): the papers…`, stays speech)."""
    read = {(line_of(starts, m.at), _folded(m.label)) for m in records.marks}
    if len(records.marks) <= len(turns) or not all((t.line, _folded(t.label)) in read for t in turns):
        return False
    ruled = {t.line for t in turns}
    labels = Counter(_folded(m.label) for m in records.marks)
    return all(labels[_folded(m.label)] >= 2 for m in records.marks if line_of(starts, m.at) not in ruled)


def _rules_read(records: ExportMarks, turns: list[Turn], starts: list[int]) -> bool:
    """Whether the caption rules read at least three in four of a record file's heads as turns
    with the record's label (`[00:00:01] >> JO LI:` is both a record and a caption line); a web-mail
    chat whose ` Name:` lines the rules read but whose stamped `10:03 AM me:` heads they miss is
    the records' (half of its heads read was not enough to tell)."""
    read = {(t.line, " ".join((t.label or "").split()).casefold()) for t in turns}
    found = sum((line_of(starts, m.at), " ".join((m.label or "").split()).casefold()) in read for m in records.marks)
    return 4 * found >= 3 * len(records.marks)


def _parse_export(text: str, source: str, sha256: str, export: ExportMarks, starts: list[int]) -> Session:
    """The turns an export states (`readers.py`): each mark's label as the export wrote it, the
    speech up to the export's furniture; the caption rules add no turn."""
    markers = [
        Marker(m.at, m.body, label=m.label) if m.label else Marker(m.at, m.body, implicit=True) for m in export.marks
    ]
    turns = build_turns(text, markers, starts, label_shapes(""), {}, export)
    # a recogniser's speaker field of a lone letter or number ("A", "B", "2") is a diarisation id,
    # no person: the label stays for name resolution, the speaker is unknown
    turns = [replace(t, speaker=None) if t.speaker and _no_person(t.label, export) else t for t in turns]
    return _session(
        text, source, sha256, turns, export.header_end, initials=False, noted=export.warnings, heading=export.heading
    )


_UNREAD_SHOWN = 3  # unreadable timing lines named one by one; the rest are counted


def _unread_timing_notes(text: str) -> tuple[str, ...]:
    """Warnings for a cue file's timing lines that cannot be read: each such cue is read as more of
    the cue before (its voice, if new, is lost), so the ingest names the line and the fix."""
    lines = unread_timings(text)
    if not lines:
        return ()
    rows = text.split("\n")
    notes = [
        f"line {n}: a cue timing line that cannot be read ({rows[n - 1].strip()[:60]!r}), so its cue was read as"
        " part of the cue before; write its times as hh:mm:ss.mmm --> hh:mm:ss.mmm and ingest again"
        for n in lines[:_UNREAD_SHOWN]
    ]
    if len(lines) > _UNREAD_SHOWN:
        notes.append(
            f"{len(lines) - _UNREAD_SHOWN} more cue timing lines cannot be read (first at line {lines[_UNREAD_SHOWN]})"
        )
    return tuple(notes)


def _says_own_name(label: str | None) -> bool:
    """Whether a label's one-word name is how the person is addressed, not a captioner's short
    form of a whole name: after a title (`MR. QIAO:`), or with where or what the person is in
    brackets after it (a chat nickname `Tomás (Medellín hub)`: the label states its own card)."""
    if not label or not label.strip():
        return False
    return title_word(label.split()[0]) or bool(re.search(r"\S[ \t]*\([^()]+\)[ \t]*$", label))


def _no_person(label: str | None, export: ExportMarks) -> bool:
    """Whether an export's label names nobody: a diarisation id, or an account's handle in one
    lower-case word (`lagosreader`) or its placeholder in brackets (`(Anonymous)`) where the labels
    are account names (`ExportMarks.handles`)."""
    if _diarisation_id(label):
        return True
    value = (label or "").strip()
    if export.handles and value[:1] in "([" and value[-1:] in ")]":
        return True  # an account's placeholder in brackets: `(Anonymous)`, `[deleted]`
    if export.handles and _account_words(value):
        return True  # a service's or a group's account: `Automation for Jira`, `Friends of the Forum`
    return export.handles and " " not in value and not any(ch.isupper() for ch in value)


def _account_words(label: str) -> bool:
    """Whether a capitalised label of several words, and of words alone (no brackets, no dash),
    holds a lower-case word inside it that is no name particle (`for`, `of the`): a name in words
    like a title's, an account's, no person's (`van`, `de` are particles of a person's name; a
    bracketed place after a name, `Jo Li (remote hub)`, is no part of it)."""
    words = label.split()
    return (
        len(words) > 2
        and all(w.isalpha() for w in words)
        and words[0][:1].isupper()
        and any(w.isalpha() and w.islower() and w not in PARTICLES for w in words[1:-1])
    )


def _diarisation_id(label: str | None) -> bool:
    """Whether an export's speaker field is a lone letter or a number: `A`, `b`, `3`."""
    value = (label or "").strip()
    return (len(value) == 1 and value.isalpha()) or (value.isdigit() and len(value) <= 3)


def _session(
    text: str,
    source: str,
    sha256: str,
    turns: list[Turn],
    header_end: int | None,
    *,
    initials: bool = True,
    noted: tuple[str, ...] = (),
    heading: str | None = None,
) -> Session:
    """The session of `turns`: short names expanded, the title and year read from the header
    (the text before `header_end`; the first 40 lines when nothing marked a turn). `initials`:
    whether lone-letter labels may be a transcriber's initials (not in an export's fields); `noted`:
    an export reader's warnings about the file (a CSV quote never closed); `heading`: an export's
    own header lines to read the title and year from instead (`ExportMarks.heading`)."""
    turns = join_stamped_repeats(text, turns)  # `00:00:11 Jo Li: …` on each line of one speaker's turn
    if initials:
        turns = letters_as_initials(turns)  # `>> A:` beside `>> B:` is a person, not a briefing's answer
        turns = testimony_speakers(text, turns)  # `Q.`/`A.` named by the `BY MR. X:` and sworn-in lines
        turns = keyed_roles(text, turns)  # `Mod:` where the key above says `Mod = moderator`
    # a turn's index is its position: the stages index `session.turns` by it, and the steps above
    # may drop a turn (testimony's `BY …:` headings read as empty turns)
    turns = [t if t.index == i else replace(t, index=i) for i, t in enumerate(turns)]
    addressed = drop_addresses([t.label for t in turns], [t.speaker for t in turns], text)  # "ÔNG TƯỜNG" is "Tường"
    addressed = spoken_addresses([t.label for t in turns], addressed, text)  # "de heer Wittebroekx" in the speech
    addressed = office_names([t.label for t in turns], addressed)  # "El señor ARRIBALZAGA", "Ministeren (Jo Li)"
    addressed = offices_written_in(text, addressed)  # "Sekretarz stanu Jo Li" where the speech says "sekretarz stanu"
    titled = [_says_own_name(t.label) or dropped for t, (_, dropped) in zip(turns, addressed, strict=True)]
    full = expand_short_names([name for name, _ in addressed], titled)  # "KAZLAUSKAITĖ:" after "IEVA KAZLAUSKAITĖ:"
    turns = [t if t.speaker == name else replace(t, speaker=name) for t, name in zip(turns, full, strict=True)]
    header = text[:header_end] if header_end is not None else "\n".join(text.split("\n")[:40])
    if heading is not None:
        header = heading
    title = find_title(header)
    warnings: tuple[str, ...] = (*noted, *_unread_timing_notes(text))
    if not turns:
        warnings = (*warnings, "no turn markers (>> NAME:) found; kept as a document with zero turns")
    return Session(
        title=title,
        sha256=sha256,
        source=source,
        turns=tuple(turns),
        text=text,
        year=guess_year(title, source, header[:2000]),
        warnings=warnings,
    )
