# A 2-node OpenSearch cluster with k-NN on loopback (infra.sh up --cluster), beside the single node: own ports,
# own config dir per node (OPENSEARCH_PATH_CONF) and state under $CLUSTER_STATE/opensearch-N; the install in
# $OPENSEARCH_HOME is shared. Sourced by infra.sh after opensearch.sh.

OS_CLUSTER_NODES=2
OS_CLUSTER_HTTP_BASE="${CIRSTREAM_CLUSTER_OPENSEARCH_PORT_BASE:-19200}"           # node N: base + N
OS_CLUSTER_TRANSPORT_BASE="${CIRSTREAM_CLUSTER_OPENSEARCH_TRANSPORT_BASE:-19300}" # node N: base + N
OS_CLUSTER_HEAP="${CIRSTREAM_CLUSTER_OPENSEARCH_HEAP:-512m}"

oc_state() { echo "$CLUSTER_STATE/opensearch-$1"; }
oc_pid() { echo "$(oc_state "$1")/opensearch.pid"; }
oc_port() { echo $((OS_CLUSTER_HTTP_BASE + $1)); }
oc_log() { echo "$(oc_state "$1")/logs/cirstream-cluster.log"; }

opensearch_cluster_urls() {
  local n out=""
  for n in $(seq 1 $OS_CLUSTER_NODES); do out="${out:+$out,}http://127.0.0.1:$(oc_port "$n")"; done
  echo "$out"
}

opensearch_cluster_configure() {
  local n dir seeds="" managers=""
  for n in $(seq 1 $OS_CLUSTER_NODES); do
    seeds="${seeds:+$seeds, }\"127.0.0.1:$((OS_CLUSTER_TRANSPORT_BASE + n))\""
    managers="${managers:+$managers, }\"cirstream-cluster-node-$n\""
  done
  for n in $(seq 1 $OS_CLUSTER_NODES); do
    dir="$(oc_state "$n")"
    mkdir -p "$dir/data" "$dir/logs"
    # The install's config (jvm.options, log4j2, plugin settings) is the base; yml and heap are the node's own.
    [ -d "$dir/config" ] || cp -r "$OPENSEARCH_HOME/config" "$dir/config" || die "cannot copy $OPENSEARCH_HOME/config"
    sed -e "s#@NODE_NAME@#cirstream-cluster-node-$n#g" -e "s#@PORT@#$(oc_port "$n")#g" \
        -e "s#@TRANSPORT_PORT@#$((OS_CLUSTER_TRANSPORT_BASE + n))#g" -e "s#@SEED_HOSTS@#$seeds#g" \
        -e "s#@MANAGER_NODES@#$managers#g" -e "s#@DATA_DIR@#$dir/data#g" -e "s#@LOG_DIR@#$dir/logs#g" \
        "$INFRA_DIR/opensearch/cluster-node.yml" > "$dir/config/opensearch.yml"
    printf -- '-Xms%s\n-Xmx%s\n' "$OS_CLUSTER_HEAP" "$OS_CLUSTER_HEAP" > "$dir/config/jvm.options.d/heap.options"
  done
  opensearch_user_setup
  if [ "$(id -u)" = 0 ]; then
    chmod o+rx "$CLUSTER_STATE"
    for n in $(seq 1 $OS_CLUSTER_NODES); do chown -R "$OPENSEARCH_USER" "$(oc_state "$n")"; done
  fi
}

opensearch_node_check() {
  [[ "$1" =~ ^[1-9][0-9]*$ ]] && [ "$1" -le $OS_CLUSTER_NODES ] || die "opensearch node must be 1..$OS_CLUSTER_NODES, not '$1'"
}

# The node answers and sees an elected manager and all $2 nodes (default: just itself).
opensearch_node_healthy() {
  curl -sf "http://127.0.0.1:$(oc_port "$1")/_cluster/health" 2>/dev/null \
    | grep -E '"status":"(green|yellow)"' | grep -Eq "\"number_of_nodes\":(${2:-[0-9]+})[,}]"
}

# Launches node $1 unless it runs; returns once its pid file is there, not when it is healthy.
opensearch_node_launch() {
  local pid dir; pid="$(oc_pid "$1")"; dir="$(oc_state "$1")"
  if pid_alive "$pid"; then log "opensearch-$1 already running (pid $(cat "$pid")) on 127.0.0.1:$(oc_port "$1")"; return 0; fi
  require_free_port "$(oc_port "$1")" "opensearch-$1" CIRSTREAM_CLUSTER_OPENSEARCH_PORT_BASE
  require_free_port "$((OS_CLUSTER_TRANSPORT_BASE + $1))" "opensearch-$1 transport" CIRSTREAM_CLUSTER_OPENSEARCH_TRANSPORT_BASE
  rm -f "$pid"
  as_opensearch_user env OPENSEARCH_JAVA_HOME="$JDK" OPENSEARCH_PATH_CONF="$dir/config" \
    "$OPENSEARCH_HOME/bin/opensearch" -d -p "$pid" > "$dir/logs/stdout.log" 2>&1
  wait_until 60 "opensearch-$1 pid file" "$dir/logs/stdout.log" pid_alive "$pid" || die "opensearch-$1 did not start"
  log "opensearch-$1 starting (pid $(cat "$pid" 2>/dev/null)), logs in $dir/logs"
}

opensearch_node_wait() { # $1 node, $2 nodes it must see
  wait_until "$START_TIMEOUT" "opensearch-$1" "$(oc_log "$1")" opensearch_node_healthy "$1" "$2"
}

opensearch_cluster_up() {
  opensearch_install
  opensearch_cluster_configure
  local n
  local pids=()
  for n in $(seq 1 $OS_CLUSTER_NODES); do opensearch_node_launch "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || return 1; done
  for n in $(seq 1 $OS_CLUSTER_NODES); do opensearch_node_wait "$n" $OS_CLUSTER_NODES || return 1; done
  log "opensearch cluster URLs: $(opensearch_cluster_urls)"
}

# Starting one node: it must join the others that run (a lone node of a 2-node cluster has no manager quorum
# unless it holds the vote, so it waits for whatever runs, not for itself alone).
opensearch_node_start() {
  opensearch_node_check "$1"; opensearch_install; opensearch_cluster_configure
  opensearch_node_launch "$1" || return 1
  local n running=0
  for n in $(seq 1 $OS_CLUSTER_NODES); do pid_alive "$(oc_pid "$n")" && running=$((running + 1)); done
  opensearch_node_wait "$1" "$running"
}

opensearch_node_stop() {
  opensearch_node_check "$1"
  if [ "${2:-}" = --kill ]; then kill_pid "$(oc_pid "$1")" "opensearch-$1"; else stop_pid "$(oc_pid "$1")" "opensearch-$1"; fi
}

opensearch_cluster_down() {
  local n
  for n in $(seq 1 $OS_CLUSTER_NODES); do stop_pid "$(oc_pid "$n")" "opensearch-$n" & done
  wait
}

opensearch_cluster_status() {
  local n rc=0
  for n in $(seq 1 $OS_CLUSTER_NODES); do
    service_status "opensearch-$n" "$(oc_pid "$n")" "opensearch_node_healthy $n" "http://127.0.0.1:$(oc_port "$n")" || rc=1
  done
  return $rc
}
