"""What a chair's hand-off says of the person it names: their body, their mode, their slot.

Why a module of its own: a hand-off ("over to Ana Lima from X, who joins us online") is the
most direct evidence another speaker gives, and reading it is a grammar of its own: the
window of turns around a speaker, vocatives and questions to them, name cards read out as a
list, pronouns standing for the name, a name inside another name, and the mode said before or
after it. `roles.collect_evidence` calls `handoff` for each turn of each person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve import cues, listseat, modes, orgs, titles
from forumlens.resolve.chairs import is_moderator, not_thanks
from forumlens.resolve.mentions import Mention
from forumlens.resolve.people import LabelGroup, same_person
from forumlens.resolve.roleview import (
    Draft,
    Evidence,
    SessionView,
    fold_name,
    turn_of,
)
from forumlens.resolve.selfnames import is_place_name
from forumlens.transcript.speakers import card_like, sentence_word


def chair_window(view: SessionView, turn_index: int, owner: dict[int, LabelGroup], moderators: set[str]) -> list[int]:
    """Moderator speech turns right before a turn, back to the previous other speaker."""
    pos = view.speech_pos[turn_index]
    window = []
    for t in reversed(view.speech[:pos]):
        g = owner.get(t.index)
        if g is None or not is_moderator(g, moderators):
            break
        window.append(t.index)
    return list(reversed(window))


_VOCATIVE_QUESTION = re.compile(
    r"\s*,\s*(?:is there\s+|do we have\s+|are there\s+)?(?:any|anybody|anyone|anything|someone|somebody)\b[^.!]*\?|"
    # "Wiebke, there is one participant online with a comment": telling them about somebody else
    r"\s*,\s*(?:there\s+(?:is|are)|we\s+have|I\s+have|somebody|someone)\b|"
    # "Dionne, online?": the side asked about in a word, of the one who reads it
    r"\s*,\s*(?:and\s+)?(?:online|on\s+(?:the\s+)?zoom|in\s+the\s+chat)\s*\?",
    re.IGNORECASE,
)
# "Online, Leonie?": the same question with the side first, the name and the question mark after it
_SIDE_ASKED_BEFORE = re.compile(r"(?:and\s+)?(?:online|on\s+(?:the\s+)?zoom|in\s+the\s+chat)\s*,\s*$", re.IGNORECASE)
_QUESTION_MARK_AFTER = re.compile(r"\s*\?")


_QUESTION_NOT_YOU = re.compile(r"(?:(?!\byou\b)[^.!?])*\?", re.IGNORECASE)


# Where the words about one person stop; ", and online we have …" turns to other people, and so
# does "… and then online we have …" in an unpunctuated caption.
_CLAUSE_BREAK = re.compile(
    r",\s+(?-i:I|we|but|and I|not|so)\b|;|\s‑‑|\s--|,\s+and\s+(?=(?:online|on[\s‑-]?site|remotely|in the room|here)\b)|"
    r"\s+and\s+(?:(?:then|now|next|also)\s+)?(?=(?:online|on[\s‑-]?site|remotely|in the room|here)\s+"
    r"(?:we|there|is|are|joins?|joining)\b)|"
    # "…thank you to the Doctor, and another remote participant from Dhaka says …": others
    r",\s+and\s+(?:another|other|others|the others|some|someone|somebody|one more)\b",
    re.IGNORECASE,
)


_HUB_LABEL = re.compile(r"\bhub\b", re.IGNORECASE)


def about_other(view: SessionView, turn: int, words: str) -> tuple[int, int]:
    """`modes.about_other` of words said in `turn`, placed on the speaker's side: a remote hub's
    "here", "in the room" and "with us" ("we are fourteen people in the room.  We have with us
    Anush …", "who drove here this morning") are the hub's room, so the people it names are
    online like the hub itself."""
    online, onsite = modes.about_other(words)
    if _HUB_LABEL.search(view.session.turns[turn].label or ""):
        return online + onsite, 0
    return online, onsite


# "the slides of Davron will be online": a name after "of", with the verb right after it (no
# comma: "the team of Ana, who is online" is about Ana), is the owner, not the subject.
_OWNER_BEFORE = re.compile(r"\bof[ \u00a0]+$", re.IGNORECASE)
_GOES_STRAIGHT_ON = re.compile(r"[ \u00a0]+(?:will|would|can|could|is|are|was|were|has|have|had|should|may|might)\b")


def mode_after(view: SessionView, draft: Draft, turn: int, start: int, end: int, weight: float) -> None:
    """Mode cues in the words after a name ("Yasmin is in the Zoom room"), up to the next person's name."""
    if _OWNER_BEFORE.search(view.text, max(0, start - 6), start) and _GOES_STRAIGHT_ON.match(view.text, end):
        return  # "the slides of Davron will be online": the words go on about what is his, not about him
    _, s_end = view.sentence_at(turn, start)
    limit = min(s_end, end + 160)  # past a long title: "…, Minister of …, who is with us in the hall"
    stop = view.next_other_name(end, limit, draft.group)
    tail = view.text[end:stop]
    if stop < limit:
        online, onsite = _list_seat(view, draft, end, stop, s_end)
        if (online or onsite) and end not in draft.seen:
            # "Ana and Ben here next to me", "Ana, from X, and Ben, from Y, both at the table"
            draft.add_mode(
                weight * online, weight * onsite, view.evidence(*view.sentence_at(turn, start), "mode"), seen=end
            )
            return
    if stop < limit and _NEXT_IN_LIST.match(tail):
        return  # "Ana, and with me on stage Ben": the words lead to the next name, they are Ben's
    clause = _CLAUSE_BREAK.search(tail)
    tail = tail[: clause.start()] if clause else tail
    tail = tail.split(":", 1)[0]  # "for Dr. Mansour: is the course available online?" says what is asked
    if _VOCATIVE_QUESTION.match(tail) or (tail.lstrip().startswith(",") and _QUESTION_NOT_YOU.match(tail)):
        return  # "Kai, anybody online?", "Rosa, what about online abuse?": a question to them, not where they are
    online, onsite = about_other(view, turn, tail)
    a, b = view.sentence_at(turn, start)
    if not (online or onsite) and stop >= limit:
        # "Mr. Ossandón will speak in Spanish.  He is … and he travelled from Santiago for this
        # panel.": the next sentence goes on about the same person when it opens with he or she
        # and names nobody else
        nxt = view.sentence_after(turn, b)
        if (
            nxt is not None
            and _GOES_ON.match(view.text, nxt[0])
            and view.next_other_name(nxt[0], nxt[1], draft.group) >= nxt[1]
        ):
            online, onsite = about_other(view, turn, view.text[nxt[0] : nxt[1]])
            a, b = nxt
    if (online or onsite) and end not in draft.seen:
        draft.add_mode(weight * online, weight * onsite, view.evidence(a, b, "mode"), seen=end)


def _list_seat(view: SessionView, draft: Draft, end: int, stop: int, limit: int) -> tuple[int, int]:
    """The seat said after the last name of a list that the name ending at `end` opens or
    continues (`listseat.shared_tail`): the list is followed name by name while only list joins
    stand between them (`listseat.joins_list`); (0, 0) when no other name follows in a list."""
    names = 0
    last_end, nxt = end, stop
    while nxt < limit and listseat.joins_list(view.text[last_end:nxt]):
        ends = [e for s, e, _ in view.names_between(nxt, limit) if s == nxt]
        if not ends:
            break
        names += 1
        last_end = max(ends)
        nxt = view.next_other_name(last_end, limit, draft.group)
    if not names:
        return 0, 0
    tail = view.text[last_end:nxt]
    clause = _CLAUSE_BREAK.search(tail)
    return listseat.shared_tail(tail[: clause.start()] if clause else tail)


# The next sentence goes on about the person: "He …", "She …", or the chair's "We see you on the
# big screen" right after calling them.
_GOES_ON = re.compile(r"\s*(?:He|She)\b|\s*(?:We|I)\s+(?:can\s+)?(?:see|hear)\s+you\b")


_TITLE_BEFORE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?"


_LIST_JOIN = re.compile(r"[\s,]*(?:and|&)?[\s,]*" + _TITLE_BEFORE)


# Between two names of a list of name cards read out, the first one's card: ", UNESCO, and ".
_CARD_JOIN = re.compile(r"\s*,\s*(?P<card>[^,.;:!?]{2,80}?)\s*,?\s*(?:and|&)?\s*" + _TITLE_BEFORE)


def _card_join(words: str) -> bool:
    """Whether the words between two names are only the first name's card and a list join
    ("Rohan Perera, UNESCO, and Henrik Saether"), or the first name's description closed by a
    list join ("Online we have Ana Ruiz, director of … at the Ministry of …, and Ben Ode"): the
    words before the list hold for both, unless the description says where the first one is."""
    m = _CARD_JOIN.fullmatch(words)
    if m is not None and card_like(m.group("card")):
        return True
    return _APPOSITION_JOIN.fullmatch(words) is not None and modes.about_other(words) == (0, 0)


def _described_join(words: str) -> bool:
    """Whether the words between two names of a list are the first one's body and a list join,
    perhaps with the second one's title ("Sabitri from the Nepal IGF, and Deputada Rosimeire"):
    the words before the list hold for both, unless the body's words say where the first one is."""
    return _DESCRIBED_JOIN.fullmatch(words) is not None and modes.about_other(words) == (0, 0)


# " from the Nepal IGF, and Deputada ": a short "from/of/at …" body, a list join, a title or none
_DESCRIBED_JOIN = re.compile(
    r"[ \u00a0]+(?:from|of|at|with)[ \u00a0]+[^.;:!?,()]{2,80}?,?[ \u00a0]*(?:and|&)[ \u00a0]+"
    r"(?:(?-i:[A-Z][a-zà-ÿ]+)\.?[ \u00a0]+)?"
)


# ", director of digital skills at the Ministry of Youth of Tunisia, and ": one description, then "and".
_APPOSITION_JOIN = re.compile(r"\s*,\s*[^.;:!?()]{2,160}?,\s*(?:and|&)\s+" + _TITLE_BEFORE, re.IGNORECASE)


_NEXT_IN_LIST = re.compile(r"[\s,]*(?:and|&)\b", re.IGNORECASE)


def _landmark_seat(view: SessionView, turn: int, start: int, end: int) -> bool:
    """The name is the landmark of the next seat: "Next to Rodolphe, Professor Eveliina …" (the
    name right after "next to", then a comma, "is" or "sits" and the next panellist's name)."""
    a, b = view.sentence_at(turn, start)
    if not _BESIDE_BEFORE.search(view.text, max(a, start - 16), start):
        return False
    title = _COMMA_TITLE.match(view.text, end, b)
    if title is None:
        return False
    return any(s == title.end() for s, _e, _g in view.names_between(title.end(), b))


def mode_before(view: SessionView, draft: Draft, turn: int, start: int, end: int | None = None) -> None:
    """Mode cues in the chair's words before a name, back to the previous name or the sentence
    start: "Online we have Ana", "here in the room with me is Ana", "joining from Lima, Ana".
    In a list ("Online we have Ana and Ben") the words before the first name hold for all.
    A name that opens a clause of its own after "and" ("we are fifteen here in the room, and
    Mathieu tells me …") takes nothing from the clause before it: `end` is where the name ends."""
    if -start - 1 in draft.seen:
        return
    if end is not None and _landmark_seat(view, turn, start, end):
        # "Next to Rodolphe, Professor Paasikoski …": the panellist a seat is told from sits there too
        draft.add_mode(0, 2, view.evidence(*view.sentence_at(turn, start), "mode"), seen=-start - 1)
        return
    if (
        end is not None
        and _AND_BEFORE.search(view.text, max(0, start - 12), start)
        and _SUBJECT_VERB.match(view.text, end)
    ):
        return
    if _ADDRESSED_BEFORE.search(view.text, max(0, start - 120), start):
        return  # "they are joining from a youth centre, and they have a question for Baraka": asked, not placed
    a, _ = view.sentence_at(turn, start)
    if (
        end is not None
        and _SIDE_ASKED_BEFORE.fullmatch(view.text, a, start)
        and _QUESTION_MARK_AFTER.match(view.text, end)
    ):
        return  # "Online, Leonie?": a question to the one who reads the online side, not where she is
    end = start
    window_start = a
    beside = False
    for prev_start, prev_end, group in view.names_between(a, start):
        if group is draft.group:
            continue
        # "Next to Bożena, Pirkko Rautaoja from …": the seat beside a panellist, read seat by seat
        # (no list of two names, though a comma joins them)
        beside = end == start and bool(
            _BESIDE_BEFORE.search(view.text, max(a, prev_start - 16), prev_start)
            and _COMMA_TITLE.fullmatch(view.text, prev_end, start)
        )
        if beside:
            break
        if (
            _LIST_JOIN.fullmatch(view.text, prev_end, end)
            or _card_join(view.text[prev_end:end])
            or _described_join(view.text[prev_end:end])
        ):
            end = prev_start
            continue
        window_start = prev_end
        break
    if beside:
        draft.add_mode(0, 2, view.evidence(*view.sentence_at(turn, start), "mode"), seen=-start - 1)
        return
    words = view.text[window_start:end]
    if window_start == a and _card_sentence(view, turn, a, start):
        words = _card_list_head(view, turn, a)
    elif window_start != a and _GOES_ON_ABOUT.match(words) and (cut := _NAME_COMMA.search(words)):
        # "Fatimata with us on Zoom from Ouagadougou, and a colleague from the Ministry, Ato
        # Yohannes": the words right after a name are that name's, up to the ", and" of the next
        # (a run-on caption without commas keeps them: "… in Zambia then next to her Valentina");
        # in a list read out with commas only ("Ostap here at my side, Mariana from the petrol
        # station") the place after a name is that name's as well
        words = words[cut.end() :]
    clause = list(_CLAUSE_BREAK.finditer(words))
    if clause:
        words = words[clause[-1].end() :]
    if _EXCEPT_BEFORE.search(words):
        return  # "all our speakers are here with us, except Dr. Brun": the words say where she is not
    online, onsite = about_other(view, turn, words)
    if online or onsite:
        draft.add_mode(2 * online, 2 * onsite, view.evidence(*view.sentence_at(turn, start), "mode"), seen=-start - 1)


# "Next to Elodie, Rufina …": a seat beside the panellist named before, then a comma (a title allowed)
_BESIDE_BEFORE = re.compile(r"\b(?:next to|beside)[ \u00a0]+$", re.IGNORECASE)
# ("Here next to Oguzhan is Ms. Marwa …", "Next to Biruk, Madame Oumou …": "is" for the comma, a
# title of courtesy or office in any of the session's languages)
_COMMA_TITLE = re.compile(
    r"(?:[ \u00a0]*,|[ \u00a0]+(?:is|sits|we have))[ \u00a0]*(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam|Madame|Mme|"
    r"Monsieur|Sr|Sra|Señor|Señora|Senhor|Senhora|Honourable|Honorable|Hon|Ambassador|Minister|Deputy|Senator)"
    r"\.?[ \u00a0]+)?",
    re.IGNORECASE,
)


# Words going straight on about the name before them (no comma, no "and"): "… with us on Zoom".
_GOES_ON_ABOUT = re.compile(r"[ \u00a0]+(?!and\b|or\b)(?-i:[a-z])")


# The comma that closes the words about the name before: ", and " or a bare list comma.
_NAME_COMMA = re.compile(r",[ \u00a0]*(?:(?:and|&)[ \u00a0]+)?")


# A name a question or comment is put to: the words before it are where the asker is.
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:questions?|comments?|message)\b[^.?!;]{0,80}?\b(?:for|to)[ \u00a0]+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?[ \u00a0]+)?$",
    re.IGNORECASE,
)


_AND_BEFORE = re.compile(r"(?:,[ \u00a0]*|[ \u00a0])and[ \u00a0]+$")


# A verb right after a name: the name is the subject of its own clause ("Mathieu tells me …").
_SUBJECT_VERB = re.compile(
    r"[ \u00a0]+(?:(?:also|now|just|then|still)[ \u00a0]+)?(?:is|was|has|had|will|would|can|could|says|said|"
    r"(?-i:[a-z]+(?<!s)s))\b"
)


_EXCEPT_BEFORE = re.compile(
    r"\b(?:except|apart from|but not)\s+(?:for\s+)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador)\.?\s+)?$",
    re.IGNORECASE,
)


_CARD_SENTENCE = re.compile(r"\s*(?:and\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?", re.IGNORECASE)


def _card_sentence(view: SessionView, turn: int, a: int, name_start: int) -> bool:
    """Whether the sentence starting at `a` is one read-out name card: only a name (its first
    name hit starts at `name_start`) and the card after it ("Maria Gonzaga, Philippine Rural
    Telecom Cooperative Federation.")."""
    if not _CARD_SENTENCE.fullmatch(view.text, a, name_start):
        return False
    _, b = view.sentence_at(turn, a)
    name_end = next((end for start, end, _ in view.names_between(a, b) if start == name_start), None)
    if name_end is None:
        return False
    rest = view.text[name_end:b].strip().rstrip(".").lstrip(",").strip()
    return not rest or card_like(rest)


def _card_list_head(view: SessionView, turn: int, a: int) -> str:
    """The chair's words before a list of name cards read one per sentence ("Here on the table
    we have: Hiroshi Watanabe, Japan Community Network Association.  Maria Gonzaga, …."): the
    words before the colon that opens the list hold for every card of it, as they hold for
    every name of a list inside one sentence. Empty when the sentences before are not such a list."""
    spans = [span for span in view.sentences[turn] if span[1] <= a]
    for s_a, s_b in reversed(spans[-8:]):
        hits = view.names_between(s_a, s_b)
        if not hits:
            return ""
        first_start, _, _ = hits[-1]  # nearest last: the sentence's first name is the last hit
        head = view.text[s_a:first_start]
        if head.rstrip().endswith(":"):
            return head
        if not _card_sentence(view, turn, s_a, first_start):
            return ""
    return ""


def _hand_window(view: SessionView, turn: int, start: int, hits: Sequence[tuple[int, cues.NameHit]]) -> int:
    """Where a raised hand may be said for the voice the chair named in `turn`: the paragraph,
    but once she is named, no earlier than the sentence before the one naming her ("A hand at
    the back.  Maria, please"), not an aside about others far before ("they are welcome to speak
    from the floor … Mr. Tuitoek, you start")."""
    named = [view.sentence_at(t, h.start)[0] for t, h in hits if t == turn]
    if not named:
        return start
    before = [a for a, _ in view.sentences[turn] if a < min(named)]
    return max(start, before[-1] if before else min(named))


def handoff(
    view: SessionView,
    draft: Draft,
    turn_index: int,
    first: bool,
    owner: dict[int, LabelGroup],
    moderators: set[str],
    known: Sequence[LabelGroup],
) -> None:
    window = chair_window(view, turn_index, owner, moderators)
    if not window:
        return
    text = view.text
    hits = (
        [
            (t, h)
            for t in window
            for h in cues.find_name_hits(text, view.session.turns[t].start, view.session.turns[t].end, draft.forms)
            if not_thanks(view, t, h.start, h.end) and not _inside_other_name(text, h, draft.forms)
        ]
        if draft.forms
        else []
    )
    others = []
    for t in window:
        turn = view.session.turns[t]
        for name, a, b in cues.handoff_names(text, turn.start, turn.end):
            if draft.forms and any(same_person(name, f) for f in draft.forms):
                continue
            if any(g.name and same_person(name, g.name) for g in known if g.name in moderators):
                continue
            if any(m.start < b and a < m.end for m in view.all_mentions):
                continue  # "Dynamic Coalition on Gender, if you…": a body, not a person
            others.append((name, t, a, b))
    if not hits and first and len({o[0] for o in others}) == 1 and draft.group.name:
        name, t, a, b = others[0]
        # a city is where a remote voice is, not its nickname ("Dili, please unmute yourself")
        if not any(g.name and same_person(name, g.name) for g in known) and not is_place_name(name):
            draft.aliases.append(name)  # a nickname: "turn to Titi" before CONCETTINA CASSA
            hits, others = [(t, cues.NameHit(a, b, name))], []
    if hits:
        draft.named_in_handoff = True
        best: tuple[float, Evidence, str] | None = None
        for t, hit in hits:
            s_a, s_b = view.sentence_at(t, hit.start)
            p_a, p_b = view.paragraph_at(t, hit.start)
            if first and cues.HAND_RAISE.search(text[s_a:s_b]):
                draft.from_floor = draft.hand_raised = True
            elif draft.from_floor and cues.HAND_RAISE.search(text[s_a:s_b]):
                # "Deanne, you had your hand up again?": a floor voice called back for its hand
                draft.hand_raised = True
            attached = view.tied(orgs.after_name(text, hit.end, s_b, view.all_mentions, view.gazetteer))
            if not attached:
                attached = after_pronoun(view, hit.end, s_b)
            same = [m for m in view.mentions_in(s_a, s_b) if not _merely_mentioned(text, s_a, m)]
            near = (
                []
                if stated_elsewhere(text, hit.end, s_b)
                else [
                    m
                    for m in view.mentions_in(p_a, p_b)
                    if cues.INVITE.search(text[slice(*view.sentence_at(t, m.start))])
                ]
            )
            if attached:
                attached.sort(key=lambda o: o.rank + (0 if o.proper else 0.5))
                for org in attached[1:]:
                    draft.add_org(org, 4.2, view.evidence(s_a, s_b, "hand-off"))
                org = attached[0]
                draft.org_names.setdefault(org.key, org.name)
                found = (4.2 - org.rank - (0 if org.proper else 0.5), view.evidence(s_a, s_b, "hand-off"), org.key)
            elif same:
                m = min(same, key=lambda m: abs(m.start - hit.start))
                # in an unpunctuated caption the "sentence" is the whole turn: a body named in it
                # is only as close to the name as one in the same paragraph
                strength = 4.0 if s_b - s_a <= RUN_ON else 2.5
                found = (strength, view.evidence(s_a, s_b, "hand-off"), m.entity_id)
            elif near:
                m = min(near, key=lambda m: (m.start > hit.start, abs(m.start - hit.start)))
                found = (2.5, view.evidence(*view.sentence_at(t, m.start), "hand-off"), m.entity_id)
            else:
                found = None
            if found and (best is None or found[0] >= best[0]):
                best = found
            mode_after(view, draft, t, hit.start, hit.end, 2)
        if first and draft.from_floor and draft.online == draft.onsite == 0:
            # "One more here, with the colleague from the Foundation": a voice from the floor
            # described in the hand-off is still placed by the chair's pointing
            last_turn = view.session.turns[window[-1]]
            if view.paragraphs[last_turn.index]:
                floor_mode(view, draft, last_turn.index, view.paragraphs[last_turn.index][-1])
        if best:
            draft.add(best[2], best[0], best[1])
            return
        if not first or any(stated_elsewhere(text, hit.end, view.sentence_at(t, hit.start)[1]) for t, hit in hits):
            return  # "Tomasz from the Secretariat": said, though not resolved; no coalition guessed
    elif others:
        return  # the chair handed the floor to somebody else
    dcs = [m for t in window for m in view.mentions_in(view.session.turns[t].start, view.session.turns[t].end, ("dc",))]
    last_turn = view.session.turns[window[-1]]
    last_para = view.paragraphs[last_turn.index][-1] if view.paragraphs[last_turn.index] else (0, 0)
    hand = cues.HAND_RAISE.search(text, _hand_window(view, last_turn.index, last_para[0], hits), last_para[1])
    # "Online speakers, please raise your hand …  Our first online speaker is in Uzbekistan.": a
    # programme slot announced after the call for hands is what this voice was given
    if first and hand and not cues.SPEAKER_SLOT.search(text, hand.end(), last_para[1]):
        draft.from_floor = True  # how they first got the floor; a later "question from" is someone else
    elif first and draft.group.name and cues.SPEAKER_SLOT.search(text, last_para[0], last_para[1]):
        draft.named_in_handoff = True  # "The first speaker comes from the technical community."
    if dcs:
        after_last = text[dcs[-1].end : last_turn.end]
        if cues.ABSENT.search(after_last):
            dcs = []  # "Is there anyone from X? No?": X was invited and did not answer
    if (
        dcs
        and first
        and any(CHAIR_LEADS.search(text, view.session.turns[t].start, view.session.turns[t].end) for t in window)
    ):
        dcs = []  # the chair's own coalition ("I am X, the chair of the coalition"), not the next voice's
    if dcs and first:
        invited = [m for m in dcs if cues.INVITE.search(text[slice(*view.sentence_at(turn_of(view, m), m.start))])]
        m = (invited or dcs)[-1]
        a, b = view.sentence_at(turn_of(view, m), m.start)
        draft.add(m.entity_id, 1.5, view.evidence(a, b, "hand-off"))
    if not hits:
        for a, b in view.sentences[last_turn.index]:
            # said to the next speaker ("can you hear us?"), not "says thank you to the Doctor"
            if a >= last_para[0] and _TO_YOU.search(text, a, b):
                online, onsite = about_other(view, last_turn.index, text[a:b])
                if online or onsite:
                    draft.add_mode(online, onsite, view.evidence(a, b, "mode"))
        if first and (draft.group.name is None or draft.from_floor):
            floor_mode(view, draft, last_turn.index, last_para)


# A chair saying they lead the coalition the session is about ("I am Maarten, the chair of the
# coalition", "I co-chair this dynamic coalition", "as coordinator of our coalition"): the
# coalition named in their welcome is theirs, so the first voice after them does not take it
# by position alone (a remote first speaker is not the coalition's presenter for being first).
CHAIR_LEADS = re.compile(
    r"\b(?:I\s+am|I'm|I’m|as)\b[^.?!]{0,60}?\b(?:the\s+|one\s+of\s+the\s+)?(?:co-?)?"
    r"(?:chair(?:man|woman|person)?|coordinator|convenor|convener|lead|leader|founder|facilitator)s?\s+"
    r"of\s+(?:the|this|our)\s+(?:dynamic\s+)?(?:coalition|DC)\b|"
    r"\bI\s+(?:co-?)?(?:chair|coordinate|convene|lead|facilitate)\s+(?:the|this|our)\s+(?:dynamic\s+)?(?:coalition|DC)\b",
    re.IGNORECASE,
)


_TO_YOU = re.compile(r"(?<!thank )(?<!thanks to )\byou\b", re.IGNORECASE)


_PRONOUN = re.compile(
    r"\b(?:she|he)\b(?=\s+(?:(?:also|now|today|here)\s+)?(?:is|was|speaks|works|comes|represents|joins|"
    r"teaches|lectures|leads|runs|heads|directs|manages|coordinates|chairs)\b)"
)


def after_pronoun(view: SessionView, name_end: int, stop: int) -> list[orgs.Org]:
    """A body tied to "she"/"he" later in the sentence that named the person, with no other name
    in between: "Maria worked with UNICEF, but today she speaks for the Association of …"."""
    pronoun = _PRONOUN.search(view.text, name_end, stop)
    if pronoun is None or view.names_between(name_end, pronoun.start()):
        return []
    return view.tied(orgs.after_name(view.text, pronoun.end(), stop, view.all_mentions, view.gazetteer))


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\u2011.-]*)[ \u00a0]+$")


def _inside_other_name(text: str, hit: cues.NameHit, forms: Sequence[str]) -> bool:
    """A last name said as the end of another full name ("Mr. Chidi Okoro" is no hit for Amaka
    Okoro): the word before it is a capitalised given name that is not this person's, nor a title."""
    if not forms or fold_name(hit.form) == fold_name(forms[0]):
        return False
    before = _WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if before is None:
        return False
    word = before.group(1)
    own = {fold_name(w) for w in forms[0].split()}
    return (
        word[:1].isupper()
        and not word.endswith(".")
        and not titles.is_title_word(word)
        and fold_name(word) not in own
        and not sentence_word(word)
    )


# A body named as the owner of a thing, not of a person: "the World Bank meeting", "an ITU report".
_OWNED_THING = re.compile(
    r"[ \u00a0]+(?:meeting|conference|summit|report|study|survey|grant|project|programme|program|event|"
    r"workshop|session|standards?|guidelines|framework|data|funding|fund|loan|deal|statement|declaration|"
    r"website|platform|app|campaign|initiative|policy|rules?|regulations?|award|prize|fellowship)s?\b"
)


# A relative clause about somebody else's act: "Kemi, who I met at …", "who we invited from …".
_OTHERS_ACT = re.compile(r"\bwho(?:m)?\s+(?:I|we|you|they)\b[^,.;:?!]*$", re.IGNORECASE)


# A body the person worked for before: "Maria worked for many years with UNICEF, but today …".
_FORMERLY = re.compile(
    r"\b(?:worked|used to work|previously|formerly|former|spent\s+\w+\s+years)\b[^,.;:?!]{0,40}?"
    r"\b(?:with|for|at|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _merely_mentioned(text: str, sentence_start: int, mention: Mention) -> bool:
    """A registry body in a chair's sentence that does not say whom the person works for: it
    owns a thing ("the World Bank meeting") or sits in a clause about what someone else did
    ("who I met at the ITU")."""
    if _OWNED_THING.match(text, mention.end):
        return True
    if _FORMERLY.search(text, max(sentence_start, mention.start - 80), mention.start):
        return True  # a former employer, not whom they speak for now
    return _OTHERS_ACT.search(text, sentence_start, mention.start) is not None


def floor_mode(view: SessionView, draft: Draft, turn_index: int, para: tuple[int, int]) -> None:
    """Where an unnamed voice is, from how the chair gave the floor ("the lady at the back",
    "anybody online?"): the last sentences of the chair's last paragraph."""
    sentences = [(a, b) for a, b in view.sentences[turn_index] if a >= para[0]][-3:]
    hub = _HUB_LABEL.search(view.session.turns[turn_index].label or "") is not None
    for a, b in reversed(sentences):
        online, onsite = modes.floor_cues(view.text[a:b])
        if hub:  # "we are fourteen people in the room": the hub's room
            online, onsite = online + onsite, 0
        if online != onsite:
            draft.add_mode(1.5 * (online > onsite), 1.5 * (onsite > online), view.evidence(a, b, "mode"))
            return


_STATED = re.compile(
    r"[\s,]*(?:who\s+(?:is|comes|works)\s+)?(?:comes?\s+)?(?:from|of|at|with)\s+(?:the\s+)?"
    r"(?:[A-Z]|private sector|civil society|technical community|academia|government)"
)


# Longer than this, a "sentence" is a run-on caption line, not one sentence (characters).
RUN_ON = 300


def stated_elsewhere(text: str, name_end: int, sentence_end: int) -> bool:
    """ "Ana Lima from the University of São Paulo": the chair gave an affiliation, and it is not
    one in the registry (a registry one would be in the same sentence), so the paragraph's
    other bodies are not hers."""
    return _STATED.match(text, name_end, sentence_end) is not None
