# diplowatch: one entry point. `make up` runs the whole thing locally; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
export DIPLOWATCH_SHARED := $(abspath $(SHARED))

.PHONY: setup tools up down logs test lint unit quality bench bench-rules ingest ingest-demo bench-ingest lock clean

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
	$(BIN)/pytest -q -n 2 --dist worksteal

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

## Poll the feeds of FEEDS (default deploy/feeds.yaml) and produce new articles to news.raw; ONCE=1: one pass.
FEEDS ?= deploy/feeds.yaml
ingest: setup
	$(BIN)/diplowatch ingest --feeds $(FEEDS) $(if $(ONCE),--once)

## One ingest pass against the local fixture sites (no outside network; needs the broker: make up), then the
## summary table per feed.
ingest-demo: setup
	@rm -f /tmp/diplowatch-fixture-feeds.yaml; \
	  $(BIN)/python -m services.ingest.fixture_server --port 8700 --slow-seconds 5 \
	  --feeds-out /tmp/diplowatch-fixture-feeds.yaml > /tmp/diplowatch-fixture.log 2>&1 & pid=$$!; \
	  for _ in $$(seq 1 50); do [ -s /tmp/diplowatch-fixture-feeds.yaml ] && break; sleep 0.2; done; \
	  DIPLOWATCH_INGEST_ALLOW_NETS=127.0.0.0/8 DIPLOWATCH_INGEST_TIMEOUT_SECONDS=2 \
	  $(BIN)/diplowatch ingest --feeds /tmp/diplowatch-fixture-feeds.yaml --once; rc=$$?; kill $$pid; exit $$rc

## Near-duplicate threshold and page extraction measured on the fixture stories.
bench-ingest: setup
	$(BIN)/python bench/ingest_quality.py

## Pin pyproject.toml's dependencies again (newest allowed versions, with hashes) after changing them.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
