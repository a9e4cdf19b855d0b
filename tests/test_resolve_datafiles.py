"""`datafiles.shipped_toml`: each shipped data file parsed once, the same data as a fresh parse."""

from __future__ import annotations

import tomllib
from importlib import resources

from forumlens.resolve.datafiles import shipped_toml


def test_one_parse_serves_every_caller() -> None:
    assert shipped_toml("places.toml") is shipped_toml("places.toml")


def test_the_data_is_the_file_as_parsed() -> None:
    for name in ("places.toml", "countries.toml", "institutions.toml", "coalitions.toml"):
        text = resources.files("forumlens.resolve").joinpath("data", name).read_text("utf-8")
        assert shipped_toml(name) == tomllib.loads(text)
