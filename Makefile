# diplowatch: one entry point. `make up` runs the whole thing locally; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
export DIPLOWATCH_SHARED := $(abspath $(SHARED))

.PHONY: setup tools up down logs test lint unit quality bench bench-rules lock clean

# every dependency at the version and hash requirements.lock pins; then the project itself without resolving again
$(BIN)/diplowatch: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
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

## The coder against the hand-coded gold, printed by the shared scorer: voa_dev.jsonl (whole current stories,
## precision counts) and plover_gsr.jsonl (CAMEO-manual sentences). ERRORS=N lists misses and false events.
ERRORS ?= 0
quality: setup
	@for g in voa_dev plover_gsr; do \
	  echo "== $$g.jsonl"; \
	  $(BIN)/python $(SHARED)/gold/to_input.py $(SHARED)/gold/$$g.jsonl > /tmp/diplowatch-$$g-in.jsonl && \
	  $(BIN)/diplowatch enrich /tmp/diplowatch-$$g-in.jsonl > /tmp/diplowatch-$$g-out.jsonl && \
	  $(BIN)/python $(SHARED)/gold/score.py $(SHARED)/gold/$$g.jsonl /tmp/diplowatch-$$g-out.jsonl --by-type \
	    --errors $(ERRORS) || exit 1; \
	done

## Coder speed on full-length articles (one core), with a tokenize-only baseline.
bench: setup
	$(BIN)/python bench/coder_speed.py

## Rule evaluation cost per article at 10 to 10,000 rules.
bench-rules: setup
	$(BIN)/python bench/rules_speed.py

## Pin pyproject.toml's dependencies again (newest allowed versions, with hashes) after changing them.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
