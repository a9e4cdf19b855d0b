"""Mail read by its headers with the standard library: mbox, a list archive, a digest, an .eml."""

from __future__ import annotations

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import expand_paths
from forumlens.transcript.mailreader import read_mail_archive
from forumlens.transcript.parse import parse_by_template, parse_transcript

# An invented mbox: two messages under their envelopes, the second quoting the first and going on.
MBOX = """From amara@radio.example.org Tue Mar 12 09:02:11 2024
From: Amara Osei <amara@radio.example.org>
To: licences@list.example.org
Subject: fee table
Date: Tue, 12 Mar 2024 09:02:11 +0000
Message-ID: <a1@radio.example.org>

Can we agree on the fee table before the consultation closes?
Amara

From lucia@wave.example.org Tue Mar 12 10:40:00 2024
From: "Brandt, Lucia" <lucia@wave.example.org>
To: licences@list.example.org
Subject: Re: fee table
Date: Tue, 12 Mar 2024 11:40:00 +0100
In-Reply-To: <a1@radio.example.org>
Message-ID: <b2@wave.example.org>

The fee should follow the hours on air.

On Tue, 12 Mar 2024 at 09:02, Amara Osei <amara@radio.example.org> wrote:
> Can we agree on the fee table before the consultation closes?

And not the licence class, please.
"""

# A list's monthly text archive as Pipermail writes it: ` at ` for `@`, the name in brackets, an
# account with the address alone, an attribution wrapped inside its address, a scrubbed part.
ARCHIVE = """From tomas.lind at wave.example.org  Wed Jun  5 08:00:01 2019
From: tomas.lind at wave.example.org (Tomas Lind)
Date: Wed, 5 Jun 2019 10:00:01 +0200
Subject: [radio-dc] hub list
Message-ID: <c3@wave.example.org>

Hello list,
the hub list for the session is attached.

From hub-kisumu at radio.example.org  Wed Jun  5 09:12:44 2019
From: hub-kisumu at radio.example.org (hub-kisumu at radio.example.org)
Date: Wed, 5 Jun 2019 12:12:44 +0300
Subject: [radio-dc] hub list
In-Reply-To: <c3@wave.example.org>
Message-ID: <d4@radio.example.org>

Please add Kisumu, we have forty seats.

On Wed, Jun 5, 2019 at 10:00 AM Tomas Lind <
tomas.lind at wave.example.org> wrote:

> the hub list for the session is attached.

-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/radio-dc/attachments/d4.html>
"""

# A list server's digest (Listserv, Mailman): contents above, padded fields, rules between messages.
DIGEST = """RADIO-DC Digest - 4 Jun 2019 to 5 Jun 2019 (#2019-41)

There are 2 messages totalling 31 lines in this issue.

Topics of the day:

  1. Hub seats (2)

----------------------------------------------------------------------

Date:    Tue, 4 Jun 2019 16:20:05 +0000
From:    Nadia Haddad <nadia@hub.example.org>
Subject: Hub seats

Twenty seats in Tunis, and a projector.

------------------------------

Date:    Wed, 5 Jun 2019 07:45:30 -0400
From:    kofi.mensah@radio.example.org
Subject: Re: Hub seats

Accra has thirty. Who sends the stream link?

------------------------------

End of RADIO-DC Digest - 4 Jun 2019 to 5 Jun 2019 (#2019-41)
"""

# A saved message (.eml): MIME, an encoded display name, the text part before an HTML part.
EML = """Return-Path: <ines@coalition.example.org>
Received: from mail.example.org (mail.example.org [192.0.2.7])
\tby mx.example.org; Thu, 7 Nov 2024 14:03:00 +0000
From: =?utf-8?q?In=C3=AAs_Duarte?= <ines@coalition.example.org>
To: members@coalition.example.org
Subject: Annual report draft
Date: Thu, 7 Nov 2024 14:02:58 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b0und"

This is a multi-part message in MIME format.
--b0und
Content-Type: text/plain; charset=utf-8

Dear members, the draft is ready for comments until Friday.
--b0und
Content-Type: text/html; charset=utf-8

<p>Dear members, the draft is ready for comments until Friday.</p>
--b0und--
"""


def _turns(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(t.label, t.speaker, t.text.split("\n")[0]) for t in parse_transcript(text).turns]


def test_an_mbox_gives_each_message_to_its_sender_and_a_quote_to_the_quoted() -> None:
    assert _turns(MBOX) == [
        ("Amara Osei", "Amara Osei", "Can we agree on the fee table before the consultation closes?"),
        ("Brandt, Lucia", "Lucia Brandt", "The fee should follow the hours on air."),
        ("Amara Osei", "Amara Osei", "Can we agree on the fee table before the consultation closes?"),
        ("Brandt, Lucia", "Lucia Brandt", "And not the licence class, please."),
    ]


def test_no_header_field_becomes_a_turn_or_speech() -> None:
    for text in (MBOX, ARCHIVE, DIGEST, EML):
        session = parse_transcript(text)
        assert session.turns
        for turn in session.turns:
            assert turn.label not in {"From", "Date", "Subject", "To", "Message-ID", "Content-Type"}
            assert not any(
                line.startswith(("From:", "Date:", "Subject:", "Message-ID:")) for line in turn.text.split("\n")
            )


def test_a_pipermail_archive_reads_the_name_in_brackets_and_an_account_is_no_person() -> None:
    assert _turns(ARCHIVE) == [
        ("Tomas Lind", "Tomas Lind", "Hello list,"),
        ("hub-kisumu", None, "Please add Kisumu, we have forty seats."),
        ("Tomas Lind", "Tomas Lind", "the hub list for the session is attached."),
    ]
    account, quote = parse_transcript(ARCHIVE).turns[1:]
    assert account.text == "Please add Kisumu, we have forty seats."  # the wrapped attribution is no speech
    assert quote.text == "the hub list for the session is attached."  # nor the scrubbed attachment's block


def test_a_digest_reads_its_messages_and_leaves_its_contents_and_rules_out() -> None:
    assert _turns(DIGEST) == [
        ("Nadia Haddad", "Nadia Haddad", "Twenty seats in Tunis, and a projector."),
        ("kofi.mensah", None, "Accra has thirty. Who sends the stream link?"),
    ]
    last = parse_transcript(DIGEST).turns[-1]
    assert last.text == "Accra has thirty. Who sends the stream link?"  # not the rule nor `End of … Digest`


def test_an_eml_speaks_from_its_text_part_under_its_decoded_name() -> None:
    turns = parse_transcript(EML).turns
    assert [(t.label, t.text) for t in turns] == [
        ("Inês Duarte", "Dear members, the draft is ready for comments until Friday."),
    ]


def test_the_template_fallback_reads_mail_by_its_headers_too() -> None:
    assert [(t.label, t.text.split("\n")[0]) for t in parse_by_template(MBOX).turns][:2] == [
        ("Amara Osei", "Can we agree on the fee table before the consultation closes?"),
        ("Brandt, Lucia", "The fee should follow the hours on air."),
    ]


def test_caption_lines_that_look_like_fields_are_no_mail() -> None:
    captions = """>> CHAIR: Good morning. The agenda is on the screen.
From: the floor, a question.
Date: Monday, the second day.
Subject: the hubs.

>> JO LI: Thank you. We have three hubs online.
"""
    assert read_mail_archive(captions) is None  # no real date, no envelope
    one_pasted = """>> CHAIR: I read the mail we received.

From: Jo Li <jo@x.example.org>
Date: Tue, 4 Jun 2019 16:20:05 +0000
Subject: hubs

Three hubs are online.

>> JO LI: That was mine. Thank you.
"""
    assert read_mail_archive(one_pasted) is None  # one header inside a caption file, not at its top
    assert "Jo Li" not in {t.label for t in parse_transcript(one_pasted).turns if t.label != "JO LI"}


def test_a_quote_without_an_attribution_stays_in_the_message() -> None:
    text = MBOX.replace("On Tue, 12 Mar 2024 at 09:02, Amara Osei <amara@radio.example.org> wrote:\n", "\n")
    turns = parse_transcript(text).turns
    assert [t.label for t in turns] == ["Amara Osei", "Brandt, Lucia"]
    assert turns[1].text.endswith("And not the licence class, please.")


def test_nested_quotes_go_to_each_level_s_writer() -> None:
    text = MBOX.replace(
        "> Can we agree on the fee table before the consultation closes?",
        "> Amara Osei wrote:\n>> Is the fee table final?\n> Not yet, can we agree on it?",
    ).replace("On Tue, 12 Mar 2024 at 09:02, Amara Osei <amara@radio.example.org> wrote:", "Tomas Lind wrote:")
    assert [(label, first) for label, _, first in _turns(text)][1:] == [
        ("Brandt, Lucia", "The fee should follow the hours on air."),
        ("Amara Osei", "Is the fee table final?"),
        ("Tomas Lind", "Not yet, can we agree on it?"),
        ("Brandt, Lucia", "And not the licence class, please."),
    ]


def test_ingest_takes_a_folder_s_mbox_and_eml_files_by_their_suffix(tmp_path) -> None:
    folder = tmp_path / "list"
    folder.mkdir()
    (folder / "march.mbox").write_text(MBOX, "utf-8")
    (folder / "draft.eml").write_text(EML, "utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    assert [p.name for p in expand_paths([folder])] == ["draft.eml", "march.mbox"]
    db = str(tmp_path / "store.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder), "--no-analysis"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "march.mbox → session" in result.output and "4 turns" in result.output
    assert "draft.eml → session" in result.output and "1 turn" in result.output


def test_a_message_opening_with_a_quote_leaves_its_head_out_of_every_turn() -> None:
    text = MBOX.replace("The fee should follow the hours on air.\n\n", "")
    turns = parse_transcript(text).turns
    assert [(t.label, t.text) for t in turns] == [
        ("Amara Osei", "Can we agree on the fee table before the consultation closes?\nAmara"),
        ("Amara Osei", "Can we agree on the fee table before the consultation closes?"),
        ("Brandt, Lucia", "And not the licence class, please."),
    ]


def test_a_file_opening_with_a_message_takes_its_subject_and_date_for_title_and_year() -> None:
    archive = parse_transcript(ARCHIVE.replace("Subject: [radio-dc] hub list", "Subject: Re: [radio-dc] hub list"))
    assert (archive.title, archive.year) == ("hub list", 2019)
    assert (parse_transcript(EML).title, parse_transcript(EML).year) == ("Annual report draft", 2024)
    # a digest's own title line above its first message stays the title; the year is its first message's
    titled = DIGEST.replace(
        "RADIO-DC Digest - 4 Jun 2019 to 5 Jun 2019 (#2019-41)\n", "RADIO-DC Digest, Vol 3, Issue 41\n", 1
    )
    digest = parse_transcript(titled)
    assert (digest.title, digest.year) == ("RADIO-DC Digest, Vol 3, Issue 41", 2019)
