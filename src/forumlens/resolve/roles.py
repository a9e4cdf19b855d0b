"""Evidence for each person's affiliation, mode and role, weighed by how direct it is.

Weights (why): a chair's hand-off that names the person and the body in one sentence
(4) and a self-introduction (3) are direct; an organisation the words tie to the person
("N from X", "I work for X": `orgs`) is more direct still than one that only stands in the
same sentence (hand-off 4.2, self-introduction 3.3, introduction elsewhere 3.2; half a
point less for a description such as "the national broadcaster"); an introduction elsewhere ("from UN DESA,
Wai Min Kwok") is too (3); the same paragraph of a hand-off (2.5) is likely; "our
coalition" in one's own words (2) and the last coalition a chair invited before an
unnamed hand-off (1.5) are circumstantial; merely mentioning a coalition (1) is weak;
a public office-holder table (0.5) only fills a gap the session leaves open. A body on the
speaker's name-card label (4.5, `cards`) is first-hand: it outranks all of these, and only a
body the person introduces themselves with overrules it (`best_affiliation`). In an
unpunctuated caption a "sentence" longer than `_RUN_ON` characters is a whole turn, so a body in
the same one counts as in the same paragraph (2.5), below the speaker's own introduction.

Roles from the floor (why): once a chair has opened the floor ("let us open the floor", "do we
have questions from online?"), a named speaker first heard after it whom nobody introduced as a
panelist (with a body, or in a slot such as "our last speaker") is a voice from the floor, even
when called by name; one who spoke before it was on the panel (`floor_opened`).

Where the pieces live: the shared records (`Draft`, `Evidence`, `SessionView`) in `roleview`,
who chairs and when the floor opens in `chairs`, the reading of a chair's hand-off in
`handoffs`; this module keeps the speaker's own words, introductions elsewhere, the name card
and the decision, and stays the entry point other modules import from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from forumlens.models import Turn
from forumlens.resolve import biographies, cards, cues, modes, orgs, printedlist, voice
from forumlens.resolve.chairs import find_moderators, floor_opened, is_moderator, not_thanks
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.handoffs import (
    about_other,
    after_pronoun,
    chair_window,
    floor_mode,
    handoff,
    mode_after,
    mode_before,
)
from forumlens.resolve.mentions import Mention
from forumlens.resolve.people import LabelGroup, name_forms, same_person
from forumlens.resolve.readout import quoted_spans
from forumlens.resolve.registry import Registry
from forumlens.resolve.roleview import (
    AFFILIATING_KINDS,
    GENERAL_BODIES,
    KIND_RANK,
    Draft,
    Evidence,
    SessionView,
    fold_name,
)
from forumlens.resolve.thankedplace import thanked_elsewhere

__all__ = [
    "AFFILIATING_KINDS",
    "GENERAL_BODIES",
    "Draft",
    "Evidence",
    "SessionView",
    "collect_evidence",
    "find_moderators",
    "is_moderator",
    "shows_body",
]


# "This is the Comoros IGF", "Hello, this is Radio Kanyoni": a voice announcing itself by its body.
_ANNOUNCES = re.compile(r"\bthis\s+is\s+(?:the\s+)?$", re.IGNORECASE)
_OPENING_CHARS = 80  # how far into a turn an announcing sentence may start


def _announced(text: str, turn_start: int, a: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The bodies a turn's opening sentence announces its voice as ("This is the Togo IGF"): in
    the opening words only, so "this is the IGF's job" later in a speech is nobody's body."""
    if a - turn_start > _OPENING_CHARS:
        return []
    return [
        m
        for m in mentions
        if m.entity_id not in GENERAL_BODIES and _ANNOUNCES.search(text, max(a, m.start - 30), m.start)
    ]


# "…, but I speak here only for our small group", "but today I speak for my company": whom one
# speaks for, said against the body named before it in the sentence.
_BUT_SPEAKS_FOR = re.compile(
    r"\bbut\s+(?:(?:here|today|now)\s+)?(?:I|we)\s+(?:am\s+|are\s+)?(?:speak(?:ing)?|talk(?:ing)?)\s+"
    # (not "but I speak for myself": the body named before is still where one works)
    r"(?:(?:here|today|now)\s+)?(?:(?:only|just|solely)\s+)?(?:for|on\s+behalf\s+of|as)\b(?!\s+(?:myself|me)\b)",
    re.IGNORECASE,
)


def _own_words(view: SessionView, draft: Draft, turn_index: int, context: Sequence[int], chair: bool = False) -> None:
    """Affiliations and mode from the speaker's own sentences.

    Only mentions the speaker speaks *for* count (see `voice`): a question to a
    coalition, a denial or a report of what it said is not membership. "Our
    coalition" with no name refers back to the coalition last named in this turn, the
    chair's hand-off (`context`) or the session title.
    """
    turn = view.session.turns[turn_index]
    text = view.text
    # a statement read out for someone else: its "I cannot be with you in Addis" is the author's
    read_out = quoted_spans(text, turn.start, turn.end)
    for a, b in view.sentences[turn_index]:
        sentence = text[a:b]
        # each flag is only ever set: once set, the speaker's later sentences need not be asked
        if not draft.independent and _INDEPENDENT.search(sentence):
            draft.independent = True
        if not draft.hub_duty and modes.HUB_DUTY.search(sentence):
            draft.hub_duty = True
        attached = view.tied(orgs.self_orgs(text, a, b, view.all_mentions, view.gazetteer, draft.forms))
        # "I sit on the MAG this year, but I speak here only for our own small group": the seat
        # before the "but" is not whom the speaker speaks for
        other_voice = _BUT_SPEAKS_FOR.search(text, a, b)
        if other_voice is not None:
            attached = [org for org in attached if org.start >= other_voice.start()]
        for org in attached:
            draft.add_org(org, 3.3, view.evidence(a, b, "self-introduction"))
        tied = {org.mention.start for org in attached if org.mention}
        here = [
            m
            for m in view.mentions_in(a, b)
            if ((voice.speaks_for(text, a, b, m) and not _inside(m, attached)) or m.start in tied)
            and (other_voice is None or m.start >= other_voice.start())
        ]
        intro = cues.self_intro_at(sentence)
        for m in _announced(text, turn.start, a, view.mentions_in(a, b)):
            # "PARTICIPANT: Thank you.  This is the Comoros IGF.": a voice that gives only its body
            draft.add(m.entity_id, 3, view.evidence(a, b, "self-introduction"))
        if intro and here and not _SINGULAR.search(sentence):
            # "welcome to the annual meeting of DC-SIG, our Dynamic Coalition": a collective "our"
            # with no "I" is the room's coalition said by a member, own words, not who she is
            # (a chair's "our DC" does not outweigh her own "I lead the X School")
            for m in here:
                if m.kind == "dc":
                    draft.add(m.entity_id, 2, view.evidence(a, b, "own-words"))
                    draft.claimed.setdefault(m.entity_id, []).append(view.evidence(a, b, "own-words"))
            intro = None
        elif intro and here:
            after = [m for m in here if m.start >= a + intro[0]] or here
            for m in after:
                draft.add(m.entity_id, 3 + 0.1 * (m.kind == "dc"), view.evidence(a, b, "self-introduction"))
                if m.kind == "dc":
                    draft.claimed.setdefault(m.entity_id, []).append(view.evidence(a, b, "self-introduction"))
            draft.role_word = draft.role_word or intro[1]
        elif any(m.kind == "dc" for m in here):
            for m in here:
                if m.kind == "dc":
                    draft.add(m.entity_id, 2, view.evidence(a, b, "own-words"))
        elif voice.owns(sentence) or (intro and (voice.anaphor(sentence) or _COORDINATOR.search(sentence))):
            ante = _antecedent(view, turn.start, a, context)
            if ante is not None:
                kind = "self-introduction" if intro else "own-words"
                # "I lead the X School, one of the schools in the coalition": the body she names
                # as hers is her affiliation; the coalition is what that body belongs to (she still
                # speaks for it), and a "the coalition" beside it does not outweigh it
                if not (attached and not voice.owns(sentence)):
                    draft.add(ante.entity_id, 3 if intro else 2, view.evidence(a, b, kind))
                draft.claimed.setdefault(ante.entity_id, []).append(view.evidence(a, b, kind))
                if intro:
                    draft.role_word = draft.role_word or intro[1]
        if any(x <= a < y for x, y in read_out):
            continue
        own = _chairs_own(view, draft, turn_index, a, b) if chair else sentence
        online, onsite, more_online, more_onsite = _mode_cues(own, sentence, view.session.year)
        if online or onsite or more_online or more_onsite:
            draft.add_mode(
                1.5 * online + more_online, 1.5 * onsite + more_onsite, view.evidence(a, b, "mode"), own=True
            )


_ModeCues = tuple[int, int, float, float]
_MODE_MEMO: dict[tuple[str, str, int | None], _ModeCues] = {}
_MODE_MEMO_LIMIT = 20_000  # remembered sentences (a session has a few thousand; ~2 MB at most)


def _mode_cues(own: str, sentence: str, year: int | None) -> _ModeCues:
    """The mode cues of a speaker's own words (`own`, the whole `sentence` unless a chair's words
    about others are cut out): (online, on site) first-person cue counts, and the weights of
    `modes.own_cues` with the room pointed into added on site. Pure functions of the words and the
    year, remembered: one speaker in six says a sentence said before ("Thank you.", "Yes.";
    issue 19: these readers were about a tenth of resolve)."""
    key = (own, sentence, year)
    found = _MODE_MEMO.get(key)
    if found is None:
        online, onsite = cues.own_mode_cues(own)
        more_online, more_onsite = modes.own_cues(own, year)
        more_onsite += modes.POINTING * modes.points_into_room(sentence)
        if len(_MODE_MEMO) >= _MODE_MEMO_LIMIT:
            _MODE_MEMO.clear()
        found = _MODE_MEMO[key] = (online, onsite, more_online, more_onsite)
    return found


# A speaker's singular first person: "I", "I'm", "me", "my" (not the collective "we"/"our").
_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my)\b")


# The first person: a chair's words about themselves ("Carlos, I can see you", "Carlos, we are here in the room").
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|me|my|we|we're|we’re|us|our)\b", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|so|but)\b", re.IGNORECASE)


# A greeting right before a name: "Namaste, Wiebke", "Good morning, Ana" (the name is the one greeted).
_GREETED_BEFORE = re.compile(rf"\b{modes.GREETING}(?:\s+again)?,?[ \u00a0]+$", re.IGNORECASE)


def _chairs_own(view: SessionView, draft: Draft, turn_index: int, a: int, b: int) -> str:
    """A chair's sentence without what it says of others: from another speaker's name up to the
    chair's next word in the first person ("Next, Carlos Rey-Moreno of APC, joining online." puts
    Carlos online, not the chair; the hand-off reads it for him, `handoffs`). In a run-on caption
    the "sentence" is a whole turn, so each name's stretch is left out on its own ("… Aroha, where
    it is five in the morning, and we will …" keeps "we will …"). A first person in the name's own
    clause keeps it whole: "Amina is here on stage with me" places the chair too. A name thanked
    ("Thank you, Carlos") closes the last turn and describes nobody. The pieces kept are joined as
    sentences."""
    pieces = []
    at = a
    for start, end, group in reversed(view.names_between(a, b)):
        if start < at or group is draft.group or not not_thanks(view, turn_index, start, end):
            continue
        if _GREETED_BEFORE.search(view.text, max(a, start - 40), start):
            continue  # "Namaste, Wiebke, and namaste Berlin": a name greeted describes nobody
        mine = _FIRST_PERSON.search(view.text, end, b)
        if mine and not _CLAUSE_BREAK.search(view.text, end, mine.start()):
            continue  # "Amina is here on stage with me": the chair is where the named one is
        pieces.append(view.text[at:start])
        at = mine.start() if mine else b
    pieces.append(view.text[at:b])
    return ". ".join(p.strip() for p in pieces if p.strip())


# "I'm one of the two co-coordinators": a coordinator of nothing named coordinates the coalition
# the context names (`_antecedent`), as "one of the coordinators of the coalition" does.
_COORDINATOR = re.compile(
    r"\b(?:co-?)?(?:coordinator|convenor|convener)s?\b(?!\s+(?:of|at|for|in|with)\b)", re.IGNORECASE
)


# A speaker saying they speak for no body: their mentions of coalitions are opinions, not membership.
_INDEPENDENT = SharedCue(
    re.compile(
        r"\b(?:I(?:'m|’m| am)\s+(?:(?:just|only|here as|here)\s+)?(?:an?\s+)?independent\b|"
        r"in (?:my|a) (?:personal|own|individual) capacity|(?:I am|I'm|I’m) not affiliated|"
        r"I (?:do not|don't|don’t) represent (?:any|anybody|anyone)|"
        # "I have no organisation", "I belong to no institution", "I speak only for myself"
        r"I (?:have|belong to) no (?:organi[sz]ation|affiliation|employer|institution)|"
        r"I (?:speak|am speaking|talk) (?:only |just |here )?(?:for|on behalf of) myself|"
        # "I am a lawyer, I work independently" (not "a freelance journalist": one writes for somebody)
        r"I\s+work\s+(?:independently|on my own|for myself))",
        re.IGNORECASE,
    )
)


def _drop_circumstantial(draft: Draft) -> None:
    """Of someone who said they are independent, keep only bodies they were introduced with or
    introduced themselves with; a coalition merely spoken of in their own words is not theirs."""
    if draft.independent:
        draft.affiliations = {k: v for k, v in draft.affiliations.items() if any(e.kind != "own-words" for _, e in v)}


def _inside(mention: Mention, attached: Sequence[orgs.Org]) -> bool:
    """A registry name inside a longer organisation's name ("Internet Society" in "Centre for
    Internet and Society") is part of that name, not a mention of the registry body."""
    return any(o.mention is None and o.start <= mention.start and mention.end <= o.end for o in attached)


def _antecedent(view: SessionView, turn_start: int, sentence_start: int, context: Sequence[int]) -> Mention | None:
    """The coalition "our coalition" means: named earlier in the turn, by the chair, or in the title."""
    earlier: Mention | None = voice.antecedent(view.mentions_in(turn_start, sentence_start, ("dc",)))
    if earlier is None and context:
        turns = view.session.turns
        earlier = voice.antecedent(view.mentions_in(turns[context[0]].start, turns[context[-1]].end, ("dc",)))
    return earlier or voice.antecedent(view.mentions_in(0, view.header_end, ("dc",)))


_SLOT_AFTER = re.compile(
    r"\s+(?:is|was|will be)\s+(?:also\s+)?(?:our|the|a)\s+(?:[\w-]+\s+)?(?:speaker|panell?ist|presenter|"
    r"discussant|respondent|keynote)\b",
    re.IGNORECASE,
)


def _slot_just_before(view: SessionView, turn: int, sentence_start: int) -> bool:
    """Whether the sentence right before, in the same paragraph, names a programme slot and
    nobody in it: "… because our last panelist works on exactly that.  Jun, over to you"."""
    before = view.sentence_before(turn, sentence_start)
    if before is None:
        return False
    a, b = before
    p_a, _ = view.paragraph_at(turn, sentence_start)
    return a >= p_a and bool(cues.SPEAKER_SLOT.search(view.text, a, b)) and not view.names_between(a, b)


def _one_voice(view: SessionView, a: LabelGroup, b: LabelGroup) -> bool:
    """Whether either group's own turns say the other's full name (a split voice naming itself)."""

    def says(group: LabelGroup, name: str) -> bool:
        text = fold_name(" ".join(view.session.turns[i].text for i in group.turns))
        return re.search(rf"(?<![\w-]){re.escape(fold_name(name))}(?![\w-])", text) is not None

    return bool(a.name and b.name and (says(a, b.name) or says(b, a.name)))


def _introductions(view: SessionView, draft: Draft, own_turns: set[int], chair: bool = False) -> None:
    """Sentences of others that name this person: introductions and where they are."""
    # compared folded: a hit's form comes back without accents ("Ana Petrovic" for "Ana Petrović")
    full = {fold_name(f) for f in draft.forms[:1] + draft.aliases}
    taken = {fold_name(f) for g in view.names if g.name and g is not draft.group for f in name_forms(g.name)}
    unique = {fold_name(f) for f in draft.forms[1:]} - taken
    # a word another speaker goes by places neither of them ("Amani in Kigali and Amani in the
    # room"), unless this one's own words say that speaker's full name: then the two are most
    # likely one voice the captions split (">> GODFREY MWANGOSI: … Godfrey Mwakilolo from Dar",
    # `_one_voice`)
    shorter = {fold_name(f) for f in draft.forms[1:]}
    others: set[str] = set()
    for g in view.names:
        if not g.name or g is draft.group:
            continue
        # only a form this person also goes by can be lost, so only then is `_one_voice` read
        # (it reads both groups' whole turns: asked of every pair, it cost resolve ~12 %)
        shared = {fold_name(f) for f in name_forms(g.name)} & shorter
        if shared and not _one_voice(view, draft.group, g):
            others |= shared
    placing = shorter - others
    for hit in cues.find_name_hits(view.text, 0, len(view.text), draft.forms + draft.aliases):
        turn = view.speech_turn_at(hit.start)
        if turn is None or turn.index in own_turns:
            continue
        s_a, s_b = view.sentence_at(turn.index, hit.start)
        if fold_name(hit.form) not in full and fold_name(hit.form) not in placing:
            continue
        if hit.end not in draft.seen and thanked_elsewhere(view, turn.index, hit.end) is not None:
            # "Thank you, …, Tchissola in Luanda, …": a voice thanked with where it is, not the host city
            draft.add_mode(2, 0, view.evidence(s_a, s_b, "mode"), seen=hit.end)
        if not not_thanks(view, turn.index, hit.start, hit.end):
            # "Thank you, Nirmala, from the … Centre": thanks hand no floor, but may say the body
            if fold_name(hit.form) in full or fold_name(hit.form) in unique:
                for org in biographies.thanked_orgs(view, hit.end, s_b):
                    draft.add_org(org, 3.2, view.evidence(s_a, s_b, "introduction"))
            continue
        mode_after(view, draft, turn.index, hit.start, hit.end, 2)
        mode_before(view, draft, turn.index, hit.start, hit.end)
        if _SLOT_AFTER.match(view.text, hit.end):
            draft.named_in_handoff = True  # "Diego is our third speaker", said before or after
        if cues.SPEAKER_SLOT.search(view.text, s_a, s_b) or _slot_just_before(view, turn.index, s_a):
            draft.slotted = True  # "Our last speaker is joining online, Mei Lin Chua": on the programme
            _mode_of_slot(view, draft, turn.index, s_a, hit.start, chair)
        for org, (b_a, b_b) in biographies.biography_orgs(view, turn.index, s_a, sorted(own_turns)):
            draft.add_org(org, 3.2, view.evidence(b_a, b_b, "introduction"))  # the bio read before the name
        if fold_name(hit.form) not in full:
            # a first or last name alone ("Ewa is from the Polish IGF"): only a body the words tie
            # to it, and only when no other speaker goes by the same word
            if fold_name(hit.form) not in unique:
                continue
            found = view.tied(orgs.after_name(view.text, hit.end, s_b, view.all_mentions, view.gazetteer))
            found = found or after_pronoun(view, hit.end, s_b)
            for org in found:
                draft.add_org(org, 3.2, view.evidence(s_a, s_b, "introduction"))
            continue
        for m in view.mentions_in(s_a, s_b):
            if cues.intro_adjacent(view.text, hit.start, hit.end, m):
                draft.add(m.entity_id, 3, view.evidence(s_a, s_b, "introduction"))
        found = orgs.after_name(view.text, hit.end, s_b, view.all_mentions, view.gazetteer)
        found = found or after_pronoun(view, hit.end, s_b)
        before = orgs.before_name(view.text, s_a, hit.start, view.all_mentions, view.gazetteer)
        for org in view.tied([*found, *([before] if before else [])]):
            draft.add_org(org, 3.2, view.evidence(s_a, s_b, "introduction"))


# "He is Mr. …", "She is Dr. …": a sentence that names the slot the sentence before described.
_NAMES_THE_SLOT = re.compile(r"\s*(?:He|She)\s+is\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Ambassador)\.?\s+)?$")


def _mode_of_slot(
    view: SessionView, draft: Draft, turn: int, sentence_start: int, name_start: int, chair: bool = False
) -> None:
    """Where the programme slot is, said the sentence before the name ("Our first speaker came
    from Dakar yesterday evening.  He is Mr. …", "Our first speaker came by the night train …
    Marek, please."): those words are about the one the next sentence names, when it names them
    as "He is …" or opens with the name, and the slot sentence names nobody. A chair called by
    name after a slot ("… our third speaker is joining us remotely.  Tomasz?", the online
    moderator) is asked to bring the speaker in, not the speaker."""
    if -name_start - 2 in draft.seen:
        return
    called = not chair and not view.text[sentence_start:name_start].strip()
    if not called and not _NAMES_THE_SLOT.fullmatch(view.text, sentence_start, name_start):
        return
    before = view.sentence_before(turn, sentence_start)
    if before is None or not cues.SPEAKER_SLOT.search(view.text, *before) or view.names_between(*before):
        return
    online, onsite = about_other(view, turn, view.text[before[0] : before[1]])
    if online or onsite:
        draft.add_mode(2 * online, 2 * onsite, view.evidence(before[0], before[1], "mode"), seen=-name_start - 2)


def _office_holders(view: SessionView, draft: Draft, registry: Registry) -> None:
    year = view.session.year
    name = draft.group.name
    if not name or year is None or draft.affiliations:
        return
    for holder in registry.holders:
        if holder.start <= year <= holder.end and same_person(name, holder.name) and holder.body in registry.entities:
            first = view.session.turns[draft.group.turns[0]]
            a, b = view.sentences[first.index][0] if view.sentences[first.index] else (first.start, first.end)
            draft.add(holder.body, 0.5, view.evidence(a, b, "registry"))


def collect_evidence(
    view: SessionView,
    groups: Sequence[LabelGroup],
    moderators: set[str],
    registry: Registry,
    only: Sequence[LabelGroup] | None = None,
) -> list[Draft]:
    """One Draft per group (or per group in `only`) with all affiliation and mode evidence in the session."""
    owner = {i: g for g in groups for i in g.turns}
    if view.names is not groups:
        view.set_names(groups)
    drafts = []
    opened = floor_opened(view, owner, moderators)
    for group in groups:
        if only is not None and group not in only:
            continue
        draft = Draft(group, name_forms(group.name) if group.name else [])
        draft.org_names.update(view.coalition_names)  # "our coalition" may be an unregistered one
        # a caller on the phone bridge asks from the remote floor, like a voice at the room's microphone;
        # the label of the first turn tells it: a panellist who later comes down to the floor
        # microphone ("it is Davit again") got the floor from the panel
        first_label = view.session.turns[group.turns[0]].label if group.turns else None
        draft.from_floor = any(
            cues.AUDIENCE_LABEL.search(lab) or cues.PHONE_VOICE.fullmatch(lab.strip(" .:"))
            for lab in (group.labels if first_label is None or first_label not in group.labels else [first_label])
        )
        for k, turn_index in enumerate(group.turns):
            if not is_moderator(group, moderators):
                handoff(view, draft, turn_index, k == 0, owner, moderators, groups)
            context = chair_window(view, turn_index, owner, moderators) if k == 0 else []
            _own_words(view, draft, turn_index, context, is_moderator(group, moderators))
        _drop_circumstantial(draft)
        _name_card(view, draft, registry)  # "AUDIENCE MEMBER (online)" too
        _printed_card(view, draft, registry)
        if group.name:
            _introductions(view, draft, set(group.turns), chair=is_moderator(group, moderators))
            _office_holders(view, draft, registry)
        if opened is not None and not is_moderator(group, moderators):
            if _after_floor_opened(view, draft, opened):
                draft.from_floor = True
                if draft.online == draft.onsite == 0:
                    _window_floor_mode(view, draft, chair_window(view, group.turns[0], owner, moderators))
            elif draft.group.name and not draft.from_floor and view.session.turns[group.turns[0]].start < opened:
                draft.before_floor = True
        if not is_moderator(group, moderators) and group.name and draft.online == draft.onsite == 0:
            _pointed_at(view, draft, chair_window(view, group.turns[0], owner, moderators))
        if group.turns and not is_moderator(group, moderators) and draft.online == draft.onsite == 0:
            _remote_moderators_floor(view, draft, chair_window(view, group.turns[0], owner, moderators), owner)
        drafts.append(draft)
    return drafts


# The one who runs the meeting's online side, by the label: "REMOTE MODERATOR", "ONLINE FACILITATOR".
_REMOTE_DUTY_LABEL = re.compile(
    r"\b(?:remote|online|virtual)\s+(?:co-?)?(?:moderator|facilitator|host|chair)\b", re.IGNORECASE
)


def _remote_moderators_floor(
    view: SessionView, draft: Draft, window: Sequence[int], owner: dict[int, LabelGroup]
) -> None:
    """A voice given the floor by the remote moderator, right before it first speaks, is online
    ("REMOTE MODERATOR: Yes, a hand from Kampala.  Daniel, you can speak now"): the one who runs
    the online side gives the floor to the online side, wherever that one sits."""
    if not window:
        return
    giver = owner.get(window[-1])
    if giver is None or not any(_REMOTE_DUTY_LABEL.search(label) for label in giver.labels):
        return
    sentences = view.sentences[window[-1]]
    if sentences:
        draft.add_mode(1.5, 0.0, view.evidence(*sentences[-1], "mode"))


def _window_floor_mode(view: SessionView, draft: Draft, window: Sequence[int]) -> None:
    """Where a voice from the floor is, from how the chairs gave it the floor, latest turn first
    ("Ahmed, anything from online?" … "Yes, Lina has a question. Lina, please.")."""
    for index in reversed(window):
        paragraphs = view.paragraphs[index]
        if paragraphs:
            floor_mode(view, draft, index, paragraphs[-1])
        if draft.online or draft.onsite:
            return


def _pointed_at(view: SessionView, draft: Draft, window: Sequence[int]) -> None:
    """A named voice the chair points at in the room right before it speaks ("I'm coming with the
    microphone, the lady here in the front") is on site, whether or not the floor was opened in
    so many words. Only the room counts here: "anybody online?" before a panelist's answer is
    the chair's question to the chat, not where the panelist is."""
    evidence = len(draft.mode_evidence)
    _window_floor_mode(view, draft, window)
    if draft.online:
        draft.online = draft.onsite = 0.0
        del draft.mode_evidence[evidence:]


def _after_floor_opened(view: SessionView, draft: Draft, opened: int) -> bool:
    """A named speaker first heard after the chair opened the floor, whom nobody introduced as
    a panelist before the floor opened (with a body, or in a programme slot such as "our last
    speaker")."""
    first = view.session.turns[draft.group.turns[0]]
    if not draft.group.name or draft.from_floor or draft.slotted or first.start <= opened:
        return False
    # an introduction made after the floor opened introduces a voice from the floor ("we have a
    # remote participant, Hadiza, she is with …"), not a panelist
    opened_line = view.session.text.count("\n", 0, opened) + 1
    return not any(
        e.kind in ("hand-off", "introduction") and e.line <= first.line and e.line <= opened_line
        for items in draft.affiliations.values()
        for _, e in items
    )


def _name_card(view: SessionView, draft: Draft, registry: Registry) -> None:
    """What a label written as a name card says ("Paolo Conti, co-moderator", "ALISON GILLWALD,
    RESEARCH ICT AFRICA", "Dr. Jo Li (online)"): the captioner's own record of the speaker's part
    in the session, body and place (`cards`). First-hand, so it outranks what others say;
    `best_affiliation` and `cast` let only the person's own words overrule it."""
    for index in draft.group.turns:
        turn = view.session.turns[index]
        if not turn.label:
            continue
        facts = cards.card_facts(turn.label, registry)
        tied = view.tied(facts.orgs)
        if cues.ROOM_MICROPHONE.fullmatch(turn.label.strip(" .:")):
            facts = replace(facts, mode="onsite")  # "MICROPHONE 2": a stand in the room
        if not (facts.role or facts.mode or tied):
            continue
        evidence = Evidence(turn.line, _label_quote(view, turn), "name-card")
        if facts.role and draft.card_role is None:
            draft.card_role = facts.role
            draft.card_evidence.append(evidence)
        if facts.mode and draft.card_mode is None:
            draft.card_mode = facts.mode
            draft.card_mode_evidence.append(evidence)
        if tied and not any(e.kind == "name-card" for items in draft.affiliations.values() for _, e in items):
            draft.add_org(tied[0], _CARD_WEIGHT, evidence)


# Above every cue in others' words (a hand-off that ties a body to the name is 4.2).
_CARD_WEIGHT = 4.5


def _printed_card(view: SessionView, draft: Draft, registry: Registry) -> None:
    """The body a printed speaker list outside the turns gives this person ("MR. OLUMIDE …,
    COORDINATOR, LAGOS WIRELESS USERS GROUP, NIGERIA", `printedlist`): a name card the programme
    printed, read as one, unless the person's label already is a card with a body."""
    if not draft.group.name or any(e.kind == "name-card" for items in draft.affiliations.values() for _, e in items):
        return
    for org, evidence in printedlist.printed_orgs(view, draft.group.name, registry)[:1]:
        draft.add_org(org, _CARD_WEIGHT, evidence)


def _label_quote(view: SessionView, turn: Turn) -> str:
    """The label as it stands in the text (quotes are exact slices); the stored label otherwise."""
    line_start = view.lines_start(turn.line)
    label = turn.label or ""
    at = view.text.find(label, line_start, turn.start)
    return view.text[at : at + len(label)] if at >= 0 else label


def entity_name(draft: Draft, registry: Registry, entity: str) -> str:
    """The name an affiliation key stands for: as said for a free organisation, else the registry's."""
    return draft.org_names.get(entity) or (registry.get(entity).name if entity in registry.entities else entity)


def shows_body(entity: str | None, name: str) -> bool:
    """Whether a self-introduced name is shown to be a body, so it may overrule a name card's:
    a registry body, or a name with an organisation word ("Ministry of Commerce"). A bare proper
    name ("Ligaya, from Quezon City" under the card "DC Gender and Internet Governance") is as
    often a place as a body, and the card is first-hand."""
    return (entity is not None and not entity.startswith("org:")) or orgs.looks_org(name)


def best_affiliation(draft: Draft, registry: Registry, moderator: bool) -> tuple[str | None, list[Evidence]]:
    """Strongest supported entity; a moderator keeps one only if they introduced themselves, their
    label is a name card, or another speaker introduced them with it ("I share the chair with Ewa,
    who is from X"): a chair's hand-offs name many bodies, so co-occurrence never counts for them.
    A body on the name card is first-hand and stands unless the person introduces themselves
    with another one."""
    pool = draft.affiliations
    card = {e for e, items in pool.items() if any(ev.kind == "name-card" for _, ev in items)}
    if card:
        own = {e for e, items in pool.items() if any(ev.kind == "self-introduction" for _, ev in items)} - card
        # "Jonas Weber, Youth IGF." under the card "Youth IGF Germany": the same body, said shorter
        carded = [fold_name(entity_name(draft, registry, e)) for e in card]
        own = {e for e in own if not any(fold_name(entity_name(draft, registry, e)) in c for c in carded)}
        own = {e for e in own if shows_body(e, entity_name(draft, registry, e))}
        pool = {e: pool[e] for e in (own or card)}
    scored = []
    for entity, items in pool.items():
        top = max(s for s, _ in items)
        if moderator and not any(e.kind in ("self-introduction", "name-card", "introduction") for _, e in items):
            continue
        kind = "org" if entity.startswith("org:") else registry.get(entity).kind
        first_line = min(e.line for _, e in items)
        scored.append((top + 0.1 * (len(items) - 1), -KIND_RANK.get(kind, 9), -first_line, entity))
    if not scored:
        return None, []
    *_, entity = max(scored)  # ties: a registry body, then the one said first
    items = sorted(pool[entity], key=lambda x: -x[0])
    return entity, [e for _, e in items]
