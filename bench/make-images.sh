#!/usr/bin/env bash
# Builds the benchmark images in $BENCH_DATA (default /work/bench-data, outside the repository):
#   image.img    4 GiB ext4 made by mke2fs -d from ~2 GB of real files (hard-linked copies of /usr/share, /usr/bin and
#                part of /usr/lib) over stale random bytes (AES-CTR stream, no discard), like a disk that has been in use
#   churned.img  image.img after ten clustered 4 MiB writes and 500 scattered 4 KiB writes inside files (still fsck-clean)
# Needs e2fsprogs, openssl, python3. Rebuilds only what is missing; BENCH_REBUILD=1 rebuilds everything.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${BENCH_DATA:-/work/bench-data}
size=${BENCH_IMAGE_SIZE:-4G}
tree_bytes=${BENCH_TREE_BYTES:-2000000000}
mkdir -p "$data"
[ "${BENCH_REBUILD:-0}" = 1 ] && rm -rf "$data/tree" "$data/image.img" "$data/churned.img"

if [ ! -d "$data/tree" ]; then
  echo "make-images: gathering ~$tree_bytes bytes of real files into $data/tree" >&2
  rm -rf "$data/tree.tmp"; mkdir -p "$data/tree.tmp"
  total=0
  for dir in /usr/share /usr/bin /usr/lib/*; do
    [ -e "$dir" ] || continue
    bytes=$(du -sb "$dir" | cut -f1)
    if [ $((total + bytes)) -gt "$tree_bytes" ]; then continue; fi
    dest="$data/tree.tmp${dir%/*}"; mkdir -p "$dest"
    cp -al "$dir" "$dest/" 2>/dev/null || cp -a "$dir" "$dest/"
    total=$((total + bytes))
  done
  mv "$data/tree.tmp" "$data/tree"
  echo "make-images: tree holds $(du -sb "$data/tree" | cut -f1) bytes" >&2
fi

if [ ! -f "$data/image.img" ]; then
  echo "make-images: writing $size of stale random bytes, then mke2fs -d without discard" >&2
  # (process substitution: openssl dies of SIGPIPE when head has enough, which pipefail would count as failure)
  head -c "$size" < <(openssl enc -aes-128-ctr -pass pass:imagebackup-bench -nosalt -pbkdf2 -in /dev/zero 2>/dev/null) \
    > "$data/image.img.tmp"
  mke2fs -q -F -t ext4 -E nodiscard -L bench -d "$data/tree" "$data/image.img.tmp"
  e2fsck -fn "$data/image.img.tmp" >/dev/null
  mv "$data/image.img.tmp" "$data/image.img"
  rm -f "$data/churned.img"
fi

if [ ! -f "$data/churned.img" ]; then
  echo "make-images: churning a copy (10 x 4 MiB clustered + 500 x 4 KiB scattered writes in file data blocks)" >&2
  cp "$data/image.img" "$data/churned.img.tmp"
  python3 "$here/pick-churn.py" "$data/image.img" "$data/tree" 10 500 42 > "$data/churn.txt"
  block_size=$(dumpe2fs -h "$data/image.img" 2>/dev/null | sed -nE 's/^Block size:\s+([0-9]+)/\1/p')
  while read -r first count; do
    dd if=/dev/urandom of="$data/churned.img.tmp" bs="$block_size" seek="$first" count="$count" \
      iflag=fullblock conv=notrunc status=none
  done < "$data/churn.txt"
  mv "$data/churned.img.tmp" "$data/churned.img"
fi

dumpe2fs -h "$data/image.img" 2>/dev/null | grep -E '^(Block count|Free blocks|Block size):' >&2
ls -l "$data"/*.img >&2
