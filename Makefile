# The README's two commands: `make build` and `make test`. Everything they need is installed
# here from pinned versions into .venv; a second run reuses it.
.DEFAULT_GOAL := build
.PHONY: build test install clean

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

## test: everything `build` checks, plus the Python package's tests
test: build
	$(BIN)/pytest python/tests

clean:
	rm -rf target logs warehouse/*.building*
