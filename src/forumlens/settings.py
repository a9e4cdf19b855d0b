"""One settings registry shared by the config file, the environment and flags.

Each setting has a name, a default, a type and help text; `FORUMLENS_<NAME>` in the
environment overrides the config file (`FORUMLENS_CONFIG`, default
`<user config dir>/forumlens.toml`), and command-line flags override both.
A test checks that every setting is documented in the README.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings", "default_db_path", "load_settings"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "FORUMLENS_" + self.name.upper()


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def default_db_path() -> str:
    """Where the embedded SQLite store lives when neither --db nor FORUMLENS_DB is given."""
    return str(Path(platformdirs.user_data_dir("forumlens")) / "forumlens.sqlite3")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        None,
        "Store location: a SQLite file path or a postgresql:// URL (default: a file in the user data directory).",
    ),
    Setting(
        "max_input_mb", 20.0, "Largest input file accepted by ingest, in megabytes; bigger files are refused.", float
    ),
    Setting("words_per_minute", 150.0, "Speaking rate used to estimate minutes from words.", float),
    Setting("search_limit", 20, "Default number of search hits.", int),
    Setting("debug", False, "Show tracebacks for errors.", _bool),
    Setting("smtp_host", "localhost", "SMTP server host for e-mail digests."),
    Setting("smtp_port", 25, "SMTP server port.", int),
    Setting("smtp_user", "", "SMTP user name (empty: no login)."),
    Setting("smtp_password", "", "SMTP password."),
    Setting("smtp_tls", False, "Use STARTTLS with the SMTP server.", _bool),
    Setting("mail_from", "forumlens@localhost", "Sender address of e-mail digests."),
    Setting("public_url", "http://localhost:8000", "Base URL of the portal, for links in digests and feed URLs."),
    Setting(
        "portal_threads",
        4,
        "Threads per portal worker that render pages and API answers (answers from the response cache need none).",
        int,
    ),
    Setting(
        "portal_cache_mb",
        64.0,
        "Memory per portal worker for replaying rendered pages and API answers until the store changes, in megabytes (0: no response cache).",
        float,
    ),
    Setting(
        "admin_token",
        "",
        "Token required by the write endpoints of the web API: uploads, subscribers (empty: writes are disabled).",
    ),
    Setting(
        "eligibility_rule",
        "v1",
        "Version of the session-slot eligibility rule used by `forumlens record` (v1: yearly report for the previous year on file, and that year's session report if it held a session).",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def db_location(self) -> str:
        # only an unset location means the default: an empty `--db ""` reaches open_store, which refuses it
        location = self.values.get("db")
        return default_db_path() if location is None else str(location)


def _config_file(env: Mapping[str, str]) -> Path:
    explicit = env.get("FORUMLENS_CONFIG")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir("forumlens")) / "forumlens.toml"


def load_settings(overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the config file, then the environment, then `overrides` (flags)."""
    env = os.environ if env is None else env
    values = {s.name: s.default for s in SETTINGS}
    path = _config_file(env)
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"is not valid TOML: {exc}", source=str(path), hint="fix or remove the file") from exc
        for key, value in data.get("forumlens", data).items():
            if key not in _BY_NAME:
                raise ConfigError(
                    f"unknown setting {key!r}", source=str(path), hint="known: " + ", ".join(sorted(_BY_NAME))
                )
            values[key] = value
    for setting in SETTINGS:
        raw = env.get(setting.env)
        if raw is not None and raw != "":
            try:
                values[setting.name] = setting.parse(raw)
            except ValueError as exc:
                raise ConfigError(
                    f"{setting.env}={raw!r} is not a valid {setting.parse.__name__}", hint=setting.help
                ) from exc
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    return Settings(values)
