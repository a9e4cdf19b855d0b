"""A warm start for analysis workers: the forkserver imports this module once, before it
forks any worker, so every worker starts with the pipeline imported and its first-use
state built (issue 19).

Why: a forkserver worker starts from a clean process. Before this module, each one paid
~0.8 s of CPU on its first session: importing the stages (~140 modules), compiling their
~1,000 patterns and building what they build on first use (cue filters, registries,
models). `ingest --workers N` paid it N times per run, and `analyse --workers N` too.
Importing this module in the forkserver (`multiprocessing`'s `set_forkserver_preload`)
pays it once, in the process every worker is forked from; the workers share the result
copy-on-write.

How: `warm` runs the whole preparation (parse, metadata, every analysis, thread items)
on `WARM_TRANSCRIPT`, a short made-up transcript with the shapes the stages look for
(a title line, speaker turns, a question, an ask, a coalition, a figure). Its result is
dropped: only what the stages cache is kept, and they cache what they computed from
their own code and data files, never from a session, so no later answer changes (the
tests compare a store filled by warm and by cold workers). A failure here is swallowed:
a worker that starts cold is slower, never wrong; the forkserver must not die of it.
"""

from __future__ import annotations

import gc

__all__ = ["WARM_TRANSCRIPT", "warm"]

WARM_TRANSCRIPT = """IGF 2021 – Workshop #0 – Warm-up session on access and human rights

The following are the outputs of the captioning taken during an IGF virtual intervention.


>> ANA LIMA: Good morning. Welcome, everyone, to this session on meaningful access. \
I am Ana Lima, from the Dynamic Coalition on Public Access in Libraries. \
What should governments do about connectivity in rural areas?

>> JOHN SMITH: Thank you, Ana. Our survey found that 40 percent of libraries lack funding. \
We call on the IGF and the MAG to publish the report by June, and I recommend that \
regulators work with civil society on data governance and cybersecurity.

>> ANA LIMA: Thank you, John. Questions from the floor? Please introduce yourself.

>> MARIA GARCIA: Maria Garcia, from the University of Lagos. How can youth take part \
in these discussions, and who will fund it? We learned that one third of schools are offline.
"""


def warm() -> None:
    """Prepare `WARM_TRANSCRIPT` as an ingest worker would, for what the stages keep; then move
    what is left alive (modules, patterns, models, registries) out of the collector's sight.

    Why the freeze (issue 19, stop 40): that warmed heap lives as long as the worker, yet each
    full collection walked all of it again, ≈ 90 ms each, 16–17 ms CPU a session over the
    issue-19 files; frozen, ≈ 4 ms. `gc.freeze` is what CPython advises before forking: the
    workers also stop touching the shared pages. It changes when memory is reclaimed, not
    what any stage computes; what the sessions allocate later is collected as before.
    """
    try:
        from .ingest import IngestOptions, prepare_bytes

        prepare_bytes(WARM_TRANSCRIPT.encode("utf-8"), "warm-up.txt", IngestOptions(), thread_items=True)
    except Exception:  # a cold worker is slower, never wrong
        pass
    gc.collect()  # the warm-up's own garbage is freed, not frozen
    gc.freeze()


warm()
