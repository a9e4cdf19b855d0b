"""The description printed when the checkout vanishes mid-run (tests/_vanished.py)."""

from pathlib import Path

from ._vanished import describe_machine


def test_the_description_names_the_folders_the_disk_and_the_processes(tmp_path: Path) -> None:
    root = tmp_path / "main"
    root.mkdir()
    (root / "README.md").write_text("x")
    text = describe_machine(root)
    assert f"{root}: README.md" in text
    assert f"{tmp_path}: main" in text
    assert "GiB free of" in text and "$ df -h" in text and "$ ps -eo" in text


def test_a_folder_that_is_gone_is_reported_not_raised(tmp_path: Path) -> None:
    gone = tmp_path / "gone" / "main"
    text = describe_machine(gone)
    assert f"{gone}: (" in text and "No such file" in text
