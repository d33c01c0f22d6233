# A 3-node Kafka KRaft cluster on loopback (infra.sh up --cluster), beside the single-node broker: own ports and
# state under $CLUSTER_STATE/kafka-N. Each node is broker + controller; see infra/kafka/cluster-server.properties.
# Sourced by infra.sh after kafka.sh (same install, same launcher).

KAFKA_CLUSTER_NODES=3
KAFKA_CLUSTER_PORT_BASE="${CIRSTREAM_CLUSTER_KAFKA_PORT_BASE:-19090}"             # node N listens on base + N
KAFKA_CLUSTER_CONTROLLER_BASE="${CIRSTREAM_CLUSTER_KAFKA_CONTROLLER_BASE:-19190}" # node N's controller: base + N

kc_state() { echo "$CLUSTER_STATE/kafka-$1"; }
kc_pid() { echo "$(kc_state "$1")/kafka.pid"; }
kc_port() { echo $((KAFKA_CLUSTER_PORT_BASE + $1)); }

kafka_cluster_bootstrap() {
  local n out=""
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do out="${out:+$out,}127.0.0.1:$(kc_port "$n")"; done
  echo "$out"
}

kafka_cluster_configure() {
  local n voters="" dir
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do voters="${voters:+$voters,}$n@127.0.0.1:$((KAFKA_CLUSTER_CONTROLLER_BASE + n))"; done
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do
    dir="$(kc_state "$n")"
    mkdir -p "$dir/data" "$dir/logs"
    sed -e "s#@NODE_ID@#$n#g" -e "s#@VOTERS@#$voters#g" -e "s#@PORT@#$(kc_port "$n")#g" \
        -e "s#@CONTROLLER_PORT@#$((KAFKA_CLUSTER_CONTROLLER_BASE + n))#g" -e "s#@DATA_DIR@#$dir/data#g" \
        "$INFRA_DIR/kafka/cluster-server.properties" > "$dir/server.properties"
  done
  # All nodes share one cluster id, made once and kept with the cluster's state.
  local id_file="$CLUSTER_STATE/kafka-cluster.id"
  if [ ! -s "$id_file" ]; then
    KAFKA_LOGS_DIR="$(kc_state 1)/logs" kafka_java kafka.tools.StorageTool random-uuid > "$id_file" \
      || die "kafka cluster: cannot generate a cluster id"
  fi
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do kafka_format "$(kc_state "$n")" "$(cat "$id_file")"; done
}

kafka_node_healthy() { kafka_started "$(kc_port "$1")" "$(kc_state "$1")/logs/server.log"; }

kafka_node_check() { # $1 node number: 1..3 or die
  [[ "$1" =~ ^[1-9][0-9]*$ ]] && [ "$1" -le $KAFKA_CLUSTER_NODES ] || die "kafka node must be 1..$KAFKA_CLUSTER_NODES, not '$1'"
}

# Launches node $1 unless it runs; does not wait (the caller waits, so nodes start side by side).
kafka_node_launch() {
  local pid; pid="$(kc_pid "$1")"
  if pid_alive "$pid"; then log "kafka-$1 already running (pid $(cat "$pid")) on 127.0.0.1:$(kc_port "$1")"; return 0; fi
  require_free_port "$(kc_port "$1")" "kafka-$1" CIRSTREAM_CLUSTER_KAFKA_PORT_BASE
  require_free_port "$((KAFKA_CLUSTER_CONTROLLER_BASE + $1))" "kafka-$1 controller" CIRSTREAM_CLUSTER_KAFKA_CONTROLLER_BASE
  kafka_launch "$(kc_state "$1")" "$pid" "kafka-$1"
}

kafka_node_wait() {
  wait_until "$START_TIMEOUT" "kafka-$1" "$(kc_state "$1")/logs/server.log" kafka_node_healthy "$1"
}

# Launching and waiting are apart so that infra.sh can start OpenSearch while the brokers come up.
kafka_cluster_launch() {
  kafka_install
  kafka_cluster_configure
  local n
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do kafka_node_launch "$n"; done
}

kafka_cluster_wait() {
  local n
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do kafka_node_wait "$n" || return 1; done
  log "kafka cluster bootstrap servers: $(kafka_cluster_bootstrap)"
}

kafka_node_start() { kafka_node_check "$1"; kafka_install; kafka_cluster_configure; kafka_node_launch "$1" && kafka_node_wait "$1"; }

# $2 = --kill: SIGKILL, as a crash; otherwise a controlled shutdown (leaders moved first).
kafka_node_stop() {
  kafka_node_check "$1"
  if [ "${2:-}" = --kill ]; then kill_pid "$(kc_pid "$1")" "kafka-$1"; else stop_pid "$(kc_pid "$1")" "kafka-$1"; fi
}

kafka_cluster_down() {
  local n
  # All at once: one by one, the last nodes would wait for a controller quorum that is already gone.
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do stop_pid "$(kc_pid "$n")" "kafka-$n" & done
  wait
}

kafka_cluster_status() {
  local n rc=0
  for n in $(seq 1 $KAFKA_CLUSTER_NODES); do
    service_status "kafka-$n" "$(kc_pid "$n")" "kafka_node_healthy $n" "127.0.0.1:$(kc_port "$n")" || rc=1
  done
  return $rc
}
