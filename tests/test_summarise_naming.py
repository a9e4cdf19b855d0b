"""Rewrite polish (issue 23, item 1, stop 18): a body named once per section, then "the
coalition"; no bullet opening on a pronoun whose antecedent it does not hold; no body put
in the mouth of a "we" that is not the sentence's subject; participle fragments rejected.

Each transformation on written caption-style sentences, then on the development sessions'
reports as the pipeline builds them (with their analyses): every section names a body in
full once before any short form, every short form refers to the body last named, and the
quotes stay verbatim.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.naming import Named, name_once, short_form
from forumlens.summarise.rewrite import Voice, dangling, problem, render_sentence, third_person
from forumlens.transcript.parse import parse_transcript

RES = Path(__file__).resolve().parent / "resources" / "summarise"
ACCESS = "DC on Accessibility and Disability"


@pytest.mark.parametrize(
    "body, short",
    [
        ("DC on Public Access in Libraries", "the coalition"),
        ("Dynamic Coalition on Children's Rights in the Digital Environment", "the coalition"),
        ("Internet Rights and Principles Coalition", "the coalition"),
        ("Ministry of ICT", "the ministry"),
        ("Association for Progressive Communications", "the association"),
        ("Office of the Secretary-General's Envoy on Technology", "the office"),
        ("Best Practice Forum on Gender and Digital Rights", "the forum"),
        ("European Commission", "the commission"),
        ("APC", None),
        ("UN DESA", None),
    ],
)
def test_short_form_is_the_head_noun_of_the_body(body: str, short: str | None) -> None:
    assert short_form(body) == short


def test_a_body_is_named_in_full_once_then_by_its_short_form() -> None:
    out = name_once(
        [
            Named(
                "This year the Dynamic Coalition on Accessibility and Disability ran tests on four platforms.", ACCESS
            ),
            Named(
                "The Dynamic Coalition on Accessibility and Disability has published a checklist for organisers.",
                ACCESS,
            ),
            Named(
                "The Dynamic Coalition on Accessibility and Disability's ask to governments is to enforce laws.", ACCESS
            ),
        ]
    )
    assert out[0].startswith("This year the Dynamic Coalition on Accessibility and Disability ran")
    assert out[1] == "The coalition has published a checklist for organisers."
    assert out[2] == "The coalition's ask to governments is to enforce laws."


def test_another_coalition_in_between_keeps_the_full_name() -> None:
    """ "The coalition" after another coalition was named would point to the wrong one."""
    out = name_once(
        [
            Named("The Dynamic Coalition on Accessibility and Disability ran tests on four platforms.", ACCESS),
            Named(
                "The Dynamic Coalition on Gender and Internet Governance held a survey of 300 women.", "DC on Gender"
            ),
            Named("The Dynamic Coalition on Accessibility and Disability has published a checklist.", ACCESS),
            Named("The Dynamic Coalition on Accessibility and Disability will test the venue.", ACCESS),
        ]
    )
    assert out[2] == "The Dynamic Coalition on Accessibility and Disability has published a checklist."
    assert out[3] == "The coalition will test the venue."
    # a coalition named inside someone else's bullet counts too
    mixed = name_once(
        [
            Named("The Ministry of ICT maps where connectivity is missing.", "Ministry of ICT"),
            Named("A participant: The Ministry of Health asked the Ministry of ICT for the same data.", None),
            Named("The Ministry of ICT will publish the map as open data next year.", "Ministry of ICT"),
        ]
    )
    assert mixed[2] == "The ministry will publish the map as open data next year."


def test_a_possessive_does_not_make_a_second_coalition() -> None:
    """ "…Safety's guide" names the same coalition: the next mention takes the short form."""
    safety = "DC on Internet Standards, Security and Safety"
    out = name_once(
        [
            Named(
                "Governments have put the Dynamic Coalition on Internet Standards, Security and Safety's guide into their rules.",
                safety,
            ),
            Named("The Dynamic Coalition on Internet Standards, Security and Safety organised workshops.", safety),
        ]
    )
    assert out[1] == "The coalition organised workshops."


def test_a_speakers_affiliation_is_shown_once_per_section() -> None:
    prefix = "Joseph Kamau (DC on Community Connectivity): "
    out = name_once(
        [
            Named(prefix + "The hardest part is the backhaul from our village.", None, prefix),
            Named("Many countries collect universal service funds that are never spent.", None),
            Named(prefix + "When the training stopped, we lost two of our technicians.", None, prefix),
        ]
    )
    assert out[0].startswith(prefix) and out[1].startswith("Many countries")
    assert out[2] == "Joseph Kamau: When the training stopped, we lost two of our technicians."


@pytest.mark.parametrize(
    "said",
    [
        "Its coalition page lists the results of every test we ran this year.",
        "Their study found that women used the network less because of cost.",
        "His office will publish the coverage map as open data next year.",
        "She said the regulator should reserve spectrum for community networks.",
    ],
)
def test_a_bullet_never_opens_on_a_pronoun_without_its_antecedent(said: str) -> None:
    assert dangling(said)
    assert render_sentence(said, Voice("Anna Schultz", None, "APC")) is None  # no short prior sentence to resolve it


def test_a_pronoun_opener_is_resolved_by_a_short_previous_sentence() -> None:
    rendered = render_sentence(
        "Their study found that women used the network less because of cost.",
        Voice("Anna Schultz", None, "APC"),
        "APC and two universities surveyed 40 community networks last year.",
    )
    assert rendered is not None and rendered.context
    assert rendered.text.startswith("APC and two universities surveyed")


def test_the_body_replaces_only_a_we_that_is_the_sentences_subject() -> None:
    said = "Jason mentioned the senior officials of the United Nations and we have stakeholders from government."
    assert third_person(said, "UN DESA") is None  # "UN DESA has stakeholders" mid-sentence misreads it
    assert third_person("This year we ran tests on four platforms.", ACCESS) == (
        "This year the Dynamic Coalition on Accessibility and Disability ran tests on four platforms."
    )
    rendered = render_sentence(said, Voice("Wai Min Kwok", "UN DESA", "UN DESA", "guest"))
    assert rendered is not None and rendered.text.startswith("Wai Min Kwok (UN DESA): Jason mentioned")


@pytest.mark.parametrize(
    "said, why",
    [
        # ("..., and the question for today is what it takes." is moderator talk now: "procedure")
        ("Owned and run by the communities themselves, and the question is what it takes.", "fragment"),
        ("Funded by two donors for three years, and then the money stopped and the network closed.", "fragment"),
        ("I am Aminata Kone and I moderate this open forum on open government data portals.", "procedure"),
        ("Funded by donors, the network grew to two thousand users in three years.", None),
        # an opener whose head holds a verb is a clause without its subject, not an opener
        (
            "Together with UNDEZ and other UN agencies are supporting, to see how I think you are doing a lot.",
            "fragment",
        ),
        ("By 2025, every school in the region should have a connection and a trained teacher.", None),
        ("Built in 2018, the towers run on solar power and serve the school and the clinic.", None),
    ],
)
def test_participle_heads_subjectless_openers_and_chair_introductions(said: str, why: str | None) -> None:
    assert problem(said) == why


def _reports() -> list:
    out = []
    for path in sorted(RES.glob("*.txt")):
        session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
        out.append((session, build_report(session, analyse_session(session))))
    return out


_FULL = re.compile(
    r"\b(?:the )?(?:Dynamic Coalition|DC) on [A-Z][\w'’-]*(?:(?: and| in| of| on| the| for)* [A-Z][\w'’-]*)*"
)


def test_reports_name_each_body_once_per_section_and_quotes_stay_verbatim() -> None:
    shortened = 0
    for session, report in _reports():
        sections: dict[str, list[str]] = {}
        for section, bullet in report.bullets():
            sections.setdefault(section, []).append(bullet.text)
        for section, texts in sections.items():
            last = None  # the coalition "the coalition" means at this point
            for text in texts:
                if re.match(r"^(?:[A-Z][\w'’-]+ )*?The coalition\b", text) or text.startswith("The coalition"):
                    assert last is not None, (session.id, section, text)  # named before in the section
                    shortened += 1
                names = _FULL.findall(text)
                if names:
                    last = names[-1]
            # a body's full name as the subject of two bullets in a row, nothing in between
            subjects = [m.group(0) if (m := _FULL.match(t)) else None for t in texts]
            for a, b in pairwise(subjects):
                assert a is None or a.lower() != (b or "").lower(), (session.id, section, a)
        assert check_citations(report, [session]) == []
    # the rule applies on real reports, not only on written strings (stop 20: the accessibility
    # coalition's ask to governments is now a call to action, the section's first naming of it)
    assert shortened >= 1


# The short forms `name_once` writes; a bare apostrophe after one is a broken possessive.
_BROKEN_POSSESSIVE = re.compile(
    r"\bthe (?:coalition|forum|ministry|commission|association|agency|office|network|council|secretariat|regulator)"
    r"['’](?!s\b)",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("body", "second", "expected"),
    [
        # a name ending in s takes a bare apostrophe; its short form must not keep it (issue 23)
        (
            "DC on Public Access in Libraries",
            "The Dynamic Coalition on Public Access in Libraries' main finding is simple.",
            "The coalition's main finding is simple.",
        ),
        (
            "Ministry of Foreign Affairs",
            "Libraries are in the Ministry of Foreign Affairs' new plan for schools.",
            "Libraries are in the ministry's new plan for schools.",
        ),
        (  # typographic apostrophe stays typographic
            "DC on Public Access in Libraries",
            "The Dynamic Coalition on Public Access in Libraries’ survey covered twenty countries.",
            "The coalition’s survey covered twenty countries.",
        ),
        (  # a name not ending in s: "'s" as before, and a plain subject is untouched
            "DC on Gender and Internet Governance",
            "The Dynamic Coalition on Gender and Internet Governance's survey reached 300 women.",
            "The coalition's survey reached 300 women.",
        ),
    ],
)
def test_a_possessive_of_a_body_becomes_the_possessive_of_its_short_form(body: str, second: str, expected: str) -> None:
    first = f"This year the {body.replace('DC on', 'Dynamic Coalition on')} published a report."
    out = name_once([Named(first, body), Named(second, body)])
    assert out[1] == expected
    assert not _BROKEN_POSSESSIVE.search(out[1])


def test_our_in_a_later_bullet_becomes_the_coalitions_in_a_real_report() -> None:
    """The example workshop (L13: "Our main finding is simple ..."): the coalition's, by its short
    form when an earlier bullet named it (L11, when chosen), else by its full name."""
    path = Path(__file__).resolve().parents[1] / "examples" / "igf2024-ws-coalition-outputs.txt"
    session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
    report = build_report(session, analyse_session(session))
    texts = [b.text for b in report.takeaways]
    at = next(i for i, text in enumerate(texts) if "main finding" in text)
    named_before = any("Public Access in Libraries" in text for text in texts[:at])
    expected = "The coalition's" if named_before else "The Dynamic Coalition on Public Access in Libraries' main"
    assert texts[at].startswith(expected), texts


def test_no_report_writes_a_short_form_with_a_bare_apostrophe() -> None:
    """Every section of every development report: "the coalition'" never, "the coalition's" allowed."""
    texts = [b.text for _session, report in _reports() for _section, b in report.bullets()]
    assert texts
    assert [t for t in texts if _BROKEN_POSSESSIVE.search(t)] == []
