# The README's commands: `make build`, `make report`, `make test`, `make export` and `make docs`.
# Everything they need is installed here from pinned versions into .venv; a second run reuses it.
# uv (pinned in requirements-uv.txt, bootstrapped with pip into .venv-uv) installs the locks,
# which stay pip's format: `pip install -r requirements.txt` gives the same environment, slower.
.DEFAULT_GOAL := build
.PHONY: build report answers test lint install older-duckdb superset export docs clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)

UV := .venv-uv/bin/uv

$(UV): requirements-uv.txt
	$(PYTHON) -m venv .venv-uv
	.venv-uv/bin/pip install --quiet --disable-pip-version-check -r $<
	touch $@

# Installs the lock `$<` into the environment `$(1)`, created with the machine's Python.
define install_lock
	$(PYTHON) -m venv $(1)
	$(UV) pip install --quiet --python $(1)/bin/python -r $<
endef

$(INSTALLED): requirements.txt python/pyproject.toml $(UV)
	$(call install_lock,$(VENV))
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation --editable python
	touch $@

install: $(INSTALLED)

# Older DuckDB releases, each in its own environment, for the tests that open the published
# file the way BI tools that ship them do.
OLDER_DUCKDB_VERSIONS := 1.1 1.4
OLDER_DUCKDB := $(foreach version,$(OLDER_DUCKDB_VERSIONS),.venv-duckdb-$(version)/.installed)

.venv-duckdb-%/.installed: requirements-duckdb-%.txt $(UV)
	$(call install_lock,.venv-duckdb-$*)
	touch $@

older-duckdb: $(OLDER_DUCKDB)

# Apache Superset in an environment of its own (bi/superset/requirements.txt), for `make superset`
# and its test.
SUPERSET_VENV := .venv-superset
SUPERSET_INSTALLED := $(SUPERSET_VENV)/.installed
SUPERSET_PORT ?= 8088

$(SUPERSET_INSTALLED): bi/superset/requirements.txt $(UV)
	$(call install_lock,$(SUPERSET_VENV))
	touch $@

# @duckdb/node-api, the DuckDB driver of Evidence and other JavaScript tools, pinned in
# bi/node/package-lock.json, for the test that reads every mart with it (skipped without Node.js).
NODE_READER := bi/node/node_modules/.installed

$(NODE_READER): bi/node/package.json bi/node/package-lock.json
	@if command -v npm >/dev/null; then \
		cd bi/node && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else echo "npm is missing: the Node.js reader test is skipped (apt-get install nodejs npm)"; fi

## build: run every model and dbt test, then publish warehouse/ind.duckdb
# TARGET=postgres builds and publishes on the PostgreSQL server of the libpq variables instead
# (docs/postgresql.md).
build: $(INSTALLED)
	$(BIN)/jaarcijfers build $(if $(TARGET),--target $(TARGET))

## lint: Python lint and format (ruff), SQL style (sqlfluff), dbt metadata (dbt-score), documentation
## coverage (dbt-coverage)
# ruff runs in python/, whose pyproject.toml configures it, on the package, its tests and bi/.
# Nothing here opens the published warehouse: sqlfluff's dbt templater connects to a file of its own.
# docs generate rewrites target/; its copy of the warehouse is still named ind.duckdb so that the
# database name in target/semantic_manifest.json stays the published warehouse's, which mf reads.
lint: build
	cd python && ../$(BIN)/ruff check . ../bi && ../$(BIN)/ruff format --check . ../bi
	mkdir -p target/lint
	IND_WAREHOUSE_PATH=target/lint/ind.duckdb $(BIN)/sqlfluff lint models tests analyses
	$(BIN)/dbt-score lint --fail-any-item-under 9 --fail-project-under 9
	mkdir -p target/catalog
	cp warehouse/ind.duckdb target/catalog/ind.duckdb
	IND_WAREHOUSE_PATH=target/catalog/ind.duckdb $(BIN)/dbt docs generate --quiet
	$(BIN)/dbt-coverage compute doc --cov-report target/coverage-doc.json --cov-fail-under 1.0 --model-path-filter models/marts --model-path-filter models/staging --model-path-filter models/reporting

## report: write reports/jaarcijfers.html, the charts of the reporting tables, from the built warehouse
report: build
	$(BIN)/jaarcijfers report

## answers: answer the questions of analyses/ from the built warehouse into docs/answers.md
answers: build
	$(BIN)/jaarcijfers answers

## test: everything `build` checks, the linters, the report, the semantic layer against the
## warehouse, the Python package's tests (with a browser, older DuckDB releases, Superset and
## DuckDB's Node.js driver), the docs site
test: build lint report $(OLDER_DUCKDB) $(SUPERSET_INSTALLED) $(NODE_READER)
	$(BIN)/jaarcijfers mf validate-configs
	$(BIN)/jaarcijfers answers --output target/answers.md
	$(BIN)/pytest python/tests
	$(BIN)/jaarcijfers docs

## superset: Superset with the IND Jaarcijfers dashboard on http://127.0.0.1:$(SUPERSET_PORT), until Ctrl-C
# TARGET=postgres serves the warehouse on the PostgreSQL server instead, as the read-only role
# (docs/postgresql.md).
superset: build $(SUPERSET_INSTALLED)
	$(SUPERSET_VENV)/bin/python bi/superset/serve.py --port $(SUPERSET_PORT) $(if $(TARGET),--target $(TARGET))

## export: every mart as Parquet and CSV, with a Frictionless datapackage.json, into exports/
export: build
	$(BIN)/jaarcijfers export

## docs: dbt's documentation site as docs/site/index.html, which opens from disk
docs: build
	$(BIN)/jaarcijfers docs

clean:
	rm -rf target logs warehouse/*.building* seeds/*.partial exports docs/site
