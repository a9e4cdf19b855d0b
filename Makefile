# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := $(VENV)/demo.sqlite3

.PHONY: demo test lint install install-test bench fuzz crash clean

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
	$(BIN)/forumlens --db $(DEMO_DB) report "Coalition Outputs"
	$(BIN)/forumlens --db $(DEMO_DB) questions --open
	$(BIN)/forumlens --db $(DEMO_DB) search "funding"
	$(BIN)/forumlens --db $(DEMO_DB) threads

# the static gate, then the whole suite
test: install-test lint
	bash scripts/install-system-deps.sh
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/ingest.py

# Long robustness runs (not part of `make test`): 10 minutes of fuzzing, 500 kill -9s.
fuzz: install-test
	FORUMLENS_FUZZ_EXAMPLES=45000 timeout 1800 $(BIN)/python -m pytest -q tests/test_fuzz.py

crash: install-test
	FORUMLENS_CRASH_KILLS=500 $(BIN)/python -m pytest -q -m crash tests/test_crash_safety.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
