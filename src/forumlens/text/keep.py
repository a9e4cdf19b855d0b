"""What a command derives from the package's data files, kept on disk between runs.

Why: before its first session a `report` or `ingest` process builds the same things from
the same shipped files every time: the mention matcher tokenises every registry phrase
(~40 ms), the TOML registries and taxonomies are parsed by the pure-Python `tomllib`
(~25 ms), the taxonomies' vocabulary is stemmed and the SDG model's goal vectors built
(~25 ms). None of it depends on the input (issue 19).

How: `kept(name, key, compute)` returns `compute()`, or the value an earlier run kept under
`name` for the same `key`. The key is a digest of everything the value is derived from:
the data files' bytes (`digest`) and the source of the package deriving it (`code_digest`),
plus the forumlens version and the Python build (always added here). A changed data file, an edited module or another Python
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


@cache
def code_digest(*modules: str) -> str | None:
    """A digest of the source `modules` can depend on: every module of their top-level
    package (`forumlens`), or None when it cannot be read (nothing is kept then).

    Why the whole package: a derived value depends on the constants and helpers its code
    takes from other modules (a stopword list, the tokenizer), and editing one of those must
    invalidate it. Each module counts by its path, size and modification time, the test
    Python itself uses to tell a `.pyc` is stale, so the kept values go stale with the code
    that runs; ~1 ms once a process, and an edit anywhere only means one run builds again.
    """
    roots = sorted({name.partition(".")[0] for name in modules})
    parts = [_package_digest(root) for root in roots]
    return None if None in parts else digest(*(p for p in parts if p is not None))


@cache
def _package_digest(root: str) -> str | None:
    """A digest of the path, size and mtime of every .py file under package `root`."""
    origin = getattr(sys.modules.get(root), "__file__", None)
    if not origin or os.path.basename(origin) != "__init__.py":
        return None
    top = os.path.dirname(origin)
    skip = len(top) + len(os.sep)  # a folder below `top` is `top`, a separator, its relative path
    parts: list[str] = []
    try:
        for folder, subfolders, files in os.walk(top):
            subfolders.sort()
            # the path relative to `top` by slicing: `os.path.relpath` normalises both paths
            # again for each of the ~300 files (half of this function's ~3 ms)
            prefix = os.path.join(folder[skip:], "") if folder != top else ""
            for file in sorted(f for f in files if f.endswith(".py")):
                found = os.stat(os.path.join(folder, file))
                parts.append(f"{prefix}{file}|{found.st_size}|{found.st_mtime_ns}")
    except OSError:
        return None
    return digest(*parts)


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
