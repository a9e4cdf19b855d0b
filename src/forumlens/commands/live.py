"""`forumlens live SOURCE`: follow a session's captions into the store while they arrive."""

from __future__ import annotations

import re
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType

import click

from ..cli_support import db_option, discard_store_file, new_store_file, open_ctx_store, settings_of


def _say(message: str) -> None:
    click.echo(f"{datetime.now().strftime('%H:%M:%S')} {message}", err=True)


def _check_source(source: str) -> None:
    """Refuse a SOURCE that can never be followed: an address of another scheme than http(s), or a local one.

    A caption file may legitimately appear only when captioning starts, so a missing file
    in an existing folder is followed (the file source says it does not exist yet, since a
    mistyped name otherwise waits silently, and says so once, not as a file that is gone);
    a folder, or a file in a folder that does not exist, is an error that names it.
    """
    from ..errors import ForumlensError
    from ..fetch.run import is_url

    if is_url(source):
        return
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", source)
    if scheme:  # ftp://, file://, a mistyped htps://: not a path in a folder named "ftp:"
        raise ForumlensError(
            f"only http:// and https:// addresses can be followed, not {scheme.group(1)}://",
            source=source,
            hint="give the page's http(s) address, or the path of a local caption file",
        )
    path = Path(source)
    if path.is_dir():
        raise ForumlensError("is a folder, not a caption file", source=source, hint="give the file the captions go to")
    if not path.exists() and not path.parent.is_dir():
        raise ForumlensError(f"no such folder: {path.parent}", source=source, hint="check the path of the caption file")
    if path.is_file() and _starts_binary(path):
        raise ForumlensError(
            "is binary data, not a caption text file",
            source=source,
            hint="`live` follows the text file captions are written to; store a finished PDF, DOCX or other"
            " file with `forumlens ingest FILE`",
        )


def _starts_binary(path: Path) -> bool:
    """Whether the file's first bytes already show binary data (an image, an archive, a PDF or DOCX).

    Why here: the follower waits for text to arrive, so a binary file used to be followed in
    silence until --idle-exit and then reported as "no caption turn arrived" (exit 0), having
    written and removed a session. The first bytes are judged as `ingest` judges a whole file
    (read/text.py: UTF-16 without a byte-order mark is text); an empty file or one not yet
    readable is left to the follower, which waits for captions.
    """
    from ..errors import BinaryInput, ForumlensError
    from ..read.text import decode_text

    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    head = head[: len(head) - len(head) % 2]  # a UTF-16 file cut mid-character is still text
    try:
        decode_text(head, str(path))
    except BinaryInput:
        return True
    except ForumlensError:  # empty (captions not started) or undecodable: the follower says why
        return False
    return False


@click.command()
@click.argument("source")
@click.option("--title", metavar="TEXT", help="Session title (default: from the captions' header).")
@click.option("--session", "session_id", metavar="ID", help="Continue this live session (its id) from SOURCE.")
@click.option(
    "--interval",
    type=click.FloatRange(0.05, 3600),
    default=1.0,
    show_default=True,
    help="Seconds between polls of a quiet source (errors back off up to a minute).",
)
@click.option(
    "--idle-exit",
    type=click.FloatRange(0.1, None),
    default=None,
    metavar="S",
    help="Finalise after S seconds without new captions (default: follow until Ctrl-C or an end note).",
)
@click.option(
    "--analyse-every",
    type=click.FloatRange(0.0, None),
    default=30.0,
    show_default=True,
    help="Seconds between analyses (people, questions, asks, speaking time) while live.",
)
@click.option("--no-finalise", is_flag=True, help="Stop without finalising (a later `live SOURCE` resumes).")
@db_option
@click.pass_context
def live(
    ctx: click.Context,
    source: str,
    title: str | None,
    session_id: str | None,
    interval: float,
    idle_exit: float | None,
    analyse_every: float,
    no_finalise: bool,
    db: str | None,
) -> None:
    """Follow a caption file (or an http(s) URL) that grows while the session runs.

    Each new turn is stored within a poll; a turn still being captioned grows in place.
    At the end — Ctrl-C, --idle-exit, or a note such as "(Session concluded)" in the
    captions — the session is analysed whole and finalised; a later `forumlens ingest`
    of the finished file finds it (no second copy). If the follower is killed, run the
    same command again: it resumes the session.

    \b
    Example:
      forumlens live /srv/captions/ws42.txt --title "WS 42: Meaningful access"
      forumlens live https://example.org/captions/ws42.txt --idle-exit 600
    """
    from ..ingest import IngestOptions
    from ..live import LiveOptions, follow

    options = LiveOptions(
        title=title,
        session=session_id,
        interval=interval,
        idle_exit=idle_exit,
        analyse_every=analyse_every,
        finalise=not no_finalise,
        ingest=IngestOptions.from_settings(settings_of(ctx)),
    )
    _check_source(source)
    stop = threading.Event()

    def on_signal(number: int, frame: FrameType | None) -> None:
        if stop.is_set():  # a second Ctrl-C: leave at once (the store is consistent after every poll)
            raise KeyboardInterrupt
        _say("stopping: finalising the session (Ctrl-C again to leave it unfinished)")
        stop.set()

    created = new_store_file(ctx, db)
    store = open_ctx_store(ctx, db)
    # installed only once nothing can fail before the `finally` that puts them back: a refused
    # store used to leave this handler in the calling process (a test run then caught SIGTERM)
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        result = follow(store, source, options, say=_say, stop=stop)
    finally:
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if result.removed:
        if created is not None:  # nothing arrived: the store this run made would only be an empty one
            discard_store_file(created)
        click.echo(f"session {result.session_id}: no caption turn arrived, removed ({result.reason})")
        sys.stdout.flush()
        return
    state = "finalised" if result.finished else "left open (run the same command to resume)"
    from ..format import counted

    click.echo(f"session {result.session_id}: {counted(result.turns, 'turn')}, {state} ({result.reason})")
    sys.stdout.flush()


COMMANDS = [live]
