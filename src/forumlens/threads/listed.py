"""List items of a document read by the heading of their section: asks under "What we ask", promises under
"What we will do next" or a changelog's "Planned", deliveries under a changelog's "Added" or "Released". Pure.

Why: a communiqué or an annual report often states its asks and plans as a numbered or bulleted list under a heading
that says what the list is ("## What we ask" — "2. That address registers be open: …"; "## Next steps" — "- A single
website for the merged coalition, by the end of 2013"). The items are verbless or subjunctive ("That the IGF give
the coalitions time in the main programme"), so no sentence cue finds them, and the document's asks were lost. The
heading says it once for the whole list: each item's opening sentence is read as the signal the heading names,
when no cue of its own said anything (a promise still needs its deliverable, as any promise does: `items.py`).
The headings are read by their shape ("what we …", "recommendations", "plans", "next steps"), never by one
document's words; a section whose heading names nothing ("Why we merge", "Findings") gives nothing.
"""

from __future__ import annotations

import re

__all__ = ["opens_list_item", "section_signal"]

_MARKS = re.compile(r"^#+\s*|^\d+(?:\.\d+)*[.)]?\s+")  # "## " and a section number ("2. What we ask for")
_ASK_HEADING = re.compile(
    r"^(?:what (?:[\w-]+ ){0,3}?(?:still |now |also )?(?:asks?|demands?|requests?|wants?|calls? (?:on|for))\b"
    r"|(?:our |the |key |main |joint )?(?:recommendations?|requests?|demands?|asks|needs|calls? to action)\b"
    r"|(?:[\w-]+: )?our (?:call|appeal|message|recommendation)s? to\b)",
    re.I,
)
_PROMISE_HEADING = re.compile(
    r"^(?:what (?:we|the coalition|the network|the forum) (?:will|shall|plan to|are going to) do\b"
    r"|(?:our )?(?:plans?|next steps|commitments|pledges|work ?programme)\b|what comes next\b"
    r"|what we (?:promise|commit to|pledge)\b"
    # a changelog's or roadmap's coming entries ("### Planned", "Upcoming", "Roadmap"): what its author will release
    r"|(?:planned|upcoming|roadmap|coming (?:soon|next)|forthcoming)\b)",
    re.I,
)
# a changelog's or report's done entries ("### Added", "Released", "Delivered", "What we did"): its author's deliveries
_DELIVERY_HEADING = re.compile(
    r"^(?:added|released|delivered|published|completed|done|achievements|outputs delivered"
    r"|what (?:we|the coalition|the network|the forum) (?:did|delivered|published|achieved))\s*$",
    re.I,
)
# the opening of a list item: a bullet or a number ("1.", "2)", "(a)"), then the item's words
_ITEM_MARK = re.compile(r"[ \t>]*(?:[-*•+–]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+$")
_OWN_MARK = re.compile(r"(?:[-*•+–]|\(?\d{1,2}[.)])[ \t]+\S")


def section_signal(section: str | None) -> str | None:
    """The signal a section's heading gives the items of its list: "need", "promise", "delivery" or None.

    >>> section_signal("## What we ask"), section_signal("## 2. What we ask for"), section_signal("Plans for 2025")
    ('need', 'need', 'promise')
    >>> section_signal("## What we will do next"), section_signal("## Why we merge") is None
    ('promise', True)
    >>> section_signal("### Planned"), section_signal("### Added"), section_signal("### Fixed") is None
    ('promise', 'delivery', True)
    """
    if not section:
        return None
    heading = _MARKS.sub("", section.strip(), count=1).strip(" *_")
    heading = _MARKS.sub("", heading, count=1)
    if _PROMISE_HEADING.match(heading):
        return "promise"
    if _ASK_HEADING.match(heading):
        return "need"
    if _DELIVERY_HEADING.match(heading):
        return "delivery"
    return None


def opens_list_item(text: str, start: int, end: int) -> bool:
    """Whether the sentence at `start` of `text` is the first of a list item: only a bullet or a number is before
    it on its line (the sentences after it in the item are its explanation, not items of their own), or the sentence
    (`start`..`end`) opens with the mark and goes on past it.

    >>> opens_list_item("## What we ask\\n\\n2. That registers be open.", 19, 42)
    True
    >>> opens_list_item("## What we ask\\n\\n2. That registers be open.", 16, 42)
    True
    >>> opens_list_item("## What we ask\\n\\n2. That registers be open.", 16, 18)
    False
    >>> opens_list_item("Some prose. That registers be open.", 12, 35)
    False
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() == "":  # the sentence holds its own mark ("2. That registers be open.")
        return bool(_OWN_MARK.match(text, start, end))  # not a mark alone ("1." split off as a sentence)
    return bool(_ITEM_MARK.match(text, line_start, start))
