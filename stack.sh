#!/usr/bin/env bash
# The whole GovTech Kommunal platform on this machine, without Docker:
# builds it, then starts PostgreSQL, Kafka, Keycloak, the four services and the gateway.
#
#   ./stack.sh              build, start everything, print where it is; Ctrl-C stops it all
#   ./stack.sh --wipe       the same, from an empty data dir
#   ./stack.sh --no-build   skip the Maven build (use what target/ holds)
#   ./stack.sh --help       all options (see deploy/local/README.md)
#   ./stack.sh status       which parts of a running stack answer
#   ./stack.sh --port-offset 20000   every port + 20000 (a second stack beside the usual one; status takes it too)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAUNCHER_JAR="$ROOT/deploy/local/target/govtech-stack.jar"
# the fixed ports; --port-offset N shifts them (the launcher checks its ports itself; here they only decide
# whether the build is skipped)
STACK_PORTS=(15432 19092 19093 8180 9180 8080 8081 8082 8083 8084 8090)

fail() {
  echo "stack.sh: $*" >&2
  exit 1
}

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    return 1
  fi
}

JAVA="$(java_cmd)" || fail "no Java found. Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME."

# "17.0.15", "21", "1.8.0_402" -> 17, 21, 8
java_version="$("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
java_major="${java_version%%.*}"
if [[ "$java_major" == "1" ]]; then
  java_major="$(echo "$java_version" | cut -d. -f2)"
fi
if ! [[ "$java_major" =~ ^[0-9]+$ ]] || (( java_major < 17 )); then
  fail "Java 17 or newer is needed, but $JAVA is version '${java_version:-unknown}'. Install a JDK 17+ or point JAVA_HOME at one."
fi

build=true
launcher_args=()
port_offset=0
previous=""
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) launcher_args+=("$arg") ;;
  esac
  case "$arg" in
    --port-offset=*) port_offset="${arg#--port-offset=}" ;;
  esac
  if [[ "$previous" == "--port-offset" ]]; then
    port_offset="$arg"
  fi
  previous="$arg"
done

first="${launcher_args[0]:-}"
# help, version and status need no fresh build when the launcher exists
if [[ -f "$LAUNCHER_JAR" ]]; then
  case "$first" in
    -h|--help|help|-V|--version|status) build=false ;;
  esac
  for arg in "${launcher_args[@]+"${launcher_args[@]}"}"; do
    if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
      build=false
    fi
  done
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if ! [[ "$port_offset" =~ ^-?[0-9]+$ ]]; then
  port_offset=0 # the launcher reports the bad value
fi
if [[ "$build" == true && -f "$LAUNCHER_JAR" ]]; then
  # a stack on the usual ports or on this offset's
  for port in "${STACK_PORTS[@]}" $(for p in "${STACK_PORTS[@]}"; do echo $((p + port_offset)); done); do
    if port_in_use "$port"; then
      # a running stack must not get its jars replaced under it; the launcher explains the taken port
      echo "Port $port is in use: skipping the build (is the stack already running?)."
      build=false
      break
    fi
  done
fi

if [[ "$build" == true ]]; then
  if [[ -x "$ROOT/mvnw" ]]; then
    MVN=("$ROOT/mvnw")
  elif command -v mvn >/dev/null 2>&1; then
    MVN=(mvn)
  else
    fail "neither ./mvnw nor mvn found. Install Maven 3.8+ (e.g. apt-get install maven)."
  fi
  echo "Building the platform (first time ~3-5 min: Maven downloads dependencies and the Keycloak distribution)…"
  started=$SECONDS
  if ! (cd "$ROOT" && "${MVN[@]}" -B -q install -DskipTests); then
    fail "the build failed (see the Maven output above). Fix it, or run ./stack.sh --no-build to start what was built before."
  fi
  echo "Built in $((SECONDS - started)) s."
fi

[[ -f "$LAUNCHER_JAR" ]] || fail "$LAUNCHER_JAR is missing: run ./stack.sh without --no-build once."

# exec: Ctrl-C and SIGTERM go straight to the launcher, which stops everything in order
exec "$JAVA" -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root="$ROOT" -jar "$LAUNCHER_JAR" \
  "${launcher_args[@]+"${launcher_args[@]}"}"
