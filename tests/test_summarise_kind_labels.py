"""Category keys read as labels in a brief: "concise-summaries" is shown as "Concise summaries"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from forumlens.cli import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "igf2024-ws-coalition-outputs.txt"


def test_calls_to_action_show_their_category_as_words_in_text_and_markdown() -> None:
    for fmt in ([], ["--md"]):
        result = CliRunner().invoke(cli, ["report", str(EXAMPLE), *fmt])
        assert result.exit_code == 0, result.output
        low = result.output.lower()
        calls = result.output[low.index("calls to action") : low.index("key points by speaker")]
        assert "Concise summaries:" in calls, calls
        assert "Concise-summaries" not in calls
