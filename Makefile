# Two-command setup: `make run` (install + the demo on the bundled sample site) and `make test`.
# Works on a fresh machine with Python 3.11+ (set PYTHON=python3.12 to choose the interpreter).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.pantau-installed
LINT_PATHS ?= flows nlp tests benchmarks scripts notebooks

.PHONY: install run test bench lint clean-demo

# The virtual environment, created once (after checking the interpreter is new enough).
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pantau needs Python 3.11+, found " + sys.version.split()[0] + " (make PYTHON=python3.11 ...)")'
	$(PYTHON) -m venv $(VENV)

# Install (editable, with dev tools); redone when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# The embedded default: serve the sample news site on 127.0.0.1 and ingest it into var/demo.duckdb.
run: install
	$(BIN)/pantau run --demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

lint: install
	$(BIN)/ruff check $(LINT_PATHS)

clean-demo:
	rm -f var/demo.duckdb var/demo.duckdb.wal
