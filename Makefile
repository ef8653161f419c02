# The README's commands: `make build`, `make report` and `make test`. Everything they need is
# installed here from pinned versions into .venv; a second run reuses it.
.DEFAULT_GOAL := build
.PHONY: build report test install clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)

$(INSTALLED): requirements.txt python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable python
	touch $@

install: $(INSTALLED)

## build: run every model and dbt test, then publish warehouse/ind.duckdb
build: $(INSTALLED)
	$(BIN)/jaarcijfers build

## report: write reports/jaarcijfers.html, the charts of the marts, from the built warehouse
report: build
	$(BIN)/jaarcijfers report

## test: everything `build` checks, the report, and the Python package's tests (with a browser)
test: report
	$(BIN)/pytest python/tests

clean:
	rm -rf target logs warehouse/*.building*
