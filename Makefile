# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# The virtual environment is built from requirements.lock (pinned, hashed) the first time.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export GX_ANALYTICS_ENABLED := false

.PHONY: run test test-fast manifest ui lint lock bench clean

# --compile-bytecode: with PYTHONDONTWRITEBYTECODE set (as on these machines) every process would
# otherwise compile dagster, dbt and pandas again at import: about 4 s of every CLI run and dbt call.
$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes --compile-bytecode requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

# A DuckDB 1.x client, to prove that BI drivers bundling one can open the published warehouse.
.venv-duckdb1/.installed: tests/compat/requirements-duckdb1.lock $(BIN)/.installed
	test -x .venv-duckdb1/bin/python || $(PYTHON) -m venv .venv-duckdb1
	$(BIN)/uv pip sync --quiet --python .venv-duckdb1/bin/python --require-hashes tests/compat/requirements-duckdb1.lock
	touch $@

setup: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml

# The dbt manifest the Dagster definitions are built from: parsed here, not when the code loads.
# Rebuilt when a file of the dbt project changes (the same files the definitions' staleness warning reads).
MANIFEST := dbt/target/manifest.json
DBT_FILES := dbt/dbt_project.yml dbt/profiles.yml $(shell find dbt/models dbt/seeds dbt/macros dbt/tests dbt/snapshots dbt/analyses -type f 2>/dev/null)
$(MANIFEST): $(BIN)/.installed $(DBT_FILES)
	$(BIN)/python -m beilun_etl.defs.transform.project

manifest: $(MANIFEST)

.PHONY: setup

## Full refresh of the warehouse (data/warehouse.duckdb) from the articles in seeds/.
run: setup manifest
	$(BIN)/beilun-etl refresh

## The test suite: real Dagster runs, real dbt builds, real Great Expectations validations.
test: setup manifest .venv-duckdb1/.installed
	$(BIN)/ruff check beilun_etl tests bench
	$(BIN)/pytest

## The fast tier (under a minute): everything but the tests marked `slow` (end-to-end Dagster and dbt runs).
test-fast: setup manifest
	$(BIN)/ruff check beilun_etl tests bench
	$(BIN)/pytest -m "not slow"

## The Dagster UI (webserver and daemon) on http://127.0.0.1:3000 (UI_PORT=... for another port)
# Started in DAGSTER_HOME: from the project folder `dagster dev` warns that its dagster.yaml (the
# template copied above) is not the instance's. `dagster dev` is superseded by `dg dev`, which needs a
# `dg` project configuration this project does not use: its warning at each start is filtered, by message.
UI_HOST ?= 127.0.0.1
UI_PORT ?= 3000
ui: setup manifest
	cd $(DAGSTER_HOME) && $(CURDIR)/$(BIN)/python -W 'ignore:Function `dev_command` is superseded' \
		-m dagster dev -w $(CURDIR)/workspace.yaml -h $(UI_HOST) -p $(UI_PORT)

lint: setup
	$(BIN)/ruff check beilun_etl tests bench
	$(BIN)/ruff format --check beilun_etl tests bench

## Re-resolve requirements.lock after a change to pyproject.toml.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --group dev --generate-hashes --python-version 3.11 \
		--python-platform x86_64-manylinux_2_28 -o requirements.lock

bench: setup manifest
	$(BIN)/python bench/run_benchmark.py

clean:
	rm -rf $(VENV) .venv-duckdb1 .dagster_home data/*.duckdb* data/logs dbt/target dbt/logs
