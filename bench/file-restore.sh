#!/usr/bin/env bash
# File-restore bench (issue 6): from a generation of the 4 GiB bench image, restores one ~100 MB file and lists a
# directory of more than 10,000 entries with the agent's restore-files / ls, and compares with a full restore.
# Measures wall time and peak RSS (/usr/bin/time -v) and the bytes fetched from the store (printed by the agent).
#   bench/file-restore.sh            results: $BENCH_OUT/results.md (default bench/out/file-restore)
# Needs the image from bench/make-images.sh (BENCH_DATA, default /work/bench-data; it is only read), e2fsprogs, time.
# BENCH_STORE + BENCH_GENERATION reuse an existing store holding a full generation of image.img (e.g. bench/run.sh's
# "ours" store) instead of capturing one (needs ~2.8 GB); BENCH_FULL_TARGET is the full restore's target (default a
# file in $BENCH_OUT; /dev/null when disk space is short: nothing is written, so the full restore only gets faster).
# Then lists a directory of exactly 10,000 entries on small ext4, XFS v5 and NTFS fixtures (built here without mounting:
# mke2fs -d + e2fsck -fyD, mkfs.xfs -p, mkntfs + wimlib-imagex apply), each captured into its own store, BENCH_RUNS
# times (default 3): process wall time and the agent's in-process time ("N entries in M ms"), median of the runs.
# BENCH_LISTING_ONLY=1 runs only that part (needs no bench image): results $BENCH_OUT/listing.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data=${BENCH_DATA:-/work/bench-data}
out=${BENCH_OUT:-$root/bench/out/file-restore}
image=$data/image.img
file=${BENCH_FILE:-/usr/bin/node}
dir=${BENCH_DIR:-/usr/share/man/man1}
runs=${BENCH_RUNS:-3}
latency=${BENCH_LATENCY_MS:-20}
listing_only=${BENCH_LISTING_ONLY:-0}
[ "$listing_only" = 1 ] || [ -f "$image" ] || { echo "file-restore: $image missing; run bench/make-images.sh" >&2; exit 1; }

rm -rf "$out"; mkdir -p "$out/time"
echo "file-restore: building the agent (Release)" >&2
dotnet build "$root/agent/ImageBackup.Agent" -c Release -v q --nologo -clp:ErrorsOnly >&2
agent=(dotnet "$root/agent/ImageBackup.Agent/bin/Release/net10.0/imagebackup-agent.dll")
store=${BENCH_STORE:-$out/store}
full_target=${BENCH_FULL_TARGET:-$out/full.img}
timed() { local name=$1; shift; /usr/bin/time -v -o "$out/time/$name.txt" "$@"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$out/time/$1.txt"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/time/$1.txt"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# In-process listing through a store that waits BENCH_LATENCY_MS (default 20) before every chunk GET, like a remote
# blob store: a .NET file-based app over the FileRestore library (discovery, open, path, listing; one cold process).
write_latency_probe() {
  cat > "$1/probe.cs" <<CS
#:project $root/shared/ImageBackup.FileRestore/ImageBackup.FileRestore.csproj
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Storage;

IChunkStore store = new SlowStore(new LocalDirectoryChunkStore(args[0], create: false), int.Parse(args[3]));
using var source = await GenerationSource.OpenAsync(store, args[1]);
var clock = System.Diagnostics.Stopwatch.StartNew();
var path = ImagePath.Parse(args[2]);
var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(source).Find(path.Volume));
var count = fileSystem.List(PathResolver.Resolve(fileSystem, path.Components)).Count();
Console.WriteLine(\$"{count} {clock.ElapsedMilliseconds} {source.ChunksFetched}");

/// <summary>A chunk store that waits before every read, like a remote one.</summary>
sealed class SlowStore(IChunkStore inner, int milliseconds) : IChunkStore
{
    public string Description => inner.Description;
    public Task<bool> ExistsAsync(string id, CancellationToken token) => inner.ExistsAsync(id, token);
    public Task<bool> PutIfAbsentAsync(string id, ReadOnlyMemory<byte> blob, CancellationToken token) => inner.PutIfAbsentAsync(id, blob, token);
    public async Task<int> GetAsync(string id, Memory<byte> destination, CancellationToken token)
    {
        await Task.Delay(milliseconds, token);
        return await inner.GetAsync(id, destination, token);
    }
    public Task DeleteChunkAsync(string id, CancellationToken token) => inner.DeleteChunkAsync(id, token);
    public Task<IReadOnlyList<string>> ListGenerationsAsync(CancellationToken token) => inner.ListGenerationsAsync(token);
    public Task<bool> PutManifestIfAbsentAsync(string id, ReadOnlyMemory<byte> json, CancellationToken token) => inner.PutManifestIfAbsentAsync(id, json, token);
    public Task<byte[]> GetManifestAsync(string id, CancellationToken token) => inner.GetManifestAsync(id, token);
    public Task DeleteManifestAsync(string id, CancellationToken token) => inner.DeleteManifestAsync(id, token);
    public Task<bool> HasGenerationAsync(string id, CancellationToken token) => inner.HasGenerationAsync(id, token);
}
CS
}

# Lists /big (10,000 files) on one fixture image $runs times; prints a results row.
list_fixture() {
  local fs=$1 img=$2 fstore="$out/listing/store-$1" gen walls=() inproc=() fetched entries
  "${agent[@]}" capture --source "$img" --store "$fstore" --parallelism 2 --no-cache > "$out/listing/$fs.gen" 2> "$out/listing/$fs.capture.err"
  gen=$(tail -n 1 "$out/listing/$fs.gen")
  for run in $(seq 1 "$runs"); do
    timed "ls-$fs-$run" "${agent[@]}" ls --generation "$gen" --store "$fstore" --path disk:/big > "$out/listing/$fs.out" 2> "$out/listing/$fs.err"
    walls+=("$(wall "ls-$fs-$run")")
    inproc+=("$(sed -nE 's/.* entries in ([0-9]+) ms.*/\1/p' "$out/listing/$fs.err")")
  done
  entries=$(wc -l < "$out/listing/$fs.out")
  fetched=$(sed -nE 's/.* ([0-9]+) bytes fetched from the store.*/\1/p' "$out/listing/$fs.err")
  slow=()
  for run in $(seq 1 "$runs"); do
    slow+=("$(dotnet run -c Release --no-build --file "$out/listing/probe/probe.cs" -- "$fstore" "$gen" disk:/big "$latency" | tail -n 1)")
  done
  echo "| $fs | $entries | $(printf '%s\n' "${walls[@]}" | median) (${walls[*]}) | $(printf '%s\n' "${inproc[@]}" | median) (${inproc[*]}) | $fetched | $(rss "ls-$fs-1") | $(printf '%s\n' "${slow[@]}" | awk '{ print $2 }' | median) ($(printf '%s\n' "${slow[@]}" | awk '{ print $2 }' | tr '\n' ' ' | sed 's/ $//'); ${slow[0]##* } chunks) |"
}

listing_bench() {
  local dir="$out/listing" src i
  mkdir -p "$dir/src/big"
  src="$dir/src"
  echo "file-restore: building 10,000-entry ext4, XFS and NTFS fixtures" >&2
  for i in $(seq -w 1 10000); do printf 'file %s\n' "$i" > "$src/big/entry-$i.txt"; done
  truncate -s 128M "$dir/ext4.img"
  mke2fs -q -F -t ext4 -E nodiscard -d "$src" "$dir/ext4.img"
  e2fsck -fyD "$dir/ext4.img" > /dev/null 2>&1 || [ $? -le 1 ]
  { echo /dev/null; echo 0 0; echo 'd--755 0 0'; echo 'big d--755 0 0'
    for i in "$src"/big/*; do echo "$(basename "$i") ---644 0 0 $i"; done; echo '$'; echo '$'; } > "$dir/proto"
  truncate -s 300M "$dir/xfs.img"
  mkfs.xfs -q -f -p "$dir/proto" "$dir/xfs.img"
  truncate -s 128M "$dir/ntfs.img"
  mkntfs -F -Q "$dir/ntfs.img" > /dev/null 2>&1
  wimlib-imagex capture "$src" "$dir/tree.wim" --compress=none > /dev/null
  wimlib-imagex apply "$dir/tree.wim" "$dir/ntfs.img" > /dev/null
  mkdir -p "$dir/probe"
  write_latency_probe "$dir/probe"
  dotnet build -c Release -v q --nologo "$dir/probe/probe.cs" >&2
  {
    echo "| file system | entries | process wall (s), median (runs) | in process (ms), median (runs) | bytes fetched | peak RSS (MB) | in process, ${latency} ms per chunk GET (ms), median (runs; chunks) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    list_fixture ext4 "$dir/ext4.img"
    list_fixture xfs "$dir/xfs.img"
    list_fixture ntfs "$dir/ntfs.img"
  } > "$out/listing.md"
  cat "$out/listing.md"
  rm -rf "$dir"
}

if [ "$listing_only" = 1 ]; then
  listing_bench
  exit 0
fi

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
expected_entries=$(debugfs -R "ls -p $dir" "$image" 2>/dev/null | grep -E '^/' | grep -cvE '^/[0-9]+/[0-9]+/[0-9]+/[0-9]*/\.{1,2}/')
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
listing_bench
[ -z "${BENCH_STORE:-}" ] && rm -rf "$store"
rm -rf "$out/files" "$out/expected.bin"
