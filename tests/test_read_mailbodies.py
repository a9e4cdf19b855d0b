"""Transfer-encoded mail bodies (quoted-printable, base64) are read as their text (`read/mailbodies.py`).

Invented messages: a quoted-printable `.eml` with soft line breaks and `=E2=80=99`, an mbox whose first message is
base64 UTF-8, a multipart/alternative message, a body whose bytes are not its declared charset, and one declaring a
charset Python does not know.
"""

from __future__ import annotations

import base64
import hashlib

import pytest

from forumlens.errors import UndecodableInput
from forumlens.read import read_bytes
from forumlens.read.mailbodies import decoded_bodies
from forumlens.transcript.parse import parse_transcript

QP_EML = """From: Tamar Ben-David <tamar@example.org>
To: dc-rivers@example.org
Subject: Re: [dc-rivers] Gauge readings
Date: Wed, 6 Nov 2019 08:30:00 +0200
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

We=E2=80=99ll publish the gauge readings of all twelve stations by June, and t=
he flood map follows in July.=20
The caf=C3=A9 in Nazareth hosts the next meeting.
"""

BODY_B64 = "Olá a todos,\nO relatório sobre as bibliotecas rurais já está pronto.\nVamos apresentá-lo em Kyoto.\n"


def _mbox() -> str:
    encoded = base64.encodebytes(BODY_B64.encode("utf-8")).decode("ascii")
    return (
        "From joana@example.pt  Mon Nov  4 09:12:40 2019\n"
        "From: Joana Ferreira <joana@example.pt>\n"
        "To: dc-libraries@example.org\n"
        "Subject: Relatorio\n"
        "Date: Mon, 4 Nov 2019 09:12:40 +0000\n"
        "MIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\n'
        "Content-Transfer-Encoding: base64\n"
        "\n"
        f"{encoded}"
        "\n"
        "From kwame@example.gh  Mon Nov  4 11:40:02 2019\n"
        "From: Kwame Asante <kwame@example.gh>\n"
        "To: dc-libraries@example.org\n"
        "Subject: Re: Relatorio\n"
        "Date: Mon, 4 Nov 2019 11:40:02 +0000\n"
        "\n"
        "Thank you, Joana. We will translate it into Twi=20before Kyoto.\n"
    )


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(t.speaker, t.text) for t in parse_transcript(text).turns]


def test_quoted_printable_is_read_as_its_words():
    document = read_bytes(QP_EML.encode("ascii"), "gauges.eml")
    assert document.warnings == ()
    assert "Content-Transfer-Encoding: 8bit" in document.text and "quoted-printable" not in document.text
    (speaker, said), *rest = _turns(document.text)
    assert rest == [] and speaker == "Tamar Ben-David"
    # the soft break joins "t=" and "he flood map"; =E2=80=99 is the apostrophe, =C3=A9 the é, =20 a space
    assert said.startswith("We’ll publish the gauge readings of all twelve stations by June, and the flood map follows")
    assert "The café in Nazareth hosts the next meeting." in said
    assert "=" not in said
    # the document's hash is the file's bytes' as written (re-ingesting it is a no-op); its text is decoded
    assert document.sha256 == hashlib.sha256(QP_EML.encode("ascii")).hexdigest()


def test_a_base64_body_of_an_mbox_is_read_and_the_next_message_is_untouched():
    text = _mbox()
    document = read_bytes(text.encode("ascii"), "list.mbox")
    turns = _turns(document.text)
    assert [speaker for speaker, _ in turns] == ["Joana Ferreira", "Kwame Asante"]
    assert turns[0][1] == BODY_B64.strip()
    # a message without a transfer encoding is left as written, "=20" and all
    assert turns[1][1] == "Thank you, Joana. We will translate it into Twi=20before Kyoto."
    assert document.text.endswith(text[text.index("From kwame") :])


def test_only_the_plain_part_of_an_alternative_is_decoded():
    html = base64.encodebytes(b"<p>Ol\xc3\xa1</p>").decode("ascii")
    text = (
        "From: Ana Lima <ana@example.br>\n"
        "Subject: Agenda\n"
        "Date: Thu, 7 Nov 2019 14:00:00 -0300\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n'
        "\n"
        "--b1\n"
        'Content-Type: text/plain; charset="iso-8859-1"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "A reuni=E3o come=E7a =E0s 14h.\n"
        "--b1\n"
        'Content-Type: text/html; charset="utf-8"\n'
        "Content-Transfer-Encoding: base64\n"
        "\n"
        f"{html}"
        "--b1--\n"
    )
    decoded, warnings = decoded_bodies(text, "agenda.eml")
    assert warnings == ()
    assert "A reunião começa às 14h." in decoded
    assert html.strip() in decoded and decoded.count("Content-Transfer-Encoding: base64") == 1  # the HTML part
    assert _turns(decoded) == [("Ana Lima", "A reunião começa às 14h.")]


def test_bytes_that_are_not_the_declared_charset_are_replaced_with_a_warning():
    text = QP_EML.replace("caf=C3=A9", "caf=E9")  # Latin-1 é in a body declared UTF-8
    document = read_bytes(text.encode("ascii"), "gauges.eml")
    assert "The caf\ufffd in Nazareth" in document.text
    (warning,) = document.warnings
    assert "message 1" in warning and "part 1" in warning and "utf-8" in warning and "1 character replaced" in warning


def test_an_unknown_charset_is_refused_naming_the_file_and_the_part():
    text = QP_EML.replace('charset="utf-8"', 'charset="x-martian-7"')
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(text.encode("ascii"), "gauges.eml")
    said = caught.value.render()
    assert "gauges.eml" in said and "x-martian-7" in said and "message 1" in said and "part 1" in said


def test_a_text_that_only_mentions_a_transfer_encoding_is_left_as_it_is():
    caption = (
        ">> MODERATOR: Our next speaker explains mail.\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        ">> LEILA HADDAD: Old list archives keep base64 bodies like SGVsbG8=.\n"
    )
    assert decoded_bodies(caption) == (caption, ())
    assert read_bytes(caption.encode("utf-8"), "talk.txt").text == caption


def test_forumlens_parse_gives_the_decoded_words_and_refuses_an_unknown_charset(tmp_path):
    import json

    from click.testing import CliRunner

    from forumlens.cli import cli

    (tmp_path / "gauges.eml").write_bytes(QP_EML.encode("ascii"))
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "gauges.eml"), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (turn,) = json.loads(result.output)["turns"]
    assert turn["speaker"] == "Tamar Ben-David" and "We’ll publish" in turn["text"] and "=E2" not in turn["text"]
    (tmp_path / "odd.eml").write_bytes(QP_EML.replace('charset="utf-8"', 'charset="x-martian-7"').encode("ascii"))
    refused = CliRunner().invoke(cli, ["parse", str(tmp_path / "odd.eml")])
    assert refused.exit_code != 0 and "odd.eml" in refused.output and "x-martian-7" in refused.output
