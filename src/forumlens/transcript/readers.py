"""The readers of caption exports, chosen by sniffing the text (never the file name).

Two kinds, tried before the caption rules of `parse.py`:

- *view readers* rewrite marks the rules do not read into ones they do, in a view of the text
  (`view.py`) that keeps every line where it is: HTML character references left in a scraped
  page (`entities.py`: `&gt;&gt;` is `>>`), turn markers mangled by a PDF (`markervariants.py`:
  `»`, `> >`), full-width colons, brackets and spaces from an East Asian captioning service
  (`fullwidth.py`: `：` is `:`), the paragraph numbers of an edited transcript (`numbered.py`:
  `2. MR. JO LI:` is `MR. JO LI:`), the line numbers of a research transcript (`linenumbers.py`:
  `01  Mod:   so:` is `Mod:   so:`), a printed hearing's paragraph labels (`printedlabels.py`:
  `    Mr. Li. Thank you` is `    Mr. Li: Thank you`), the bullets of notes written one bullet a speaker (`bullets.py`:
  `- Jo Li: asks …` is `Jo Li: asks …`), markup tags left in a saved page, a TTML caption file or a
  styled subtitle file (`markup.py`: `<p><b>CHAIR:</b>` is `CHAIR:`), invisible characters
  of a copied page (`invisible.py`: a bidi mark before `>>`, a no-break space in a name), and a
  frame or cue wrapper learned from the file (`wrappers.py`: `{75}{200}>> CHAIR:` is `>> CHAIR:`),
  the `|` line breaks of a MicroDVD or MPL2 subtitle line (`framebars.py`: `>> JO LI:|Thank` is
  `>> JO LI: Thank`),
  the delimited fields opening a caption extractor's rows (`rowfields.py`: `…|CC1|RU3|>> CHAIR:`),
  wiki source's bold labels (`wikibold.py`: `'''Jo Li:'''` is `Jo Li:`), labels in letter-spaced capitals
  (`spaced.py`: `M S .   J O   L I :` is `MS. JO LI:`), an e-mail's quote prefix (`quoted.py`:
  `> >> CHAIR:` is `>> CHAIR:`), and the repeated showings of a rolling automatic caption line
  (`rolling.py`: each line is spoken once), and a header-less table of time columns and text with no
  speaker field (`delimited.py`: `4.35<TAB>9.12<TAB>CHAIR: Good afternoon` is `CHAIR: Good afternoon`). The rules then parse the view, and each turn is cut from the source again.
- *export readers* read files that state their turns themselves (`exportmarks.py`): a table
  with a speaker column and a text column (`tables.py`: caption CSV, wiki pipe table), saved
  captions with a `[Display Name] time` line above each caption (`labelblocks.py`), a delimited
  table whose speaker and text columns are told by their values (`delimited.py`), a Markdown
  page with a bold label opening each paragraph (`mdlabels.py`), a two-column table turned
  into text with its layout kept (`layout.py`: labels wrapped beside the speech), a SubStation Alpha subtitle
  script whose `Name` field is the speaker (`ssa.py`), a transcribe or video-editor export
  with a time and a bare label line above each paragraph (`timedlabels.py`), a diarised speech-recognition output with
  a time range and a `[SPEAKER_00]` label opening each segment (`segments.py`), a research
  transcript's `*CODE:` tiers named in its `@Participants` header (`chattiers.py`), and line records whose leading fields
(times, a speaker id) keep one layout on most lines (`fieldlines.py`: a `.stm` reference, a chat export's
`time<TAB>sender<TAB>text`), and a web forum thread's posts under their author blocks
(`forumposts.py`: the username above `Joined:`/`Posts:`, or `by NAME » date`), and an instant messenger's copy
with a `Display name says:` line above each message (`sayslines.py`), and a social page copied as text
with an author head line above each post (`postheads.py`: `Jo Li ‏@joli 6 Nov`, `[–]jo_li 12 points 3 hours ago`),
and a reply chain pasted as text, each message under a header block of the same fields (`mailblocks.py`:
the author in the field whose values are names, `From: Jo Li [mailto:…]`; real mail, an mbox, a list
archive or an `.eml` with RFC 5322 headers, is read before any of these by `mailreader.py`, from `parse.py`), and last any web comment page
whose posts repeat one arrangement of a name beside a dated meta line (`webcomments.py`), and after it a page
whose posts are signed after their text (`signedposts.py`: `… – Jo Li Dec 7, 2016 at 23:02`). The first that recognises the
  text gives all its turns; the rules add none. Subtitle cue files (WebVTT, SRT) have their own
  reader in `cues.py`, mixed with the rules because their cue text holds ordinary labels.

A reader that does not recognise a text returns nothing and costs one cheap test (a character
the format needs is absent), so plain caption files pay almost nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from .bullets import bullet_edits
from .chattiers import read_chat_tiers
from .delimited import read_delimited, text_column_edits
from .entities import entity_edits
from .exportmarks import ExportMarks
from .fieldlines import read_field_lines
from .forumposts import read_forum_posts
from .framebars import frame_bar_edits
from .fullwidth import fullwidth_edits
from .invisible import invisible_edits
from .labelblocks import read_label_blocks
from .latexlabels import latex_label_edits
from .layout import read_layout_table
from .linenumbers import line_number_edits
from .mailblocks import read_mail_blocks
from .mailreader import read_mail_archive
from .markervariants import marker_edits
from .markup import markup_edits
from .mdlabels import read_markdown_labels
from .numbered import paragraph_number_edits
from .postheads import read_post_heads
from .printedlabels import printed_label_edits
from .quoted import quote_edits
from .rolling import rolling_edits
from .rowfields import row_field_edits
from .sayslines import read_says_lines
from .screenplay import screenplay_edits
from .segments import read_segments
from .signedposts import read_signed_posts
from .spaced import spaced_edits
from .ssa import read_ssa
from .stampedheads import read_stamped_heads
from .stamplines import stamp_line_edits
from .structured import read_structured
from .tables import read_table
from .timedlabels import read_timed_labels
from .view import Edit, View, apply_edits
from .webcomments import read_web_comments
from .wikibold import wiki_bold_edits
from .wrappers import wrapper_edits

__all__ = ["EXPORT_READERS", "export_marks", "reading_view", "states_turns_in_fields"]

# In order: the most specific shape first (a table row may hold bold words or brackets).
# A SubStation Alpha script goes first: its event lines are comma-separated, like a CSV table; a
# forum thread's posts next: a copied page's tabs (`Author<TAB>Message`) are no table.
EXPORT_READERS: tuple[Callable[[str], ExportMarks | None], ...] = (
    read_ssa,
    read_forum_posts,
    read_chat_tiers,
    read_table,
    read_delimited,
    read_layout_table,
    read_label_blocks,
    read_timed_labels,
    read_segments,
    read_markdown_labels,
    read_stamped_heads,
    read_says_lines,
    read_post_heads,
    read_field_lines,
    read_mail_blocks,
    read_web_comments,  # the general shape of a web comment page, after every named layout
    read_signed_posts,  # last: posts signed after their text, when no reader found names above them
)


def reading_view(text: str) -> View:
    """The view the caption rules read: `text` with the view readers' rewrites (the text itself,
    `changed` False, when none applies)."""
    columns = text_column_edits(text)
    edits = [
        *rolling_edits(text),
        *wrapper_edits(text),
        *frame_bar_edits(text),
        *stamp_line_edits(text),
        *row_field_edits(text),
        *wiki_bold_edits(text),
        *latex_label_edits(text),
        *screenplay_edits(text),
        *quote_edits(text),
        *markup_edits(text),
        *invisible_edits(text),
        *entity_edits(text),
        *marker_edits(text),
        *fullwidth_edits(text),
        *paragraph_number_edits(text),
        *line_number_edits(text),
        *printed_label_edits(text),
        *bullet_edits(text),
        *spaced_edits(text),
    ]
    if columns:  # a table's fields go first: a reader of row prefixes would cut one field only
        edits = [*columns, *_outside(edits, columns)]
    return apply_edits(text, edits) if edits else View(text)


def _outside(edits: list[Edit], taken: list[Edit]) -> list[Edit]:
    """The `edits` that overlap none of `taken` (sorted by start, not overlapping each other)."""
    starts = [e.start for e in taken]
    kept = []
    for edit in edits:
        i = bisect_right(starts, edit.start) - 1
        before = taken[i] if i >= 0 else None
        after = taken[i + 1] if i + 1 < len(taken) else None
        if (before is None or before.end <= edit.start) and (after is None or edit.end <= after.start):
            kept.append(edit)
    return kept


def export_marks(text: str) -> ExportMarks | None:
    """The turns stated by an export, from the first export reader that recognises `text`."""
    for read in EXPORT_READERS:
        found = read(text)
        if found is not None:
            return found
    return None


def states_turns_in_fields(text: str) -> bool:
    """Whether an export that states its turns in fields of its own (a table, saved captions,
    a subtitle script, recognition segments, a JSON or XML export's records; not a Markdown
    page's bold labels) recognises
    `text`: such a file is a transcript whatever else its lines look like (`# command` above a
    diariser's segments is no Markdown heading)."""
    if read_structured(text) is not None or read_mail_archive(text) is not None:  # records, or mail's headers
        return True
    return any(read(text) is not None for read in EXPORT_READERS if read is not read_markdown_labels)
