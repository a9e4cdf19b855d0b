"""The IGF site module: listing addresses, links and pager, page cleaning and judging (pure, no network)."""

import hashlib
import html

import pytest

from forumlens.errors import ConfigError
from forumlens.fetch import igf_site
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes

from .conftest import MAIN_SESSION
from .fetch_support import RESOURCES, SyntheticIGF, transcript_body

BASE = "http://127.0.0.1:8000"
LISTING = f"{BASE}/multilingual/igf-2021-transcripts"


@pytest.fixture(scope="module")
def site():
    with SyntheticIGF(transcripts=4, per_page=3) as served:
        yield served


def _listing_page(site, number):
    key = site.listing_path if number == 0 else f"{site.listing_path}?page={number}"
    return site.routes[key].body.decode()


def test_listing_url_for_a_year_and_kind():
    assert igf_site.listing_url(2019) == "https://www.intgovforum.org/multilingual/igf-2019-transcripts"
    assert igf_site.listing_url(2021, "reports", base=BASE + "/") == f"{BASE}/multilingual/igf-2021-reports"


@pytest.mark.parametrize(("year", "kind"), [(2005, "transcripts"), (2021, "videos")])
def test_listing_url_refuses_years_and_kinds_that_do_not_exist(year, kind):
    with pytest.raises(ConfigError):
        igf_site.listing_url(year, kind)


def test_listing_links_are_the_main_contents_links_in_order(site):
    links = igf_site.listing_links(_listing_page(site, 0), LISTING)
    assert links == [BASE + p for p in site.entries[:3]]
    # menus, breadcrumb, sidebar and footer link to /content/ pages too: none of them is taken
    assert not any(word in link for link in links for word in ("about-the-forum", "another-year", "contact"))


def test_listing_links_keep_the_listing_host_and_drop_duplicates_and_fragments():
    markup = """<html><body><main>
      <a href="/en/content/a">A</a> <a href="/en/content/a#top">A again</a>
      <a href="https://elsewhere.example/en/content/b">other site</a>
      <a href="/en/content/c/">C</a> <a href="/sites/default/files/report.pdf">PDF</a>
      <a href="/en/node/5">not a content page</a></main></body></html>"""
    assert igf_site.listing_links(markup, LISTING) == [f"{BASE}/en/content/a", f"{BASE}/en/content/c/"]
    reports = igf_site.listing_links(markup, LISTING, "reports")
    assert f"{BASE}/sites/default/files/report.pdf" in reports


def test_next_page_follows_the_drupal_pager_to_the_end(site):
    url, seen = LISTING, []
    for number in range(site.listing_pages):
        seen.append(url)
        url = igf_site.next_page(_listing_page(site, number), url)
    assert url is None
    assert seen[1:] == [f"{LISTING}?page={n}" for n in range(1, site.listing_pages)]


@pytest.mark.parametrize(
    "pager",
    [
        '<li class="pager-next"><a title="Go to next page" href="/multilingual/igf-2021-transcripts?page=1">next ›</a></li>',
        '<li class="pager__item pager__item--next"><a href="?page=1">Next</a></li>',
        '<a href="?page=1" rel="next">›</a>',
    ],
)
def test_next_page_knows_both_themes_of_the_site(pager):
    markup = f"<html><body><main><ul>{pager}</ul></main></body></html>"
    assert igf_site.next_page(markup, LISTING) == f"{LISTING}?page=1"


def test_clean_page_keeps_title_and_captions_and_drops_the_site_chrome(site):
    page = igf_site.clean_page(site.transcript_page(2).decode())
    assert page.title == "IGF 2021 – Day 3 – Synthetic Session 2"
    assert page.text.startswith(page.title + "\n")
    assert ">> CHIDI MOCKWELL: " in page.text
    for chrome in ("legacy site", "You are here", "Share this page", "Synthetic test site", "Elsewhere", "dataLayer"):
        assert chrome not in page.text and chrome not in page.html
    assert 'class="' not in page.html


def test_clean_page_is_the_same_whatever_the_site_wraps_around_it():
    """Same title and captions under a new banner, footer or theme: same bytes, so the ingest skips it."""
    body = transcript_body(7)
    with SyntheticIGF(stamp="build 1") as site:
        old = site.transcript_page(7).decode()
    new = old.replace("build 1", "build 2").replace("field--label-hidden", "field--label-above clearfix")
    assert new != old
    assert igf_site.clean_page(old).to_bytes() == igf_site.clean_page(new).to_bytes()
    changed = old.replace(body.splitlines()[3], "<p>&gt;&gt; ALBA TESTA: A corrected caption.</p>")
    assert igf_site.clean_page(changed).to_bytes() != igf_site.clean_page(old).to_bytes()


def test_clean_page_without_a_body_field_still_drops_banners_and_breadcrumbs():
    markup = """<html><head><title>Open Mic | Internet Governance Forum</title></head><body>
      <div>This is now a legacy site and could be not up to date.</div>
      <main><div><h2>You are here</h2></div>
      <p>&gt;&gt; ALBA TESTA: First.</p><p>&gt;&gt; BRUNO SAMPLE: Second.</p></main></body></html>"""
    page = igf_site.clean_page(markup)
    assert page.title == "Open Mic"
    assert "legacy" not in page.text and "You are here" not in page.text
    assert page.text.count(">> ") == 2


def test_judge_transcripts_sessions_empty_transcripts_and_reports(site):
    transcript = igf_site.clean_page(site.transcript_page(1).decode())
    session = igf_site.clean_page((RESOURCES / "session.html").read_text().replace("$title", "A workshop"))
    empty = igf_site.clean_page(
        "<html><body><h1>Day 3</h1><div class='field--name-body'>"
        "<p>The following are the outputs of the real-time captioning taken during the meeting.</p></div></body></html>"
    )
    assert igf_site.judge(transcript) == igf_site.Verdict(True)
    verdict = igf_site.judge(session)
    assert not verdict.wanted and verdict.reason.startswith("not a transcript: no caption turns")
    assert "the transcript is empty" in igf_site.judge(empty).reason
    assert igf_site.judge(session, "reports").wanted
    assert "a transcript, not a report" in igf_site.judge(transcript, "reports").reason


def test_a_real_transcript_in_the_sites_page_shape_reads_as_the_text_file_does():
    """The shared IGF 2021 transcript, wrapped in the site's page (as the site serves it), cleaned:
    the same turns, speakers and words as the plain-text file."""
    text = MAIN_SESSION.read_text("utf-8")
    title, _, rest = text.partition("\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in rest.split("\n\n") if p.strip())
    markup = (RESOURCES / "transcript.html").read_text("utf-8")
    markup = markup.replace("$title", html.escape(title)).replace("$body", body).replace("$stamp", "")
    page = igf_site.clean_page(markup)
    assert igf_site.judge(page).wanted
    data = page.to_bytes()
    from_web = parse_document(read_bytes(data, "https://www.intgovforum.org/en/content/x"))
    from_file = parse_document(read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)))
    assert from_web.title == from_file.title == title.strip()
    assert [t.speaker for t in from_web.turns] == [t.speaker for t in from_file.turns]
    assert [t.text.split() for t in from_web.turns] == [t.text.split() for t in from_file.turns]
    assert hashlib.sha256(data).hexdigest() == from_web.sha256


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.intgovforum.org/en/content/x", True),
        ("http://intgovforum.org/multilingual/content/x", True),
        ("https://review.intgovforum.org/en/content/x", True),
        (f"{BASE}/en/content/x", True),
        ("https://notintgovforum.org/en/content/x", False),
        ("https://example.org/en/content/x", False),
    ],
)
def test_is_site_url(url, expected):
    assert igf_site.is_site_url(url, BASE) is expected
