"""Posts signed after their text (`transcript/signedposts.py`): the author's card under the post,
a comment's name and date at the end of its line."""

from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.signedposts import read_signed_posts

from .marks_support import marked

# An invented question page: the question and an answer each above a dated action line and the
# user's card, the comments one line each, signed ` – Name date` at their end.
PAGE = """Why does the captioning feed lag in the side rooms?
Asked 3 years ago Modified 3 years ago
5
The side rooms get the captions about twenty seconds after the main hall. Is that the encoder?
captioning streaming
asked Mar 2, 2021 at 9:14
Oyelaran Adebisi-Cole
2,3101 gold badge44 silver badges
2
Which encoder do the side rooms use? – Marit Solbakken Mar 2, 2021 at 9:40
@MaritSolbakken the same one as the hall, as far as I know. – Oyelaran Adebisi-Cole Mar 2, 2021 at 9:52
1 Answer
7
It is the relay, not the encoder: the side rooms take the hall's stream, not the source.
Ask for a direct feed and the lag goes.
answered Mar 3, 2021 at 11:02
Marit Solbakken
9121 silver badge
Thanks, the direct feed fixed it. – Oyelaran Adebisi-Cole Mar 4, 2021 at 8:30
"""


def test_each_post_is_a_turn_of_the_name_that_signs_it() -> None:
    assert marked(read_signed_posts, PAGE, 12) == [
        ("Oyelaran Adebisi-Cole", "The side roo"),
        ("Marit Solbakken", "Which encode"),
        ("Oyelaran Adebisi-Cole", "@MaritSolbak"),
        ("Marit Solbakken", "It is the re"),
        ("Oyelaran Adebisi-Cole", "Thanks, the "),
    ]


def test_the_signature_is_no_speech() -> None:
    turns = parse_transcript(PAGE).turns
    assert turns[1].text == "Which encoder do the side rooms use?"
    assert turns[3].text.endswith("the lag goes.")
    assert turns[4].speaker == "Oyelaran Adebisi-Cole"


def test_names_above_their_text_are_not_signatures() -> None:
    # a date line above each name above its text, the shape a signature block has: the file ends
    # with a post's text, which no signature closes
    above = "\n".join(
        f"Mar {day}, 2021 at 9:{day}0\n{name}\n{text}"
        for day, (name, text) in enumerate(
            [
                ("Marit Solbakken", "Which encoder do the side rooms use?"),
                ("Oyelaran Adebisi-Cole", "The same one as the hall."),
                ("Marit Solbakken", "Then it is the relay."),
                ("Oyelaran Adebisi-Cole", "Thanks."),
            ],
            start=1,
        )
    )
    assert read_signed_posts(above) is None


def test_a_dash_before_a_name_and_no_date_is_no_signature() -> None:
    text = "\n".join(f"We agreed on the plan – {name} said so" for name in ("Jo Li", "Ana Ruiz", "Jo Li"))
    assert read_signed_posts(text) is None
