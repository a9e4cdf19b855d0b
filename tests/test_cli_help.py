"""`forumlens --help` lists every command without importing the feature modules (issue 19).

The one-line summaries live in cli.py beside FEATURE_COMMANDS; these tests keep them equal
to what the commands' own help says, so the fast listing cannot drift from the real one.
"""

import importlib
import json
import os
import subprocess
import sys

import pytest

from forumlens.cli import FEATURE_COMMANDS, FEATURE_SUMMARIES

_LOAD_ALL = "import forumlens.cli as c\nfor n in c.FEATURE_COMMANDS: c.cli.get_command(None, n)\n"
_MODULES_AFTER = (
    "\nimport json, sys\n"
    "from forumlens.cli import main\n"
    "try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    "print(json.dumps(sorted(sys.modules)))\n"
)


def _run(code: str, columns: int = 100) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return done.stdout


def _modules_after(argv: list[str]) -> set[str]:
    return set(json.loads(_run(_MODULES_AFTER.format(argv=argv)).splitlines()[-1]))


def test_every_feature_command_has_a_summary_equal_to_its_own_help():
    assert set(FEATURE_SUMMARIES) == set(FEATURE_COMMANDS)
    for name, spec in FEATURE_COMMANDS.items():
        module, attr = spec.split(":")
        command = getattr(importlib.import_module(f"forumlens.commands.{module}"), attr)
        assert FEATURE_SUMMARIES[name] == command.get_short_help_str(limit=10_000), name


@pytest.mark.parametrize("columns", [60, 100, 200])
def test_the_lazy_listing_reads_exactly_like_the_one_with_every_command_imported(columns):
    lazy = _run("from forumlens.cli import main\nmain(['--help'])", columns)
    eager = _run(_LOAD_ALL + "c.main(['--help'])", columns)
    assert "Commands:" in lazy and all(f"  {name} " in lazy for name in FEATURE_COMMANDS)
    assert lazy == eager


def test_help_imports_no_feature_command():
    modules = _modules_after(["--help"])
    assert not {m for m in modules if m.startswith("forumlens.commands.")}
    assert "forumlens.pipeline" not in modules and "forumlens.store" not in modules


@pytest.mark.parametrize("name", ["embed", "report", "serve"])
def test_a_commands_help_imports_that_command_only(name):
    module = FEATURE_COMMANDS[name].split(":")[0]
    modules = _modules_after([name, "--help"])
    assert {m for m in modules if m.startswith("forumlens.commands.")} == {f"forumlens.commands.{module}"}
