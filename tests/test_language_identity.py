"""`detect_language` counts letters and words in C (issue 19) and must answer exactly as before.

The reference below is the detector as first written (every character asked if it is a
letter, every running word looked up in every profile); the fast one must give the same
(code, confidence) on real transcripts, every format sample of the shared corpus, and
texts in each profiled language and script, including ties and texts near the thresholds.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from forumlens.documents.language import _SCRIPTS, _WORD, PROFILES, detect_language

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS.parent.parent / "shared" / "corpus"


def _reference(text: str) -> tuple[str | None, float]:
    sample = text[:50_000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None, 0.0
    for code, script in _SCRIPTS:
        share = len(script.findall(sample)) / letters
        if share > 0.3:
            return code, round(min(0.99, 0.5 + share / 2), 2)
    counts: Counter[str] = Counter()
    for word in (w.lower() for w in _WORD.findall(sample)):
        for code, profile in PROFILES.items():
            if word in profile:
                counts[code] += 1
    if not counts:
        return None, 0.0
    (best, top), *rest = counts.most_common()
    runner = rest[0][1] if rest else 0
    margin = (top - runner) / top
    size = min(1.0, top / 30)
    return best, round(max(0.05, min(0.99, (0.4 + 0.6 * margin) * (0.5 + 0.5 * size))), 2)


SAMPLES = [
    "Le rapport de la coalition est publié pour les membres et les partenaires.",
    "El informe de la coalición para los miembros y las partes interesadas.",
    "O relatório da coalizão é publicado para os membros e para as partes.",
    "Der Bericht der Koalition ist für die Mitglieder und wird auch im Netz veröffentlicht.",
    "Il rapporto della coalizione è per i membri e per le parti, anche più avanti.",
    "Доклад динамической коалиции по вопросам управления интернетом",
    "تقرير الائتلاف الديناميكي حول حوكمة الإنترنت والمشاركين فيه",
    "互联网治理论坛动态联盟的报告已经发布给所有成员和合作伙伴",
    # ties between profiles ("de", "que", "la" are in several): the order of first hits decides
    "de la que de la que la de que un una",
    "que de la la de que e o a os as",
    # a script below and above the share threshold, among Latin letters
    "The coalition met in Moscow (Москва) and Paris to agree the report of the year.",
    "Отчёт коалиции: the report is out in Russian and in English today for all",
    "İstanbul’da İnternet Yönetişim Forumu ve the report of the İGF in Türkiye",
    "ok",
    "1234 5678 !!! ?? ..",
    "Ⓐ Ⓑ Ⓒ Ⓓ Ⓔ Ⓕ Ⓖ Ⓗ Ⓘ Ⓙ Ⓚ Ⓛ Ⓜ Ⓝ Ⓞ Ⓟ Ⓠ Ⓡ Ⓢ Ⓣ the and of",
    "naïve café déjà vu for the members of the coalition and of the forum",
]


def _texts() -> list[str]:
    paths = [CORPUS / "igf2021-dc-main-session.txt", *sorted((CORPUS / "formats").glob("*.txt"))]
    for folder in ("tag", "analyse", "resolve"):
        paths += sorted((TESTS / "resources" / folder).glob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_answer_as_the_reference(text: str) -> None:
    assert detect_language(text) == _reference(text)
    # the same words, repeated past the sampled 50,000 characters, and cut short
    assert detect_language(text * 800) == _reference(text * 800)
    assert detect_language(text[:25]) == _reference(text[:25])


def test_real_transcripts_answer_as_the_reference() -> None:
    texts = _texts()
    assert len(texts) >= 15
    for text in texts:
        assert detect_language(text) == _reference(text)
        for start in range(0, min(len(text), 20_000), 997):  # windows that start and end mid-word
            window = text[start : start + 300]
            assert detect_language(window) == _reference(window)
    assert {detect_language(t)[0] for t in texts} == {"en"}


def test_mixed_languages_answer_as_the_reference() -> None:
    english = _texts()[0][:6000]
    for sample in SAMPLES[:8]:
        for mixed in (english[:400] + sample * 3, sample * 5 + english[:200], sample + english):
            assert detect_language(mixed) == _reference(mixed)
