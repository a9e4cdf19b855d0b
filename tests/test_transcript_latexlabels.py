"""LaTeX source with a speaker macro (transcript/latexlabels.py): the macro learned from the file,
its argument the label with markup resolved, comments and structure commands no turns."""

from __future__ import annotations

from forumlens.transcript.latexlabels import latex_label_edits, plain_latex
from forumlens.transcript.parse import parse_transcript

CHAPTER = r"""% report.tex -- hub session, edited from the captions
% \newcommand{\speaker}[1]{\par\noindent\textbf{#1:}~}
\section{Community networks in the Andes}\label{sec:andes}
\speaker{Moderator} Good morning. We have two speakers today.
\speaker{Jo\~ao Quispe Mamani (Red Rural)} Thank you. Our network has
nine towers.\footnote{As of May.}

We train the operators ourselves -- every year.
\speaker{Participant} Who pays for the backhaul?
% [the question was read by the moderator]
\speaker{Jo\~ao Quispe Mamani}~The \emph{municipio} does, \& the school.
"""


def test_a_speaker_macro_opens_each_turn() -> None:
    session = parse_transcript(CHAPTER)
    assert [(t.label, t.speaker, t.line) for t in session.turns] == [
        ("Moderator", None, 4),
        ("João Quispe Mamani (Red Rural)", "João Quispe Mamani", 5),
        ("Participant", None, 9),
        ("João Quispe Mamani", "João Quispe Mamani", 11),
    ]
    second = session.turns[1]
    assert second.text.startswith("Thank you. Our network has")
    assert "We train the operators" in second.text  # a new LaTeX paragraph, the same turn
    assert CHAPTER[second.start : second.end] == second.text
    assert session.turns[3].text.startswith("The \\emph{municipio} does")


def test_bold_labels_and_description_items_are_speaker_macros_too() -> None:
    bold = "\\textbf{Chair:} Welcome.\n\\textbf{Ana Ruiz:} Thank you.\n\\textbf{Chair:} Next.\n"
    assert [t.label for t in parse_transcript(bold).turns] == ["Chair", "Ana Ruiz", "Chair"]
    items = "\\begin{description}\n\\item[Chair] Welcome.\n\\item[Ana Ruiz] Thank you.\n\\item[Chair] Next.\n"
    assert [t.speaker for t in parse_transcript(items).turns] == [None, "Ana Ruiz", None]


def test_a_document_without_a_recurring_macro_is_left_alone() -> None:
    text = "\\section{Intro}\nSome text.\n\\section{More}\n\\emph{Note} one.\n\\emph{Note} two.\n\\emph{Note} three.\n"
    assert latex_label_edits(text) == []


def test_accent_commands_in_a_label_are_resolved() -> None:
    assert plain_latex(r"Jo\~ao Gon\c{c}alves \& Ana Ter\'esa") == "João Gonçalves & Ana Terésa"
