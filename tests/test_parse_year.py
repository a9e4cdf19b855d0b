"""The year of a session is read from its title, its source name or its header, also when the year is glued to
the letters of a file name ("igf2019-berlin-open-forum.txt", the way IGF transcripts are often saved)."""

from __future__ import annotations

from forumlens.transcript.parse import guess_year, parse_transcript


def test_a_year_glued_to_a_file_name_is_the_year():
    assert guess_year("", "igf2019-berlin-open-forum-gender.txt") == 2019
    assert guess_year("IGF2023 Kyoto, Day 2") == 2023


def test_a_number_that_only_starts_like_a_year_is_not_one():
    assert guess_year("Room 2025B", "session-120231.txt") is None
    assert guess_year("IGF 2022 Addis Ababa", "igf2019.txt") == 2022  # the title comes first


def test_a_transcript_without_a_header_takes_its_year_from_its_file_name():
    text = ">> ANA LIMA: Good morning, and welcome to this open forum.\n\n>> TARIQ BELLO: Thank you, Ana.\n"
    session = parse_transcript(text, source="igf2022-addis-coordination.txt")
    assert session.year == 2022
