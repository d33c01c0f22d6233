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

kafka_java() { # runs a Kafka main class with the broker's classpath and quiet tool logging
  "$JDK/bin/java" -Xmx"$KAFKA_HEAP" -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$KAFKA_STATE/logs" -cp "$KAFKA_HOME/lib/*" "$@"
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
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_STATE/server.properties" >/dev/null \
      || die "kafka: formatting the storage in $KAFKA_STATE/data failed"
  fi
}

kafka_healthy() { port_open "$KAFKA_PORT" && grep -q "Kafka Server started" "$KAFKA_LOG" 2>/dev/null; }

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
  : > "$KAFKA_LOG"
  setsid nohup "$JDK/bin/java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" -Dkafka.logs.dir="$KAFKA_STATE/logs" \
    -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_STATE/server.properties" \
    > "$KAFKA_STATE/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$KAFKA_PID"
  log "kafka starting (pid $!), logs in $KAFKA_STATE/logs"
  wait_until "$START_TIMEOUT" kafka "$KAFKA_LOG" kafka_healthy
}

kafka_down() { stop_pid "$KAFKA_PID" kafka; }

kafka_status() { service_status kafka "$KAFKA_PID" kafka_healthy "127.0.0.1:$KAFKA_PORT"; }
