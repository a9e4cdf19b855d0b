"""A `>>` caption file whose captioner changes halfway: the relief captioner writes `Jo Li:` without `>>`, and each
of those labels starts a turn (`markers._relief_labels`), not one long turn of the last marked speaker (issue 20)."""

from __future__ import annotations

from forumlens.transcript.parse import parse_transcript

BODY = """Open forum on river data

>> MARTA KOWALCZYK: Welcome, everyone. I moderate today.

>> OSEI BONSU: Thank you, Marta. Our network measures the rivers every day.

[Second captioner from here.]

Marta Kowalczyk: Thank you. Now the ministry, please.

Lena Haraldsen: Thank you. The ministry will publish the river data every week from next year.

Marta Kowalczyk: Thank you both. We close here.
"""


def _turns(text: str) -> list[tuple[int, str | None]]:
    return [(t.line, t.speaker) for t in parse_transcript(text).turns]


def test_the_relief_captioners_labels_start_turns():
    assert _turns(BODY) == [
        (3, "Marta Kowalczyk"),
        (5, "Osei Bonsu"),
        (9, "Marta Kowalczyk"),
        (11, "Lena Haraldsen"),
        (13, "Marta Kowalczyk"),
    ]


def test_two_labels_after_the_captions_are_too_few_for_a_relief_captioner():
    # a quoted exchange in the last turn ("Ana Ruiz: …", "Jo Li: …"): two lines, no name recurring, none marked
    text = BODY.split("[Second")[0] + "Ana Ruiz: the data is late.\n\nJo Li: the data is wrong.\n"
    assert [line for line, _ in _turns(text)] == [3, 5]


def test_with_a_third_label_and_a_name_said_twice_they_are_turns():
    text = BODY.split("[Second")[0] + "Ana Ruiz: late.\n\nJo Li: wrong.\n\nAna Ruiz: both, then.\n"
    assert [line for line, _ in _turns(text)] == [3, 5, 7, 9, 11]
