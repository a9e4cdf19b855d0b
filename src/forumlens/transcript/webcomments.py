"""Web comment pages copied as text: each post under a meta line that names its author.

A blog's comments, a forum thread, a group's web archive, a shared document's comment pane, a
video's or a social page's comments, selected and copied from the browser, all write each post
the same way: a short META line or block (a date, a clock time or an age, `Mar 4, 2019`,
`10:14 AM`, `5y`, `3 hours ago`, and the page's action words, `Reply`, `Like`, `View profile`,
`said:`) beside a NAME line (a display name, a handle, a masked address), then the post's
lines until the next post's meta. Each site arranges it its own way (the name above the date,
below the previous post's action line, or inside the meta line: `Jo Li on May 2, 2013 at 9:14 pm
said:`, `by jo_li (812) on Monday …`), but a file repeats ONE arrangement on every post; that
repetition is what this reader learns, not the sites:

- a meta line is a short line left empty once its date, time, age, count and action words are
  taken out; its *shape* is the sequence of what was taken out (`like reply AGE`), so the page's
  one meta line per post is the shape that repeats;
- for each repeated dated shape, the name is the name-like line next to it on the same side
  (above or below, across action and status lines) for most of its lines, or the words left in
  the meta line itself when they differ from line to line (a constant leftover, `Old` before
  a forum's date, is furniture, no name);
- the lines at the same place after the name in every post and alike in their first or last
  word (`Join Date: …`, `Posts: …`, a user title `… Member`) are the author block, no speech.

The meta and action lines are never speech (`ExportMarks.skip` trims them from a post's end);
the labels are account names (`ExportMarks.handles`). Told from the lines: three or more posts of
one arrangement, two or more authors, the arrangement on most lines of its shape. Consecutive
posts of one author are one turn (`exportmarks.voice_changes`: a thread's parts 1/3, 2/3 alike).
An `@handle` line under a name line: the name is the label. A thread's opening post shown in full
above the replies, with no meta line of its own, is read when its author lines repeat a reply's.
When each post's meta line closes it (name, speech, `Like · Reply · 2y`: the page's last meta line
names no one below it), the first post, whose name has no meta line above, is read too.
An issue tracker's page (`Jo Li added a comment - 12/Nov/20 11:02 AM`) is the name-inside
arrangement; an account in words of a title (`Automation for Jira`) in the name's place of that
repeated line heads a post too, and the description above the first comment is the post of the
author its authorship field names (`Reporter: Jo Li`). A line naming another poster of the page
and a colon (`jo_li:`), then the quoted line, is that poster's quote inside a reply. A last
"post" of single words and meta lines only (`created` / `Dec '21` / `views`) is the page's
summary block, no post.
A caption file's lines are long or labelled, so none of its short lines repeats as a dated meta
shape beside a name: the reader leaves it to the caption rules. It is registered last among the
export readers: a layout with a reader of its own keeps it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .exportmarks import ExportMarks, Mark, voice_changes
from .labelwords import PARTICLES

__all__ = ["dated_meta", "name_like", "read_web_comments"]

_LEAST_POSTS = 3
_LEAST_SHARE = 0.6  # of a shape's lines that must sit beside a name the same way
_MAX_META = 90  # characters: a meta line is short
_MAX_NAME = 60
_MAX_NAME_WORDS = 6
_WALK = 3  # action, badge or status lines crossed between a meta line and its name
_BLOCK = 6  # author-block lines looked at after a name

# A month, short or written out (English, and the French, Spanish, Italian and German names that
# open the same way): never a name that only starts like one (`Marisela`, `Junior`, `Augustine`).
_MONTH = (
    r"(?:jan(?:uary|vier|uar)?|feb(?:ruary|rero|braio|ruar)?|mar(?:ch|s|zo)?|apr(?:il|ile)?|may(?:o)?"
    r"|jun(?:e|io|i)?|jul(?:y|io|i)?|aug(?:ust)?|sep(?:t|tember|tiembre|tembre)?|oct(?:ober|ubre|obre)?"
    r"|nov(?:ember|iembre|embre)?|dec(?:ember|embre)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?"
# Each token class the meta lines are made of, tried in order on a lower-cased token.
_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("NUM", re.compile(r"[\d,.]+k?,?|\d+\.\dm|#\d+")),  # `45m` is an age, `1.2m` a count
    ("TIME", re.compile(r"@?\d{1,2}[:h]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?,?")),
    ("DATE", re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?|\d{1,2}(?:st|nd|rd|th),?")),
    ("DATE", re.compile(rf"\d{{1,4}}[-/.]{_MONTH}[-/.]\d{{1,4}},?")),  # `12/Nov/20`, `12-Nov-2020`
    ("DATE", re.compile(r"['’]\d{2},?")),  # a year cut to two digits after its month: `Dec '21`
    ("DATE", re.compile(rf"{_MONTH},?|{_WEEKDAY},?")),
    ("AGE", re.compile(r"\d{1,3}(?:s|m|min|h|hr|d|w|wk|mo|y|yr)")),
    ("AMPM", re.compile(r"[ap]\.?m\.?,?")),
    ("ART", re.compile(r"an?")),  # `a year ago`: an article, no age by itself
    (
        "AGE",
        re.compile(
            r"(?:second|minute|hour|day|week|month|year)s?|(?:sec|min|hr|wk|mo|yr)s?\.?|ago|yesterday|today|now"
        ),
    ),
)
# The action words and counters of a web page (lower case), and the separators between them.
_ACTION_WORDS = (
    "reply replies like likes liked share shares shared quote said wrote writes says view views profile with edited permalink more options forward to author "
    "comment comments report reply↓ retweet retweets repost reposts follow followers subscribe subscribers react reactions love upvote downvote points point score parent thread top link translate see hide show collapse expand"
)
_ACTIONS = frozenset(_ACTION_WORDS.split())
# The words that tie a name to its date inside a meta line (`Jo Li commented on …`, `by jo_li on …`).
_CONNECTOR_WORDS = "on at by posted commented replied answered asked wrote said says shared added - – — | · •"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split()) | {w + ":" for w in _CONNECTOR_WORDS.split()}
_SEPARATOR = re.compile(r"^[\W_]+$")
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
_HANDLE = re.compile(r"@?[\w][\w.+'@/-]{1,40}\w")  # `jo_li`, `@jo.li`, `u/jo_li`, `jli...@host.org`
_END_PUNCT = re.compile(r"[.!?,;:…\"”)]$")
_SHORTCODE = re.compile(r"(?:^|\s):[\w+-]{1,30}:(?=\s|$)")  # a custom emoji after a display name
_ICON = re.compile(r"^\[[^\W\d_]{1,20}\](?=\w)")  # an icon's text glued before a user name: `[info]jo_li`
_SUBJECT = re.compile(r"(?:re|aw|sv|vs|fw|fwd)\s?:\s", re.IGNORECASE)
# An issue's or a ticket's authorship field (`Reporter: Jo Li`, `Submitted by: jo_li`).
_AUTHOR_FIELD = re.compile(
    r"(?:reporter|author|requester|originator|(?:reported|submitted|opened|created|raised|filed) by)\s*:\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
# A quote's head inside a post: another author's name and a colon (`jo_li:`, `Jo Li wrote:`).
_QUOTE_HEAD = re.compile(r"(?P<name>\S(?:.{0,58}\S)?)(?:\s+(?:wrote|said|says))?:$")
_PLACEHOLDER = re.compile(r"[(\[][^\W\d_]{3,20}[)\]]")
_REPLY_TO = re.compile(r"\s+(?:→|->|▸|►|replied to|in reply to)\s+.*$")
# A name line that ends in the page's speech verb and a colon (`Jo Li says:` above the date).
_SAYS = re.compile(r"(?<=\S)[ \t]+(?P<verb>[a-z]+):$")


@dataclass(frozen=True)
class _Line:
    """One line of the text: where it starts and ends, its text stripped."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Page:
    """The lines, and what the walks look up on every post, computed once (linear in the text):
    the next non-blank line after each line, and how often each line's text is written."""

    lines: list[_Line]
    following: list[int]  # the next non-blank line's index after each line (len(lines): none)
    counts: Counter[str]
    shapes: list[tuple[tuple[str, ...], tuple[str, ...]] | None]  # each line's `_meta_shape`

    def pure(self, j: int) -> tuple[str, ...] | None:
        """The shape of line `j` when it holds nothing but meta tokens (at least one), else None."""
        found = self.shapes[j]
        return found[0] if found is not None and found[0] and not found[1] else None


def _page(lines: list[_Line]) -> _Page:
    """The page of `lines`: one pass from the end for the next non-blank lines, one count."""
    following = [len(lines)] * len(lines)
    after = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        following[i] = after
        if lines[i].text:
            after = i
    counts = Counter(line.text for line in lines if line.text)
    return _Page(lines, following, counts, [_meta_shape(line.text) for line in lines])


def _lines(text: str) -> list[_Line]:
    """The text's lines with their offsets (the newline excluded)."""
    out = []
    at = 0
    for raw in text.split("\n"):
        out.append(_Line(at, at + len(raw), raw.strip()))
        at += len(raw) + 1
    return out


def _token_class(token: str) -> str | None:
    """The meta class of one token (`TIME`, `DATE`, `AGE`, `NUM`, an action word), or None: a
    word a meta line does not hold."""
    low = token.lower().strip("()[]")
    if not low or _SEPARATOR.match(low):
        return ""  # a separator (`·`, `|`, `↓`, `›`): part of any meta line, no class
    for name, pattern in _CLASSES:
        if pattern.fullmatch(low):
            return name
    word = low.rstrip(":")
    if word in _ACTIONS:
        return word
    return None


def _meta_shape(line: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The shape of a meta line (the classes of its tokens, repeats collapsed) and the tokens
    left over (a name inside the line); None for a line too long to be meta or holding more
    words than a name and its connectors (prose: most lines of a caption file stop here)."""
    if not line or len(line) > _MAX_META:
        return None
    shape: list[str] = []
    rest: list[str] = []
    edited = False
    for token in _BRACKETED.sub(" ", line).split():
        kind = _token_class(token)
        if kind is None:
            rest.append(token)
            if len(rest) > _MAX_NAME_WORDS + 3:  # a name and its connectors at most: a line of prose
                return None
        elif kind and (not shape or shape[-1] != kind) and kind != "edited":
            shape.append(kind)
        elif kind == "edited" and not shape and not rest:
            edited = True
    if edited and not shape:  # `edited` alone on its line: meta; beside others it changes no shape
        shape.append("edited")
    return tuple(shape), tuple(rest)


def _is_dated(shape: tuple[str, ...]) -> bool:
    """Whether a meta shape holds a date, a clock time or an age (a post's own meta line)."""
    return any(kind in ("TIME", "DATE", "AGE") for kind in shape)


def dated_meta(line: str) -> bool:
    """Whether `line` is a post's meta line alone: a date, a clock time or an age and the page's
    action words and the words tying them (`June 3, 2023 at 9:12 am`), so a reader of head lines can tell a
    web page's dated posts from a messenger's undated ones."""
    found = _meta_shape(line.strip())
    return found is not None and _is_dated(found[0]) and all(w.lower() in _CONNECTORS for w in found[1])


def name_like(line: str) -> bool:
    """Whether a line could be an author's name: a handle, a masked address, or 1–6 capitalised
    words (name particles aside) with no sentence punctuation at the end and no digits."""
    line = _label(line)
    if _PLACEHOLDER.fullmatch(line):
        return True  # an account's placeholder in brackets: `(Anonymous)`, `[deleted]`
    if not line or len(line) > _MAX_NAME or _END_PUNCT.search(line):
        return False
    words = line.split()
    if len(words) == 1:
        word = words[0]
        if _HANDLE.fullmatch(word) and any(ch.isalpha() for ch in word):
            return word[0].isupper() or word[0] == "@" or not word.isalpha() or word.islower()
        return False
    if len(words) > _MAX_NAME_WORDS or any(ch.isdigit() for ch in line):
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES or w[0] in "'’" for w in words)


def _label(line: str) -> str:
    """A name line's label: the name without a reply target (`Jo Li → Ana Ruiz`), a custom
    emoji (`Jo Li :igf:`) or an icon's text copied before it (`[info]jo_li`, the user icon's
    alternative text), nor the speech verb a blog writes after it (`Jo Li says:`)."""
    line = _ICON.sub("", _SHORTCODE.sub("", _REPLY_TO.sub("", line)).strip())
    says = _SAYS.search(line)
    return line[: says.start()] if says and says.group("verb") in _CONNECTORS | _ACTIONS else line


def _walk(page: _Page, i: int, step: int) -> int | None:
    """The name-like line next to meta line `i` on one side (`step` -1 above, +1 below), across
    blank lines and up to `_WALK` action, badge or status lines; None when the nearest other line
    is speech. Every step moves one line, and blank lines count too, past `_WALK` of them."""
    lines = page.lines
    crossed = blank = 0
    j = i + step
    while 0 <= j < len(lines) and crossed <= _WALK and blank <= _WALK:
        text = lines[j].text
        if not text:
            blank += 1
            j += step
            continue
        pure = page.pure(j)
        if pure is not None and not (_is_dated(pure) and step > 0):
            crossed += 1
        elif name_like(text):
            if step > 0 and _is_badge(page, j):
                crossed += 1
            else:
                return _display_name(page, j) if step < 0 else j
        elif _status(text):
            crossed += 1
        else:
            return None
        j += step
    return None


def _display_name(page: _Page, j: int) -> int:
    """The author line for name-like line `j`: the display name right above it when `j` is an
    `@handle` (a microblog writes the name, then the handle), else `j` itself."""
    if not page.lines[j].text.startswith("@"):
        return j
    k = j - 1
    while k >= 0 and not page.lines[k].text and j - k <= _WALK:
        k -= 1
    above = page.lines[k].text if k >= 0 else ""
    return k if above and page.pure(k) is None and name_like(above) else j


def _opening_post(page: _Page, heads: list[_Head]) -> _Head | None:
    """The page's first post shown in full above the replies (a thread's opening post): it lacks
    the meta line the replies carry, but its author block repeats, line for line, the head lines
    of a reply by the same author. Looked for above the first head only."""
    lines = page.lines
    known = {lines[h.top].text: h for h in heads if h.top == h.name}  # heads that open with the name
    for i in range(heads[0].top):
        head = known.get(lines[i].text)
        if head is None:
            continue
        last = i
        while last + 1 < heads[0].top and head.top + last + 1 - i < head.last:
            if lines[last + 1].text != lines[head.top + last + 1 - i].text:
                break
            last += 1
        return _Head(i, head.label, last, i)
    return None


def _closed_first_post(page: _Page, heads: list[_Head]) -> _Head | None:
    """The page's first post when each post's meta line closes it rather than opens it: the name, the
    speech, then `Like · Reply · 2y` (a social page's comments). Read below their meta lines, the names
    give every post but the first, whose name has no meta line above it. Told by the page's end: its
    last dated meta line has no name below it (it closes the last post, it opens none). The first
    post is the speech right above the first head's meta line, back to the name-like line over it,
    within the lines after the page's previous meta line (a page's own action line is no post)."""
    lines = page.lines
    first = heads[0]
    if first.top >= first.name:  # names read above their meta lines: every post has its head already
        return None
    dated = [i for i in range(len(lines)) if (p := page.pure(i)) is not None and _is_dated(p)]
    if not dated or dated[-1] <= first.top or _walk(page, dated[-1], 1) is not None:
        return None
    speech = 0
    j = first.top - 1
    while j >= 0 and page.pure(j) is None:
        text = lines[j].text
        if text and name_like(text) and speech:
            return _Head(j, _label(text), j, j)
        if text:
            speech += 1
        j -= 1
    return None


def _status(line: str) -> bool:
    """A short status or badge line (`Marked as resolved`, `Top fan`): up to four words, no
    sentence punctuation, no name."""
    words = line.split()
    return 0 < len(words) <= 4 and not _END_PUNCT.search(line) and len(line) <= 40


def _is_badge(page: _Page, j: int) -> bool:
    """A one-word badge above the name (`Author`): a single capitalised word written alone on
    two or more lines, with a name-like line right below it."""
    word = page.lines[j].text
    if " " in word or not word.isalpha():
        return False
    k = page.following[j]
    if k >= len(page.lines) or not name_like(page.lines[k].text):
        return False
    return page.counts[word] >= 2


@dataclass(frozen=True)
class _Head:
    """One post's head: its first line (`top`), its name's label, the last head line."""

    top: int
    label: str
    last: int
    name: int  # the name's line (the meta line itself when the name is inside it)


def _heads_beside(page: _Page, metas: dict[tuple[str, ...], list[int]]) -> list[_Head]:
    """The heads of the dated shapes whose lines sit beside a name, most of them, all on the one
    side (above or below) that names the most posts: a file repeats one arrangement, and a rank
    or a profile line beside another meta line (`Senior Member` above `Join Date: …`) is no
    second one; nor is a line the same beside every date (`Default`). On a tie the side whose
    names come first in the text wins: the author's name leads the author block, titles follow
    it."""
    lines = page.lines
    sides: dict[int, list[_Head]] = {-1: [], 1: []}
    for shape, where in metas.items():
        if not _is_dated(shape):
            continue
        for step in (-1, 1):
            named = [(i, j) for i, j in ((i, _walk(page, i, step)) for i in where) if j is not None]
            labels = {_label(lines[j].text) for _, j in named}
            # the same line beside every date is furniture (`Default`), no author
            if len(named) >= _LEAST_POSTS and len(named) >= _LEAST_SHARE * len(where) and len(labels) >= 2:
                for i, j in named:
                    top, last = (j, i) if step < 0 else (i, j)
                    sides[step].append(_Head(top, _label(lines[j].text), last, j))
    best = max(sides.values(), key=lambda h: (len(h), -min((x.name for x in h), default=0)))
    return best


def _heads_inside(page: _Page) -> list[_Head]:
    """The heads whose name is inside a dated meta line (`Jo Li on May 2 at 9:14 pm said:`): the
    words left once the meta tokens and connectors are out, name-like and not the same on all."""
    by_shape: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    titled: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for i, found in enumerate(page.shapes):
        if found is None or not found[1] or not _is_dated(found[0]):
            continue
        words = [w for w in found[1] if w.lower() not in _CONNECTORS]
        unhandled = [w for w in words if not w.startswith("@")]
        words = unhandled or words  # a display name before its `@handle`: the name is the label
        name = " ".join(words)
        if name and name_like(name):
            by_shape.setdefault(found[0], []).append((i, _label(name)))
        elif _account_name(name):
            titled.setdefault(found[0], []).append((i, name))
    heads: list[_Head] = []
    for shape, named in by_shape.items():
        if len(named) >= _LEAST_POSTS and len({name for _, name in named}) >= 2:
            # the arrangement is the page's: an account of lower-case words in the name's place
            # (`Automation for Jira added a comment - …`) heads a post as well
            heads.extend(_Head(i, name, i, i) for i, name in sorted(named + titled.get(shape, [])))
    return heads


def _account_name(words: str) -> bool:
    """Whether the words left in a dated meta line, not name-like, still read as an account's
    name in a name's place: 2–`_MAX_NAME_WORDS` words opening with a capital, no digits, no
    sentence punctuation (`Automation for Jira`, `Friends of the Forum`)."""
    split = words.split()
    return (
        1 < len(split) <= _MAX_NAME_WORDS
        and split[0][0].isupper()
        and split[-1][0].isupper()
        and not any(ch.isdigit() for ch in words)
        and not _END_PUNCT.search(words)
    )


def _block_end(page: _Page, heads: list[_Head]) -> dict[int, int]:
    """Each head's author block: the lines after it at the same place in most posts, short, no
    sentence, and alike in their first or last word, or meta lines; the post's speech starts
    after them."""

    lines = page.lines

    def nth(head: _Head, k: int) -> str | None:
        j = head.last
        for _ in range(k):
            j = page.following[j]
            if j >= len(lines):
                return None
        return lines[j].text

    depth = 0
    for k in range(1, _BLOCK + 1):
        texts = [t for t in (nth(h, k) for h in heads) if t is not None]
        if len(texts) < len(heads) * _LEAST_SHARE:
            break
        # no sentence, and no reply's subject (skipped below where a post has one)
        fields = [t for t in texts if len(t) <= _MAX_NAME and not _END_PUNCT.search(t) and not _SUBJECT.match(t)]
        firsts = Counter(t.split()[0].lower().rstrip(":") for t in fields)
        lasts = Counter(t.split()[-1].lower() for t in fields)
        common = max([n for _, n in firsts.most_common(1) + lasts.most_common(1)], default=0)
        if common < max(2, _LEAST_SHARE * len(heads)):
            break
        depth = k
    ends = {}
    for head in heads:
        j = head.last + 1
        seen = 0
        while j < len(lines) and (seen < depth or not lines[j].text or page.pure(j) is not None):
            if lines[j].text:
                seen += 1
            j += 1
        if j < len(lines) and _SUBJECT.match(lines[j].text):
            j += 1  # a reply's subject line above its text (`Re: …`): the post's head, no speech
        ends[head.top] = j
    return ends


def _meta_lines(page: _Page) -> dict[tuple[str, ...], list[int]]:
    """The meta lines by shape: the lines of meta tokens alone, and the dated lines whose
    leftover words are the same on `_LEAST_POSTS` or more lines (`Old` before a forum post's
    date: furniture, no name; the shape then keeps the words)."""
    metas: dict[tuple[str, ...], list[int]] = {}
    for i, found in enumerate(page.shapes):
        if found is None or not found[0]:
            continue
        shape, rest = found
        if rest and not _is_dated(shape):
            continue
        metas.setdefault((*shape, *(w.lower() for w in rest)), []).append(i)
    return {
        shape: where for shape, where in metas.items() if len(where) >= _LEAST_POSTS or page.pure(where[0]) is not None
    }


def read_web_comments(text: str) -> ExportMarks | None:
    """The posts of a copied web comment page (see the module doc); None for any other text."""
    lines = _lines(text)
    page = _page(lines)
    metas = _meta_lines(page)
    heads = _heads_beside(page, metas) or _heads_inside(page)
    heads = sorted({h.top: h for h in heads}.values(), key=lambda h: h.top)
    heads = [h for k, h in enumerate(heads) if k == 0 or h.top > heads[k - 1].last]
    if len(heads) < _LEAST_POSTS or len({h.label for h in heads}) < 2:
        return None
    if sum(line.text.startswith(">>") for line in lines) >= len(heads):
        return None  # a caption page: its `>>` turns outnumber the posts (a dated title above them is no post)
    footer = _footer(page, heads[-1])
    if footer:  # the page's summary block under the last post (`created`, its date, `views`, …)
        heads = heads[:-1]
        if len(heads) < _LEAST_POSTS:
            return None
    opening = _opening_post(page, heads) or _closed_first_post(page, heads)
    heads = [opening, *heads] if opening is not None else heads
    ends = _block_end(page, heads)
    skipped = sorted({*(j for j in range(len(lines)) if page.pure(j) is not None), *footer})
    described = None if opening is not None else _described(page, heads[0].top)
    if described is not None:  # an issue's description, its author named in a field above it
        head, trailing = described
        heads = [head, *heads]
        ends[head.top] = head.top
        skipped = sorted({*skipped, *trailing})
    marks = []
    authors = {h.label for h in heads}
    for k, head in enumerate(heads):
        body = min(ends[head.top], heads[k + 1].top if k + 1 < len(heads) else len(lines))
        at = lines[head.top].start
        marks.append(Mark(at, lines[body].start if body < len(lines) else len(text), head.label))
        end = heads[k + 1].top if k + 1 < len(heads) else len(lines)
        quoted = _quotes(lines, range(body, end), authors - {head.label}, head.label)
        if quoted and body < len(lines) and quoted[0].at == lines[body].start:
            marks.pop()  # the post opens with the quote: its author's text starts after it
        marks.extend(quoted)
    skip = tuple((lines[j].start, lines[j].end) for j in skipped)
    return ExportMarks(voice_changes(marks), marks[0].at, skip=skip, handles=True)


def _quotes(lines: list[_Line], body: range, others: set[str], author: str) -> list[Mark]:
    """The quotes inside one post: a line naming another author of the page and a colon alone
    (`jo_li:`, `Jo Li wrote:`), then the quoted line, is that author's turn, and the post's own
    text after it is its author's again (a forum quotes one copied paragraph, one line of text)."""
    marks = []
    for j in body:
        found = _QUOTE_HEAD.match(lines[j].text)
        if not found or found.group("name") not in others or j + 2 >= body.stop:
            continue
        if not lines[j + 1].text or not lines[j + 2].text:
            continue
        marks.append(Mark(lines[j].start, lines[j + 1].start, found.group("name")))
        marks.append(Mark(lines[j + 2].start, lines[j + 2].start, author))
    return marks


def _footer(page: _Page, last: _Head) -> list[int]:
    """The lines of the last head and all below it when none of them is speech, only single words
    and meta lines with one other word at most (a topic's summary block, `created` / `Dec '21` /
    `last reply` / `238` / `views`, read as one more post by a user `created`); empty when the
    last post says anything."""
    below = [j for j in range(last.top, len(page.lines)) if page.lines[j].text]

    def meta(j: int) -> bool:
        found = page.shapes[j]
        single = " " not in page.lines[j].text
        return single or (found is not None and bool(found[0]) and len(found[1]) <= 1)

    return below if all(meta(j) for j in below) else []


def _described(page: _Page, first: int) -> tuple[_Head, list[int]] | None:
    """An issue tracker's or a ticket's description above its first comment: its author is named
    in an authorship field line above it (`Reporter: Jo Li`, `Author: jo_li`, `Submitted by: …`),
    the page's field lines and headings lie between, and the description is the run of sentences
    from the first sentence line after the field to the last before the first comment (the tab
    and heading lines after it are no speech). None when no such field or no sentence is there."""
    lines = page.lines
    author = None
    for i in range(first):
        found = _AUTHOR_FIELD.match(lines[i].text)
        if found and name_like(found.group("name")):
            author = (i, _label(found.group("name")))
    if author is None:
        return None
    speech = [j for j in range(author[0] + 1, first) if _sentence(lines[j].text)]
    if not speech:
        return None
    trailing = [j for j in range(speech[-1] + 1, first) if lines[j].text]
    return _Head(speech[0], author[1], speech[0] - 1, author[0]), trailing


def _sentence(line: str) -> bool:
    """Whether a line is prose: it ends with a sentence's punctuation after several words, or it is
    longer than any field or heading line."""
    return len(line.split()) > _MAX_NAME_WORDS + 3 or (len(line.split()) > 3 and line[-1:] in ".!?…")
