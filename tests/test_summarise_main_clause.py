"""A point needs a main clause: a finite verb outside its relative clauses (issue 23).

The sentences are written for this test in the shapes captions take; each fragment passed
as a point before `summarise.finite` (its only verbs sat in relative clauses, or a plural
noun after a capitalised adjective read as a name and its verb), and each statement must
stay a point (its main verb follows a relative clause without a comma, or is a bare
present tense).
"""

from __future__ import annotations

import pytest

from forumlens.summarise.finite import main_clause_verb
from forumlens.summarise.rewrite import Voice, has_finite_verb, problem, render_sentence

FRAGMENTS = [
    # only relative-clause verbs, joined by "and who"
    "A young woman who is harassed online, in her own town, and who we could not help.",
    # a chain of relative clauses hung on a prepositional phrase, cut on "into"
    "About building a local network that's going to reach remote schools and train teachers, and that connects into.",
    # a noun phrase and a relative clause, then a second noun phrase
    "An independent regulator that reviews the blocking lists, and yearly public reports.",
    # "-s to" + a determiner: a plural noun and its complement, not a verb
    "Monthly briefings to the regional offices of the ministry.",
    # a zero relative ("the main gap we see") and no main verb after it
    "The main gap we see in the region, just getting the data from the operators on time.",
]

STATEMENTS = [
    # the main verb follows the relative clause without a comma: a bare present tense
    "Women who refuse a client lose work.",
    "Teachers who use the platform every day know its limits well.",
    "People who are harmed need a way to complain quickly.",
    # singular head, -s form; a past tense; an auxiliary after the clause
    "The network that runs the helpline needs core funding.",
    "Countries that adopted the guide saw fewer incidents last year.",
    "Operators that share their data are rare in the region.",
    # a zero relative with its main verb, and a time phrase that is no zero relative
    "The problem we face is money for the rural libraries.",
    "This year we published a map of the rural libraries.",
    # a comma after the relative clause, then the main verb
    "Governments that offer incentives to data centres, in our view, should attach conditions.",
    # an imperative whose only other verb is in a that-clause
    "Add the requirement that the services must support the local languages.",
    # complement "that", not a relative clause
    "We know that there is a lot of support for the coalition.",
]


@pytest.mark.parametrize("sentence", FRAGMENTS)
def test_a_sentence_whose_verbs_are_all_in_relative_clauses_is_no_point(sentence: str) -> None:
    assert problem(sentence) == "fragment"
    assert render_sentence(sentence, Voice("Ana Lima")) is None


@pytest.mark.parametrize("sentence", STATEMENTS)
def test_a_main_verb_after_a_relative_clause_keeps_the_sentence(sentence: str) -> None:
    assert main_clause_verb(sentence, has_finite_verb)
    assert problem(sentence) is None


def test_a_relative_clause_it_cannot_read_leaves_the_loose_answer() -> None:
    """A clause whose own verb it cannot find is not judged: the loose detector decides."""
    sentence = "Programmes which, as everyone here agrees, matter."
    assert main_clause_verb(sentence, has_finite_verb) == has_finite_verb(sentence)
