"""An empty topic brief names the filters only when there are some (summarise/render.py; stop 43's walk).

`forumlens brief --topic zebras` on a store with no filter given printed "Nothing in the record
matches this topic and these filters.": there were no filters to drop.
"""

from __future__ import annotations

from forumlens.summarise import TopicBrief, render_text


def test_no_filters_no_filters_named():
    text = render_text(TopicBrief(topic="zebras", themes=()))
    assert "Nothing in the record matches this topic." in text
    assert "filters" not in text


def test_filters_are_named():
    text = render_text(TopicBrief(topic="zebras", themes=(), filters={"since": "2021"}))
    assert "Nothing in the record matches this topic and these filters." in text
    assert "since 2021" in text
