"""Readers: encodings detected from the bytes, mojibake repaired, binary refused by name."""

import codecs

import pytest

from forumlens.errors import BinaryInput, EmptyInput, UndecodableInput, UnsupportedFormat
from forumlens.read import read_bytes, sniff_format

SAMPLE = ">> MARÍA GARCÍA-LÓPEZ: Thank you – “quoted”. Müller\n>> JOHN ROE: Merci.\n"


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-bom"),
        (lambda t: t.encode("utf-16"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("utf-16-le"), "utf-16"),
        (lambda t: t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_from_the_bytes(encode, encoding):
    document = read_bytes(encode(SAMPLE), "sample.bin")
    assert document.text == SAMPLE
    assert document.encoding == encoding


def test_latin1_bytes_that_cp1252_cannot_decode_still_read():
    data = "Caf\u00e9 \u0081".encode("latin-1")
    assert read_bytes(data, "x").text.startswith("Café")


def test_double_encoded_utf8_is_repaired_with_a_warning():
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252

    mojibake = SAMPLE.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")
    document = read_bytes(mojibake, "m.txt")
    assert document.text == SAMPLE
    assert any("mojibake" in w for w in document.warnings)


def test_crlf_becomes_lf():
    assert read_bytes(b">> A B: x\r\n>> C D: y\r\n", "w.txt").text == ">> A B: x\n>> C D: y\n"


def test_html_transcript_keeps_markers_on_their_own_lines_and_drops_scripts():
    page = (
        b"<!DOCTYPE html><html><head><title>IGF 2019 WS1</title><script>var x = '>> EVIL: no';</script>"
        b"</head><body><nav>Home | Menu</nav><div class='t'><p>&gt;&gt; JANE DOE: Hello &amp; welcome."
        b"</p><p>&gt;&gt; JOHN ROE: Hi<br>again</p></div><footer>(c) IGF</footer></body></html>"
    )
    document = read_bytes(page, "page.html")
    assert document.format == "html"
    assert document.text.startswith("IGF 2019 WS1\n")
    assert ">> JANE DOE: Hello & welcome." in document.text.split("\n")
    assert "EVIL" not in document.text and "Menu" not in document.text and "(c) IGF" not in document.text
    assert sniff_format(page) == "html"


def test_html_is_sniffed_not_taken_from_the_name():
    assert read_bytes(b">> A B: <b>not html</b>\n", "looks.html").format == "text"


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInput),
        (b"   \n\t\n", EmptyInput),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), BinaryInput),
        (b"\x7fELF" + bytes(64), BinaryInput),
        (b"PK\x03\x04" + bytes(64), UnsupportedFormat),
        (bytes(range(256)) * 8, BinaryInput),
        (b"text\x00with\x00nuls" * 3, BinaryInput),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", UndecodableInput),
    ],
)
def test_bad_input_raises_a_named_error_with_the_file_name(data, error):
    with pytest.raises(error) as info:
        read_bytes(data, "bad-input.bin")
    assert "bad-input.bin" in str(info.value)
