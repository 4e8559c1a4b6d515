# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TOOLS := .tools
DYNALITE := $(TOOLS)/node_modules/.bin/dynalite
WHEELS := .cache/wheels

.PHONY: run serve test bench package screens clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed (editable) when pyproject.toml changes; the stamp keeps re-runs instant.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# The pinned wheels the Lambda zip is built from (and the runtime's, for the package test).
$(WHEELS)/.fetched: lambda/requirements.txt lambda/runtime.txt | $(BIN)/python
	$(BIN)/python scripts/package.py fetch
	touch $@

# Every Node tool (dynalite, virtual-alexa, apl-suggester, apl-viewhost-web, playwright-core)
# comes from the lock file in one `npm ci`; dynalite's binary stands for all of them.
$(DYNALITE): $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund --silent
	touch $@

## run: start a text chat with the skill on the embedded SQLite store
run: $(VENV)/.installed
	$(BIN)/kaizen chat

## serve: the self-hosted webservice, verifying every request (HOST, PORT, KAIZEN_SKILL_ID)
HOST ?= 127.0.0.1
PORT ?= 8080
serve: $(VENV)/.installed
	$(BIN)/kaizen serve --host $(HOST) --port $(PORT)

## package: build/lambda.zip and build/skill-package (ENDPOINT=<function ARN or https URL>)
package: $(WHEELS)/.fetched
	$(BIN)/python scripts/package.py build $(if $(ENDPOINT),--endpoint '$(ENDPOINT)')

## test: lint, types and the whole suite (dynalite started and stopped around it)
test: $(VENV)/.installed-test $(DYNALITE) $(WHEELS)/.fetched
	$(BIN)/python -m ruff check skill tests lambda scripts
	$(BIN)/python -m mypy --strict skill
	$(BIN)/python -m tests.support.dynalite $(DYNALITE) -- $(BIN)/python -m pytest

## bench: measure against baselines in the same run and write docs/BENCHMARKS.md
bench: $(VENV)/.installed-test $(DYNALITE) $(WHEELS)/.fetched
	$(BIN)/python -m tests.support.dynalite $(DYNALITE) -- $(BIN)/python -m scripts.bench $(BENCH)

## screens: PNGs of each moment's screen (round and landscape hubs) in docs/screens/, drawn by
## Amazon's web APL renderer in headless Chromium (apt-get install -y chromium fonts-liberation)
screens: $(VENV)/.installed-test $(DYNALITE)
	$(BIN)/python -m scripts.render_screens

clean:
	rm -rf $(VENV) $(TOOLS)/node_modules .cache build .pytest_cache .mypy_cache .ruff_cache .hypothesis
