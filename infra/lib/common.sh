# Shared helpers for infra.sh: paths, JDK discovery, ports, waiting, logging. Sourced, not executed.

log() { printf '%s infra %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "$(id -u)" = 0 ]; then
  # Root's home is not readable by the unprivileged user OpenSearch must run as, so use system paths.
  CIRSTREAM_CACHE_DIR="${CIRSTREAM_CACHE_DIR:-/var/cache/cirstream}"
  CIRSTREAM_STATE_DIR="${CIRSTREAM_STATE_DIR:-/var/lib/cirstream}"
else
  CIRSTREAM_CACHE_DIR="${CIRSTREAM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cirstream}"
  CIRSTREAM_STATE_DIR="${CIRSTREAM_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/cirstream}"
fi
. "$(dirname "${BASH_SOURCE[0]}")/../versions.env"
KAFKA_PORT="${CIRSTREAM_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CIRSTREAM_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_SASL_PORT="${CIRSTREAM_KAFKA_SASL_PORT:-9094}"
OPENSEARCH_PORT="${CIRSTREAM_OPENSEARCH_PORT:-9200}"
OPENSEARCH_TRANSPORT_PORT="${CIRSTREAM_OPENSEARCH_TRANSPORT_PORT:-9300}"
OPENSEARCH_HEAP="${CIRSTREAM_OPENSEARCH_HEAP:-1g}"
KAFKA_HEAP="${CIRSTREAM_KAFKA_HEAP:-512m}"
OPENSEARCH_USER="${CIRSTREAM_OPENSEARCH_USER:-cirstream}"
START_TIMEOUT="${CIRSTREAM_INFRA_TIMEOUT:-180}"
CLUSTER_STATE="$CIRSTREAM_STATE_DIR/cluster" # the clustered infra (infra.sh up --cluster) keeps its state apart

java_major() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -f "$rel" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
}

# Picks a JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 dir v
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [ -x "$dir/bin/java" ] || continue
    v="$(java_major "$dir")"
    [ -n "$v" ] && [ "$v" -gt "$best_v" ] && { best="$dir"; best_v="$v"; }
  done
  if [ "$best_v" -ge 21 ]; then echo "$best"; return 0; fi
  die "no JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or point JAVA_HOME at it."
}

port_owner() { # prints "pid/cmd" of the listener on 127.0.0.1:$1, empty if free
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\2 \1/p' | head -n1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # $1 port, $2 what, $3 env var that moves it
  if port_open "$1"; then
    local owner; owner="$(port_owner "$1")"
    die "port $1 needed by $2 is already in use${owner:+ by pid $owner}; stop that process or set $3 to another port"
  fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_until() { # $1 seconds, $2 description, $3 log file, then the check command
  local limit="$1" what="$2" logfile="$3"; shift 3
  local start=$SECONDS
  until "$@"; do
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      log "$what not healthy after ${limit}s; last lines of $logfile:"
      tail -n 40 "$logfile" >&2 2>/dev/null
      return 1
    fi
    sleep 0.5
  done
  log "$what healthy after $((SECONDS - start))s"
}

service_status() { # $1 name, $2 pid file, $3 health check (a command, split on spaces), $4 address; 1 unless healthy
  # shellcheck disable=SC2086
  if pid_alive "$2" && $3; then
    printf '%-17s healthy   pid %s  %s\n' "$1" "$(cat "$2")" "$4"
  elif pid_alive "$2"; then
    printf '%-17s starting  pid %s  %s\n' "$1" "$(cat "$2")" "$4"; return 1
  else
    printf '%-17s stopped\n' "$1"; return 1
  fi
}

stop_pid() { # $1 pid file, $2 name: TERM, wait up to 60 s, then KILL
  pid_alive "$1" || { rm -f "$1"; log "$2 not running"; return 0; }
  local pid; pid="$(cat "$1")"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "$2 did not stop in 60s, killing"; kill -KILL "$pid"; fi
  rm -f "$1"
  log "$2 stopped"
}

kill_pid() { # $1 pid file, $2 name: SIGKILL at once, as a crash would
  pid_alive "$1" || { rm -f "$1"; log "$2 not running"; return 0; }
  local pid; pid="$(cat "$1")"
  kill -KILL "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$1"
  log "$2 killed"
}

# Resolves Maven artifacts into a directory with the project's own Maven (Central only).
maven_fetch() { # $1 pom dir, $2 goal args...
  local dir="$1"; shift
  if ! (cd "$dir" && JAVA_HOME="$JDK" mvn -q -B "$@") > "$dir/maven.log" 2>&1; then
    tail -n 30 "$dir/maven.log" >&2
    die "could not resolve artifacts with Maven in $dir (is Maven Central reachable?)"
  fi
}
