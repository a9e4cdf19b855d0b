"""What an export reader marks, as a test compares it: each turn's label and its speech's opening."""

from collections.abc import Callable

from forumlens.transcript.exportmarks import ExportMarks


def marked(read: Callable[[str], ExportMarks | None], text: str, width: int) -> list[tuple[str | None, str]]:
    """The (label, first `width` characters of the speech) of each turn `read` marks in `text`;
    a reader that recognises nothing fails the test here."""
    marks = read(text)
    assert marks is not None, f"{read.__name__} recognised nothing"
    return [(m.label, text[m.body : m.body + width]) for m in marks.marks]
