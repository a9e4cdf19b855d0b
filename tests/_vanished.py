"""What the machine looked like when the checkout vanished mid-run (tests/conftest.py).

Only called when a file every test needs is gone, so it may be slow and must never raise: each
probe's failure is printed in its place."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def _probe(label: str, command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
        return f"$ {label}\n{(done.stdout + done.stderr).strip()[:8000]}"
    except (OSError, subprocess.SubprocessError) as exc:
        return f"$ {label}\n({type(exc).__name__}: {exc})"


def describe_machine(root: Path) -> str:
    """cwd, the checkout's parents, free disk space, mounts and the process tree, as text."""
    lines = []
    try:
        lines.append(f"cwd: {os.getcwd()}")
    except OSError as exc:
        lines.append(f"cwd: ({exc})")
    for folder in (root, root.parent, Path("/tmp")):
        try:
            entries = sorted(p.name for p in folder.iterdir())[:40]
            lines.append(f"{folder}: {', '.join(entries) or '(empty)'}")
        except OSError as exc:
            lines.append(f"{folder}: ({exc})")
    try:
        usage = shutil.disk_usage(root.parent if root.parent.exists() else "/")
        lines.append(f"disk: {usage.free / 2**30:.1f} GiB free of {usage.total / 2**30:.1f} GiB")
    except OSError as exc:
        lines.append(f"disk: ({exc})")
    lines.append(_probe("df -h", ["df", "-h"]))
    lines.append(
        _probe("ps -eo pid,ppid,etimes,rss,args --forest", ["ps", "-eo", "pid,ppid,etimes,rss,args", "--forest", "-ww"])
    )
    return "\n".join(lines)
