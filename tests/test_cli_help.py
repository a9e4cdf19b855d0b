"""`forumlens --help` lists every command without importing the feature modules (issue 19).

The one-line summaries live in cli.py beside FEATURE_COMMANDS; these tests keep them equal
to what the commands' own help says, so the fast listing cannot drift from the real one.
"""

import importlib
import json
import os
import subprocess
import sys

import click
import pytest

from forumlens.cli import FEATURE_COMMANDS, FEATURE_SUMMARIES, cli

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


def _every_command() -> list[tuple[str, click.Command]]:
    """Every command of `forumlens`, feature commands and subcommands of groups included, by its full name."""
    found: list[tuple[str, click.Command]] = []

    def walk(command: click.Command, name: str, parent: click.Context | None) -> None:
        found.append((name, command))
        if isinstance(command, click.Group):
            ctx = click.Context(command, parent=parent, info_name=name.split()[-1])
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                assert child is not None, f"{name} {sub}"
                walk(child, f"{name} {sub}", ctx)

    walk(cli, "forumlens", None)
    return found


def test_every_command_and_every_option_has_help():
    commands = _every_command()
    assert {"forumlens sessions", "forumlens tag", "forumlens fetch igf"} <= {name for name, _ in commands}
    no_help = [name for name, command in commands if not (command.help or command.short_help or "").strip()]
    assert not no_help, f"commands without help: {no_help}"
    bare = [
        f"{name} {'/'.join(param.opts)}"
        for name, command in commands
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden and not (param.help or "").strip()
    ]
    assert not bare, f"options without help: {bare}"


def test_every_command_shows_an_example_in_its_help():
    """A new user reads `forumlens COMMAND --help` for how to call it: every command, group and
    subcommand shows at least one example line that starts with `forumlens` (the top level's is
    its "Typical use")."""
    missing = []
    for name, command in _every_command():
        text = command.help or ""
        block = text.split("Example", 1)[-1] if "Example" in text else text.split("Typical use", 1)[-1]
        has_block = "Example" in text or "Typical use" in text
        if not has_block or not any(line.strip().startswith("forumlens ") for line in block.splitlines()):
            missing.append(name)
    assert not missing, f"commands whose --help shows no example: {missing}"


@pytest.mark.parametrize("argv", [["sessions", "--help"], ["subscribers", "feed", "--help"], ["check", "--help"]])
def test_an_example_keeps_its_own_lines_in_the_rendered_help(argv):
    """The example block is kept as written (click's \\b), not rewrapped into the paragraph above it."""
    out = _run(f"from forumlens.cli import main\nmain({argv!r})", 80)
    example = [line for line in out.splitlines() if line.strip().startswith("forumlens ")]
    assert example and all(line.startswith("    forumlens ") for line in example), out
