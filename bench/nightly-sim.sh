#!/usr/bin/env bash
# Nightly simulation (issue 5, "Scale and faults"): Azurite + the local host with its clock at 00:00:05 JST of the
# night, then N real agent daemons in one process (bench/nightly-sim/ImageBackup.NightlySimulation) through one
# night; prints wall time, per-server statuses, the ops API's answer and the orchestration history size.
# Stops everything it started.
#   bench/nightly-sim.sh [N]                     N servers (default 2000)
#   SIM_NIGHTS=2 bench/nightly-sim.sh 200         a second night on churned images (host restarted at the next night)
#   SIM_KILL_IN_FLIGHT=500 bench/nightly-sim.sh    kill -9 the local host once 500 captures are in flight (250 with their command out); it is
#                                                  restarted at once and the night must still finish, one generation each
# Knobs: SIM_DATE (first night, default 2027-01-05), SIM_ARGS (more simulation options, e.g. "--max-in-flight 500"),
# AZURITE_BLOB_PORT (default 20400), SIM_PORT (local host, default 7471), SIM_OUT (default bench/out/nightly-sim),
# SIM_WORK_ROOT (images and agent state; default $TMPDIR or /tmp; /dev/shm keeps them in memory).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/azurite.sh
source scripts/azurite.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

servers="${1:-2000}"
nights="${SIM_NIGHTS:-1}"
first="${SIM_DATE:-2027-01-05}"
port="${SIM_PORT:-7471}"
out="${SIM_OUT:-$root/bench/out/nightly-sim}"
work=$(mktemp -d "${SIM_WORK_ROOT:-${TMPDIR:-/tmp}}/nightly-sim.XXXXXX")
export AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-20400}"
export ImageBackup__OpsKey="sim-ops-key-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export ImageBackup__TaskHub="nightlysim$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
mkdir -p "$out"
# Other sessions' work on this machine runs in its own scheduler autogroup; give this run precedence over it (as in
# bench/run.sh; SIM_PRIORITY=0 keeps the default). Needs root; ignored when refused.
echo "${SIM_PRIORITY:--15}" > "/proc/$$/autogroup" 2>/dev/null || true
host_pid=''

pid_file="$work/host.pid"

stop_host() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    touch "$work/host.stop"
    kill -TERM "$(cat "$pid_file" 2>/dev/null)" 2>/dev/null
    wait "$host_pid" 2>/dev/null
  fi
  host_pid=''
}
cleanup() { stop_host; azurite_down; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# supervise_host <night>: runs the local host and starts it again whenever it dies (a crash, or the simulation's
# kill -9), until stop_host; the host's own pid is in $pid_file.
supervise_host() {
  while [ ! -f "$work/host.stop" ]; do
    ImageBackup__Clock__Now="${1}T00:00:05+09:00" ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Logging__LogLevel__Default=Warning Logging__LogLevel__ImageBackup=Warning \
      dotnet "$work/host-bin/ImageBackup.LocalHost.dll" --urls "http://127.0.0.1:$port" \
      >>"$out/host.log" 2>&1 &
    echo $! >"$pid_file"
    wait $! 2>/dev/null
    [ -f "$work/host.stop" ] || echo "nightly-sim: $(date -u +%T) the local host died; starting it again" >&2
  done
}

start_host() { # $1: the night (yyyy-MM-dd); the host's clock starts 5 s into its window
  rm -f "$work/host.stop" "$pid_file"
  supervise_host "$1" &
  host_pid=$!
  for _ in $(seq 1 360); do
    if curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$host_pid" 2>/dev/null || { echo "nightly-sim: the local host exited (see $out/host.log)" >&2; return 1; }
    sleep 0.5
  done
  echo "nightly-sim: the local host did not answer within 180 s" >&2; return 1
}

dotnet build localhost/ImageBackup.LocalHost -c Release --nologo -v q -clp:ErrorsOnly || exit 1
dotnet build bench/nightly-sim/ImageBackup.NightlySimulation -c Release --nologo -v q -clp:ErrorsOnly || exit 1
# Private copies: a build of the solution by someone else must not replace DLLs under a running host or simulation.
cp -r localhost/ImageBackup.LocalHost/bin/Release/net10.0 "$work/host-bin"
cp -r bench/nightly-sim/ImageBackup.NightlySimulation/bin/Release/net10.0 "$work/sim-bin"
azurite_up || exit 1
: >"$out/host.log"
status=0
for n in $(seq 1 "$nights"); do
  night=$(date -d "$first + $((n - 1)) day" +%F)
  reuse=''; [ "$n" -gt 1 ] && reuse='--reuse'
  stop_host
  start_host "$night" || exit 1
  echo "nightly-sim: night $night, $servers servers, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # shellcheck disable=SC2086
  dotnet "$work/sim-bin/ImageBackup.NightlySimulation.dll" \
    --api "http://127.0.0.1:$port" --ops-key "$ImageBackup__OpsKey" --servers "$servers" --date "$night" \
    --work-dir "$work" --storage "$AzureWebJobsStorage" --task-hub "$ImageBackup__TaskHub" $reuse ${SIM_ARGS:-} \
    ${SIM_KILL_IN_FLIGHT:+--kill-host-in-flight "$SIM_KILL_IN_FLIGHT" --host-pid-file "$pid_file"} \
    2>"$out/sim-$night.log" | tee "$out/result-$night.txt" || status=1
  echo "nightly-sim: load after the night $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
exit "$status"
