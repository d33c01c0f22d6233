# OpenSearch 3.6.0 with the k-NN plugin, resolved from Maven Central. Sourced by infra.sh.
# OpenSearch refuses to run as root, so when we are root it runs as an unprivileged system user.

OPENSEARCH_HOME="$CIRSTREAM_CACHE_DIR/opensearch-$OPENSEARCH_VERSION"
OPENSEARCH_STATE="$CIRSTREAM_STATE_DIR/opensearch"
OPENSEARCH_PID="$OPENSEARCH_STATE/opensearch.pid"
OPENSEARCH_LOG="$OPENSEARCH_STATE/logs/cirstream-local.log"

as_opensearch_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$OPENSEARCH_USER" -- "$@"; else "$@"; fi
}

opensearch_install() {
  [ -f "$OPENSEARCH_HOME/.installed" ] && return 0
  log "installing OpenSearch $OPENSEARCH_VERSION + k-NN $KNN_VERSION into $OPENSEARCH_HOME (from Maven Central)"
  local dl="$CIRSTREAM_CACHE_DIR/downloads"
  mkdir -p "$dl"
  cp "$INFRA_DIR/kafka/pom.xml" "$dl/pom.xml" # any pom works for dependency:copy
  maven_fetch "$dl" dependency:copy -DoutputDirectory="$dl" \
    -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip"
  maven_fetch "$dl" dependency:copy -DoutputDirectory="$dl" \
    -Dartifact="org.opensearch.plugin:opensearch-knn:$KNN_VERSION:zip"
  rm -rf "$OPENSEARCH_HOME.tmp" && mkdir -p "$OPENSEARCH_HOME.tmp"
  unzip -q "$dl/opensearch-$OPENSEARCH_VERSION.zip" -d "$OPENSEARCH_HOME.tmp" || die "cannot unzip OpenSearch"
  rm -rf "$OPENSEARCH_HOME" && mv "$OPENSEARCH_HOME.tmp/opensearch-$OPENSEARCH_VERSION" "$OPENSEARCH_HOME"
  rmdir "$OPENSEARCH_HOME.tmp"
  OPENSEARCH_JAVA_HOME="$JDK" "$OPENSEARCH_HOME/bin/opensearch-plugin" install --batch \
    "file://$dl/opensearch-knn-$KNN_VERSION.zip" >/dev/null || die "cannot install the k-NN plugin"
  touch "$OPENSEARCH_HOME/.installed"
}

opensearch_user_setup() {
  [ "$(id -u)" = 0 ] || return 0
  id -u "$OPENSEARCH_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OPENSEARCH_USER" \
    || die "cannot create the system user $OPENSEARCH_USER that OpenSearch runs as"
  chown -R "$OPENSEARCH_USER" "$OPENSEARCH_HOME" "$OPENSEARCH_STATE"
  chmod o+rx "$CIRSTREAM_CACHE_DIR" "$CIRSTREAM_STATE_DIR"
}

opensearch_configure() {
  mkdir -p "$OPENSEARCH_STATE/data" "$OPENSEARCH_STATE/logs"
  sed -e "s#@PORT@#$OPENSEARCH_PORT#g" -e "s#@TRANSPORT_PORT@#$OPENSEARCH_TRANSPORT_PORT#g" \
      -e "s#@DATA_DIR@#$OPENSEARCH_STATE/data#g" -e "s#@LOG_DIR@#$OPENSEARCH_STATE/logs#g" \
      "$INFRA_DIR/opensearch/opensearch.yml" > "$OPENSEARCH_HOME/config/opensearch.yml"
  printf -- '-Xms%s\n-Xmx%s\n' "$OPENSEARCH_HEAP" "$OPENSEARCH_HEAP" > "$OPENSEARCH_HOME/config/jvm.options.d/heap.options"
  opensearch_user_setup
}

opensearch_healthy() {
  curl -sf "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

opensearch_up() {
  if pid_alive "$OPENSEARCH_PID"; then
    log "opensearch already running (pid $(cat "$OPENSEARCH_PID")) on 127.0.0.1:$OPENSEARCH_PORT"
    wait_until "$START_TIMEOUT" opensearch "$OPENSEARCH_LOG" opensearch_healthy; return
  fi
  require_free_port "$OPENSEARCH_PORT" opensearch CIRSTREAM_OPENSEARCH_PORT
  require_free_port "$OPENSEARCH_TRANSPORT_PORT" "opensearch transport" CIRSTREAM_OPENSEARCH_TRANSPORT_PORT
  opensearch_install
  opensearch_configure
  rm -f "$OPENSEARCH_PID"
  as_opensearch_user env OPENSEARCH_JAVA_HOME="$JDK" "$OPENSEARCH_HOME/bin/opensearch" -d -p "$OPENSEARCH_PID" \
    > "$OPENSEARCH_STATE/logs/stdout.log" 2>&1
  # The launcher returns before the daemon writes its pid file (after bootstrap checks), so wait for it.
  if ! wait_until 60 "opensearch pid file" "$OPENSEARCH_STATE/logs/stdout.log" pid_alive "$OPENSEARCH_PID"; then
    die "opensearch did not start"
  fi
  log "opensearch starting (pid $(cat "$OPENSEARCH_PID" 2>/dev/null)), logs in $OPENSEARCH_STATE/logs"
  wait_until "$START_TIMEOUT" opensearch "$OPENSEARCH_LOG" opensearch_healthy
}

opensearch_down() { stop_pid "$OPENSEARCH_PID" opensearch; }

opensearch_status() { service_status opensearch "$OPENSEARCH_PID" opensearch_healthy "http://127.0.0.1:$OPENSEARCH_PORT"; }
