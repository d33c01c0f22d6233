#!/usr/bin/env bash
# Starts, stops and reports a local Kafka (KRaft) and OpenSearch + k-NN without Docker.
# Usage: infra/infra.sh up|down|status [kafka|opensearch|opensearch-secure] [--cluster]
#        infra/infra.sh stop-node kafka|opensearch N [--kill]      (clustered infra only)
#        infra/infra.sh start-node kafka|opensearch N
# Plain: one broker on 9092 (9094 SASL_SSL) and one OpenSearch on 9200. --cluster: three brokers and two OpenSearch
# nodes on other ports, beside the plain ones. opensearch-secure: a TLS + basic-auth front on 9201 for the plain
# OpenSearch. Everything is resolved from Maven Central into $CIRSTREAM_CACHE_DIR once; data, logs and pid files live
# in $CIRSTREAM_STATE_DIR. See docs/operations.md.
set -uo pipefail
INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$INFRA_DIR/lib/common.sh"
. "$INFRA_DIR/lib/tls.sh"
. "$INFRA_DIR/lib/kafka.sh"
. "$INFRA_DIR/lib/kafka-tls.sh"
. "$INFRA_DIR/lib/kafka-cluster.sh"
. "$INFRA_DIR/lib/opensearch.sh"
. "$INFRA_DIR/lib/opensearch-cluster.sh"
. "$INFRA_DIR/lib/opensearch-secure.sh"

usage() {
  echo "usage: $0 up|down|status [kafka|opensearch|opensearch-secure] [--cluster]" >&2
  echo "       $0 stop-node kafka|opensearch N [--kill]  |  start-node kafka|opensearch N" >&2
  exit 2
}

command="${1:-}"; [ $# -gt 0 ] && shift
only=all; cluster=0; kill_flag=""; node=""
for arg in "$@"; do
  case "$arg" in
    --cluster) cluster=1 ;;
    --kill) kill_flag=--kill ;;
    kafka|opensearch|opensearch-secure) only="$arg" ;;
    [0-9]*) node="$arg" ;;
    *) usage ;;
  esac
done
wants() { [ "$only" = all ] || [ "$only" = "$1" ]; }

node_command() { # stop-node / start-node: a service and a node number, clustered infra only
  [ -n "$node" ] && { [ "$only" = kafka ] || [ "$only" = opensearch ]; } || usage
  JDK="$(find_jdk)" || exit 1
  "${only}_node_$1" "$node" $kill_flag
}

case "$command" in
  up)
    JDK="$(find_jdk)" || exit 1
    mkdir -p "$CIRSTREAM_CACHE_DIR" "$CIRSTREAM_STATE_DIR"
    started=$SECONDS
    if [ "$cluster" = 1 ]; then
      mkdir -p "$CLUSTER_STATE"
      if wants kafka; then kafka_cluster_launch || exit 1; fi
      if wants opensearch; then opensearch_cluster_up || exit 1; fi
      if wants kafka; then kafka_cluster_wait || exit 1; fi
      log "cluster up in $((SECONDS - started))s (state: $CLUSTER_STATE)"
    else
      if wants kafka; then kafka_up || exit 1; fi
      if wants opensearch; then opensearch_up || exit 1; fi
      # The secured front is opt-in: only `up opensearch-secure` starts it.
      if [ "$only" = opensearch-secure ]; then opensearch_secure_up || exit 1; fi
      log "infra up in $((SECONDS - started))s (state: $CIRSTREAM_STATE_DIR)"
    fi
    ;;
  down)
    if [ "$cluster" = 1 ]; then
      if wants opensearch; then opensearch_cluster_down; fi
      if wants kafka; then kafka_cluster_down; fi
    else
      if wants opensearch-secure; then opensearch_secure_down; fi
      if wants opensearch; then opensearch_down; fi
      if wants kafka; then kafka_down; fi
    fi
    ;;
  status)
    rc=0
    if [ "$cluster" = 1 ]; then
      if wants kafka; then kafka_cluster_status || rc=3; fi
      if wants opensearch; then opensearch_cluster_status || rc=3; fi
    else
      if wants kafka; then kafka_status || rc=3; fi
      if wants opensearch; then opensearch_status || rc=3; fi
      # Opt-in like its `up`: reported only when asked for.
      if [ "$only" = opensearch-secure ]; then opensearch_secure_status || rc=3; fi
    fi
    exit $rc
    ;;
  stop-node) node_command stop ;;
  start-node) node_command start ;;
  *) usage ;;
esac
