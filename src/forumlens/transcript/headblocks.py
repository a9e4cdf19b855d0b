"""Turns under a header block: the label on a line above the speech, a meta line between them.

A comment thread, a microblog copy or an issue tracker's page puts each post's author on a name
line of its own, then a line or two of meta data (a handle, a headline, an age `2d`, `58m`, a
`commented on Nov 13, 2019`), then the speech, often a footer (`Like · 3 | Reply`) after it.
No label opens a speech line, so the learned template (`templates.py`), which reads a line's
opening, finds nothing there, and a file with text and no turn is the worst reading.

This reader learns the block from the file's own regularity, never from a list of sites:

- an *anchor* is a short coded line (a digit in it: an age, a date, a count; not a sentence)
  right above speech, or above one short line and then speech (`edited`); the anchors of one
  file share a *shape* (letters as `a`, digit runs as `9`, a run of words as one `a`, trailing
  marks dropped: `2d`, `58m` → `9a`; `tdsouza-ixp commented on Nov 13, 2019` → `a 9, 9`), and the
  most common shape held by at least `_LEAST` anchors is the file's;
- the *name line* stands at one distance above the anchor in the whole file (the distance at
  which most anchors have a name-like line: a name or `@handle` alone, a short tail allowed
  such as ` • 2nd` or ` :igf:`, or a reply's pointer to the post it answers, a mark and another
  name: `Lalo_gdl → Itzayana Ruiz`), so a badge line (`Author`, `Member`) between them is not taken
  for the name.

A team chat copied from its web client (issue 22: a Mattermost channel) adds three things to
the block, each told by its shape:

- an account's badge in capitals right under its name (`jo-bot` / `BOT` / `10:30 AM`): a one-word
  slot value written in capitals, under a name line, is a badge even when the account posts once;
- the client's own event post about an account (`System` / `10:02 AM` / `@jo.li joined the
  channel.`): a post whose speech is a mention and a few lower-case words ending in what the
  account joined (`channel`, `team`, `group`…) is no turn;
- a reply's reference line (`Commented on Jo Li's message: Morning all. The notes…`): a speech
  line whose words after a colon repeat the opening of an earlier post is the client's link to
  that post, no quotation: the reply's speech starts on the next line.

`templates.read_template` asks this reader only when no line-opening template has evidence, so
a file the template reads is never read here.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["meta_line", "read_head_blocks", "shape_of"]

_LEAST = 3  # anchors (and named blocks) a file must hold
_ANCHOR_CHARS = 40  # an anchor (a meta line) is at most this long
_PROSE_CHARS = 60  # a line longer than this is speech
_NAME_TAIL = 12  # what may follow a name on its line (` • 3rd+`, ` :igf:`)
_TAIL_WORD = 3  # a name's tail holds marks and short codes (`2nd`, `igf`), no word
_REACH = 3  # lines above the anchor the name line may stand

# A sentence's close at the line's end, marks or an emoji after it allowed (`speaker. ⏱️`).
_SENTENCE = re.compile(r"[.!?…。？！]\W*$")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d]+")
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"\s+")
_WORD_RUN = re.compile(r"a(?:[ '’.-]a)+")
_TRAILING = re.compile(r"[^a9]+$")
# A name line: an optional `@`, then one to five name-like words (a letter first).
_NAME = re.compile(r"@?(?P<name>[^\W\d_](?:[\w'’.-])*(?:[ \t][^\W\d_](?:[\w'’.-])*){0,4})")
# A reply's pointer after the name: a mark (an arrow, `»`, `▸`) between blanks, then the name of
# the post answered (`Lalo_gdl → Itzayana Arreguín-Ybarra`): the writer is the name before it.
_POINTER = re.compile(r"[ \t]+[^\w\s'’.,;:()\[\]-]{1,2}[ \t]+")
# A chat client's event about an account: a mention, a few lower-case words, what it joined.
_EVENT = re.compile(r"@\S+(?:[ \t]+[a-z]+){1,5}[ \t]+(?:channel|team|group|conversation|chat|room|workspace)\.?")
_ECHO_WORDS = 4  # words a reference line repeats of the post it points to, at least


def _prose(line: str) -> bool:
    """Whether a line is speech: long, or a sentence of four words or more."""
    text = line.strip()
    return len(text) > _PROSE_CHARS or (bool(_SENTENCE.search(text)) and len(text.split()) >= 4)


def shape_of(line: str) -> str:
    """A meta line (or a signature's stamp, `signatures.py`) as a shape: `2d`, `58m` → `9a`; `Jo commented on Nov 13, 2019 •` → `a 9, 9`."""
    shape = _BLANKS.sub(" ", _DIGITS.sub("9", _LETTERS.sub("a", line.strip())))
    return _TRAILING.sub("", _WORD_RUN.sub("a", shape))


def _name(line: str) -> str | None:
    """The name a name line holds (`Sieni Fa'asavalu-Penitani • 3rd+` → the name, `@rafaela-mq` →
    `rafaela-mq`), or None when the line is more than a name and a short tail."""
    text = line.strip()
    found = _NAME.match(text)
    if found is None or _prose(text) or len(text) - found.end() > _NAME_TAIL:
        return None
    if any(len(word) > _TAIL_WORD for word in _LETTERS.findall(text[found.end() :])):
        return None  # `Like · 4 | Reply`: a footer's words, not a name's tail
    return found.group("name").strip()


def _pointer(line: str) -> tuple[str, str] | None:
    """A reply's name line as (writer, the name it answers): `Lalo_gdl → Itzayana Ruiz`; else None."""
    text = line.strip()
    found = _NAME.match(text)
    pointer = _POINTER.match(text, found.end()) if found is not None and not _prose(text) else None
    target = _NAME.fullmatch(text, pointer.end()) if pointer is not None else None
    if found is None or target is None:
        return None
    return found.group("name").strip(), target.group("name").strip()


def _names(lines: list[str]) -> list[str | None]:
    """Each line's name (`_name`), a reply's name line read as its writer's when the name it
    answers is a writer of the page too (a footer `Reply to This | Parent` answers nobody)."""
    names = [_name(line) for line in lines]
    pointers = [_pointer(line) if name is None else None for line, name in zip(lines, names, strict=True)]
    writers = {name for name in names if name} | {p[0] for p in pointers if p}
    return [name or (p[0] if p and p[1] in writers else None) for name, p in zip(names, pointers, strict=True)]


def meta_line(line: str) -> bool:
    """Whether a line is a header block's meta line: short, coded (a digit: an age `2d`, a date,
    a count) and no sentence. A head line's speech below never is one: a line above a meta line is
    the block's name or headline (`templates.learn_template`)."""
    text = line.strip()
    return bool(text) and len(text) <= _ANCHOR_CHARS and not _prose(text) and bool(_DIGIT.search(text))


def _speech_below(lines: list[str], i: int) -> int | None:
    """The index of the speech line an anchor at `i` stands above: the next line, or the one
    after a single short line (`edited`); None when no speech follows."""
    for j in (i + 1, i + 2):
        if j < len(lines) and _prose(lines[j]):
            return j
        if j >= len(lines) or not lines[j].strip():
            return None
    return None


def _anchors(lines: list[str]) -> list[tuple[int, int]]:
    """The (anchor, speech) line pairs of the file's most common anchor shape; empty when fewer
    than `_LEAST` anchors share one."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if not meta_line(line):
            continue
        speech = _speech_below(lines, i)
        if speech is not None:
            found.setdefault(shape_of(line), []).append((i, speech))
    if not found:
        return []
    best = max(found.values(), key=len)
    return best if len(best) >= _LEAST else []


def _distance(names: list[str | None], anchors: list[tuple[int, int]]) -> int | None:
    """The distance above the anchor at which most anchors have a name line, or None when fewer
    than `_LEAST` do at any distance (ties: the nearer; a footer `Like · 4` may stand farther up)."""
    counts = Counter(d for i, _ in anchors for d in range(1, _REACH + 1) if i - d >= 0 and names[i - d] is not None)
    if not counts:
        return None
    distance, n = max(counts.items(), key=lambda item: (item[1], -item[0]))
    return distance if n >= _LEAST else None


def _badges(lines: list[str], names: list[str | None], anchors: list[tuple[int, int]], distance: int) -> set[str]:
    """The name slot's values that are badges, not names (`Author`, `Member`, `Moderator`): a
    name line stands right above them, and either they come back in the slot under different names
    (a writer's name comes back too, but never under another name) or they are one word under a
    name that comes back elsewhere in the file (the writer's other post), not a footer word."""
    above: dict[str, set[str]] = {}
    for i, _ in anchors:
        head = i - distance
        value = lines[head].strip() if head >= 1 and names[head] is not None else None
        upper = names[head - 1] if value is not None else None
        if value is not None and upper is not None:
            above.setdefault(value, set()).add(upper)
    furniture = {u for u, n in Counter(u for names in above.values() for u in names).items() if 2 * n >= len(anchors)}
    above = {value: names - furniture for value, names in above.items() if names - furniture}
    if not above:  # a line above the slot at every other post (`Avatar`, an image's text) is no name
        return set()
    elsewhere = Counter(names)  # a name above a one-word slot comes back
    return {
        value
        for value, names in above.items()
        if len(names) >= 2 or (" " not in value and (any(elsewhere[name] >= 2 for name in names) or _capitals(value)))
    }


def _capitals(value: str) -> bool:
    """Whether a one-word slot value is written in capitals (`BOT`, `APP`): a badge's way."""
    letters = [ch for ch in value if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def read_head_blocks(text: str) -> ExportMarks | None:
    """The turns under a file's header blocks (see the module doc), as an export's marks; None
    when the file shows no such regularity."""
    lines = text.split("\n")
    anchors = _anchors(lines)
    names = _names(lines) if anchors else []
    distance = _distance(names, anchors) if anchors else None
    if distance is None:
        return None
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    heads: dict[int, tuple[int, str]] = {}
    taken = -1  # a name line is never inside the turn above's speech
    badges = _badges(lines, names, anchors, distance)
    for i, speech in anchors:
        head = i - distance
        if head - 1 > taken and lines[head].strip() in badges:
            head -= 1  # a badge (`Author`) stands in the name slot: the name is the line above
        name = names[head] if head > taken else None
        if name is not None and _EVENT.fullmatch(lines[speech].strip()):
            taken = speech  # the client's event post (`@jo joined the channel.`): no turn
        elif name is not None:
            heads[head] = (_past_reference(lines, speech, [s for s, _ in heads.values()]), name)
            taken = speech
    if len(heads) < _LEAST:
        return None
    heads.update(_unanchored(lines, names, heads, distance))
    marks = [Mark(starts[head], starts[speech], name) for head, (speech, name) in sorted(heads.items())]
    return ExportMarks(voice_changes(marks), marks[0].at, handles=True)


def _past_reference(lines: list[str], speech: int, earlier: list[int]) -> int:
    """The speech line of a post, past a reply's reference line (`Commented on Jo Li's message:
    Morning all. The notes…`): a line whose words after its first colon open the speech of an
    earlier post (`earlier`: their speech lines), at least `_ECHO_WORDS` of them, and a line of
    speech below it. `speech` itself otherwise."""
    line = lines[speech]
    colon = line.find(": ")
    echo = " ".join(line[colon + 2 :].split()) if colon != -1 else ""
    below = speech + 1
    if len(echo.split()) < _ECHO_WORDS or below >= len(lines) or not lines[below].strip():
        return speech
    opened = any(" ".join(lines[k].split()).startswith(echo) for k in earlier)
    return below if opened else speech


def _unanchored(
    lines: list[str], names: list[str | None], heads: dict[int, tuple[int, str]], distance: int
) -> dict[int, tuple[int, str]]:
    """Blocks without the anchor (a thread's first post, whose date comes after it): a name the
    anchored blocks learned, alone on its line, then one to `distance` lines (a handle, a headline
    and a date: as in an anchored block, never speech right below the name), then speech."""
    learned = {name for _, name in heads.values()}
    inside = {j for head, (speech, _) in heads.items() for j in range(head, speech + 1)}
    found: dict[int, tuple[int, str]] = {}
    for h, name in enumerate(names):
        if h in inside or name not in learned:
            continue
        for j in range(h + 1, min(len(lines), h + distance + 2)):
            if not lines[j].strip() or j in inside:
                break
            if j > h + 1 and _prose(lines[j]):
                found[h] = (j, name or "")
                break
    return found
