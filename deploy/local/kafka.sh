#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft, broker+controller in one JVM) for dev and CI.
# No Docker: the broker jars come from Maven Central via deploy/local/kafka/pom.xml and are
# cached outside the repo.
#
# Usage: deploy/local/kafka.sh fetch|start|stop|status|reset
#
# Environment (all optional):
#   KAFKA_VERSION          Kafka version to run (default below; 3.* uses reload4j, 4.* Log4j 2)
#   KAFKA_PORT             client listener on 127.0.0.1 (default 9092), SASL_PLAINTEXT with
#                          SCRAM-SHA-256 unless KAFKA_AUTH=off
#   KAFKA_AUTH             on (default): SCRAM users and ACLs (StandardAuthorizer); off: PLAINTEXT,
#                          no authorizer
#   KAFKA_USERS            the SCRAM users created when the log dir is formatted (default: admin,
#                          the gateway and each service); their passwords are the development
#                          ones, dev-only-kafka-<name>, unless KAFKA_PASSWORD_<NAME> is set
#                          (NAME upper-case, '-' as '_'). admin is the only super user.
#   KAFKA_CONTROLLER_PORT  KRaft CONTROLLER listener on 127.0.0.1 (default KAFKA_PORT+1)
#   KAFKA_STATE_DIR        config, data, logs, pid file (default $CACHE/kafka-state-$KAFKA_PORT)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to become ready (default 60)
#   KAFKA_HEAP_OPTS        JVM heap flags (default -Xms256m -Xmx512m)
#   STUDENTPASS_CACHE      cache root (default $HOME/.cache/studentpass); jars go to
#                          $CACHE/kafka-$KAFKA_VERSION/lib
#   JAVA_HOME              java to use (default: java on PATH); MVN: maven binary (default mvn)
set -euo pipefail

DEFAULT_KAFKA_VERSION=4.4.0

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM_DIR="$SCRIPT_DIR/kafka"
KAFKA_VERSION="${KAFKA_VERSION:-$DEFAULT_KAFKA_VERSION}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
CACHE="${STUDENTPASS_CACHE:-$HOME/.cache/studentpass}"
KAFKA_STATE_DIR="${KAFKA_STATE_DIR:-$CACHE/kafka-state-$KAFKA_PORT}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_AUTH="${KAFKA_AUTH:-on}"
KAFKA_USERS="${KAFKA_USERS:-admin gateway directory venues employment-aid screenings study-tours quotas}"
case "$KAFKA_AUTH" in on|off) ;; *) echo "kafka.sh: KAFKA_AUTH must be on or off" >&2; exit 2 ;; esac
MVN="${MVN:-mvn}"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

LIB_DIR="$CACHE/kafka-$KAFKA_VERSION/lib"
LIB_MARKER="$CACHE/kafka-$KAFKA_VERSION/.fetched"
PID_FILE="$KAFKA_STATE_DIR/kafka.pid"
CONFIG="$KAFKA_STATE_DIR/server.properties"
DATA_DIR="$KAFKA_STATE_DIR/data"
LOG_DIR="$KAFKA_STATE_DIR/logs"
SERVER_LOG="$LOG_DIR/server.log"
OUT_LOG="$KAFKA_STATE_DIR/kafka.out"

case "$KAFKA_VERSION" in
  3.*) KAFKA_MAJOR=3 ;;
  4.*) KAFKA_MAJOR=4 ;;
  *) echo "kafka.sh: unsupported KAFKA_VERSION=$KAFKA_VERSION (expected 3.x or 4.x)" >&2; exit 2 ;;
esac

log() { echo "kafka.sh: $*"; }
die() { echo "kafka.sh: ERROR: $*" >&2; exit 1; }

now_ms() { date +%s%3N; }

# A SCRAM user's password: KAFKA_PASSWORD_<NAME> if set, else the development one, which the
# apps also use by default and refuse in production (libs/config/src/committed-secrets.ts).
password_of() {
  local var
  var="KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"
  echo "${!var:-dev-only-kafka-$1}"
}

# True if a Kafka broker answers on 127.0.0.1:$1: sends an ApiVersions v0 request and checks that
# the response echoes our correlation id (a plain TCP accept is not enough).
kafka_answers() {
  local port="$1"
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    # size=15 | api_key=18 (ApiVersions) | api_version=0 | correlation_id=0x4B414641 | client_id="probe"
    printf "\x00\x00\x00\x0f\x00\x12\x00\x00\x4b\x41\x46\x41\x00\x05probe" >&3
    resp=$(head -c 8 <&3 | od -An -tx1 | tr -d " \n")
    [[ "${resp:8:8}" == 4b414641 ]]
  ' _ "$port" 2>/dev/null
}

# True if anything accepts TCP connections on 127.0.0.1:$1.
port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Pid of the broker this script started for this state dir, if it is still alive.
our_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  # Guard against pid reuse: must be our kafka.Kafka with our server.properties.
  local cmd
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmd" == *"kafka.Kafka $CONFIG"* ]] || return 1
  echo "$pid"
}

cmd_fetch() {
  if [[ -f "$LIB_MARKER" && -d "$LIB_DIR" ]]; then
    return 0
  fi
  command -v "$MVN" >/dev/null || die "maven ($MVN) not found"
  log "fetching Kafka $KAFKA_VERSION jars from Maven into $LIB_DIR"
  local t0 tmp profile=()
  t0=$(now_ms)
  mkdir -p "$CACHE"
  rm -rf "$LIB_DIR" "$LIB_MARKER"
  tmp="$(mktemp -d "$CACHE/kafka-$KAFKA_VERSION.fetch.XXXXXX")"
  [[ $KAFKA_MAJOR == 3 ]] && profile=(-Preload4j)
  if ! "$MVN" -q -B -Dstyle.color=never -f "$POM_DIR/pom.xml" "${profile[@]}" \
      -Dkafka.version="$KAFKA_VERSION" \
      dependency:copy-dependencies -DoutputDirectory="$tmp/lib" -DincludeScope=runtime \
      >"$tmp/mvn.log" 2>&1; then
    cat "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed for Kafka $KAFKA_VERSION"
  fi
  ls "$tmp/lib"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "fetch produced no kafka_2.13 jar"; }
  mkdir -p "$(dirname "$LIB_DIR")"
  mv "$tmp/lib" "$LIB_DIR"
  rm -rf "$tmp"
  date -u +%FT%TZ >"$LIB_MARKER"
  log "fetched $(ls "$LIB_DIR" | wc -l) jars in $(( ($(now_ms) - t0) / 1000 ))s"
}

# Kafka 4.x brokers need Java 17+, 3.x Java 11+ (8 deprecated).
check_java() {
  command -v "$JAVA" >/dev/null || die "java not found (set JAVA_HOME or put java on PATH)"
  local v major
  v="$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)"
  major="${v%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$v" | cut -d. -f2)"
  [[ "$major" =~ ^[0-9]+$ ]] || return 0
  local need=11
  [[ $KAFKA_MAJOR -ge 4 ]] && need=17
  (( major >= need )) || die "Kafka $KAFKA_VERSION needs Java $need+, found $v ($JAVA)"
}

write_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  cat >"$CONFIG" <<EOF
# Generated by deploy/local/kafka.sh for Kafka $KAFKA_VERSION; rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR

# Single node: every internal topic has one replica.
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0

# Small footprint for a 2-core dev/CI machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.retention.bytes=67108864
log.segment.bytes=16777216
log.retention.check.interval.ms=60000
EOF
  if [[ $KAFKA_AUTH == on ]]; then
    # Clients authenticate with SCRAM-SHA-256 and are authorised by ACLs (scripts/prepare.ts
    # grants each principal its own topics and groups). The controller listener stays
    # PLAINTEXT on loopback: in KRaft, SCRAM credentials live in the metadata log that the
    # controller serves, so the broker reaches its controller as ANONYMOUS, a super user
    # there only (nothing on the client listener is anonymous).
    cat >>"$CONFIG" <<EOF
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-256
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-256
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password_of admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:ANONYMOUS
EOF
    chmod 600 "$CONFIG"
  else
    cat >>"$CONFIG" <<EOF
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
EOF
  fi
  if [[ $KAFKA_MAJOR -ge 4 ]]; then
    cat >>"$CONFIG" <<EOF
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1
EOF
  fi
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    local formatted_version
    formatted_version="$(cat "$KAFKA_STATE_DIR/.kafka-version" 2>/dev/null || echo unknown)"
    if [[ "$formatted_version" != "$KAFKA_VERSION" ]]; then
      die "state dir $KAFKA_STATE_DIR was formatted by Kafka $formatted_version, not $KAFKA_VERSION; run '$0 reset' first"
    fi
    local formatted_auth
    formatted_auth="$(cat "$KAFKA_STATE_DIR/.kafka-auth" 2>/dev/null || echo off)"
    if [[ "$formatted_auth" != "$KAFKA_AUTH" ]]; then
      die "state dir $KAFKA_STATE_DIR was formatted with KAFKA_AUTH=$formatted_auth, not $KAFKA_AUTH (SCRAM users are made at format time); run 'KAFKA_PORT=$KAFKA_PORT $0 reset' first"
    fi
    return 0
  fi
  local scram=() user
  if [[ $KAFKA_AUTH == on ]]; then
    for user in $KAFKA_USERS; do
      scram+=(--add-scram "SCRAM-SHA-256=[name=$user,password=$(password_of "$user")]")
    done
  fi
  # Kafka Uuid: 16 random bytes, URL-safe base64 without padding; avoid a leading '-'.
  local cluster_id
  while :; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$cluster_id" != -* ]] && break
  done
  log "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  "$JAVA" -Xmx256m -Dkafka.logs.dir="$LOG_DIR" -cp "$LIB_DIR/*" "${LOG_OPTS[@]}" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$CONFIG" "${scram[@]}" >"$KAFKA_STATE_DIR/format.out" 2>&1 \
    || { cat "$KAFKA_STATE_DIR/format.out" >&2; die "kafka-storage format failed"; }
  echo "$KAFKA_VERSION" >"$KAFKA_STATE_DIR/.kafka-version"
  echo "$KAFKA_AUTH" >"$KAFKA_STATE_DIR/.kafka-auth"
}

print_tail() {
  echo "---- last lines of $SERVER_LOG ----" >&2
  tail -n 40 "$SERVER_LOG" 2>/dev/null >&2 || echo "(no server.log)" >&2
  echo "---- last lines of $OUT_LOG ----" >&2
  tail -n 20 "$OUT_LOG" 2>/dev/null >&2 || echo "(no kafka.out)" >&2
}

cmd_start() {
  local pid
  if pid="$(our_pid)"; then
    if kafka_answers "$KAFKA_PORT"; then
      log "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
  elif kafka_answers "$KAFKA_PORT"; then
    log "a Kafka broker already answers on 127.0.0.1:$KAFKA_PORT (not started by this script); reusing it"
    return 0
  fi

  if ! kafka_answers "$KAFKA_PORT"; then
    port_open "$KAFKA_PORT" && die "127.0.0.1:$KAFKA_PORT is in use by something that is not Kafka (set KAFKA_PORT)"
  fi

  mkdir -p "$KAFKA_STATE_DIR"
  # Serialize concurrent starts on the same state dir.
  exec 9>"$KAFKA_STATE_DIR/.lock"
  command -v flock >/dev/null && flock -w "$((KAFKA_START_TIMEOUT + 120))" 9

  if [[ -z "${pid:-}" ]] && pid="$(our_pid)"; then :; fi  # another start may have won the lock
  if [[ -z "${pid:-}" ]]; then
    if kafka_answers "$KAFKA_PORT"; then
      log "a Kafka broker already answers on 127.0.0.1:$KAFKA_PORT; reusing it"
      return 0
    fi
    port_open "$KAFKA_PORT" && die "127.0.0.1:$KAFKA_PORT is in use by something that is not Kafka (set KAFKA_PORT)"
    port_open "$KAFKA_CONTROLLER_PORT" && die "controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is in use (set KAFKA_CONTROLLER_PORT)"

    check_java
    cmd_fetch
    write_config
    format_storage

    [[ -f "$SERVER_LOG" ]] && mv -f "$SERVER_LOG" "$SERVER_LOG.prev"
    [[ -f "$OUT_LOG" ]] && mv -f "$OUT_LOG" "$OUT_LOG.prev"
    local t0
    t0=$(now_ms)
    # shellcheck disable=SC2086
    setsid nohup "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
        -Djava.awt.headless=true -Dkafka.logs.dir="$LOG_DIR" "${LOG_OPTS[@]}" \
        -cp "$LIB_DIR/*" kafka.Kafka "$CONFIG" >"$OUT_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
    log "started Kafka $KAFKA_VERSION (pid $pid), waiting up to ${KAFKA_START_TIMEOUT}s for 127.0.0.1:$KAFKA_PORT"
  else
    local t0
    t0=$(now_ms)
    log "broker pid $pid is starting; waiting for it"
  fi

  local deadline=$(( $(date +%s) + KAFKA_START_TIMEOUT ))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      print_tail
      rm -f "$PID_FILE"
      die "broker process $pid exited during startup"
    fi
    if grep -q "Kafka Server started" "$SERVER_LOG" 2>/dev/null && kafka_answers "$KAFKA_PORT"; then
      local ms=$(( $(now_ms) - t0 ))
      log "ready on 127.0.0.1:$KAFKA_PORT after $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s (pid $pid, state $KAFKA_STATE_DIR)"
      return 0
    fi
    if (( $(date +%s) >= deadline )); then
      print_tail
      echo "kafka.sh: ERROR: broker not ready after ${KAFKA_START_TIMEOUT}s; stopping pid $pid" >&2
      cmd_stop >&2
      exit 1
    fi
    sleep 0.25
  done
}

cmd_stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    if kafka_answers "$KAFKA_PORT"; then
      log "not stopping the broker on 127.0.0.1:$KAFKA_PORT: this script did not start it"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping broker pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 80; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid still alive after 20s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(our_pid)"; then
    if kafka_answers "$KAFKA_PORT"; then
      echo "running (pid $pid, 127.0.0.1:$KAFKA_PORT, Kafka $KAFKA_VERSION, state $KAFKA_STATE_DIR)"
    else
      echo "starting (pid $pid, 127.0.0.1:$KAFKA_PORT not answering yet)"
    fi
  elif kafka_answers "$KAFKA_PORT"; then
    echo "reused (a Kafka broker not started by this script answers on 127.0.0.1:$KAFKA_PORT)"
  else
    echo "stopped"
  fi
}

cmd_reset() {
  cmd_stop
  if [[ -d "$KAFKA_STATE_DIR" ]]; then
    rm -rf "$KAFKA_STATE_DIR"
    log "deleted $KAFKA_STATE_DIR"
  fi
}

if [[ $KAFKA_MAJOR == 3 ]]; then
  LOG_OPTS=("-Dlog4j.configuration=file:$POM_DIR/log4j.properties")
else
  LOG_OPTS=("-Dlog4j2.configurationFile=$POM_DIR/log4j2.xml")
fi

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) echo "usage: $0 fetch|start|stop|status|reset" >&2; exit 2 ;;
esac
