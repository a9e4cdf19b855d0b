"""Thread events in digests: "raised again", "delivered", "answered at last", through the real path.

The development corpus (bench/threads/dev) is ingested a year at a time with the real
pipeline; `after_ingest` queues the matches and `run_digest` sends them to a real SMTP
server on loopback. What each follower should hear is read from the corpus's own
annotation (`dev.gold.json`, written before the threads code): every item of a later
session that repeats, delivers or first answers a thread of the coalition it follows.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from email.message import Message
from pathlib import Path

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.route.channels import EmailSender, SmtpConfig
from forumlens.route.deliver import RetryPolicy
from forumlens.route.matching import match_new_sessions
from forumlens.route.service import add_subscriber, run_digest
from forumlens.route.thread_events import thread_events
from forumlens.settings import load_settings
from forumlens.threads import Item, link_items, store_threads

from .route_support import SmtpSink

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "threads" / "dev"
GOLD = json.loads((ROOT / "bench" / "threads" / "dev.gold.json").read_text("utf-8"))["threads"]
FIRST = "igf2021-dc-coordination.txt"
LATER = ["igf2022-dc-main-session.txt", "igf2023-dc-coordination.txt", "dc3-annual-report-2023.md"]
BASE = "https://forum.example.org"
EVENT = {"repeated": "raised again", "delivered": "delivered", "answered": "answered at last"}
# one cited item of a digest's text: "  - <reason>: “<quote>” (session <id>, line <n>[, <speaker>])", or for a
# document "(<title> (<year>), p. <n>, § <section>, line <n>)", then its link "    <base>/sessions/<id>#L<n>"
ITEM_LINE = re.compile(
    r"^  - (?P<reason>.+?\(thread [a-z0-9]+\))(?:: “(?P<quote>.*)”)? \((?P<where>.*), line (?P<line>\d+)"
    r".*\n    \S+/sessions/(?P<session>\w+)#L(?P=line)$",
    re.M,
)
FOLLOWERS = {
    "Connectivity funders": {"coalitions": ["DC3"]},
    "Library network": {"coalitions": ["DC-PAL"], "tags": ["GDC1"]},
    "Accessibility office": {"coalitions": ["DC on Accessibility and Disability"]},
    "Rights desk": {"coalitions": ["IRPC"]},
    "Digital divides watch": {"tags": ["GDC1"]},
}
COALITION_OF = {
    "Connectivity funders": "DC on Community Connectivity",
    "Library network": "DC on Public Access in Libraries",
    "Accessibility office": "DC on Accessibility and Disability",
    "Rights desk": "Internet Rights and Principles Coalition",
}


def expected_events(coalition: str) -> set[tuple[str, str]]:
    """(event, quote) of every gold item that moves a thread of the coalition begun in another file."""
    out = set()
    for thread in GOLD:
        if thread["coalition"] != coalition:
            continue
        first, answered = thread["items"][0], False
        for item in thread["items"][1:]:
            if item["file"] == first["file"] or item["role"] not in EVENT or (item["role"] == "answered" and answered):
                continue
            answered = answered or item["role"] == "answered"
            out.add((EVENT[item["role"]], item["quote"]))
    return out


def digest_items(message: Message) -> list[dict[str, str]]:
    [text] = [
        p.get_payload(decode=True).decode("utf-8") for p in message.walk() if p.get_content_type() == "text/plain"
    ]
    return [m.groupdict() for m in ITEM_LINE.finditer(text.replace("\r\n", "\n"))]


def event_of(reason: str) -> str:
    return next(label for label in ("raised again", "delivered", "answered at last") if f": {label}: " in reason)


def test_followers_hear_what_moved_in_their_threads_once(fresh_store):
    ingest_paths(fresh_store, [DEV / FIRST], IngestOptions())
    for name, interests in FOLLOWERS.items():
        add_subscriber(fresh_store, name, email=f"{name.split()[0].lower()}@example.org", interests=interests)
    ingest_paths(fresh_store, [DEV / f for f in LATER], IngestOptions())  # after_ingest queues the matches
    settings = load_settings({"public_url": BASE}, env={"FORUMLENS_CONFIG": "/nonexistent"})
    sources = {s.session: s.title for s in fresh_store.thread_sources()}
    texts = {sid: fresh_store.session_text(sid)[2].split("\n") for sid in sources}
    with SmtpSink() as smtp:
        senders = {"email": EmailSender(SmtpConfig(host="127.0.0.1", port=smtp.port, mail_from="d@forumlens.test"))}
        policy = RetryPolicy(max_attempts=3, attempts_per_run=2, base_delay=0.01)
        run = run_digest(fresh_store, settings, since=timedelta(days=1), senders=senders, policy=policy)
        assert run.ok
        again = run_digest(fresh_store, settings, since=timedelta(days=1), senders=senders, policy=policy)
        assert again.matches == [] and again.results == []  # delivered once per subscriber
        messages = {m["To"].split("@")[0]: m for m in smtp.messages}
    assert len(smtp.messages) == len(FOLLOWERS)
    heard = {name: digest_items(messages[name.split()[0].lower()]) for name in FOLLOWERS}
    sentences = [item.quote for t in store_threads(fresh_store).threads for item in t.items]
    for name, items in heard.items():
        for item in items:  # every thread item cites a line whose text holds its quote, verbatim …
            line = texts[item["session"]][int(item["line"]) - 1]
            quote = item["quote"].rstrip(" …")
            assert quote in " ".join(line.split())
            assert any(" ".join(s.split()).startswith(quote[:80]) for s in sentences)  # … from its sentence on
        keys = [(item["session"], item["line"], event_of(item["reason"])) for item in items]
        assert len(keys) == len(set(keys)), name  # a coalition and a topic followed: still one item per event
    for name, coalition in COALITION_OF.items():
        got = {(event_of(i["reason"]), i["quote"]) for i in heard[name] if i["reason"].startswith("coalition ")}
        want = expected_events(coalition)
        assert len(got) == len(want), (name, got, want)
        for event, quote in want:  # the digest quotes the event's own sentence, even mid-turn
            assert any(e == event and quote[:60] in q for e, q in got), (name, event, quote)
    topic = heard["Digital divides watch"]
    assert topic and all(i["reason"].startswith("topic GDC1: ") for i in topic)
    assert any("library connectivity toolkit" in i["quote"] and "delivered" in i["reason"] for i in topic)
    assert match_new_sessions(fresh_store, list(sources)) == []  # matching again records nothing new


def test_events_need_an_earlier_session_and_only_the_first_answer_counts():
    asked = Item("s1", 3, "Will the MAG keep main session time for the coalitions?", "question", speaker="Rosa Jimenez")
    reply = Item(
        "s2",
        5,
        "To answer the question raised last year about main session time: the MAG has kept a slot.",
        "response",
        speaker="Maria Costa",
        org="Multistakeholder Advisory Group",
        about="question",
    )
    need = Item(
        "s1", 7, "We need a small grants fund for community radios.", "need", coalition="DC X", category="funding"
    )
    # said again a few lines on, and says so: two needs side by side without "again" are two threads
    again = Item(
        "s1",
        9,
        "Again: without seed money for radios, our networks close.",
        "need",
        coalition="DC X",
        category="funding",
    )
    later = Item("s2", 2, "Once more: radios need a grants fund.", "need", coalition="DC X", category="funding")
    placed = [i.placed(2021 if i.session == "s1" else 2022, (i.session,)) for i in (asked, reply, need, again, later)]
    threads = link_items(placed).threads
    assert {(t.kind, t.status) for t in threads} == {("question", "answered-later"), ("ask", "recurring")}
    assert thread_events(threads, {"s1"}, {}) == []  # a need repeated in its own session is no news
    found = {(e.event, e.item.line) for e in thread_events(threads, {"s2"}, {})}
    assert found == {("answered-at-last", 5), ("raised-again", 2)}


def test_an_ask_repeated_twice_in_one_turn_is_one_event():
    def need(session: str, line: int, seq: int, quote: str, cue: str) -> Item:
        return Item(session, line, quote, "need", coalition="DC X", category="funding", cue=cue, seq=seq)

    first = need(
        "s1", 4, 10, "We ask donors and the secretariat to create a small fund for community radios.", "We ask"
    )
    # the later session says it twice in one caption line: a state and the ask repeated
    still = need("s2", 20, 500, "The coalition still has no funding.", "still has no")
    again = need(
        "s2",
        20,
        536,
        "We again ask donors and the secretariat to create a small fund for community radios.",
        "We again ask",
    )
    placed = [i.placed(2021 if i.session == "s1" else 2022, (i.session,)) for i in (first, still, again)]
    threads = link_items(placed).threads
    moved = [t for t in threads if [i.session for i in t.items] == ["s1", "s2", "s2"]]
    assert moved, "both sentences join the thread of the first ask"
    line = f"{still.quote} {again.quote}"
    events = thread_events(threads, {"s2"}, {"s2": [""] * 19 + [line]})
    assert [(e.event, e.item.line, e.column) for e in events] == [("raised-again", 20, 0)]
