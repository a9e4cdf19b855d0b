"""forumlens.live.text: a caption file decoded as it grows reads as `ingest` reads the finished file.

The feed and `read.text.decode_text` share the byte-order marks and the class of characters
ingest repairs (`read.text.BOMS`, `read.text.NEEDS_REPAIR`), so the incremental text matches.
"""

from __future__ import annotations

import codecs

import pytest

from forumlens.live.text import TextFeed
from forumlens.read.text import decode_text

CAPTIONS = ">> ANA LIMA: Good morning from São Paulo.\r\n>> BEN ODE: Thank you, Ana – let's start.\r\n"


def _fed(data: bytes, size: int) -> TextFeed:
    """The feed after the bytes arrive `size` at a time (a character split between reads)."""
    feed = TextFeed("caps.txt")
    for at in range(0, len(data), size):
        feed.append(data[at : at + size])
    return feed


@pytest.mark.parametrize(
    "data",
    [
        CAPTIONS.encode("utf-8"),
        codecs.BOM_UTF8 + CAPTIONS.encode("utf-8"),
        codecs.BOM_UTF16_LE + CAPTIONS.encode("utf-16-le"),
        codecs.BOM_UTF32_BE + CAPTIONS.encode("utf-32-be"),
    ],
    ids=["utf-8", "utf-8 with a BOM", "utf-16 LE with a BOM", "utf-32 BE with a BOM"],
)
@pytest.mark.parametrize("size", [1, 3, 64])
def test_the_growing_text_is_the_text_ingest_reads(data: bytes, size: int) -> None:
    feed = _fed(data, size)
    assert feed.text == decode_text(data)[0]
    assert not feed.whole_mode


def test_mojibake_switches_the_feed_to_decoding_the_whole_text_as_ingest_does() -> None:
    data = CAPTIONS.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")  # "SÃ£o"
    feed = _fed(data, 16)
    assert feed.whole_mode
    assert feed.text == decode_text(data)[0]
