#!/usr/bin/env bash
# Start a worker in the background, feed the seed article and sample stories, and show what comes out.
set -euo pipefail
BIN="${BIN:-.venv/bin}"
SHARED="${DIPLOWATCH_SHARED:-../shared}"
RUN=.run
mkdir -p "$RUN"
"$BIN/diplowatch" topics
if [[ -f "$RUN/worker.pid" ]] && kill -0 "$(cat "$RUN/worker.pid")" 2>/dev/null; then
  echo "worker already running (pid $(cat "$RUN/worker.pid"))"
else
  nohup "$BIN/diplowatch" worker > "$RUN/worker.log" 2>&1 &
  echo $! > "$RUN/worker.pid"
  for _ in $(seq 1 120); do grep -q "Worker ready" "$RUN/worker.log" && break; sleep 0.5; done
  grep -q "Worker ready" "$RUN/worker.log" || { tail -30 "$RUN/worker.log"; exit 1; }
  echo "worker ready (pid $(cat "$RUN/worker.pid"), log $RUN/worker.log, web http://127.0.0.1:6066/)"
fi
START=$(date +%s)  # show what this run produced, not the topics' history
"$BIN/diplowatch" produce "$SHARED/seed/article.json"
if [[ -f "$SHARED/corpus/voa_stories.jsonl" ]]; then
  "$BIN/diplowatch" corpus "$SHARED/corpus/voa_stories.jsonl" --limit 20 | "$BIN/diplowatch" produce -
fi
echo
echo "== alerts raised by this run (severity, rule, article: text) =="
"$BIN/diplowatch" tail alerts --since "$START" --timeout 8 --pretty | tee "$RUN/alerts.txt"
if [[ ! -s "$RUN/alerts.txt" ]]; then
  echo "(none new: an earlier run already raised them and an alert is never sent twice; all: $BIN/diplowatch tail alerts --pretty)"
fi
echo
echo "== first 15 events (source, type, target, trigger) =="
"$BIN/diplowatch" tail events.diplomatic --since "$START" --timeout 5 --max 15 --pretty
echo
echo "live page: http://127.0.0.1:6066/   feeds: curl -N http://127.0.0.1:6066/feed/alerts"
echo "more: $BIN/diplowatch tail news.enriched --pretty | tail news.deadletter; stop with: make down"
