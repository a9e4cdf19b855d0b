"""Category keys read as labels in a brief: "concise-summaries" is shown as "Concise summaries".

A unit test of `render._kind_label` and of the call-to-action lines that use it, on a
small report built by hand (the CLI need not run to check a one-line function).
"""

from __future__ import annotations

import pytest

from forumlens.models import Citation
from forumlens.summarise.models import Bullet, SessionReport
from forumlens.summarise.render import _kind_label, render_markdown, render_text


@pytest.mark.parametrize(
    ("key", "label"),
    [("concise-summaries", "Concise summaries"), ("funding", "Funding"), ("answered-later", "Answered later")],
)
def test_a_category_key_reads_as_words(key: str, label: str) -> None:
    assert _kind_label(key) == label


def _report() -> SessionReport:
    cite = Citation(line=12, quote="Send the UN two pages, not forty.", speaker="Ana Ferreira")
    takeaway = Bullet("Coalitions asked for concise summaries for the UN.", (cite,))
    call = Bullet("Send the UN two pages, not forty.", (cite,), kind="concise-summaries")
    other = Bullet("Send the UN two pages, not forty.", (cite,), kind="other")
    return SessionReport("s1", "DC main session", 2021, (takeaway,), (call, other), (), (), ())


@pytest.mark.parametrize("render", [render_text, render_markdown])
def test_calls_to_action_show_their_category_as_words(render) -> None:
    out = render(_report())
    low = out.lower()
    calls = out[low.index("calls to action") :]
    assert "Concise summaries:" in calls, calls
    assert "Concise-summaries" not in out and "concise-summaries" not in calls
    assert "Other:" not in calls  # "other" is no category: no label at all
