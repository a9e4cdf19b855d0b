"""Who chairs a session, and when the chair opens the floor.

Why a module of its own: the evidence readers treat a moderator's words differently from
anyone else's (a chair's "I" introduces others, a hand-off names the next speaker), and a
speaker first heard after the floor opens is a voice from the floor; both questions are asked
of the whole session before any person's evidence is read, and are answered here from the
moderator cues, the label groups and the turns.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from forumlens.resolve import cards, cues
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.floorpassers import floor_passers
from forumlens.resolve.people import LabelGroup, name_forms
from forumlens.resolve.roleview import (
    SessionView,
)
from forumlens.text.spoken import count_words

# The cues asked of every sentence, each behind its literal prefilter (`text.fastre`): the
# pattern's own answers, and on a long turn most sentences skip most patterns.
_MODERATOR_SELF = SharedCue(cues.MODERATOR_SELF)


_MODERATOR_OTHER = SharedCue(cues.MODERATOR_OTHER)


_INVITE = SharedCue(cues.INVITE)
_INVITES = 3  # invitations that, with a quarter of the turns, make a speaker the chair


_VOCATIVE = re.compile(r"[\s,]*[?,!]")


# "My co-moderator is …", "our online moderator joins …": the chair presenting their co-moderator
# (not "The remote moderator tells me we have a remote participant").
_INTRODUCING = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _called_next(
    view: SessionView, groups: Sequence[LabelGroup], owner: LabelGroup | None, a: int, b: int
) -> list[str]:
    """The speaker a sentence opens by calling ("Chileshe, over to you"), if one does."""
    head = view.text[a:b].lstrip()
    start = a + (len(view.text[a:b]) - len(head))
    return [
        g.name
        for g in groups
        if g.name
        and g is not owner
        and any(
            head.startswith(form) and _VOCATIVE.match(view.text, start + len(form)) is not None
            for form in name_forms(g.name)
        )
    ][:1]


def find_moderators(view: SessionView, groups: Sequence[LabelGroup], seats: Collection[str] = frozenset()) -> set[str]:
    """Names of moderators: called so by others, saying so themselves, or chairing by numbers.
    `seats`: labels held in turn by several people (`resolve.seats`), which make nobody the
    moderator ("EMPTY CHAIR")."""
    turn_owner = {i: g for g in groups for i in g.turns}
    found: set[str] = set()
    claimed: set[str] = set()  # said so in their own words
    invites: dict[str, int] = {}
    for turn in view.speech:
        owner = turn_owner.get(turn.index)
        sentences = view.sentences[turn.index]
        for k, (a, b) in enumerate(sentences):
            sentence = view.text[a:b]
            # a chair says so once: a claim already heard adds nothing, so their later sentences
            # are not asked again (the pattern backtracks after every "I"; issue 19)
            if owner and owner.name and owner.name not in claimed and _MODERATOR_SELF.search(sentence):
                found.add(owner.name)
                claimed.add(owner.name)
            for cue in _MODERATOR_OTHER.finditer(view.text, a, b):
                named = False
                for g in groups:
                    if (
                        g.name
                        and g is not owner
                        and any(
                            cues.moderator_named(view.text, cue.start(), cue.end(), h.start, h.end)
                            for h in cues.find_name_hits(view.text, a, b, name_forms(g.name))
                        )
                    ):
                        found.add(g.name)
                        named = True
                if (
                    not named
                    and k + 1 < len(sentences)
                    and not view.names_between(a, b)
                    and _INTRODUCING.search(view.text, max(a, cue.start() - 16), cue.start()) is not None
                ):
                    # "My co-moderator is joining from Lusaka.  Chileshe, over to you": the next
                    # sentence calls the one the cue was about
                    found.update(_called_next(view, groups, owner, *sentences[k + 1]))
            # only whether a speaker invited `_INVITES` times is read: counting on adds nothing
            if owner and owner.name and invites.get(owner.name, 0) < _INVITES and _INVITE.search(sentence):
                invites[owner.name] = invites.get(owner.name, 0) + 1
            found.update(_remote_duty(view, groups, owner, a, b))
    handed = _hand_overs(view, turn_owner)
    for g in groups:
        card = next((r for r in map(cards.label_role, g.labels) if r), None)
        if card == "moderator" or any(
            cues.MODERATOR_LABEL.search(cards.role_words(lab)) for lab in g.labels if lab not in seats
        ):
            found.update([g.name] if g.name else g.labels)
        elif card is not None:
            # the card gives them another part ("Jo Li, rapporteur"): first-hand, so what others
            # say or how they chair does not make them the moderator; only their own words do
            if g.name and g.name not in claimed:
                found.discard(g.name)
        elif (
            g.name
            and len(g.turns) >= 0.25 * len(view.speech)
            and (invites.get(g.name, 0) >= _INVITES or handed.get(g.name, 0) >= 3)
        ):
            found.add(g.name)
    found.update(_co_holders(view, groups, turn_owner, found))
    found.update(_opener(view, turn_owner))
    found.update(floor_passers(view, groups, found, not_thanks))
    talk = _introduced_talk(view, turn_owner)
    if talk is not None:
        host, presenter = talk
        found.add(host.name or "")
        if presenter.name not in claimed and not any(cues.MODERATOR_LABEL.search(lab) for lab in presenter.labels):
            found.discard(presenter.name or "")
    return found


def _introduced_talk(view: SessionView, turn_owner: dict[int, LabelGroup]) -> tuple[LabelGroup, LabelGroup] | None:
    """The host and the presenter of a talk: the session's first voice ends its opening turn by
    handing the floor to the next voice by name ("Our speaker is Efua … Efua, the stage is
    yours"), speaks again later (the questions, the close), and the one it introduced then holds
    most of the session's words. Calling on the floor's questions herself does not make the
    presenter the chair: whoever opened, introduced her and kept the time does. Not when the
    opening turn speaks of a moderator (it is introducing the chair, not a talk)."""
    if len(view.speech) < 3:
        return None
    first, second = view.speech[0], view.speech[1]
    host, presenter = turn_owner.get(first.index), turn_owner.get(second.index)
    if host is None or presenter is None or host is presenter or not host.name or not presenter.name:
        return None
    if len(host.turns) < 2 or _MODERATOR_OTHER.search(view.text, first.start, first.end):
        return None
    paras = view.paragraphs[first.index]
    a, b = paras[-1] if paras else (first.start, first.end)
    if not any(
        not_thanks(view, first.index, h.start, h.end)
        for h in cues.find_name_hits(view.text, a, b, name_forms(presenter.name))
    ):
        return None
    held = sum(count_words(view.session.turns[i].text) for i in presenter.turns)
    total = sum(count_words(t.text) for t in view.speech)
    return (host, presenter) if total and held > total / 2 else None


# Words that open a session: "We will start now, please take your seats", "Welcome to this workshop".
_OPENING = re.compile(
    r"\b(?:we (?:will|can|shall|are going to|should) (?:now )?(?:start|begin)|"
    r"let(?:'s|’s| us) (?:now )?(?:start|begin|get started)|"
    r"welcome (?:you )?(?:all |everybody |everyone )?to (?:this|the|our)\b)",
    re.IGNORECASE,
)


def _opener(view: SessionView, turn_owner: dict[int, LabelGroup]) -> list[str]:
    """The named speaker of the session's first words when those words open it: whoever starts
    the session and seats the room chairs it, even when another chair is introduced next."""
    if not view.speech:
        return []
    first = view.speech[0]
    owner = turn_owner.get(first.index)
    paras = view.paragraphs[first.index]
    a, b = paras[0] if paras else (first.start, first.end)
    if owner is None or not owner.name or not _OPENING.search(view.text, a, b):
        return []
    return [owner.name]


# "I am one of the co-facilitators of the BPF, together with Tomasz who is online": the name
# joined to the speaker's own claim to the chair holds it with them.
# ("together with my colleague sitting on my right, Tadeusz …": a few words of where the colleague
# sits or comes from may stand between, closed by a comma; they open lower-case, a description:
# "together with my colleague Maria, Tadeusz is our first speaker" names the colleague, not Tadeusz)
_TOGETHER_WITH = re.compile(
    r"\b(?:together|jointly|along)\s+with\s+(?:my\s+(?:colleague|friend)\s+(?-i:[a-z])(?:[\w'’-]*\s+){0,5}?[\w'’-]+,\s+|"
    r"my\s+(?:colleague|friend)\s+)?$",
    re.IGNORECASE,
)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|we're|we’re)\b")


def _co_holders(
    view: SessionView, groups: Sequence[LabelGroup], turn_owner: dict[int, LabelGroup], moderators: set[str]
) -> set[str]:
    """Speakers a moderator names right after "together with" in a sentence where they speak of
    moderating or facilitating in the first person: they share the part."""
    found: set[str] = set()
    for turn in view.speech:
        owner = turn_owner.get(turn.index)
        if owner is None or owner.name not in moderators:
            continue
        for a, b in view.sentences[turn.index]:
            if not _MODERATOR_OTHER.search(view.text, a, b) or not _FIRST_PERSON.search(view.text, a, b):
                continue
            for g in groups:
                if g is owner or not g.name:
                    continue
                for h in cues.find_name_hits(view.text, a, b, name_forms(g.name)):
                    if _TOGETHER_WITH.search(view.text, max(a, h.start - 80), h.start):
                        found.add(g.name)
    return found


def co_holders(view: SessionView, groups: Sequence[LabelGroup], moderators: set[str]) -> set[str]:
    """`_co_holders` of moderators found after `find_moderators` (a chair joined to her duty label)."""
    return _co_holders(view, groups, {i: g for g in groups for i in g.turns}, moderators)


# A chair's words for whoever runs the online side: "…, who takes care of the remote participation".
_REMOTE_DUTY = SharedCue(
    re.compile(
        r"\b(?:takes?|taking|will take) care of (?:the )?(?:remote|online) (?:participation|participants|questions)|"
        r"\bhelp(?:s|ing)?\s+(?:me|us)\s+with\s+the\s+(?:(?:online|remote)\s+(?:side|part|participation|questions)|chat)\b|"
        r"\b(?:monitor|follow|watch|moderat|manag|handl)\w*\s+(?:the\s+)?(?:chat|zoom|online questions|remote questions|"
        r"online participants|remote participants|remote participation|online participation)\b",
        re.IGNORECASE,
    )
)


def _remote_duty(view: SessionView, groups: Sequence[LabelGroup], owner: LabelGroup | None, a: int, b: int) -> set[str]:
    """People another speaker says run the online side, in the words after their name."""
    if not _REMOTE_DUTY.search(view.text, a, b):
        return set()
    named = sorted(
        (h.start, h.end, g)
        for g in groups
        if g.name and g is not owner
        for h in cues.find_name_hits(view.text, a, b, name_forms(g.name))
    )
    found = set()
    for k, (start, end, group) in enumerate(named):
        stop = named[k + 1][0] if k + 1 < len(named) else b
        if _REMOTE_DUTY.search(view.text, end, stop) and group.name:
            found.add(group.name)
        # "Online, helping me with the chat, is my colleague Mykola": the duty said first
        duty = _REMOTE_DUTY.search(view.text, named[k - 1][1] if k else a, start)
        if duty and _DUTY_IS.fullmatch(view.text, duty.end(), start) and group.name:
            found.add(group.name)
    return found


# Between a duty said first and the name it belongs to: ", is my colleague ", " is our ".
_DUTY_IS = re.compile(r"[\s,]*(?:is|will be)\s+(?:(?:my|our)\s+(?:\w+\s+)?)?", re.IGNORECASE)


def _hand_overs(view: SessionView, turn_owner: dict[int, LabelGroup]) -> dict[str, int]:
    """How often each speaker ends a turn by naming the next speaker ("Thank you. Hamid?"):
    chairing by handing the floor, even when nobody calls them the chair."""
    counts: dict[str, int] = {}
    for turn, after in zip(view.speech, view.speech[1:]):
        owner, nxt = turn_owner.get(turn.index), turn_owner.get(after.index)
        if not owner or not owner.name or not nxt or nxt is owner or not nxt.name:
            continue
        paras = view.paragraphs[turn.index]
        a, b = paras[-1] if paras else (turn.start, turn.end)
        if any(
            not_thanks(view, turn.index, h.start, h.end)
            for h in cues.find_name_hits(view.text, a, b, name_forms(nxt.name))
        ):
            counts[owner.name] = counts.get(owner.name, 0) + 1
    return counts


def is_moderator(group: LabelGroup, moderators: set[str]) -> bool:
    """By name, or by a role label when the captions name nobody (">>CHAIRMAN:", ">> REMOTE MODERATOR:")."""
    return (group.name is not None and group.name in moderators) or any(lab in moderators for lab in group.labels)


_THANKS_BEFORE = re.compile(
    r"(?:thank you|thanks|thank you very much|thank you so much)[\s,.!]*(?:again[\s,]*)?$", re.IGNORECASE
)


def not_thanks(view: SessionView, turn: int, hit_start: int, hit_end: int | None = None) -> bool:
    """False for "Thank you, Chris": thanking the last speaker is not handing the floor.
    "Thank you.  Chris?" is: a name asked as a question hands the floor."""
    if hit_end is not None and _ASKED.match(view.text, hit_end):
        return True
    thanks = _THANKS_BEFORE.search(view.text, max(0, hit_start - 30), hit_start)
    if thanks is None:
        return True
    # "Thank you.  Henrik, from the government side?": the thanks ended its sentence and the
    # name opens a question of its own, which gives the floor
    closed = re.search(r"[.!]\s*$", thanks.group()) is not None
    if not closed or hit_end is None:
        return False
    # "Thank you.  Anjali, you start, please.": so does a sentence the name opens to give the floor
    return (
        _NAME_QUESTION.match(view.text, hit_end) is not None or _NAME_GIVES_FLOOR.match(view.text, hit_end) is not None
    )


_NAME_QUESTION = re.compile(r",[^.!?\n]{0,60}\?")


_NAME_GIVES_FLOOR = re.compile(
    r",[^.!?\n]{0,40}\b(?:please|go\s+ahead|the\s+floor|over\s+to\s+you|your\s+turn|you\s+(?:can\s+)?start)\b",
    re.IGNORECASE,
)


_ASKED = re.compile(r"\s*(?:,\s*please\s*)?\?")


# The chair giving the floor to the room or the chat, now: "let us open the floor", "we have some
# minutes for the floor", "do we have questions from online?", "now questions in the room".
_FLOOR_OPEN = SharedCue(
    re.compile(
        r"\b(?:open(?:ing)?\s+(?:up\s+)?the\s+floor|the\s+floor\s+is\s+(?:now\s+)?open|"
        r"(?:we\s+have|there\s+(?:is|are))\s+(?:still\s+)?(?:some|a\s+few|\w+)\s+(?:minutes|time)\s+for\s+"
        r"(?:the\s+floor|questions|your\s+questions|comments)|"
        r"(?:questions|hands|comments)\s+(?:from|in)\s+the\s+(?:room|floor|audience|chat)|"
        r"(?:do\s+we\s+have|are\s+there|is\s+there|we\s+have|any)\s+(?:any\s+)?(?:questions|hands|comments)|"
        r"now\s+(?:we\s+(?:have|take)\s+)?questions|take\s+(?:some\s+|a\s+few\s+)?questions|hands\s+up|"
        # the room's groups called to report back, the floor asked who speaks: "who wants to report?"
        # (not "who wants to start?", "who wants to react?": a chair asking the panel)
        r"who\s+wants\s+to\s+(?:report|comment|ask|take\s+the\s+floor)|"
        r"(?:now|over|take|go|turn|move)\s+(?:(?:we\s+)?(?:go\s+|turn\s+|move\s+)?to\s+)?the\s+(?:floor|room|audience))\b",
        re.IGNORECASE,
    )
)


# "after the panel we will open the floor", "if you have any questions": not now. The chair's
# own "I want to open the floor" or "Now I would like to open the floor" is now; "if you want" is not.
_NOT_NOW = re.compile(
    r"\b(?:will|'ll|’ll|going to|shall|later|after|afterwards|then|if|when|hope|plan)\b|"
    r"(?<!\bI )(?<!\bwe )\b(?:want|would like)\b",
    re.IGNORECASE,
)


def floor_opened(view: SessionView, owner: dict[int, LabelGroup], moderators: set[str]) -> int | None:
    """Offset where a moderator first opened the floor to questions (present tense), if ever.

    A named speaker first heard after it who was not introduced with a body is a voice from
    the floor (the contract's "participant"), even when the chair calls them by name
    ("We have one online, Malia, please go ahead")."""
    heard = False  # a floor opened before any panelist spoke is the chair's plan for later
    for turn in view.speech:
        group = owner.get(turn.index)
        if group is None or not is_moderator(group, moderators):
            heard = heard or group is not None
            continue
        if not heard:
            continue
        for a, b in view.sentences[turn.index]:
            for cue in _FLOOR_OPEN.finditer(view.text, a, b):
                if not _NOT_NOW.search(view.text, a, b):  # "questions in the chat, we'll take them later"
                    return cue.start()
    return None
