"""The command-line contract of issue 7: subscribers add|list|show|remove|import, digest, deliver."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.route.service import parse_duration
from forumlens.store.sqlite import SQLiteStore

from .route_support import SmtpSink, WebhookSink, free_port, store_session


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.sqlite3")
    env = {
        "FORUMLENS_CONFIG": str(tmp_path / "none.toml"),
        "FORUMLENS_PUBLIC_URL": "https://forum.example.org",
        "FORUMLENS_SMTP_HOST": "127.0.0.1",
        "FORUMLENS_SMTP_PORT": str(free_port()),
        "FORUMLENS_MAIL_FROM": "digest@forumlens.test",
    }

    def invoke(*args: str, code: int = 0, **extra_env: str):
        result = CliRunner().invoke(cli, ["--db", db, *args], env={**env, **extra_env}, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    invoke.db = db
    invoke.env = env
    return invoke


def test_add_with_every_contract_option_then_show_and_list(run):
    out = run(
        "subscribers",
        "add",
        "Office of the Tech Envoy",
        "--email",
        "envoy@example.org",
        "--webhook",
        "https://hooks.example.org/forumlens",
        "--feed",
        "--coalition",
        "DC-CIV",
        "--coalition",
        "DC on Gender and Internet Governance",
        "--tag",
        "SDG9",
        "--tag",
        "GDC1",
        "--person",
        "Jennifer Chung",
        "--query",
        '"net neutrality"',
        "--json",
    ).stdout  # the JSON alone: the note that a new store was created goes to stderr
    data = json.loads(out)
    assert data["channels"] == ["email", "webhook", "feed"]
    assert data["interests"] == {
        "coalitions": ["DC-CIV", "DC on Gender and Internet Governance"],
        "tags": ["SDG9", "GDC1"],
        "people": ["Jennifer Chung"],
        "queries": ['"net neutrality"'],
        "questions_to": [],
    }
    assert data["feed_url"] == f"https://forum.example.org/feeds/{data['feed_token']}.atom"
    assert len(data["webhook_secret"]) == 64

    shown = json.loads(run("subscribers", "show", "office of the tech envoy", "--json").output)
    assert shown["feed_token"] == data["feed_token"] and shown["deliveries"] == []
    assert shown["feed_url"] == data["feed_url"]  # `add --json` and `show --json` print the subscriber alike
    listed = json.loads(run("subscribers", "list", "--json").output)["subscribers"]
    assert [s["name"] for s in listed] == ["Office of the Tech Envoy"]
    assert "feed_token" not in listed[0] and "webhook_secret" not in listed[0]
    text = run("subscribers", "list").output
    assert "Office of the Tech Envoy" in text and "email,webhook,feed" in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--email", "not-an-address"], "is not an e-mail address"),
        (["--webhook", "ftp://example.org/x"], "is not an http:// or https:// URL"),
    ],
)
def test_bad_channels_are_refused_in_one_line(run, args, message):
    result = run("subscribers", "add", "X", *args, code=1)
    assert message in result.output and "Traceback" not in result.output


def test_duplicate_names_and_unknown_subscribers_are_clear_errors(run):
    run("subscribers", "add", "Envoy", "--feed", "--tag", "SDG9")
    assert "already exists" in run("subscribers", "add", "Envoy", "--feed", code=1).output
    assert "no subscriber named 'Ghost'" in run("subscribers", "show", "Ghost", code=1).output
    run("subscribers", "add", "Mailer", "--email", "m@example.org", "--tag", "SDG9")
    assert "'Mailer' has no feed" in run("subscribers", "feed", "Mailer", code=1).output
    assert "removed Envoy" in run("subscribers", "remove", "Envoy").output
    run("subscribers", "remove", "Mailer")
    assert "no subscribers" in run("subscribers", "list").output


def test_import_toml_adds_then_updates_keeping_secrets(run, tmp_path):
    path = tmp_path / "subs.toml"
    path.write_text(
        '[[subscriber]]\nname = "Envoy"\nfeed = true\ncoalitions = ["DC-CIV"]\n'
        '[[subscriber]]\nname = "Ministry"\nemail = "m@example.org"\ntags = ["SDG9"]\n'
        'questions_to = ["DC-Gender"]\n'
    )
    assert "imported 2 subscribers: Envoy, Ministry" in run("subscribers", "import", str(path)).output
    token = json.loads(run("subscribers", "show", "Envoy", "--json").output)["feed_token"]
    path.write_text('[[subscriber]]\nname = "Envoy"\nfeed = true\ncoalitions = ["DC-CIV", "DCAD"]\n')
    run("subscribers", "import", str(path))
    again = json.loads(run("subscribers", "show", "Envoy", "--json").output)
    assert again["feed_token"] == token and again["interests"]["coalitions"] == ["DC-CIV", "DCAD"]
    ministry = json.loads(run("subscribers", "show", "Ministry", "--json").output)
    assert ministry["interests"]["questions_to"] == ["DC-Gender"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('[[subscriber]]\nname = "A"\ncolour = "red"\n', "unknown field(s) colour"),
        ('[[subscriber]]\nemail = "a@b.org"\n', "has no name"),
        ('[[subscriber]]\nname = "A"\n[[subscriber]]\nname = "a"\n', "duplicate subscriber name(s): a"),
        ("not toml [", "is not valid TOML"),
    ],
)
def test_bad_import_files_change_nothing(run, tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    run("migrate")  # an existing store is left as it was (a new one is removed: test_cli_new_store)
    assert message in run("subscribers", "import", str(path), code=1).output
    assert "no subscribers" in run("subscribers", "list").output


def test_import_yaml_when_pyyaml_is_installed(run, tmp_path):
    pytest.importorskip("yaml")
    path = tmp_path / "subs.yaml"
    path.write_text("subscribers:\n  - name: Envoy\n    feed: true\n    tags: [SDG9]\n")
    assert "imported 1 subscriber: Envoy" in run("subscribers", "import", str(path)).output


def test_digest_dry_run_then_real_run_delivers_email_and_webhook_once(run):
    store = SQLiteStore(run.db)
    session_id = store_session(store)
    store.close()
    with SmtpSink(int(run.env["FORUMLENS_SMTP_PORT"])) as smtp, WebhookSink() as hook:
        data = json.loads(
            run(
                "subscribers",
                "add",
                "Envoy",
                "--email",
                "envoy@example.org",
                "--webhook",
                hook.url,
                "--feed",
                "--coalition",
                "DC-CIV",
                "--tag",
                "SDG9",
                "--json",
            ).output
        )
        hook.secret = data["webhook_secret"]
        dry = run("digest", "--dry-run").output
        assert "2 new matches (dry run" in dry and f"session {session_id}, line 7" in dry
        assert smtp.messages == [] and hook.requests == []
        report = json.loads(run("digest", "--since", "1d", "--json", "--backoff", "0").output)
        assert {d["channel"]: d["status"] for d in report["deliveries"]} == {
            "email": "delivered",
            "webhook": "delivered",
        }
        assert "nothing to deliver" in run("digest").output.splitlines()[-1]  # each item once per channel
        shown = json.loads(run("subscribers", "show", "Envoy", "--json").output)
    assert len(smtp.messages) == 1 and len(hook.accepted()) == 1
    assert {(d["channel"], d["status"]) for d in shown["deliveries"]} == {
        ("email", "delivered"),
        ("webhook", "delivered"),
    }
    feed = run("subscribers", "feed", "Envoy").output
    assert feed.startswith("<?xml") and session_id in feed


def test_digest_exits_1_while_a_channel_is_down_and_deliver_retries_it(run):
    store = SQLiteStore(run.db)
    store_session(store)
    store.close()
    run("subscribers", "add", "Envoy", "--email", "envoy@example.org", "--tag", "SDG9")
    down = run("digest", "--backoff", "0", code=1).output
    assert "retry (attempt 4)" in down and "Connection refused" in down
    with SmtpSink(int(run.env["FORUMLENS_SMTP_PORT"])) as smtp:
        assert "delivered (attempt 5)" in run("deliver", "--backoff", "0").output
    assert len(smtp.messages) == 1


@pytest.mark.parametrize(
    "text, seconds",
    [("7d", 604800), ("12h", 43200), ("30m", 1800), ("2w", 1209600), ("weekly", 604800), ("daily", 86400)],
)
def test_durations(text, seconds):
    assert parse_duration(text).total_seconds() == seconds


def test_bad_since_is_a_config_error(run):
    assert "is not a duration" in run("digest", "--since", "soon", code=1).output


def test_a_digest_after_ingest_says_its_items_were_matched_at_ingest(run):
    """Ingest matches new sessions to subscribers as it stores them, so the first digest after it
    finds "0 new matches" yet delivers: the line says where the items came from."""
    from .conftest import ROOT

    with SmtpSink(int(run.env["FORUMLENS_SMTP_PORT"])) as smtp:
        run("subscribers", "add", "Envoy", "--email", "envoy@example.org", "--coalition", "DC-PAL")
        run("ingest", str(ROOT / "examples"))
        out = run("digest", "--backoff", "0").output.splitlines()
        assert (
            out[0]
            == "2 sessions in the window, 0 new matches (the items below were matched earlier, when their sessions were ingested)"
        )
        assert out[1].startswith("Envoy · email · ") and out[1].endswith("delivered (attempt 1)")
        again = run("digest").output.splitlines()
    assert again == ["2 sessions in the window, 0 new matches", "nothing to deliver"]  # nothing left: no note
    assert len(smtp.messages) == 1


def test_new_matches_with_no_e_mail_or_webhook_say_where_they_went(run):
    """A feed is read, not sent, and a subscriber added without a channel gets nothing: "2 new
    matches" above "nothing to deliver" says which of the two each matched subscriber is."""
    from .conftest import ROOT

    run("ingest", str(ROOT / "examples"))
    run("subscribers", "add", "Reader", "--feed", "--coalition", "DC-PAL")
    run("subscribers", "add", "Nobody", "--coalition", "IS3C")
    result = run("digest")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 sessions in the window, ") and not lines[0].endswith(" 0 new matches")
    assert lines[1] == "nothing to deliver"
    note = result.stderr.strip()
    assert note.startswith("note: 'Reader': matches are read from the Atom feed (`forumlens subscribers feed NAME`)")
    assert "'Nobody': no channel, so nothing is sent" in note
    again = run("digest")
    assert again.stdout.splitlines() == ["2 sessions in the window, 0 new matches", "nothing to deliver"]
    assert again.stderr == ""  # nothing new matched: nothing to explain
