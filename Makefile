# diplowatch: one entry point. `make up` runs the whole thing locally; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
export DIPLOWATCH_SHARED := $(abspath $(SHARED))

.PHONY: setup tools up down logs test lint unit quality bench bench-rules clean

$(BIN)/diplowatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/diplowatch

## Start broker + worker locally, feed the seed and sample articles, show events and alerts.
up: setup
	deploy/kafka/broker.sh start
	BIN=$(BIN) scripts/up.sh

down:
	-scripts/down.sh
	deploy/kafka/broker.sh stop

## Programs the tests run for real, from Debian's packages: Prometheus and promtool, headless Chromium.
tools:
	@command -v prometheus >/dev/null && command -v promtool >/dev/null && command -v chromium >/dev/null || { \
	  echo "installing Debian's prometheus and chromium packages (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    prometheus chromium >/dev/null; }

## Every test: lint and types, unit tests, end-to-end over the real broker (started by the tests).
test: setup tools lint
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q -m "not kafka"

## The coder against the hand-coded gold sentences, printed by the shared scorer.
quality: setup
	$(BIN)/python $(SHARED)/gold/to_input.py $(SHARED)/gold/plover_gsr.jsonl > /tmp/diplowatch-gold-in.jsonl
	$(BIN)/diplowatch enrich /tmp/diplowatch-gold-in.jsonl > /tmp/diplowatch-gold-out.jsonl
	$(BIN)/python $(SHARED)/gold/score.py $(SHARED)/gold/plover_gsr.jsonl /tmp/diplowatch-gold-out.jsonl --by-type

## Coder speed on full-length articles (one core), with a tokenize-only baseline.
bench: setup
	$(BIN)/python bench/coder_speed.py

## Rule evaluation cost per article at 10 to 10,000 rules.
bench-rules: setup
	$(BIN)/python bench/rules_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
