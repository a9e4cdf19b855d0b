"""Start-up stays short: a command imports only what it uses (issue 19)."""

import importlib
import json
import pkgutil
import subprocess
import sys

from click.testing import CliRunner

from forumlens import commands
from forumlens.cli import FEATURE_COMMANDS, cli

# third-party packages that only some commands need (readers, web, fetch, models, fuzzy matching)
HEAVY = {
    "bs4",
    "ftfy",
    "httpx",
    "rapidfuzz",
    "fastapi",
    "starlette",
    "jinja2",
    "numpy",
    "onnxruntime",
    "pypdf",
    "docx",
    "psycopg",
}


def _imported_by(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_the_command_line_starts_without_the_pipeline():
    modules = _imported_by("import forumlens.cli")
    ours = {m for m in modules if m.startswith("forumlens")}
    assert ours <= {
        "forumlens",
        "forumlens.cli",
        "forumlens.cli_support",
        "forumlens.dates",
        "forumlens.errors",
        "forumlens.filetypes",  # the accepted file types its help names: a table of suffixes, no imports
        "forumlens.settings",
    }
    assert not {m.split(".")[0] for m in modules} & HEAVY


def test_the_package_names_its_stages_without_importing_them():
    modules = _imported_by("import forumlens")
    assert not {m for m in modules if m.startswith("forumlens.")}
    assert _imported_by("from forumlens import parse_query") >= {"forumlens.search"}


def test_every_feature_command_is_registered_under_its_own_name():
    """The lazy table in cli.py lists exactly the commands the feature modules export."""
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            found[command.name] = f"{info.name}:{command.callback.__name__}"
    assert found == FEATURE_COMMANDS


def test_help_lists_every_command_and_a_feature_command_runs():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()}
    assert set(FEATURE_COMMANDS) <= listed and {"ingest", "search", "parse"} <= listed
    assert CliRunner().invoke(cli, ["brief", "--help"]).exit_code == 0
