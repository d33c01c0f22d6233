# The secured OpenSearch (infra.sh up opensearch-secure): a loopback TLS front that demands HTTP basic auth, in front of
# the plain local OpenSearch, run from source by the JDK (infra/opensearch/TlsProxy.java). The OpenSearch security
# plugin is not on Maven Central for 3.6.0 (org.opensearch.plugin:opensearch-security:3.6.0.0:zip does not resolve),
# so this is what stands for a managed, authenticated OpenSearch. Sourced by infra.sh after opensearch.sh.
# What a client needs is written to $OS_SECURE_CONNECTION (url, username, password, CA PEM, truststore).

OS_SECURE_PORT="${CIRSTREAM_OPENSEARCH_SECURE_PORT:-9201}"
OS_SECURE_UPSTREAM="${CIRSTREAM_OPENSEARCH_SECURE_UPSTREAM:-http://127.0.0.1:$OPENSEARCH_PORT}"
OS_SECURE_USER="${CIRSTREAM_OPENSEARCH_SECURE_USER:-cirstream}"
OS_SECURE_STATE="$CIRSTREAM_STATE_DIR/opensearch-secure"
OS_SECURE_TLS="$OS_SECURE_STATE/tls"
OS_SECURE_PID="$OS_SECURE_STATE/proxy.pid"
OS_SECURE_CONNECTION="$OS_SECURE_STATE/connection.properties"

opensearch_secure_configure() {
  mkdir -p "$OS_SECURE_STATE/logs" && chmod 700 "$OS_SECURE_STATE"
  tls_material "$OS_SECURE_TLS" server "opensearch-secure"
  if [ ! -s "$OS_SECURE_STATE/credentials" ]; then
    printf '%s:%s' "$OS_SECURE_USER" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > "$OS_SECURE_STATE/credentials"
    chmod 600 "$OS_SECURE_STATE/credentials"
  fi
  local creds; creds="$(cat "$OS_SECURE_STATE/credentials")"
  cat > "$OS_SECURE_CONNECTION" <<PROPS
# The secured local OpenSearch (infra.sh up opensearch-secure): TLS with a private CA, HTTP basic auth.
url=https://127.0.0.1:$OS_SECURE_PORT
username=${creds%%:*}
password=${creds#*:}
ca.pem=$OS_SECURE_TLS/ca.pem
truststore.location=$OS_SECURE_TLS/truststore.p12
truststore.type=PKCS12
truststore.password=$(cat "$OS_SECURE_TLS/password")
upstream=$OS_SECURE_UPSTREAM
PROPS
  chmod 600 "$OS_SECURE_CONNECTION"
}

opensearch_secure_healthy() { # the front answers and refuses a request without credentials
  [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$OS_SECURE_TLS/ca.pem" "https://127.0.0.1:$OS_SECURE_PORT/" 2>/dev/null)" = 401 ]
}

opensearch_secure_up() {
  if pid_alive "$OS_SECURE_PID"; then
    log "opensearch-secure already running (pid $(cat "$OS_SECURE_PID")) on https://127.0.0.1:$OS_SECURE_PORT"
  else
    require_free_port "$OS_SECURE_PORT" opensearch-secure CIRSTREAM_OPENSEARCH_SECURE_PORT
    opensearch_secure_configure
    setsid nohup "$JDK/bin/java" -Xmx64m "$INFRA_DIR/opensearch/TlsProxy.java" "$OS_SECURE_PORT" "$OS_SECURE_UPSTREAM" \
      "$OS_SECURE_TLS/server.p12" "$OS_SECURE_TLS/password" "$OS_SECURE_STATE/credentials" \
      > "$OS_SECURE_STATE/logs/proxy.log" 2>&1 < /dev/null &
    echo $! > "$OS_SECURE_PID"
    log "opensearch-secure starting (pid $!), logs in $OS_SECURE_STATE/logs"
  fi
  wait_until 60 opensearch-secure "$OS_SECURE_STATE/logs/proxy.log" opensearch_secure_healthy || return 1
  curl -sf -o /dev/null "$OS_SECURE_UPSTREAM/" \
    || log "WARNING: its upstream $OS_SECURE_UPSTREAM does not answer yet (infra.sh up opensearch starts it)"
  log "opensearch-secure: https://127.0.0.1:$OS_SECURE_PORT, CA, user and password in $OS_SECURE_CONNECTION"
}

opensearch_secure_down() { stop_pid "$OS_SECURE_PID" opensearch-secure; }

opensearch_secure_status() {
  service_status opensearch-secure "$OS_SECURE_PID" opensearch_secure_healthy "https://127.0.0.1:$OS_SECURE_PORT"
}
