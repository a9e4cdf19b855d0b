"""`forumlens CMD --help` costs no more than start-up plus the command's own module (issue 19).

Reading a command's help must not import readers, the web stack, models or a pipeline
stage: those imports were most of a second, on every `--help`. Each command's help runs
in a fresh interpreter and `sys.modules` is read after it, as tests/test_cli_startup.py
does for `--version`. The few values a help shows without importing their module (retry
defaults, the IGF site and listing kinds, the export tables) are checked here against
the modules that own them, so the help cannot drift from what the command does.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from forumlens.cli import FEATURE_COMMANDS

# Command modules whose help is kept light; a module joins this set once its heavy imports
# have moved into the functions that use them.
LIGHT_MODULES = {
    "backup",
    "digest",
    "export",
    "fetch",
    "live",
    "people",
    "record",
    "analyse",
    "publish",
    "store_admin",
    "questions",
    "report",
    "semantic",
    "serve",
    "subscribers",
    "threads",
    "topics",
}

# The plain-data modules a light help may read its choices from (`threads --kind`, `--status`).
CHOICE_MODULES = {"forumlens.threads", "forumlens.threads.models"}

# Groups' subcommands too: `fetch igf --help` and `subscribers add --help` build the same module.
SUBCOMMANDS = [["fetch", "igf"], ["subscribers", "add"], ["subscribers", "feed"]]

# What a help must never import: our stages and readers, and the third-party packages behind them.
STAGES = {
    "analyse",
    "briefs",
    "documents",
    "export",
    "fetch",
    "ingest",
    "pipeline",
    "read",
    "report",
    "resolve",
    "route",
    "semantic",
    "store",
    "summarise",
    "tag",
    "threads",
    "transcript",
    "web",
}
THIRD_PARTY = {"bs4", "ftfy", "httpx", "rapidfuzz", "fastapi", "starlette", "jinja2", "numpy", "onnxruntime", "pypdf"}

_RUN = (
    "import json, sys\n"
    "from forumlens.cli import main\n"
    "try:\n    main({argv!r})\nexcept SystemExit as exc:\n    code = exc.code\n"
    "print('\\n' + json.dumps({{'code': code, 'modules': sorted(sys.modules)}}))\n"
)


def _run(argv: list[str]) -> tuple[str, int, set[str]]:
    """The output of `forumlens ARGV` in a fresh interpreter, its exit code and every module it imported."""
    done = subprocess.run([sys.executable, "-c", _RUN.format(argv=argv)], capture_output=True, text=True, check=True)
    output, _, last = done.stdout.rstrip("\n").rpartition("\n")
    result = json.loads(last)
    return output, result["code"], set(result["modules"])


@pytest.fixture(scope="module")
def startup() -> set[str]:
    """What every command pays anyway: the modules `forumlens --version` imports."""
    _, code, modules = _run(["--version"])
    assert code == 0
    return modules


def _light_commands() -> list[list[str]]:
    names = sorted(n for n, spec in FEATURE_COMMANDS.items() if spec.split(":")[0] in LIGHT_MODULES)
    return [[name] for name in names] + SUBCOMMANDS


@pytest.mark.parametrize("argv", _light_commands(), ids=" ".join)
def test_a_commands_help_imports_only_start_up_and_its_own_module(argv, startup):
    output, code, modules = _run([*argv, "--help"])
    assert code == 0 and output.startswith("Usage: forumlens " + " ".join(argv)), output[:200]
    own = f"forumlens.commands.{FEATURE_COMMANDS[argv[0]].split(':')[0]}"
    extra = {m for m in modules - startup - CHOICE_MODULES if m.startswith("forumlens")}
    assert extra <= {"forumlens.commands", own}, sorted(extra)
    read = {m for m in modules - CHOICE_MODULES if m.startswith("forumlens.") and m.count(".") >= 1}
    stages = {m.split(".")[1] for m in read} & STAGES
    assert not stages, f"{' '.join(argv)} --help imported stage packages {sorted(stages)}"
    assert not {m.split(".")[0] for m in modules} & THIRD_PARTY


def test_every_light_module_is_a_command_module():
    """A renamed module would silently drop out of the check above."""
    assert {spec.split(":")[0] for spec in FEATURE_COMMANDS.values()} >= LIGHT_MODULES


def test_the_retry_defaults_the_help_shows_are_the_policys():
    from forumlens.commands.digest import RETRY_DEFAULTS
    from forumlens.route.deliver import RetryPolicy

    policy = RetryPolicy()
    assert {"max_attempts": policy.max_attempts, "base_delay": policy.base_delay} == RETRY_DEFAULTS


def test_the_fetch_help_shows_the_sites_own_address_and_listings():
    from forumlens.commands import fetch
    from forumlens.fetch import igf_site

    assert (fetch.SITE, fetch.KINDS) == (igf_site.SITE, igf_site.KINDS)


def test_the_export_help_offers_exactly_the_tables_in_their_order():
    from forumlens.commands.export import TABLE_NAMES
    from forumlens.export import TABLES

    assert tuple(TABLES) == TABLE_NAMES


@pytest.mark.parametrize("package", ["forumlens.documents", "forumlens.fetch", "forumlens.route"])
def test_a_lazy_package_imports_no_submodule_and_still_offers_every_name(package):
    code = f"import {package}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert not {m for m in json.loads(done.stdout) if m.startswith(package + ".")}
    module = importlib.import_module(package)
    assert sorted(module.__all__) == sorted(module._PUBLIC)
    for name, source in module._PUBLIC.items():  # each name is its defining module's own object
        assert getattr(module, name) is getattr(importlib.import_module(source, package), name), name
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018 - the lookup itself is what is tested


def test_a_lazy_package_still_imports_its_submodules_by_name():
    """`from forumlens.fetch import igf_site` finds no such name, so Python imports the submodule."""
    from forumlens.documents import links
    from forumlens.fetch import igf_site
    from forumlens.route import signing

    assert [m.__name__ for m in (links, igf_site, signing)] == [
        "forumlens.documents.links",
        "forumlens.fetch.igf_site",
        "forumlens.route.signing",
    ]


def test_the_tag_threshold_help_names_the_taggers_own_bars():
    """`tag --threshold`'s help once printed 0.65/0.55 as literals; now it is built from bars checked here."""
    from forumlens.commands.topics import THRESHOLD_BARS, threshold_help
    from forumlens.tag import SCHEMES, THRESHOLD
    from forumlens.tag.tagger import short_threshold

    assert {"default": THRESHOLD, **{scheme: short_threshold(scheme) for scheme in SCHEMES}} == THRESHOLD_BARS
    text = threshold_help({"default": 0.4, "sdg": 0.7, "issue-area": 0.6, "gdc": 0.7})
    assert (
        "[default: 0.4; a FILE shorter than one passage: 0.7 for SDGs and GDC objectives, 0.6 for issue areas]" in text
    )
