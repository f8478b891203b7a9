#!/usr/bin/env bash
# File-restore bench (issue 6): from a generation of the 4 GiB bench image, restores one ~100 MB file and lists a
# directory of more than 10,000 entries with the agent's restore-files / ls, and compares with a full restore.
# Measures wall time and peak RSS (/usr/bin/time -v) and the bytes fetched from the store (printed by the agent).
#   bench/file-restore.sh            results: $BENCH_OUT/results.md (default bench/out/file-restore)
# Needs the image from bench/make-images.sh (BENCH_DATA, default /work/bench-data; it is only read), e2fsprogs, time.
# BENCH_STORE + BENCH_GENERATION reuse an existing store holding a full generation of image.img (e.g. bench/run.sh's
# "ours" store) instead of capturing one (needs ~2.8 GB); BENCH_FULL_TARGET is the full restore's target (default a
# file in $BENCH_OUT; /dev/null when disk space is short: nothing is written, so the full restore only gets faster).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${BENCH_DATA:-/work/bench-data}
out=${BENCH_OUT:-$root/bench/out/file-restore}
image=$data/image.img
file=${BENCH_FILE:-/usr/bin/node}
dir=${BENCH_DIR:-/usr/share/man/man1}
[ -f "$image" ] || { echo "file-restore: $image missing; run bench/make-images.sh" >&2; exit 1; }

rm -rf "$out"; mkdir -p "$out/time"
echo "file-restore: building the agent (Release)" >&2
dotnet build "$root/agent/ImageBackup.Agent" -c Release -v q --nologo -clp:ErrorsOnly >&2
agent=(dotnet "$root/agent/ImageBackup.Agent/bin/Release/net10.0/imagebackup-agent.dll")
store=${BENCH_STORE:-$out/store}
full_target=${BENCH_FULL_TARGET:-$out/full.img}
timed() { local name=$1; shift; /usr/bin/time -v -o "$out/time/$name.txt" "$@"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$out/time/$1.txt"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/time/$1.txt"; }

if [ -n "${BENCH_GENERATION:-}" ]; then
  generation=$BENCH_GENERATION
  echo "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.00" > "$out/time/capture.txt"
  echo "Maximum resident set size (kbytes): 0" >> "$out/time/capture.txt"
else
  echo "file-restore: capturing $image" >&2
  timed capture "${agent[@]}" capture --source "$image" --store "$store" --parallelism 2 > "$out/capture.out" 2> "$out/capture.err"
  generation=$(tail -n 1 "$out/capture.out")
fi

echo "file-restore: full restore of $generation" >&2
timed restore "${agent[@]}" restore --generation "$generation" --store "$store" --target "$full_target" 2> "$out/restore.err"
[ "$full_target" = "$out/full.img" ] && rm -f "$out/full.img"

echo "file-restore: restore-files disk:$file" >&2
timed restore-file "${agent[@]}" restore-files --generation "$generation" --store "$store" --path "disk:$file" --target "$out/files" \
  2> "$out/restore-file.err"
debugfs -R "dump $file $out/expected.bin" "$image" 2>/dev/null
cmp "$out/expected.bin" "$out/files/$(basename "$file")"
file_bytes=$(stat -c %s "$out/expected.bin")
fetched=$(sed -nE 's/.* ([0-9]+) bytes fetched from the store.*/\1/p' "$out/restore-file.err" | tail -n 1)

echo "file-restore: ls disk:$dir" >&2
timed ls-dir "${agent[@]}" ls --generation "$generation" --store "$store" --path "disk:$dir" > "$out/ls.out" 2> "$out/ls.err"
entries=$(wc -l < "$out/ls.out")
expected_entries=$(debugfs -R "ls -p $dir" "$image" 2>/dev/null | grep -cvE '^/[0-9]+/[0-9]+/[0-9]+/[0-9]*/\.{1,2}/')
listing_ms=$(sed -nE 's/.* entries in ([0-9]+) ms.*/\1/p' "$out/ls.err")
ls_fetched=$(sed -nE 's/.* ([0-9]+) bytes fetched from the store.*/\1/p' "$out/ls.err")

echo "file-restore: ls (volumes)" >&2
timed ls-volumes "${agent[@]}" ls --generation "$generation" --store "$store" > "$out/volumes.out" 2> "$out/volumes.err"

ratio_bytes=$(awk -v f="$fetched" -v s="$file_bytes" 'BEGIN { printf "%.3f", f / s }')
ratio_time=$(awk -v a="$(wall restore-file)" -v b="$(wall restore)" 'BEGIN { printf "%.3f", a / b }')
max_rss=$(for step in restore-file ls-dir ls-volumes; do rss "$step"; echo; done | sort -n | tail -n 1)
{
  echo "| step | wall (s) | peak RSS (MB) | notes |"
  echo "|---|---:|---:|---|"
  echo "| capture (setup) | $(wall capture) | $(rss capture) | generation $generation |"
  echo "| full \`restore\` | $(wall restore) | $(rss restore) | 4 GiB image to $full_target |"
  echo "| \`restore-files --path disk:$file\` | $(wall restore-file) | $(rss restore-file) | $file_bytes bytes, equal to \`debugfs dump\`; $fetched bytes fetched |"
  echo "| \`ls --path disk:$dir\` | $(wall ls-dir) | $(rss ls-dir) | $entries entries (debugfs: $expected_entries); $listing_ms ms in process; $ls_fetched bytes fetched |"
  echo "| \`ls\` (volumes) | $(wall ls-volumes) | $(rss ls-volumes) | $(grep -c . "$out/volumes.out") lines |"
  echo
  echo "| target | measured | limit | met |"
  echo "|---|---:|---:|---|"
  echo "| bytes fetched / file size | $ratio_bytes | ≤ 1.2 | $(awk -v r="$ratio_bytes" 'BEGIN { print (r <= 1.2) ? "yes" : "**no**" }') |"
  echo "| restore-files time / full restore time | $ratio_time | ≤ 0.2 | $(awk -v r="$ratio_time" 'BEGIN { print (r <= 0.2) ? "yes" : "**no**" }') |"
  echo "| listing $entries entries, process wall (s) | $(wall ls-dir) | ≤ 1 | $(awk -v r="$(wall ls-dir)" 'BEGIN { print (r <= 1) ? "yes" : "**no**" }') |"
  echo "| peak RSS of ls / restore-files (MB) | $max_rss | ≤ 256 | $(awk -v r="$max_rss" 'BEGIN { print (r <= 256) ? "yes" : "**no**" }') |"
} > "$out/results.md"
cat "$out/results.md"
[ -z "${BENCH_STORE:-}" ] && rm -rf "$store"
rm -rf "$out/files" "$out/expected.bin"
