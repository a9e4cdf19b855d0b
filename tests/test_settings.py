import pytest

from forumlens.errors import ConfigError
from forumlens.settings import SETTINGS, load_settings

from .conftest import ROOT


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme and f"`{setting.env}`" in readme, setting.name


def test_environment_overrides_file_and_flags_override_environment(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[forumlens]\nmax_input_mb = 5\nsearch_limit = 7\n")
    env = {"FORUMLENS_CONFIG": str(config), "FORUMLENS_SEARCH_LIMIT": "9"}
    settings = load_settings({"search_limit": 11}, env=env)
    assert settings.max_input_mb == 5 and settings.search_limit == 11
    assert load_settings(env=env).search_limit == 9


@pytest.mark.parametrize(
    "content, message",
    [
        ("not = [valid", "not valid TOML"),
        ("[forumlens]\nnope = 1\n", "unknown setting 'nope'"),
    ],
)
def test_bad_config_file_names_the_file(tmp_path, content, message):
    config = tmp_path / "bad.toml"
    config.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(env={"FORUMLENS_CONFIG": str(config)})
    assert message in str(info.value) and str(config) in str(info.value)


def test_bad_environment_value_is_a_config_error():
    with pytest.raises(ConfigError, match="FORUMLENS_MAX_INPUT_MB"):
        load_settings(env={"FORUMLENS_MAX_INPUT_MB": "lots"})
