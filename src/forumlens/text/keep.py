"""What a command derives from the package's data files, kept on disk between runs.

Why: before its first session a `report` or `ingest` process builds the same things from
the same shipped files every time: the mention matcher tokenises every registry phrase
(~40 ms), the TOML registries and taxonomies are parsed by the pure-Python `tomllib`
(~25 ms), the taxonomies' vocabulary is stemmed and the SDG model's goal vectors built
(~25 ms). None of it depends on the input (issue 19).

How: `kept(name, key, compute)` returns `compute()`, or the value an earlier run kept under
`name` for the same `key`. The key is a digest of everything the value is derived from:
the data files' bytes (`digest`) and the source of the code deriving it with every
forumlens module that code imports (`code_digest`), plus the forumlens version and the
Python build (always added here). A changed data file, an edited module or another Python
gives another key, so the kept value is ignored and rebuilt; there is nothing to clear.
Values are plain data (dict, list, tuple, set, str, int, float) written with `marshal`
and checked with a SHA-256 of their bytes, so a truncated or damaged file reads as
missing. A file is replaced atomically; a directory that cannot be written (read-only
home) only means nothing is kept. Any failure falls back to `compute()`: the cache can
make a run faster, never different.

Only the command line turns it on (`install`, beside `text.recache`, in the same
directory: `$FORUMLENS_REGEX_CACHE`, `off` disables both); a program importing forumlens
as a library computes everything, as before. Standard library only.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["code_digest", "decoded", "digest", "install", "installed", "kept", "write_atomically"]

T = TypeVar("T")

_FORMAT = "forumlens-kept-1"
_DIRECTORY: list[Path] = []  # the one directory `install` set, if any


def install(directory: Path | None) -> None:
    """Keep derived data in `directory` from now on in this process (None: stop keeping)."""
    _DIRECTORY.clear()
    if directory is not None:
        _DIRECTORY.append(directory)


def installed() -> Path | None:
    """The directory `install` set, or None (a library use: nothing is kept)."""
    return _DIRECTORY[0] if _DIRECTORY else None


def digest(*parts: bytes | str) -> str:
    """A digest of `parts` in order (each length-prefixed, so ("ab", "c") != ("a", "bc"))."""
    import hashlib  # here, not at the top: `forumlens --version` installs this module and hashes nothing

    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def decoded(data: bytes) -> str:
    """UTF-8 text with universal newlines: what `read_text` gives for the same file (a
    caller hashes the bytes for its key and parses this)."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


# `from forumlens.x import a, b`, `from .x import (a, b)`, `import forumlens.x`, anywhere in a module
# (compiled on first use: `forumlens --version` installs this module and compiles nothing)
_FROM = r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)"
_IMPORT = r"^[ \t]*import[ \t]+([\w., \t]+)"
_TYPING_ONLY = r"^if TYPE_CHECKING:[^\n]*\n(?:(?:[ \t]+[^\n]*)?\n)*"  # a block that never runs
_LAZY = r"""["'](\w+)["']\s*:\s*["'](\.[\w.]+)["']"""  # a PEP 562 table: "NAME": ".submodule"


@cache
def code_digest(*modules: str) -> str | None:
    """A digest of the source of `modules` and of every module of their package they
    import (at any depth), or None when a source cannot be read (nothing is kept then).

    Why the imports: a derived value depends on the constants and helpers its code takes
    from other modules (a stopword list, the tokenizer), and editing one of those must
    invalidate it. The imports are read from the source text, so a module is hashed
    whether or not this process imported it. Parent packages are not followed (importing
    `a.b.c` runs `a.b`'s `__init__`, but only `c`'s names are used); a name imported from
    a package leads to the package's `__init__` and to the submodule that defines it
    (also when the package loads it lazily).
    """
    seen: dict[str, str] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        found = _module_text(name)
        if found is None:
            return None
        seen[name] = found[0]
        todo += found[1]
    return digest(*(part for name in sorted(seen) for part in (name, seen[name])))


@cache
def _module_text(name: str) -> tuple[str, list[str]] | None:
    """(the source of module `name`, the modules of its package it imports), or None."""
    path = _source(name)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    return text, _imported(name, path, text)


@cache
def _source(name: str) -> str | None:
    """The .py file of module `name` (found without importing it), or None."""
    root, _, rest = name.partition(".")
    origin = getattr(sys.modules.get(root), "__file__", None)
    if not origin:
        return None
    if not rest:
        return str(origin)
    base = os.path.join(os.path.dirname(origin), *rest.split("."))
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


def _imported(name: str, path: str, text: str) -> list[str]:
    """The modules of `name`'s own top-level package that its source imports from."""
    root = name.split(".")[0]
    package = name if os.path.basename(path) == "__init__.py" else name.rpartition(".")[0]

    def module(dotted: str) -> str | None:
        if dotted.startswith("."):
            dots = len(dotted) - len(dotted.lstrip("."))
            base = package.split(".")
            if dots > len(base):
                return None
            head = ".".join(base[: len(base) - dots + 1])
            return f"{head}.{dotted[dots:]}" if dotted[dots:] else head
        return dotted if dotted == root or dotted.startswith(root + ".") else None

    found: list[str] = []
    text = re.sub(_TYPING_ONLY, "", text, flags=re.MULTILINE)
    for match in re.finditer(_FROM, text, re.MULTILINE):
        source = module(match.group(1))
        if source is None:
            continue
        found.append(source)
        names = [item.split()[0] for item in match.group(2).strip("()").split(",") if item.split()]
        lazy: dict[str, str] | None = None
        for word in names:
            if _source(f"{source}.{word}") is not None:
                found.append(f"{source}.{word}")  # `from package import submodule`
                continue
            if lazy is None:
                lazy = _lazy_table(source)
            if word in lazy:
                found.append(lazy[word])
    for match in re.finditer(_IMPORT, text, re.MULTILINE):
        found += [w for w in (item.split()[0] for item in match.group(1).split(",") if item.split()) if module(w)]
    return found


@cache
def _lazy_table(package: str) -> dict[str, str]:
    """Name -> submodule of a package's PEP 562 table (`"NAME": ".submodule"` in its `__init__`)."""
    path = _source(package)
    if path is None or os.path.basename(path) != "__init__.py":
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            return {name: package + rel for name, rel in re.findall(_LAZY, handle.read())}
    except (OSError, UnicodeDecodeError):
        return {}


_BUILD = f"{_FORMAT}|{sys.version}|{sys.implementation.cache_tag}|marshal {marshal.version}"


def _version() -> str:
    from forumlens import __version__  # the package root is imported already: its names load lazily

    return __version__


def kept(name: str, key: str | None, compute: Callable[[], T]) -> T:
    """`compute()`, or the value kept under `name` by an earlier run for the same `key`.

    `key`: a digest of what the value is derived from (`digest`, `code_digest`); None
    means "do not keep" (a registry built from other data). `name` names the file, so a
    new key replaces the old value instead of piling up beside it. The value must be made
    of what `marshal` writes; one that is not is simply not kept.
    """
    directory = installed()
    if directory is None or key is None:
        return compute()
    full = digest(key, _BUILD, _version())
    path = directory / f"kept-{name}.marshal"
    found = _read(path, full)
    if found is not None:
        return found[0]  # what `compute` returned in the run that kept it
    value = compute()
    _write(path, full, value)
    return value


def _read(path: Path, key: str) -> tuple[Any] | None:
    """(the kept value,) or None when the file is missing, damaged or of another key."""
    try:
        head = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(head, tuple) and len(head) == 3 and head[0] == key and isinstance(head[2], bytes)):
        return None
    if digest(head[2]) != head[1]:
        return None
    try:
        return (marshal.loads(head[2]),)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, key: str, value: Any) -> None:
    """Write the value; keep nothing when it cannot be (a value marshal cannot write)."""
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    write_atomically(path, marshal.dumps((key, digest(payload), payload)))


def write_atomically(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` in one step, so a process reading it at the same time sees
    the old file or the new one, never half of one; False (and nothing written) when the
    directory cannot be made or written (a read-only home): a cache then keeps nothing."""
    import tempfile  # only when writing: a warm start does not pay for it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True
