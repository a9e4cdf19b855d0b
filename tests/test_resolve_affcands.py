"""affcands: the candidate organisations of one speaker, as the ranker sees them."""

from __future__ import annotations

from forumlens.resolve.affcands import ORG_WORDS, _headed, _spans, _tail_of_headed, fold
from forumlens.resolve.cast import affiliation_options, prepare
from forumlens.resolve.registry import load_registry
from forumlens.transcript.parse import parse_transcript

HEADER = "INTERNET GOVERNANCE FORUM 2019\nBERLIN, GERMANY\nWORKSHOP 12\n********\n\n"


def _names(text: str) -> list[str]:
    return [" ".join(words) for _, _, words in _spans(text, 0, len(text))]


def _candidates(body: str, speaker: str) -> list[str]:
    """Names of the candidates the ranker may pick for `speaker` in a session of `body`."""
    registry = load_registry()
    prepared = prepare(parse_transcript(HEADER + body, source="test.txt"), registry)
    options = affiliation_options(prepared, registry)
    position = next(k for k, d in enumerate(prepared.drafts) if d.group.name == speaker)
    return [c.name for c in options[position][0]]


def test_a_combining_accent_stays_inside_its_word() -> None:
    # "ọ́": a dot-below o with a combining acute (no precomposed letter has both)
    assert "Àgbàlá\u0301 Mesh" in _names("now I run a small start-up, Àgbàlá\u0301 Mesh, we are five")
    assert "Ẹ\u0301bùn Radio" in _names("I present the news on Ẹ\u0301bùn Radio in Ibadan")


def test_organisation_words_are_folded_and_read_in_portuguese_and_italian() -> None:
    for word in ("Fundación", "Associação", "Fondazione", "Université", "Ministério"):
        assert fold(word) in ORG_WORDS, word
    assert fold("Jequié") not in ORG_WORDS


def test_a_tail_after_a_joiner_of_a_headed_name_is_not_a_body() -> None:
    text = "I am here for the Associação de Produtores do Sertão Baiano, we are ten."
    spans = list(_spans(text, 0, len(text)))
    heads = _headed(spans)
    tails = {" ".join(w) for a, b, w in spans if _tail_of_headed(text, a, b, heads)}
    assert "Produtores do Sertão Baiano" in tails and "Sertão Baiano" in tails
    assert "Associação de Produtores do Sertão Baiano" not in tails
    # a name not headed by an organisation word keeps its parts ("Rede … of Minas" may be a place)
    text = "We work with Kanyoni Digital of Minas Gerais."
    spans = list(_spans(text, 0, len(text)))
    assert not any(_tail_of_headed(text, a, b, _headed(spans)) for a, b, _ in spans)


def test_a_floor_voice_naming_its_association_has_the_whole_name_as_candidate() -> None:
    body = (
        ">> MODERATOR:  Questions from the floor, please.\n\n"
        ">> FLOOR:  Thank you.  Benedita Coutinho Farias.  I am a teacher in Bahia, and I am here for the "
        "Associação de Produtores do Sertão Baiano, we are ten farms.  Who pays for the towers?\n\n"
        ">> MODERATOR:  Thank you.\n"
    )
    found = _candidates(body, "Benedita Coutinho Farias")
    assert "Associação de Produtores do Sertão Baiano" in found
    assert "Produtores do Sertão Baiano" not in found and "Sertão Baiano" not in found


def test_a_plural_possessive_stays_inside_a_name() -> None:
    names = _names("I chair the Lakeshore Fishers' Cooperative, forty boats.")
    assert "Lakeshore Fishers' Cooperative" in names
    # a possessive closing a name before a lower-case word does not join on
    assert "Lakeshore Fishers" in _names("Ask the Lakeshore Fishers' boats about it.")


def test_a_name_in_another_language_is_one_span() -> None:
    names = _names("I run Ústecká komunitní síť, the Ústí community network.")
    assert "Ústecká komunitní síť" in names and "Ústecká" not in names
    names = _names("I direct the Miejski Ośrodek Kultury w Lipnie, the town culture house.")
    assert "Miejski Ośrodek Kultury w Lipnie" in names
    # English words after a name are not part of it
    assert "Harbourline Networks" in _names("We are Harbourline Networks at Mombasa port.")
    assert not any(" at " in n for n in _names("We are Harbourline Networks at Mombasa port."))


def test_a_name_in_another_language_goes_on_through_its_plain_letter_words() -> None:
    # Norwegian and French write these words in letters English has too: the vocabulary tells them
    names = _names("I am from Ungdomsrådet for digitalpolitikk, a youth council in Bodø.")
    assert "Ungdomsrådet for digitalpolitikk" in names
    names = _names("I am the librarian of the Médiathèque communautaire de Kribi, by the sea.")
    assert "Médiathèque communautaire de Kribi" in names and "Kribi" in names
    # an English word after the name still ends it, inflected or not
    assert not any("librarians" in n for n in _names("We thank Harbourline Networks librarians today."))


def test_an_english_compound_after_a_capitalised_word_ends_the_name() -> None:
    # "toolkit" is two English words written as one, not a word of another language
    names = _names("About the Portuguese toolkit, which we hoped to release in Addis: it is late.")
    assert not any("toolkit" in n for n in names)


def test_a_body_named_after_its_kind_and_here_in_its_town_is_the_speakers() -> None:
    from forumlens.resolve import resolve_session

    text = (
        "WORKSHOP 12\n\n>> MODERATOR:  Questions from the floor, please.\n\n"
        ">> PARTICIPANT:  Thanks.  Ona Petraityte, I have a small start-up here in Kaunas, Vartai Labs, we test "
        "the websites of small shops.  Who do we call when we see an attack?\n\n>> MODERATOR:  Thank you.\n"
    )
    people = {p.name: p for p in resolve_session(parse_transcript(text, source="t.txt")).people}
    assert people["Ona Petraityte"].affiliation == "Vartai Labs"
    # the town itself is no body
    text = text.replace("here in Kaunas, Vartai Labs,", "here in Kaunas,")
    people = {p.name: p for p in resolve_session(parse_transcript(text, source="t.txt")).people}
    assert people["Ona Petraityte"].affiliation is None


def test_a_capitalised_article_opens_a_title_in_another_language() -> None:
    text = "I edit a weekly, La Voz de Tarija, with four reporters."
    names = [" ".join(words) for _, _, words in _spans(text, 0, len(text))]
    assert "La Voz de Tarija" in names
    assert "Voz de Tarija" not in names
