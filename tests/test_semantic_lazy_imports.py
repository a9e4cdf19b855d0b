"""Analysing a transcript imports no store: `forumlens.semantic` names its parts lazily.

The pipeline needs one function of `semantic` (the keyword profile); importing the package
used to import every semantic module, and through them the whole store (SQL, schema,
vectors, sqlite3), into `forumlens report FILE.txt`, which never opens a store (issue 19).
Checked in a fresh interpreter, since this test process may have imported the store long ago.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import forumlens.semantic as semantic

_PROBE = """
import json, sys
from forumlens.pipeline import analyse_session, prepare_document
from forumlens.read import read_bytes
doc = read_bytes(sys.stdin.buffer.read(), "talk.txt")
session, _meta = prepare_document(doc)
analyses = analyse_session(session)
heavy = sorted(m for m in sys.modules if m == "sqlite3" or m.startswith(("forumlens.store", "forumlens.semantic.")))
print(json.dumps({"modules": heavy, "keywords": len(analyses["keywords"])}))
"""

_TALK = (
    b">> ANNA SMITH: Welcome to the workshop on meaningful access and community networks.\n"
    b">> BEN JONES: Thank you, Anna. Community networks connect rural schools, and funding for "
    b"community networks is what the coalition asks governments for.\n"
)


def test_analysing_a_transcript_imports_no_store() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], input=_TALK, capture_output=True, check=True)
    found = json.loads(done.stdout)
    assert found["keywords"] > 0  # the keyword profile was computed, from semantic.profiles
    assert found["modules"] == ["forumlens.semantic.profiles", "forumlens.semantic.substance"]


def test_every_public_name_is_the_submodules_own() -> None:
    assert sorted(semantic._PUBLIC) == sorted(semantic.__all__)
    for name, module in semantic._PUBLIC.items():
        assert getattr(semantic, name) is getattr(importlib.import_module(module, "forumlens.semantic"), name), name
    assert set(semantic.__all__) <= set(dir(semantic))
