#!/usr/bin/env bash
# Starts and stops Azurite for run.sh and test.sh. Source it, then call azurite_up / azurite_down.
#
# Ports come from AZURITE_BLOB_PORT (default 10000); queue and table use the next two ports.
# Data is kept in memory unless AZURITE_LOCATION names a folder. When AzureWebJobsStorage already
# points at a storage endpoint that answers, that endpoint is used and nothing is started.
#
# Azurite serves two accounts: devstoreaccount1 (the service's storage, Azurite's published
# development key) and remotesite1 (stands for the remote backup site in Hokkaido). Both keys are
# emulator-only development keys, not secrets.

IMAGEBACKUP_DEV_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
IMAGEBACKUP_REMOTE_ACCOUNT='remotesite1'
IMAGEBACKUP_REMOTE_KEY='cmVtb3Rlc2l0ZTFkZXZlbG9wbWVudGtleW5vdGFzZWNyZXRvbmx5Zm9yYXp1cml0ZQ=='
AZURITE_PID=''

_repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

_endpoint_of() {
  # Prints host and port of the blob endpoint of a connection string, or nothing.
  local cs="$1" ep host port
  case "$cs" in
    UseDevelopmentStorage=true*) echo "127.0.0.1 10000"; return ;;
  esac
  ep=$(printf '%s' "$cs" | tr ';' '\n' | sed -n 's/^BlobEndpoint=//p')
  [ -n "$ep" ] || return 0
  host=$(printf '%s' "$ep" | sed -E 's#^[a-z]+://([^:/]+).*#\1#')
  port=$(printf '%s' "$ep" | sed -nE 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#p')
  [ -n "$port" ] || port=443
  echo "$host $port"
}

_connection_string() {
  local account="$1" key="$2" bp="$3"
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/$account;QueueEndpoint=http://127.0.0.1:$((bp + 1))/$account;TableEndpoint=http://127.0.0.1:$((bp + 2))/$account;"
}

azurite_install() {
  local root; root=$(_repo_root)
  if [ ! -x "$root/node_modules/.bin/azurite" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "azurite: npm ci" >&2
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

azurite_up() {
  local root bp existing
  root=$(_repo_root)
  if [ -n "${AzureWebJobsStorage:-}" ]; then
    existing=$(_endpoint_of "$AzureWebJobsStorage")
    # shellcheck disable=SC2086
    if [ -n "$existing" ] && _port_open $existing; then
      echo "azurite: using the storage endpoint of AzureWebJobsStorage ($existing)" >&2
      export ImageBackup__RemoteSiteStorage="${ImageBackup__RemoteSiteStorage:-$AzureWebJobsStorage}"
      return 0
    fi
  fi
  azurite_install
  bp="${AZURITE_BLOB_PORT:-10000}"
  local p
  for p in "$bp" $((bp + 1)) $((bp + 2)); do
    if _port_open 127.0.0.1 "$p"; then
      echo "azurite: port $p is already in use; stop what holds it or set AZURITE_BLOB_PORT" >&2
      return 1
    fi
  done
  local args=(--silent --skipApiVersionCheck --loose --disableTelemetry
    --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort $((bp + 1))
    --tableHost 127.0.0.1 --tablePort $((bp + 2)))
  if [ -n "${AZURITE_LOCATION:-}" ]; then
    mkdir -p "$AZURITE_LOCATION"
    args+=(--location "$AZURITE_LOCATION")
  else
    args+=(--inMemoryPersistence)
  fi
  # Started from a scratch folder so nothing Azurite writes lands in the repository.
  local scratch; scratch=$(mktemp -d)
  (cd "$scratch" && AZURITE_ACCOUNTS="devstoreaccount1:$IMAGEBACKUP_DEV_KEY;$IMAGEBACKUP_REMOTE_ACCOUNT:$IMAGEBACKUP_REMOTE_KEY" \
    exec "$root/node_modules/.bin/azurite" "${args[@]}" >&2) &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 120); do
    if _port_open 127.0.0.1 "$bp" && _port_open 127.0.0.1 $((bp + 1)) && _port_open 127.0.0.1 $((bp + 2)); then
      export AzureWebJobsStorage; AzureWebJobsStorage=$(_connection_string devstoreaccount1 "$IMAGEBACKUP_DEV_KEY" "$bp")
      export ImageBackup__RemoteSiteStorage; ImageBackup__RemoteSiteStorage=$(_connection_string "$IMAGEBACKUP_REMOTE_ACCOUNT" "$IMAGEBACKUP_REMOTE_KEY" "$bp")
      echo "azurite: ready on 127.0.0.1:$bp-$((bp + 2)) (pid $AZURITE_PID)" >&2
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "azurite: exited before its ports answered" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "azurite: ports did not answer within 60 s" >&2
  azurite_down
  return 1
}

azurite_down() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null
  fi
  AZURITE_PID=''
}
