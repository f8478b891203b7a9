#!/usr/bin/env bash
# Runs ImageBackup locally in the foreground: Azurite (unless AzureWebJobsStorage already points at
# a running endpoint) and the local Functions host on http://127.0.0.1:7071. Ctrl-C or SIGTERM
# stops everything it started.
set -uo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

host_pid=''
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null
  fi
  azurite_down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dotnet build localhost/ImageBackup.LocalHost --nologo -v q -clp:ErrorsOnly || exit 1
azurite_up || exit 1
export ImageBackup__OpsKey="${ImageBackup__OpsKey:-local-ops-key-change-me}"
echo "run: ops key for this run is in ImageBackup__OpsKey (default local-ops-key-change-me)" >&2
dotnet localhost/ImageBackup.LocalHost/bin/Debug/net10.0/ImageBackup.LocalHost.dll --urls "${IMAGEBACKUP_URLS:-http://127.0.0.1:7071}" &
host_pid=$!
wait "$host_pid"
