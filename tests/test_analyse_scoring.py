"""Examples of how `analyse.scoring` pairs detected questions with annotated ones."""

from forumlens.analyse.scoring import question_pairs, score_questions


def _detected(line: int, text: str, status: str) -> dict:
    return {"line": line, "text": text, "status": status, "to": None, "answer_lines": []}


def _gold(line: int, quote: str, status: str) -> dict:
    return {"line": line, "quote": quote, "status": status, "to": [], "answer_lines": []}


# A reader puts two chat questions on one caption line; the first was answered, the second not.
DETECTED = [
    _detected(12, "Noor from Ghent asks Pablo: how many schools joined the pilot?", "answered"),
    _detected(12, "And Ilse asks the panel: who pays for the routers after the grant?", "unanswered"),
]


def test_a_detection_is_paired_with_the_annotation_whose_quote_it_holds() -> None:
    gold = [
        _gold(12, "who pays for the routers after the grant", "unanswered"),
        _gold(12, "how many schools joined the pilot", "answered"),
    ]
    assert sorted(question_pairs(DETECTED, gold)) == [(0, 1), (1, 0)]
    assert score_questions(DETECTED, {"questions": gold}).status_correct == 2


def test_without_a_quote_the_nearest_line_decides() -> None:
    gold = [{"line": 13, "status": "answered", "to": [], "answer_lines": []}]
    assert question_pairs(DETECTED, gold) == [(0, 0)]


def test_a_quote_held_by_no_detection_still_pairs_by_line() -> None:
    gold = [_gold(11, "is the map of the fibre public", "unanswered")]
    assert question_pairs(DETECTED, gold) == [(0, 0)]
    assert score_questions(DETECTED, {"questions": gold}).status_correct == 0
