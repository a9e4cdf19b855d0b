"""The records of the threads stage: items found in one session, threads across sessions, link decisions.

An `Item` is one sentence that matters to a thread, with where it is (session, 1-based
line, verbatim quote), what it does (`signal`) and who it is by. Items are extracted per
session (`items.py`) and stored as that session's `thread_items` analysis; threads are
linked across all of them (`link.py`) whenever they are asked for. `Thread.to_json()` is
the `forumlens threads --json` contract of DESIGN.md (plus `actor` and, with
`explain`, the decisions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "ITEMS_VERSION",
    "ITEM_SIGNALS",
    "KINDS",
    "ROLES",
    "STATUSES",
    "Decision",
    "Item",
    "SessionItems",
    "Thread",
]

# stored items of another version are extracted again when read (the rules changed)
ITEMS_VERSION = (
    61  # 61: a promise's object after a phrase that stands before it ("publish, by Berlin, a list", "publish in 2016 a
    # guide", "send all coalitions a template") and a promise a lead-in announces with any verb ("A new promise: we
    # will install …"), and a coalition named by its kind and a word of its topic as the teller's side ("The crafts
    # coalition will publish …", registered or not); news opening with a qualified "line" or "message" ("the safety
    # line has taken calls …") is read as named back, and a verb in the present ending in -s after the phrase's complement
    # ends it ("The check for donors on the phone| works in Mali")
    # 60: a filled report form's field read as a labelled turn is a record in the third person: its reported questions
    # and answers are items ("A participant asked whether …", "Participants asked UN DESA whether …", "The coordinator
    # answered that …"), a reported question is no ask, and a field's own label ("Please estimate …: 40") is no ask
    # 59: a body the registry knows named as the subject of a promise's clause ("UNESCO will hold a workshop …",
    # "The Secretariat will publish …") promises for itself, whoever tells it (`bodypromise`); "the coalition" is the
    # speaker's side of a promise by shape, and "keep a public log" makes a thing (`promiseshape`)
    # 58: a sentence opening with a definite phrase and a clause after it ("The offline records: they work in one
    # county", "The tabletop guide has a draft") is news of that output (`backref.news_opening`, `Item.about`
    # "named-back"), which linking keeps only when one open promise holds the phrase
    # 57: a founder's own "we start the Dynamic Coalition on …" is her said body (`actors.own_word_coalition`); a
    # coalition's coordinator field may carry a place in brackets and stand in a paragraph (`signatories`); whom a
    # speaker says she succeeded ("I took over from Karma", `succession.py`) is kept for `service.place_items`
    # 56: news of an output headed by its name, the clause after naming none ("The agents: we trained sixty of the
    # two hundred", `deliverables._headed_topic`); an output told "done" or "complete" after a copula is a delivery
    # 55: another body's deed told as its promise kept is that body's delivery ("UNEP gave the two trainings it
    # promised", "as the Secretariat promised in Bali, our page is up", "UN DESA kept its word: …"; `keptword`)
    # 54: work on a promise told as the count done, any verb, is an update ("we trained one hundred and twenty
    # of the two hundred", "two hundred clerks trained so far", "we have trained sixty nurses, not two hundred")
    # 53: a shared or bare turn's self-introduction is read by resolve's reader (`selfnames.said_names`,
    # `full_name_at`): "In Ghana, …", "For Hadiza, …", "Now ITU, Helena Varga, please." name nobody, "I'm NAME" names
    # 52: a bare `>>` turn whose speaker names herself is hers (`roomvoices`); "I coordinate the … coalition"
    # introduces; a coalition's document names its coordinator and signing officers, who speak for it (`signatories`)
    # 51: a label that is the topic of a body the text names in full is that body ("1.3 (Pastoralist Mobile
    # Services) SIM registration …" in a joint statement: `labelbody.py`); a document whose opening says who prepared it
    # ("Summary Report (prepared by the IGF Secretariat)") is by that body (`actors._prepared_by`); "The MAG discussed a
    # request made … by X that …" and "a participant at the Kampala hub asked whether …" are responses; an object
    # phrase ends before "since" ("put all transcripts since 2006 on one page")
    # 50: the short name a speaker introduces themself with ("Ana Ruiz, Community Air Sensors.") is kept
    # (`SessionItems.apposed`); linking counts it as their body where the archive confirms it (`apposed.py`); a
    # reported sentence opened by whom it reports for ("For the rivers coalition, Ana Ruiz reported that …") is that
    # body's (`reportedspeech._lead_body`)
    # 49: a question a moderator reads out is the relayed person's by a reporting verb ("X, online, asks: …?", "He
    # asks Mr Y if …") or its carrier ("The first card, from X, …: …?") (`itemquestions._TOLD`)
    # 48: reported speech in a third-person record (`reportedspeech`): "Ms. X (Body) said that …", "She announced
    # that the Commission would publish …", "He asked the city to …", "Y asked whether …" are the reported speaker's
    # items, a reported "would" read as "shall"
    # 47: a promise by its clause's shape, any verb (`promiseshape`: the speaker's side or a known name, a modal of
    # intention, a verb outside the no-output class, an object); a deed or state of completion told with its date,
    # the copula dropped ("published March 2019", "online since 2019", "now complete") is a delivery
    # 46: a sentence that states a promise's fate and reports what was said of it ("It was never written; in 2017
    # they told us …") is the slip, not a response; "was never written/printed/…" is a slip; a body's sentence after
    # one restating the ask put to it ("Your coalition asked that …") is its response, the pair its quote
    # 45: a role-labelled turn (`>> SPEAKER:`) is by the body a bracketed note in it names after the speaker's
    # name ("[Captioner's note: the previous speaker was X, UNCTAD.]")
    # 44: a sentence opening with a phrase the speaker then says was promised ("The offline package we promised in
    # Katowice …") is news of that noun, known to the lexicon or not, a delivery when a dated past deed follows;
    # a bare container opening a follow-up's clause ("Version 1.0 of the extension … came out") is looked through
    # 43: a dated future of the speaker's own with any verb promises ("by 2015 we will bring … together in one
    # portal"); a relief captioner's unmarked labels after the last `>>` start turns (parse)
    # 42: reported speech ("He added that UNODC will publish …") promises for the body it names; a promise said
    # as a noun ("Our promise for next year is a toolkit …"), "can be ready for the next Forum", "we will add …",
    # "we will put on a wiki …"; a changelog's "Planned" entries promise, its "Added"/"Released" entries deliver
    # 41: a coalition's title-cased topic runs on through "in" before a plural noun no gazetteer place is ("… on
    # Internet Access in Prisons"); "Name, prisons coalition." introduces (a short name after a comma)
    # 40: a block after a stage note that opens with someone naming herself is her turn (a video message);
    # a status cell opening "Done", "Completed", "Achieved" delivers its row; a slip or delivery whose output
    # only the promise told before it names takes that output ("… promised a network of reporters. It never took
    # off."); "It is not online yet" is an update; "our promise for this year: …" is a promise
    # 39: a coalition named as a title ends where its capitals end ("… Online has me as …"; "… for River Towns");
    # "On the sign language request, which …: the MAG agreed it" answers that request (a response);
    # "It never took off", "We never saw it" tell a promise broken, quoted with the sentence before
    # that tells who promised it
    # 38: an e-mail reply is by the body its top "From:" header names; "this Office will invite your coalition to
    # contribute" is a promise; "X, which invited us … as it promised" is X's delivery; a bracketed note is no answer
    # 37: "One thing we will do: the ITU will publish …" (by the ITU) is the body's promise after the lead-in; a
    # place before the object ("publish on its web site a list of …") is passed over; "is now on the ITU web site"
    # is a delivery
    # 36: a coalition named in full past a registry misread; a new coordinator handed the floor; "Our promise: we
    # will …" is the promise after the lead-in; "The coalition on X has asked several times for …" is a response
    # 35: "will record …" is a promise
    # 34: a document's front matter author ("nri: …"); rows of a table of recommendations read as asks and promises
    # 33: a coalition said in short ("for the languages coalition") is the speaker's actor
    # 32: a shared room microphone turn is the person who names themself in it
    # 31: a caption block's timing and label lines are no words; "About X: we stopped work on it" is X's fate
)

ITEM_SIGNALS = ("need", "promise", "update", "delivery", "slip", "question", "answer", "response")
KINDS = ("ask", "commitment", "question")
STATUSES: dict[str, tuple[str, ...]] = {
    "ask": ("recurring", "raised-once", "answered"),
    "commitment": ("fulfilled", "unfulfilled", "pending"),
    "question": ("answered", "answered-later", "open"),
}
ROLES = ("raised", "repeated", "delivered", "reported", "answered", "update")


@dataclass(frozen=True)
class Item:
    """One sentence of one session that raises, repeats, updates, delivers or answers something.

    `coalition` is the registry name of the coalition the item is by (the speaker's, or
    the document's), `org` the institution the speaker speaks for; `family` is the
    deliverable family of a promise and what follows it; `answers` is, for an `answer`,
    the line of the question it answers in the same session; `about` is, for a
    `response`, whether it takes up a "question" or a "request". `category` is the
    threads lexicon's reading (what linking compares); `asked` the category the `asks`
    analysis gave the same sentence, when it found it (what a thread shows: one taxonomy).
    """

    session: str
    line: int
    quote: str
    signal: str
    speaker: str | None = None
    coalition: str | None = None
    org: str | None = None
    category: str = "other"
    family: str | None = None
    head: str | None = None
    cue: str = ""
    about: str = ""
    answers: int | None = None
    seq: int = 0
    names: tuple[tuple[int, int], ...] = ()  # spans of coalition names in the quote (who, not what)
    asked: str | None = None  # a need the `asks` analysis found too: that analysis' category of the sentence
    # set when the item is read back with its session (not stored with the item)
    year: int | None = None
    when: tuple[Any, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.session}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("year", "when", "session"):
            data.pop(key)
        data["names"] = [list(span) for span in self.names]
        return {k: v for k, v in data.items() if v not in (None, "", [])}

    @classmethod
    def from_json(cls, session: str, data: Mapping[str, Any]) -> Item:
        return cls(
            session=session,
            line=int(data["line"]),
            quote=str(data.get("quote", "")),
            signal=str(data.get("signal", "need")),
            speaker=data.get("speaker"),
            coalition=data.get("coalition"),
            org=data.get("org"),
            category=str(data.get("category") or "other"),
            family=data.get("family"),
            head=data.get("head"),
            cue=str(data.get("cue") or ""),
            about=str(data.get("about") or ""),
            answers=None if data.get("answers") is None else int(data["answers"]),
            seq=int(data.get("seq") or 0),
            names=tuple((int(a), int(b)) for a, b in data.get("names") or ()),
            asked=None if data.get("asked") is None else str(data["asked"]),
        )

    @property
    def about_text(self) -> str:
        """The quote with coalition names blanked: what the item is about, not who says it."""
        text = self.quote
        for a, b in self.names:
            text = text[:a] + " " * (b - a) + text[b:]
        return text

    def placed(
        self, year: int | None, when: tuple[Any, ...], coalition: str | None = None, org: str | None = None
    ) -> Item:
        """The item with its session's place in time (and a coalition found elsewhere, if it had none; else an
        institution found elsewhere, if it had no body at all).

        `dataclasses.replace` with its checks set aside (an archive places tens of thousands of
        items per read; the fields are the item's own, so there is nothing to check).
        """
        placed = object.__new__(Item)
        fields = dict(self.__dict__)
        fields.update(year=year, when=when, coalition=self.coalition or coalition)
        if not fields["coalition"] and not self.org and org:
            fields["org"] = org
        object.__setattr__(placed, "__dict__", fields)
        return placed


@dataclass(frozen=True)
class SessionItems:
    """Everything one session contributes: its items, which coalition each speaker spoke for, and which
    institution each speaker said they speak for (`bodies`: their own introduction, not a guess); `guessed`:
    the speakers whose body here is only what the people analysis guessed (they said none in this session)."""

    items: tuple[Item, ...]
    speakers: dict[str, str] = field(default_factory=dict)  # person → coalition (registry name)
    version: int = ITEMS_VERSION
    bodies: dict[str, str] = field(default_factory=dict)  # person → institution they introduced themself with
    # people whose body here is only the people analysis' guess (they did not say it in this session)
    guessed: tuple[str, ...] = ()
    # (old name, new name) of each rename of a body the session states ("since Vilnius we are …": `renames.py`)
    renames: tuple[tuple[str, str], ...] = ()
    # person → the short name they introduced themself with ("Ana Ruiz, Community Air Sensors."): `apposed.py`; a body
    # only where the archive confirms it (`apposed.confirmed_bodies`)
    apposed: dict[str, str] = field(default_factory=dict)
    # person → the name of the person she says she succeeded ("I took over from Karma last year": `succession.py`)
    successors: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": self.version,
            "items": [i.to_json() for i in self.items],
            "speakers": self.speakers,
            "bodies": self.bodies,
        }
        if self.guessed:
            data["guessed"] = list(self.guessed)
        if self.renames:
            data["renames"] = [list(r) for r in self.renames]
        if self.apposed:
            data["apposed"] = self.apposed
        if self.successors:
            data["successors"] = self.successors
        return data

    @classmethod
    def from_json(cls, session: str, data: Mapping[str, Any]) -> SessionItems:
        return cls(
            items=tuple(Item.from_json(session, i) for i in data.get("items") or ()),
            speakers={str(k): str(v) for k, v in (data.get("speakers") or {}).items()},
            version=int(data.get("version") or 0),
            bodies={str(k): str(v) for k, v in (data.get("bodies") or {}).items()},
            guessed=tuple(str(p) for p in data.get("guessed") or ()),
            renames=tuple((str(r[0]), str(r[1])) for r in data.get("renames") or () if len(r) == 2),
            apposed={str(k): str(v) for k, v in (data.get("apposed") or {}).items()},
            successors={str(k): str(v) for k, v in (data.get("successors") or {}).items()},
        )


@dataclass(frozen=True)
class Decision:
    """Why an item joined a thread, opened one, or was left out: the rule and its scores."""

    item: str  # session:line
    signal: str
    action: str  # opened | joined | dropped
    thread: str | None
    rule: str
    score: float | None = None
    candidates: tuple[tuple[str, float, str], ...] = ()  # (thread id, score, verdict)
    shared: tuple[str, ...] = ()  # the features the item shares with the closest item of its thread

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "signal": self.signal,
            "action": self.action,
            "thread": self.thread,
            "rule": self.rule,
            "score": None if self.score is None else round(self.score, 3),
            "candidates": [{"thread": t, "score": round(s, 3), "verdict": v} for t, s, v in self.candidates],
            "shared": list(self.shared),
        }


def item_contract(item: Item, role: str) -> dict[str, Any]:
    """One item as the `threads --json` contract has it (session, line, year, speaker, role, quote)."""
    return {
        "session": item.session,
        "line": item.line,
        "year": item.year,
        "speaker": item.speaker,
        "role": role,
        "quote": item.quote,
    }


@dataclass
class Thread:
    """One actor's same need, promise or question across sessions, with its fate."""

    id: str
    kind: str
    actor: str
    coalition: str | None
    category: str
    entries: list[tuple[Item, str]] = field(default_factory=list)  # (item, role), in time order
    status: str = ""
    summary: str = ""
    decisions: list[Decision] = field(default_factory=list)
    # items left out by a listing's span of years (before it, after it): roles stay the whole thread's,
    # so a listing that shows a `repeated` item first says the earlier ones exist (`thread_window`)
    outside: tuple[int, int] = (0, 0)

    @property
    def items(self) -> list[Item]:
        return [item for item, _ in self.entries]

    @property
    def first_year(self) -> int | None:
        years = [i.year for i in self.items if i.year is not None]
        return min(years) if years else None

    @property
    def last_year(self) -> int | None:
        years = [i.year for i in self.items if i.year is not None]
        return max(years) if years else None

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "category": self.category,
            "coalition": self.coalition,
            "status": self.status,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "summary": self.summary,
            "actor": self.actor,
            "items": [item_contract(item, role) for item, role in self.entries],
        }
        if explain:
            data["decisions"] = [d.to_json() for d in self.decisions]
        return data
