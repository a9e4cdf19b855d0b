# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := $(VENV)/demo.sqlite3

.PHONY: demo test install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/forumlens --db $(DEMO_DB) ingest examples/
	$(BIN)/forumlens --db $(DEMO_DB) sessions
	$(BIN)/forumlens --db $(DEMO_DB) search "funding"

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
