# Kafka ($KAFKA_VERSION, infra/versions.env) in KRaft combined mode, resolved from Maven Central. Sourced by infra.sh.

KAFKA_HOME="$CIRSTREAM_CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_STATE="$CIRSTREAM_STATE_DIR/kafka"
KAFKA_PID="$KAFKA_STATE/kafka.pid"
KAFKA_LOG="$KAFKA_STATE/logs/server.log"

kafka_install() {
  [ -f "$KAFKA_HOME/.installed" ] && return 0
  log "installing Kafka $KAFKA_VERSION into $KAFKA_HOME (from Maven Central)"
  mkdir -p "$KAFKA_HOME"
  cp "$INFRA_DIR/kafka/pom.xml" "$KAFKA_HOME/pom.xml"
  maven_fetch "$KAFKA_HOME" dependency:copy-dependencies -DoutputDirectory="$KAFKA_HOME/lib" -DincludeScope=runtime -Dkafka.version="$KAFKA_VERSION"
  touch "$KAFKA_HOME/.installed"
}

kafka_java() { # runs a Kafka main class with the broker's classpath and quiet tool logging; KAFKA_LOGS_DIR moves its logs
  "$JDK/bin/java" -Xmx"$KAFKA_HEAP" -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" \
    -Dkafka.logs.dir="${KAFKA_LOGS_DIR:-$KAFKA_STATE/logs}" -cp "$KAFKA_HOME/lib/*" "$@"
}

# Formats a node's storage once: $1 state dir (holds data/ and server.properties), $2 cluster id.
kafka_format() {
  [ -f "$1/data/meta.properties" ] && return 0
  KAFKA_LOGS_DIR="$1/logs" kafka_java kafka.tools.StorageTool format -t "$2" -c "$1/server.properties" >/dev/null \
    || die "kafka: formatting the storage in $1/data failed"
}

# Starts a broker in the background: $1 state dir (server.properties, logs/), $2 pid file, $3 name for the log.
kafka_launch() {
  : > "$1/logs/server.log"
  setsid nohup "$JDK/bin/java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" -Dkafka.logs.dir="$1/logs" \
    -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$1/server.properties" \
    > "$1/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$2"
  log "$3 starting (pid $!), logs in $1/logs"
}

kafka_started() { # $1 port, $2 server.log: listening and past start-up
  port_open "$1" && grep -q "Kafka Server started" "$2" 2>/dev/null
}

kafka_configure() {
  mkdir -p "$KAFKA_STATE/logs" "$KAFKA_STATE/data"
  kafka_tls_material
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      -e "s#@SASL_PORT@#$KAFKA_SASL_PORT#g" -e "s#@TLS_DIR@#$KAFKA_TLS_DIR#g" \
      -e "s#@TLS_PASSWORD@#$(cat "$KAFKA_TLS_DIR/password")#g" \
      -e "s#@DATA_DIR@#$KAFKA_STATE/data#g" "$INFRA_DIR/kafka/server.properties" > "$KAFKA_STATE/server.properties"
  chmod 600 "$KAFKA_STATE/server.properties"
  kafka_client_properties
  if [ ! -f "$KAFKA_STATE/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)" || die "kafka: cannot generate a cluster id"
    kafka_format "$KAFKA_STATE" "$cluster_id"
  fi
}

kafka_healthy() { kafka_started "$KAFKA_PORT" "$KAFKA_LOG"; }

kafka_up() {
  if pid_alive "$KAFKA_PID"; then
    log "kafka already running (pid $(cat "$KAFKA_PID")) on 127.0.0.1:$KAFKA_PORT"
    wait_until "$START_TIMEOUT" kafka "$KAFKA_LOG" kafka_healthy; return
  fi
  require_free_port "$KAFKA_PORT" kafka CIRSTREAM_KAFKA_PORT
  require_free_port "$KAFKA_CONTROLLER_PORT" "kafka controller" CIRSTREAM_KAFKA_CONTROLLER_PORT
  require_free_port "$KAFKA_SASL_PORT" "kafka SASL_SSL listener" CIRSTREAM_KAFKA_SASL_PORT
  kafka_install
  kafka_configure
  kafka_launch "$KAFKA_STATE" "$KAFKA_PID" kafka
  wait_until "$START_TIMEOUT" kafka "$KAFKA_LOG" kafka_healthy
}

kafka_down() { stop_pid "$KAFKA_PID" kafka; }

kafka_status() { service_status kafka "$KAFKA_PID" kafka_healthy "127.0.0.1:$KAFKA_PORT"; }
