#!/usr/bin/env bash
# Stop the worker that `make up` started.
set -u
RUN=.run
if [[ -f "$RUN/worker.pid" ]]; then
  pid="$(cat "$RUN/worker.pid")"
  kill "$pid" 2>/dev/null && echo "stopping worker $pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$RUN/worker.pid"
fi
