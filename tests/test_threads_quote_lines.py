"""Every thread item quotes only its own line: `line` is the 1-based line of the source and `quote` is
verbatim within that line (the contract of `threads --json`), even where a sentence would run on
(a Markdown list whose items end without a full stop, or with one before a lower-case "- …").

Checked on a small report and on every item of every development corpus of the threads bench.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .blind_sets import blind_round
from .threads_support import items_of

CORPORA = Path(__file__).resolve().parents[1] / "bench" / "threads"
DEVELOPMENT = [CORPORA / "dev", *blind_round.earlier("threads")]  # never this round's blind set

REPORT = """---
title: Coalition on Rural Access, 2029 report
year: 2029
---

# What we ask for

- Regulators should publish coverage maps by village, every year.
- Governments should let community networks use spectrum without a licence fee.

# What we did

- Our handbook on repairing radios is out
- The survey of rural operators that we promised is on hold.

# Plans

We will publish a second handbook, on solar power for village networks,
before the next forum.
"""


def _not_on_line(path: Path) -> list[str]:
    """The items of one source file whose quote is not verbatim within line `line` of the file."""
    text = path.read_text("utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    found = items_of(text, path.name)
    return [
        f"{path.name}:{item.line} {item.quote!r}"
        for item in found.items
        if not (0 < item.line <= len(lines) and item.quote in lines[item.line - 1])
    ]


def test_each_list_item_of_a_report_is_quoted_on_its_own_line():
    lines = REPORT.split("\n")
    found = items_of(REPORT, "rural-access-report-2029.md").items
    assert found, "the report's asks and updates are items"
    for item in found:
        assert "\n" not in item.quote
        assert item.quote in lines[item.line - 1]
    quoted = {item.line: item.quote for item in found}
    fee = lines.index("- Governments should let community networks use spectrum without a licence fee.") + 1
    assert fee in quoted  # the second list item is an item of its own, not the tail of the first
    wrapped = lines.index("We will publish a second handbook, on solar power for village networks,") + 1
    assert quoted.get(wrapped) == lines[wrapped - 1]  # a hard-wrapped promise quotes the line it starts on


@pytest.mark.parametrize("corpus", DEVELOPMENT, ids=lambda p: p.name)
def test_every_item_of_a_development_corpus_quotes_its_own_line(corpus):
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    assert files
    bad = [where for path in files for where in _not_on_line(path)]
    assert bad == []
