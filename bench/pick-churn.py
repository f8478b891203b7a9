#!/usr/bin/env python3
"""Prints the writes that turn a benchmark image into its churned copy, one "first_block block_count" per line.

Picks, with a fixed seed, clustered 4 MiB writes and scattered one-block writes inside the data blocks of regular
files (block lists from debugfs), so the churned copy is still a clean file system whose files changed in place, as
after rewrites on a server; superblocks, descriptors, bitmaps, inode tables and directories are left alone.
Usage: pick-churn.py <image> <tree the image was made from> [clusters=10] [scattered=500] [seed=42]
"""
import os
import random
import re
import subprocess
import sys
import tempfile

image, tree = sys.argv[1], sys.argv[2]
clusters = int(sys.argv[3]) if len(sys.argv) > 3 else 10
scattered = int(sys.argv[4]) if len(sys.argv) > 4 else 500
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 42
rng = random.Random(seed)

header = subprocess.run(["dumpe2fs", "-h", image], capture_output=True, text=True, check=True).stdout
block_size = int(re.search(r"^Block size:\s+(\d+)", header, re.M).group(1))
cluster_blocks = (4 << 20) // block_size

files = []  # (path inside the image, size)
seen = set()
for root, _, names in os.walk(tree):
    for name in sorted(names):
        path = os.path.join(root, name)
        info = os.lstat(path)
        inside = "/" + os.path.relpath(path, tree)
        if not os.path.isfile(path) or os.path.islink(path) or info.st_ino in seen or re.search(r'[\s"\\]', inside):
            continue
        seen.add(info.st_ino)
        if info.st_size > 0:
            files.append((inside, info.st_size))
files.sort()

large = [f for f in files if f[1] >= cluster_blocks * block_size]
candidates = rng.sample(large, min(len(large), clusters * 4))
large_count = len(candidates)
candidates += rng.choices(files, weights=[size for _, size in files], k=scattered * 3)


def block_lists(paths):
    with tempfile.NamedTemporaryFile("w", suffix=".debugfs") as commands:
        commands.write("".join(f"blocks {path}\n" for path in paths))
        commands.flush()
        out = subprocess.run(["debugfs", "-f", commands.name, image], capture_output=True, text=True, check=True).stdout
    lists, current = {}, None
    for line in out.splitlines():
        if line.startswith("debugfs: blocks "):
            current = line[len("debugfs: blocks "):]
        elif current is not None:
            lists[current] = [int(block) for block in line.split()]
            current = None
    return lists


blocks_of = block_lists(sorted({path for path, _ in candidates}))

writes = []
for attempt in range(4):  # several windows may fall in one large file
    for path, _ in candidates[:large_count]:
        blocks = blocks_of.get(path, [])
        starts = [i for i in range(len(blocks) - cluster_blocks + 1) if blocks[i + cluster_blocks - 1] - blocks[i] == cluster_blocks - 1]
        if starts and len(writes) < clusters:
            start = blocks[rng.choice(starts)]
            if all(start + cluster_blocks <= other or other + count <= start for other, count in writes):
                writes.append((start, cluster_blocks))
if len(writes) < clusters:
    sys.exit(f"found only {len(writes)} files with {cluster_blocks} contiguous blocks for the clustered writes")

taken = {block for start, count in writes for block in range(start, start + count)}
picked = set()
for path, _ in candidates[large_count:]:
    if len(picked) == scattered:
        break
    blocks = blocks_of.get(path, [])
    if blocks:
        block = rng.choice(blocks)
        if block not in taken:
            picked.add(block)
if len(picked) < scattered:
    sys.exit(f"found only {len(picked)} file blocks for {scattered} scattered writes")
writes.extend((block, 1) for block in picked)

for start, count in sorted(writes):
    print(start, count)
