"""The glossary on the shared IGF 2021 transcript and on a small session of our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.commands.topics import format_glossary, store_glossary
from forumlens.tag.defining import defines, defines_acronym
from forumlens.tag.glossary import extract_glossary
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RESOURCES = Path(__file__).resolve().parent / "resources" / "tag"


def _session(path: Path):
    return parse_transcript(path.read_text(encoding="utf-8"), source=path.name)


@pytest.fixture(scope="module")
def dc():
    session = _session(SHARED / "corpus" / "igf2021-dc-main-session.txt")
    return session, {t.term.lower(): t for t in extract_glossary(session)}


@pytest.mark.parametrize(
    "term",
    [
        "mag",
        "nris",
        "igf plus",
        "meaningful access",
        "greening internet governance",
        "digital sovereignty",
        "over the top service",
    ],
)
def test_expected_terms_are_found(dc, term: str) -> None:
    assert term in dc[1]


def test_acronyms_are_expanded_from_the_session(dc) -> None:
    _, terms = dc
    assert terms["mag"].expansion.lower() == "multistakeholder advisory group"
    # "Because we are a year round activity, the IGF is an annual event.": an argument, no definition
    assert terms["igf"].quote is None and terms["igf"].expansion == "Internet Governance Forum"
    assert terms["mag"].expansion_source == "session"
    assert terms["nris"].expansion.lower().startswith("national, regional initiative")


def test_definitions_are_verbatim_quotes_on_their_line(dc) -> None:
    session, terms = dc
    lines = session.lines
    for t in terms.values():
        if t.quote is None:  # no sentence defines it: the first use, and every use listed
            assert t.line == t.lines[0] and t.to_json()["definition"] is None
            continue
        assert t.quote in lines[t.line - 1] or t.quote.split("\n")[0] in lines[t.line - 1]
        assert t.line not in t.lines


def test_the_explaining_sentence_is_chosen(dc) -> None:
    _, terms = dc
    assert "called Greening Internet Governance" in terms["greening internet governance"].quote
    # "working on what you call meaningful access" names the term but does not say what it is
    assert terms["meaningful access"].quote is None


def test_no_speaker_names_and_no_stop_phrases(dc) -> None:
    session, terms = dc
    names = {w.lower() for t in session.turns if t.speaker for w in re.split(r"[\s-]+", t.speaker)}
    for term in terms:
        assert not set(re.split(r"[\s-]+", term)) & names, term
    for phrase in ("thank you", "good morning", "zoom room", "the floor"):
        assert phrase not in terms


def test_own_session_stands_for_parentheses_and_cues() -> None:
    session = _session(RESOURCES / "glossary-session.txt")
    terms = {t.term: t for t in extract_glossary(session)}
    assert terms["ROAM-X"].expansion.startswith("Rights, Openness, Accessibility to all")
    assert terms["ROAM-X"].line == 7 and terms["ROAM-X"].lines == ()
    assert terms["PNMA"].expansion == "Policy Network on Meaningful Access"
    assert terms["PNMA"].lines == (11, 13)
    assert "What we call community connectivity" in terms["community connectivity"].quote
    assert terms["data stewardship model"].line == 13
    assert "so-called data stewardship model" in terms["data stewardship model"].quote
    assert not {"Amara", "Lucas", "Ferreira", "Amara Okonkwo"} & set(terms)
    assert terms["ROAM-X"].to_json()["definition"]["line"] == 7


# -- a cited sentence must define (issue 17, item 10) ------------------------------------------------
def _at(sentence: str, term: str) -> tuple[int, int]:
    start = sentence.lower().index(term.lower())
    return start, start + len(term)


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Net neutrality means that every packet is treated alike.", "Net neutrality"),
        ("Zero rating refers to traffic that does not count against a data cap.", "Zero rating"),
        ("A community network is a network built and run by the people who use it.", "community network"),
        ("Data stewardship, which is the care of data on behalf of others, needs trust.", "Data stewardship"),
        ("The so-called data trust, where a trustee holds the data, was proposed.", "data trust"),
        ("They set up a working group called Digital Futures Lab in March.", "Digital Futures Lab"),
        ("By digital sovereignty we mean control over one's own infrastructure.", "digital sovereignty"),
        ("What we mean by meaningful access is use that changes lives.", "meaningful access"),
        (
            "Speaking to the notion of digital inclusion, it is the way libraries bring people online.",
            "digital inclusion",
        ),
        ("Open data: data anyone may use, share and build on.", "Open data"),
        ("They rely on the commons (resources shared by a community) for training.", "commons"),
        ("The WSIS is a summit for governments and civil society on the information society.", "WSIS"),
        ("So a data desert is a region where no public statistics are collected.", "data desert"),
        ("Zero rating is the practice of not counting some apps against a data cap.", "Zero rating"),
        ("Spectrum pooling, where operators share unused frequencies, lowers costs.", "Spectrum pooling"),
        ("IXP, that stands for Internet exchange point, keeps traffic local.", "IXP"),
        ('Their toolkit is called "Open maps", and it is free.', "Open maps"),
    ],
)
def test_definition_shapes_define(sentence: str, term: str) -> None:
    assert defines(sentence, *_at(sentence, term))


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("AI uses a lot of power in data centres, so the grid suffers.", "AI"),
        ("Climate change is definitely a hot topic this week.", "Climate change"),
        ("The health crisis is still going on in many countries.", "health crisis"),
        ("Human rights are a key concern of our work.", "Human rights"),
        ("The compact is a blank slate right now.", "compact"),
        ("We work on what you call meaningful access in rural areas.", "meaningful access"),
        ("Welcome to the so-called digital commons session.", "digital commons"),
        ("It is called net neutrality light by the telcos.", "net neutrality"),
        ("We fund digital rights that are needed by activists.", "digital rights"),
        ("We met partners like UNESCO, it is a living example of cooperation.", "UNESCO"),
        ("Before digital cooperation is defined, we should agree on values.", "digital cooperation"),
        # a copula whose description stops at its noun classes the term in passing
        ("Since our network works all year, the WSIS is a yearly event.", "WSIS"),
        # the term is not the bare subject: hedged, modified, or inside a longer subject
        ("Perhaps a data trust is the answer for our cooperatives.", "data trust"),
        ("For us, open-source AI is a, is a real help in class.", "AI"),
        ("Our point is that access without digital literacy is just a new gap.", "digital literacy"),
        ("For small states the regional ITU is the one place where we are heard.", "ITU"),
        # a where-clause about the speaker, or a question, says nothing of the term
        ("I volunteer for the Kenyan School of Internet Governance, where I teach on Fridays.", "Internet Governance"),
        ("I am active in the W3C, where I'm in a working group on privacy.", "W3C"),
        ("Tomas, from the OECD, where does the policy debate stand now?", "OECD"),
        # ", that means …" points back at what was said before
        ("In the mobile DNS, that means longer lookups on slow links.", "DNS"),
        # a term that is only the start of a quoted title
        ('Our toolkit is called "Open maps for all: data, people and places".', "Open maps"),
    ],
)
def test_sentences_that_only_use_a_term_do_not_define_it(sentence: str, term: str) -> None:
    assert not defines(sentence, *_at(sentence, term))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Policy Network on Meaningful Access (PNMA) met twice.", True),
        ("PNMA (Policy Network on Meaningful Access) met twice.", True),
        ("We asked the Policy Network on Meaningful Access, PNMA, for data.", True),
        ("PNMA stands for Policy Network on Meaningful Access.", True),
        ("The Policy Network on Meaningful Access met and later PNMA published a report.", False),
        ("PNMA published a report.", False),
    ],
)
def test_an_acronym_is_defined_by_its_expansion_beside_it(sentence: str, expected: bool) -> None:
    assert defines_acronym(sentence, "PNMA", "Policy Network on Meaningful Access") is expected


def _own(text: str):
    return parse_transcript(text, source="own.txt")


def test_an_acronym_only_used_shows_its_expansion_and_cites_nothing() -> None:
    session = _own(
        ">> ANA LIMA: Good morning. AI uses a lot of power in data centres, and AI models keep growing.\n\n"
        ">> BO CHEN: Thank you. The AI boom also needs water for cooling the data centres.\n"
    )
    terms = {t.term: t for t in extract_glossary(session)}
    ai = terms["AI"]
    assert ai.expansion == "artificial intelligence" and ai.expansion_source == "registry"
    assert ai.quote is None and ai.to_json()["definition"] is None
    assert ai.lines == (1, 3)
    assert "used on lines 1, 3 (no sentence defines it)" in format_glossary([ai.to_json()])


def test_a_capitals_name_with_an_apostrophe_in_a_run_on_caption_is_no_term() -> None:
    # labels said inline without colons: the acronym pattern reads "SULLIVAN Yes" out of
    # "O'SULLIVAN Yes", a word pair the sentence's own words do not hold
    session = _own(
        ">> ANA LIMA: I see Margaret wants to react MARGARET O'SULLIVAN Yes briefly I understand the point "
        "and KENJI WATANABE Yes with pleasure MARGARET O'SULLIVAN Yes of course we agree\n"
    )
    terms = {t.term for t in extract_glossary(session)}
    assert not any("SULLIVAN" in term for term in terms)


def test_a_verb_with_a_preposition_after_a_cue_is_no_term() -> None:
    # "called" opens a naming cue, but "called to the board" is being summoned: no entry
    session = _own(
        ">> ANA LIMA: The student was called to the ethics board after the detector flagged her essay.\n\n"
        ">> BO CHEN: Being called to the ethics board for writing alone is unfair.\n"
    )
    assert not any(t.term.lower().startswith("to ") for t in extract_glossary(session))


def test_the_defining_use_is_cited_even_when_it_is_not_the_first() -> None:
    session = _own(
        ">> ANA LIMA: We keep hearing about zero rating in our region and zero rating worries us.\n\n"
        ">> BO CHEN: Zero rating refers to traffic that does not count against a monthly data cap.\n"
    )
    terms = {t.term.lower(): t for t in extract_glossary(session)}
    zero = terms["zero rating"]
    assert zero.line == 3 and zero.quote.startswith("Zero rating refers to") and zero.lines == (1,)


def test_shared_session_cites_only_defining_sentences(dc) -> None:
    _, terms = dc
    cited = [t for t in terms.values() if t.quote is not None]
    assert cited and len(cited) < len(terms) / 2  # most entries of a spoken session only use their term
    assert all(t.expansion or t.lines for t in terms.values() if t.quote is None)
    assert terms["mag"].quote is None  # its expansion's sentence does not contain "MAG"
    assert terms["mag"].expansion.lower() == "multistakeholder advisory group"


class _Glossaries:
    """The one store method `store_glossary` reads."""

    def __init__(self, rows: list[tuple[str, str, int | None, list[dict]]]) -> None:
        self.rows = rows

    def analyses_of_kind(self, kind: str) -> list[tuple[str, str, int | None, list[dict]]]:
        assert kind == "glossary"
        return self.rows


def test_store_glossary_takes_the_first_session_that_defines_a_term() -> None:
    used = {"term": "zero rating", "kind": "term", "expansion": None, "definition": None, "lines": [4, 9]}
    defined = {
        "term": "Zero rating",
        "kind": "term",
        "expansion": None,
        "definition": {"line": 12, "speaker": "Bo Chen", "quote": "Zero rating refers to …"},
        "lines": [],
    }
    store = _Glossaries([("aaa", "Old", 2019, [used]), ("bbb", "New", 2021, [defined])])
    (entry,) = store_glossary(store)  # type: ignore[arg-type]
    assert entry["session"] == "bbb" and entry["definition"]["line"] == 12
    assert entry["sessions"] == ["aaa", "bbb"]


@pytest.mark.parametrize(
    ("text", "expansion"),
    [
        # the digit repeats the letter before it: DC3 is D and three Cs
        (
            "the Dynamic Coalition on Community Connectivity (DC3) asked regulators",
            "Dynamic Coalition on Community Connectivity",
        ),
        ("the World Wide Web Consortium (W3C) writes the standards", "World Wide Web Consortium"),
        # a phrase that spells only the letters is not the meaning
        ("the Expert Committee on community networks (EC3) asked regulators", None),
        ("the Group of Twenty, the G20, met in Rome and the Group spoke", None),
    ],
)
def test_an_acronym_expansion_accounts_for_its_digits(text: str, expansion: str | None) -> None:
    session = _own(f">> ANA LIMA: Good morning. At the last meeting {text}. We thank them.\n")
    terms = {t.term: t for t in extract_glossary(session)}
    term = next((t for key, t in terms.items() if key[0] in "DEWG" and any(c.isdigit() for c in key)), None)
    assert (term.expansion if term else None) == expansion


PAL = "Dynamic Coalition on Public Access in Libraries"
IN_NAME_ONLY = (
    f">> ANA LIMA: Good morning. I speak for the {PAL}, and we have news.\n\n"
    f">> BO CHEN: Thank you. The {PAL} published a report on rural broadband this year.\n"
)


def test_a_phrase_said_only_inside_a_coalition_name_is_no_term() -> None:
    session = _own(IN_NAME_ONLY)
    assert "public access" in {t.term.lower() for t in extract_glossary(session)}  # found by repetition alone
    assert "public access" not in {t.term.lower() for t in extract_glossary(session, bodies=[PAL])}


def test_uses_outside_the_name_still_make_a_term_and_only_they_are_listed() -> None:
    session = _own(
        IN_NAME_ONLY + "\n>> ANA LIMA: Public access to the Internet starts in the library.\n\n"
        ">> BO CHEN: And public access needs staff who can help.\n"
    )
    terms = {t.term.lower(): t for t in extract_glossary(session, bodies=[PAL.upper()])}  # names match in any case
    assert terms["public access"].lines == (5, 7)


def test_names_found_by_resolve_keep_a_coalition_name_out_of_the_glossary() -> None:
    from forumlens.pipeline import glossary_of

    path = Path(__file__).resolve().parents[1] / "examples" / "igf2024-ws-coalition-outputs.txt"
    session = _session(path)
    text = path.read_text(encoding="utf-8").lower()
    assert text.count("public access in libraries") == 2 and text.count("public access") == 3
    assert "public access" in {t.term.lower() for t in extract_glossary(session)}
    assert "public access" not in {t.term.lower() for t in glossary_of(session)}
