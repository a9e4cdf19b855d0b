"""Property-based fuzzing of the readers, the parser, the sentence splitter and the query parser.

Properties (issue 12): no exception except the named input errors; turns ordered and
non-overlapping; every turn's text is a substring of the input at its offsets; line
numbers point at marker lines; parsing is stable under a trailing newline and CRLF.
`FORUMLENS_FUZZ_EXAMPLES` raises the example count (`make fuzz`).
"""

from __future__ import annotations

import contextlib
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forumlens.errors import InputError
from forumlens.read import read_bytes
from forumlens.search import parse_query, to_fts5
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import split_sentences

EXAMPLES = int(os.environ.get("FORUMLENS_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like captions: markers, labels, notes, odd whitespace and punctuation.
_PIECES = st.sampled_from(
    [
        ">> ",
        ">>",
        "  >> ",
        "\t>>",
        ">>>",
        "JANE DOE",
        "jean-luc de la fontaine",
        "MARÍA GARCÍA\u2011LÓPEZ",
        ": ",
        ":",
        " :",
        "(Applause)",
        "[ Gavel ]",
        "(Poor audio quality).",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\u00a0",
        "Thank you.",
        "What is next?",
        "DR.",
        "H.E.",
        "MODERATOR",
        "AUDIENCE MEMBER",
        "\u2011\u2011",
        "10:30",
        "IGF 2019",
        "***",
        "The following are the outputs of the real-time captioning.",
        "é",
        "😀",
        "\x00",
        '"',
    ]
)
CAPTIONS = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _check_turns(text: str) -> None:
    session = parse_transcript(text)
    lines = text.split("\n")
    previous_end = -1
    for turn in session.turns:
        assert turn.start >= previous_end, "turns overlap or are out of order"
        assert text[turn.start : turn.end] == turn.text
        # a marker left at a line end by a hard wrap starts its turn on the next line
        wrapped = turn.line >= 2 and lines[turn.line - 2].rstrip().endswith(">>")
        assert ">>" in lines[turn.line - 1] or turn.label or wrapped, "line must point at a marker line"
        assert turn.line <= turn.end_line
        previous_end = turn.end


@FUZZ
@given(CAPTIONS)
@example("\t>>\t>>\r0")  # a lone carriage return in a delimited-looking line: csv.Error once
@example(">> A>> >> : >> ")  # a label shape read across the next marker: overlapping turns once
def test_parser_properties_on_caption_like_text(text):
    _check_turns(text)


@FUZZ
@given(st.text(max_size=400))
@example(";\r;")
def test_parser_properties_on_arbitrary_text(text):
    _check_turns(text)


def _structure(text: str) -> list[tuple]:
    return [(t.line, t.label, t.speaker, t.kind, t.text.replace("\r", "")) for t in parse_transcript(text).turns]


@FUZZ
@given(CAPTIONS)
def test_parse_is_stable_under_trailing_newline_and_crlf(text):
    text = text.replace("\r", "")
    base = _structure(text)
    assert _structure(text + "\n") == base
    assert _structure(text.replace("\n", "\r\n")) == base


@FUZZ
@given(st.binary(max_size=600))
def test_readers_raise_only_named_input_errors(data):
    try:
        document = read_bytes(data, "fuzz.bin")
    except InputError:
        return
    assert isinstance(document.text, str) and document.text.strip()


@FUZZ
@given(CAPTIONS.map(lambda t: t.encode("utf-8")) | CAPTIONS.map(lambda t: t.encode("utf-16")))
def test_readers_on_encoded_captions(data):
    with contextlib.suppress(InputError):
        read_bytes(data, "fuzz.txt")


@FUZZ
@given(st.text(max_size=500))
def test_sentence_spans_are_ordered_inside_the_text(text):
    previous = 0
    for start, end in split_sentences(text):
        assert previous <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous = end


@FUZZ
@given(st.text(max_size=300))
def test_query_parser_always_yields_a_quoted_expression(text):
    expr = to_fts5(parse_query(text))
    assert expr is None or expr.count('"') % 2 == 0
