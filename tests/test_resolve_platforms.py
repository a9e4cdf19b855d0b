"""One list of meeting tools serves both rules: never an affiliation, and a speaker on one is online."""

from __future__ import annotations

import re

from forumlens.resolve.modes import own_cues
from forumlens.resolve.orgs import is_platform
from forumlens.resolve.platforms import MEETING, TOOLS, meeting_pattern


def test_every_meeting_platform_is_a_tool_and_never_a_body() -> None:
    assert set(MEETING) <= TOOLS
    for name in ("Adobe Connect", "BlueJeans", "Cisco WebEx", "Slido"):
        assert is_platform(name)
    assert not is_platform("Microsoft")  # a company that employs people


def test_the_pattern_reads_multi_word_platforms_across_any_space() -> None:
    pattern = re.compile(rf"\b{meeting_pattern()}\b", re.IGNORECASE)
    assert pattern.fullmatch("Google  Meet")
    assert pattern.fullmatch("the online room".removeprefix("the "))
    assert not pattern.search("the teamster union")


def test_a_speaker_on_any_meeting_platform_reads_online() -> None:
    for platform in ("Zoom", "Adobe Connect", "GoToWebinar"):
        online, on_site = own_cues(f"Good morning. I am on {platform} from Jacmel today.", 2019)
        assert online > on_site, platform
    assert own_cues("There are many people on Adobe Connect today.", 2019) == own_cues(
        "There are many people today.", 2019
    )
