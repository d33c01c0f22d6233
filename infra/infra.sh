#!/usr/bin/env bash
# Starts, stops and reports a local Kafka (KRaft, one node) and OpenSearch + k-NN without Docker.
# Usage: infra/infra.sh up|down|status [kafka|opensearch]
# Everything is resolved from Maven Central into $CIRSTREAM_CACHE_DIR once; data, logs and pid files live
# in $CIRSTREAM_STATE_DIR. See docs/operations.md.
set -uo pipefail
INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$INFRA_DIR/lib/common.sh"
. "$INFRA_DIR/lib/kafka.sh"
. "$INFRA_DIR/lib/kafka-tls.sh"
. "$INFRA_DIR/lib/opensearch.sh"

usage() { echo "usage: $0 up|down|status [kafka|opensearch]" >&2; exit 2; }

command="${1:-}"; only="${2:-all}"
case "$only" in all|kafka|opensearch) ;; *) usage ;; esac
wants() { [ "$only" = all ] || [ "$only" = "$1" ]; }

case "$command" in
  up)
    JDK="$(find_jdk)" || exit 1
    mkdir -p "$CIRSTREAM_CACHE_DIR" "$CIRSTREAM_STATE_DIR"
    started=$SECONDS
    if wants kafka; then kafka_up || exit 1; fi
    if wants opensearch; then opensearch_up || exit 1; fi
    log "infra up in $((SECONDS - started))s (state: $CIRSTREAM_STATE_DIR)"
    ;;
  down)
    if wants opensearch; then opensearch_down; fi
    if wants kafka; then kafka_down; fi
    ;;
  status)
    rc=0
    if wants kafka; then kafka_status || rc=3; fi
    if wants opensearch; then opensearch_status || rc=3; fi
    exit $rc
    ;;
  *) usage ;;
esac
