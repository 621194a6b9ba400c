# Two commands on a fresh machine: `make run` builds and publishes the warehouse, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
DAGSTER_PORT ?= 3000
# The site's browser tests drive Debian's Chromium; `make test` installs it when it is missing (apt, as root or
# through sudo).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run full-refresh site test lint format dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	printf 'telemetry:\n  enabled: false\n' > $@

## Build and publish the warehouse, ending with a short summary (RAW_DIR and WAREHOUSE_PATH override the
## defaults); the run is recorded in $(DAGSTER_HOME), so it shows in the UI's run history.
run: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines build

## Rebuild everything from raw/, forgetting what earlier builds did (the run history and the published file stay
## until the new build replaces it).
full-refresh: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines build --full-refresh

## Build the static site again from the published warehouse (make run builds it too).
site: install
	$(BIN)/python -m pipelines site

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

## Lint, then the whole test suite (the browser tests in Debian's Chromium, installed if missing).
test: install $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## The Dagster UI on http://127.0.0.1:$(DAGSTER_PORT), loading workspace.yaml.
dev: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $(DAGSTER_PORT)

clean:
	rm -rf warehouse/.build
