"""The small readings every reader of replies shares (`analyse.replyshared`, stop 48): they were
private helpers of `questions` and `questionfates` that `collectedreply` imported; public now,
with no change in what they read. The sessions are written for these tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from forumlens.analyse import collectedreply
from forumlens.analyse.context import build_context
from forumlens.analyse.questiongroups import find_question_groups
from forumlens.analyse.replyshared import asker_words, question_turn, thanks_only, voice_between
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    ("sentence", "only"),
    [
        ("Thank you, Marta.", True),
        ("Okay.", True),
        ("Thank you for the question, but it is for the Secretariat.", False),
        ("The fund opens in May.", False),
    ],
)
def test_thanks_only(sentence: str, only: bool) -> None:
    assert thanks_only(sentence) is only


ROUND = """\
>> CHAIR:  Three questions, then the panel.

>> PARTICIPANT:  Amara Diallo, from Dakar.  To the panel: how will the fund choose the projects?

>> PARTICIPANT:  Pablo Ruiz, a teacher.  Will the toolkit be in Spanish?

>> MARTA LINDQVIST:  On the fund, a jury of five reads every project and scores it in public.
"""


def test_asker_words_and_the_turns_that_ask_and_the_voice_between() -> None:
    ctx = build_context(parse_transcript(ROUND), mentions=[])
    groups = find_question_groups(ctx)
    first = next(g for g in groups if g.turn == 1)
    assert asker_words(first) == {"Amara", "Diallo"}
    assert question_turn(ctx, groups, 2) and not question_turn(ctx, groups, 3)
    assert not voice_between(ctx, groups, 1, 3)  # only another question came between
    assert voice_between(ctx, groups, 1, 4)  # the reply to the round spoke before turn 4


def test_collectedreply_imports_no_private_helper_of_another_module() -> None:
    tree = ast.parse(Path(collectedreply.__file__).read_text("utf-8"))
    private = [
        a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in ("questions", "questionfates", "replyshared")
        for a in node.names
        if a.name.startswith("_") and a.name != "_non_answer"
    ]
    assert private == []
