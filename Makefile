# The two commands: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_OUT ?= peerval-demo

.PHONY: demo serve test test-sqlite test-postgres frontend lint bench clean

# PostgreSQL for the second run of the web tests (CI runs both; the run must not be skipped)
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

# NHS.UK frontend CSS/JS and axe-core from npm (lockfile), prepared for the web app
frontend/build/nhsuk/nhsuk-frontend.min.css: frontend/package-lock.json $(VENV)/.installed
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python -m peerval.web.frontend

frontend: frontend/build/nhsuk/nhsuk-frontend.min.css

demo: $(VENV)/.installed frontend
	$(BIN)/peerval demo --out $(DEMO_OUT)

serve: $(VENV)/.installed frontend
	$(BIN)/peerval serve

test: test-sqlite test-postgres

test-sqlite: $(VENV)/.installed-dev frontend
	$(BIN)/python -m pytest

test-postgres: $(VENV)/.installed-dev frontend
	DATABASE_URL=$(TEST_DATABASE_URL) PEERVAL_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest tests/web

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/scoring.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/demo.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) build src/*.egg-info .pytest_cache frontend/node_modules frontend/build
