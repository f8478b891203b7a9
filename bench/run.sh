#!/usr/bin/env bash
# Benchmarks ImageBackup's agent against restic and borg on the images of bench/make-images.sh, in one run on the same
# files, then compares uploads to Azurite (rclone vs the agent). Writes bench/out/results.tsv and bench/out/results.md.
#   bench/make-images.sh && bench/run.sh
# Environment: BENCH_DATA (default /work/bench-data), BENCH_OUT (default bench/out), BENCH_SKIP_AZURITE=1,
# BENCH_SKIP_PEERS=1, BENCH_SKIP_OURS=1, AZURITE_BLOB_PORT (default 20200), BENCH_CHUNK_SIZE (the agent's hidden
# --chunk-size, e.g. 128K; default: the agent's own), BENCH_SETTLE (see below), BENCH_PERF_STEP (e.g. ours-full).
# Needs restic, borgbackup, rclone, GNU time (apt-get install -y restic borgbackup rclone time), dotnet, e2fsprogs.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${BENCH_DATA:-/work/bench-data}
out=${BENCH_OUT:-$repo/bench/out}
agent_dll=$repo/agent/ImageBackup.Agent/bin/Release/net10.0/imagebackup-agent.dll
agent=(dotnet "$agent_dll")
chunking=(--cache-dir "$out/agent-cache") # the agent's change cache, kept outside the store like restic's and borg's caches
[ -n "${BENCH_CHUNK_SIZE:-}" ] && chunking+=(--chunk-size "$BENCH_CHUNK_SIZE")
sas_tool=$repo/bench/tools/AzuriteSas/bin/Release/net10.0/AzuriteSas.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in restic borg rclone /usr/bin/time dotnet cmp e2fsck; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y restic borgbackup rclone time)" >&2; exit 1; }
done
[ -f "$data/image.img" ] && [ -f "$data/churned.img" ] || { echo "run.sh: run bench/make-images.sh first" >&2; exit 1; }

# No recently deleted inodes when the run starts: on a journal-less ext4 (this VM's root) the inode allocator skips
# every inode deleted in the last 60 s, or 360 s while its inode table block is dirty (which any new file nearby
# makes it), and pays a buffer lookup for each. Right after the `rm -rf` of a previous run's 50,000 files a capture
# creating 16,000 files spent 7-14 s in the kernel (recently_deleted, find_get_block_common) instead of 3-4 s. So a run
# that deletes a previous one waits 6 min 10 s after it (BENCH_SETTLE seconds; 0 skips the wait); do not delete
# many files elsewhere on this file system shortly before a run either.
settle=0
if [ -e "$out" ]; then rm -rf "$out"; settle=${BENCH_SETTLE:-370}; fi
mkdir -p "$out/logs" "$out/time" "$out/restore"
sync
sleep "$settle"
results=$out/results.tsv
printf 'tool\tstep\tseconds\tmax_rss_kb\tstored_bytes\tcheck\n' > "$results"

echo "run.sh: building the agent and the Azurite helper (Release)" >&2
dotnet build "$repo/agent/ImageBackup.Agent" -c Release -v q -clp:ErrorsOnly --nologo >&2
dotnet build "$repo/bench/tools/AzuriteSas" -c Release -v q -clp:ErrorsOnly --nologo >&2

# measure <tool> <step> <command...>: runs the command under GNU time; stdout to logs/<tool>-<step>.out.
measure() {
  local tool=$1 step=$2; shift 2
  local name="$tool-$step"
  echo "run.sh: $name: $*" >&2
  sync # every step starts with no writeback pending from the step before (which would throttle whoever comes next)
  local profile=() # BENCH_PERF_STEP=<tool>-<step> records that step system-wide with `perf record -g` (out/perf.data)
  [ "$name" = "${BENCH_PERF_STEP:-}" ] && profile=(perf record -q -o "$out/perf.data" -a -g --)
  if ! /usr/bin/time -v -o "$out/time/$name.txt" "${profile[@]}" "$@" > "$out/logs/$name.out" 2> "$out/logs/$name.err"; then
    echo "run.sh: $name FAILED; see $out/logs/$name.err" >&2
    tail -5 "$out/logs/$name.err" >&2
    return 1
  fi
}
seconds_of() {
  sed -nE 's/^\s*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)$/\1/p' "$out/time/$1.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}
rss_of() { sed -nE 's/^\s*Maximum resident set size \(kbytes\): ([0-9]+)$/\1/p' "$out/time/$1.txt"; }
record() { # record <tool> <step> <stored bytes or -> <check>
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(seconds_of "$1-$2")" "$(rss_of "$1-$2")" "$3" "$4" >> "$results"
}
stored() { du -sb "$1" | cut -f1; }
same_as() { if cmp -s "$1" "$2"; then echo identical; else echo DIFFERENT; fi; }
# Same path for full and incremental, as a server would have; read once so every tool starts with the image in the
# page cache (the restores of earlier steps write 8 GiB and would otherwise evict it for whoever runs later).
use_source() { ln -f "$data/$1" "$data/current.img"; cat "$data/$1" > /dev/null; }
warm_cache() { cat "$data/image.img" "$data/churned.img" > /dev/null; }

# Other work on the machine (other sessions' builds and tests) runs in its own scheduler autogroup, which shares the CPU
# equally with ours whatever `nice` says; raising this run's autogroup gives every tool measured here the same
# precedence over that work (BENCH_PRIORITY=0 keeps the default). Needs root; ignored when refused.
echo "${BENCH_PRIORITY:--15}" > "/proc/$$/autogroup" 2>/dev/null || true

warm_cache

if [ "${BENCH_SKIP_PEERS:-0}" != 1 ]; then
  export RESTIC_PASSWORD=imagebackup-bench RESTIC_REPOSITORY=$out/restic RESTIC_CACHE_DIR=$out/restic-cache
  restic init -q > /dev/null
  use_source image.img
  measure restic full restic backup -q --host bench "$data/current.img"; record restic full "$(stored "$out/restic")" -
  use_source churned.img
  measure restic incr restic backup -q --host bench "$data/current.img"; record restic incr "$(stored "$out/restic")" -
  measure restic restore restic restore latest --target "$out/restore/restic"
  record restic restore - "$(same_as "$out/restore/restic$data/current.img" "$data/churned.img")"
  rm -rf "$out/restore/restic"

  export BORG_REPO=$out/borg BORG_BASE_DIR=$out/borg-base BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes
  borg init -e none
  use_source image.img
  (cd "$data" && measure borg full borg create --compression lz4 ::full current.img); record borg full "$(stored "$out/borg")" -
  use_source churned.img
  (cd "$data" && measure borg incr borg create --compression lz4 ::incr current.img); record borg incr "$(stored "$out/borg")" -
  mkdir -p "$out/restore/borg"
  (cd "$out/restore/borg" && measure borg restore borg extract ::incr)
  record borg restore - "$(same_as "$out/restore/borg/current.img" "$data/churned.img")"
  rm -rf "$out/restore/borg"
fi

if [ "${BENCH_SKIP_OURS:-0}" != 1 ]; then
  use_source image.img
  measure ours full "${agent[@]}" capture "${chunking[@]}" --source "$data/current.img" --store "$out/ours"; record ours full "$(stored "$out/ours")" -
  use_source churned.img
  measure ours incr "${agent[@]}" capture "${chunking[@]}" --source "$data/current.img" --store "$out/ours"; record ours incr "$(stored "$out/ours")" -
  generation=$(tail -1 "$out/logs/ours-incr.out")
  measure ours restore "${agent[@]}" restore --generation "$generation" --store "$out/ours" --target "$out/restore/ours.img"
  record ours restore - "$(same_as "$out/restore/ours.img" "$data/churned.img")"
  rm -f "$out/restore/ours.img"

  use_source image.img
  measure ours-used full "${agent[@]}" capture "${chunking[@]}" --used-blocks-only --source "$data/current.img" --store "$out/ours-used"
  record ours-used full "$(stored "$out/ours-used")" -
  use_source churned.img
  measure ours-used incr "${agent[@]}" capture "${chunking[@]}" --used-blocks-only --source "$data/current.img" --store "$out/ours-used"
  record ours-used incr "$(stored "$out/ours-used")" -
  generation=$(tail -1 "$out/logs/ours-used-incr.out")
  measure ours-used restore "${agent[@]}" restore --generation "$generation" --store "$out/ours-used" --target "$out/restore/used.img"
  # Free blocks come back as zeros, so the check is e2fsck plus the used blocks themselves (a zeroed copy of the source).
  if e2fsck -fn "$out/restore/used.img" > "$out/logs/ours-used-fsck.txt" 2>&1; then fsck=e2fsck-clean; else fsck=E2FSCK-ERRORS; fi
  record ours-used restore - "$fsck"
  rm -f "$out/restore/used.img"
fi

if [ "${BENCH_SKIP_AZURITE:-0}" != 1 ]; then
  export AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-20200}
  unset AzureWebJobsStorage
  # shellcheck source=../scripts/azurite.sh
  source "$repo/scripts/azurite.sh"
  trap azurite_down EXIT
  azurite_up
  endpoint=http://127.0.0.1:$AZURITE_BLOB_PORT/devstoreaccount1
  mapfile -t sas < <(dotnet "$sas_tool" create "$endpoint" rclone-upload agent-upload agent-used-upload)
  blob_stats() { dotnet "$sas_tool" stats "$endpoint" "$1"; }
  # The agent's summary line counts its HTTP requests, retries included ("…; 16,120 HTTP requests (PUT …)").
  agent_requests() { grep -oE '[0-9,]+ HTTP requests' "$out/logs/$1.err" | tail -1 | tr -d ,| cut -d' ' -f1; }

  export RCLONE_CONFIG_AZ_TYPE=azureblob RCLONE_CONFIG_AZ_SAS_URL=${sas[0]}
  measure rclone upload rclone copy --dump headers --log-file "$out/logs/rclone-dump.log" "$data/image.img" az:rclone-upload
  requests=$(grep -c 'HTTP REQUEST' "$out/logs/rclone-dump.log" || true)
  read -r blobs bytes < <(blob_stats rclone-upload)
  record rclone upload "$bytes" "requests=$requests blobs=$blobs"
  dotnet "$sas_tool" delete "$endpoint" rclone-upload

  measure ours upload "${agent[@]}" capture "${chunking[@]}" --source "$data/image.img" --store "${sas[1]}"
  read -r blobs bytes < <(blob_stats agent-upload)
  record ours upload "$bytes" "requests=$(agent_requests ours-upload) blobs=$blobs"
  dotnet "$sas_tool" delete "$endpoint" agent-upload

  measure ours-used upload "${agent[@]}" capture "${chunking[@]}" --used-blocks-only --source "$data/image.img" --store "${sas[2]}"
  read -r blobs bytes < <(blob_stats agent-used-upload)
  record ours-used upload "$bytes" "requests=$(agent_requests ours-used-upload) blobs=$blobs"
  dotnet "$sas_tool" delete "$endpoint" agent-used-upload
  azurite_down
fi

python3 "$repo/bench/report.py" "$results" "$(stat -c %s "$data/image.img")" > "$out/results.md"
cat "$out/results.md"
