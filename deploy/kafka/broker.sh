#!/usr/bin/env bash
# A local single-node Apache Kafka broker (KRaft, combined broker+controller) for development and tests.
#
#   deploy/kafka/broker.sh fetch|start|stop|status|logs
#
# The jars come from Maven Central through Maven (pom.xml beside this script) into a cache outside the
# repo, reused on later starts without network. Settings (environment):
#   KAFKA_VERSION        Apache Kafka release (default below; the one setting to change the version)
#   KAFKA_PORT           client port on 127.0.0.1 (default 9092); the controller listens on KAFKA_PORT+1
#   DIPLOWATCH_CACHE     cache root (default ${XDG_CACHE_HOME:-~/.cache}/diplowatch)
#   KAFKA_DATA_DIR       data, logs and pid file (default $DIPLOWATCH_CACHE/kafka-data-$KAFKA_PORT)
#   KAFKA_HEAP_OPTS      JVM heap (default -Xms256m -Xmx1g)
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="$((KAFKA_PORT + 1))"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${DIPLOWATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/diplowatch}"
LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
DATA="${KAFKA_DATA_DIR:-$CACHE/kafka-data-$KAFKA_PORT}"
PIDFILE="$DATA/broker.pid"
LOGFILE="$DATA/broker.log"
HEAP="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"

say() { echo "broker: $*" >&2; }

fetch() {
  if [[ -f "$LIBS/.complete" ]]; then return 0; fi
  say "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven Central into $LIBS"
  rm -rf "$LIBS"; mkdir -p "$LIBS"
  mvn -q -B -f "$HERE/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" >&2
  touch "$LIBS/.complete"
}

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

java_cmd() {  # java_cmd MAIN_CLASS ARGS...: the JVM command line, one argument a line
  # shellcheck disable=SC2086
  printf '%s\n' java $HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$HERE/log4j2.yaml" "-Dkafka.logs.dir=$DATA/logs" \
    -cp "$LIBS/*" "$@"
}

write_config() {
  mkdir -p "$DATA/kraft" "$DATA/logs"
  cat > "$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/kraft
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=8
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
PROPS
}

start() {
  if running; then say "already running (pid $(cat "$PIDFILE")) on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  fetch
  write_config
  if [[ ! -f "$DATA/kraft/meta.properties" ]]; then
    # (a cluster id starting with "-" is read as an option by the storage tool: 1 start in 64 failed)
    cluster_id="$(python3 -c 'import base64,uuid;print("A"+base64.urlsafe_b64encode(uuid.uuid4().bytes).decode()[1:22])')"
    say "formatting KRaft storage in $DATA/kraft (cluster $cluster_id)"
    mapfile -t cmd < <(java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA/server.properties")
    "${cmd[@]}" >>"$LOGFILE" 2>&1
  fi
  say "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (log: $LOGFILE)"
  mapfile -t cmd < <(java_cmd kafka.Kafka "$DATA/server.properties")
  nohup "${cmd[@]}" >>"$LOGFILE" 2>&1 &
  echo $! > "$PIDFILE"
  if ! python3 "$HERE/wait_ready.py" 127.0.0.1 "$KAFKA_PORT" --timeout "${KAFKA_START_TIMEOUT:-90}" \
      --pid "$(cat "$PIDFILE")"; then
    say "did not answer a metadata request in time; last log lines:"; tail -n 30 "$LOGFILE" >&2
    stop; return 1
  fi
  say "ready (pid $(cat "$PIDFILE"))"
}

stop() {
  if ! running; then say "not running"; rm -f "$PIDFILE"; return 0; fi
  pid="$(cat "$PIDFILE")"
  say "stopping pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "still up after 30 s, killing"; kill -KILL "$pid"; fi
  rm -f "$PIDFILE"
}

status() {
  if running && python3 "$HERE/wait_ready.py" 127.0.0.1 "$KAFKA_PORT" --timeout 5; then
    echo "running: Kafka $KAFKA_VERSION pid $(cat "$PIDFILE") on 127.0.0.1:$KAFKA_PORT, data $DATA"
  else
    echo "stopped"; return 3
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  reset) stop; rm -rf "$DATA"; say "removed $DATA" ;;
  logs) tail -n "${2:-50}" "$LOGFILE" ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|reset|logs [N]" >&2; exit 2 ;;
esac
