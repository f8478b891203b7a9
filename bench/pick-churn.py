#!/usr/bin/env python3
"""Prints the writes that turn a benchmark image into its churned copy, one "first_block block_count" per line.

Picks, with a fixed seed, ten clustered 4 MiB writes and 500 scattered one-block writes inside blocks the
file system uses (per dumpe2fs), never on superblocks, group descriptors, bitmaps or inode tables, so the
churned copy stays readable by a used-blocks reader.
Usage: pick-churn.py <image> [clusters] [scattered] [seed]
"""
import random
import re
import subprocess
import sys

image = sys.argv[1]
clusters = int(sys.argv[2]) if len(sys.argv) > 2 else 10
scattered = int(sys.argv[3]) if len(sys.argv) > 3 else 500
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42

out = subprocess.run(["dumpe2fs", image], capture_output=True, text=True, check=True).stdout
block_size = int(re.search(r"^Block size:\s+(\d+)", out, re.M).group(1))
block_count = int(re.search(r"^Block count:\s+(\d+)", out, re.M).group(1))
first_block = int(re.search(r"^First block:\s+(\d+)", out, re.M).group(1))

unusable = []  # free blocks and metadata, as (first, last)
for line in re.findall(r"^[ \t]+Free blocks: ?(.*)$", out, re.M):
    for item in filter(None, (part.strip() for part in line.split(","))):
        bounds = item.split("-")
        unusable.append((int(bounds[0]), int(bounds[-1])))
for first, last in re.findall(r"(?:superblock|descriptors|GDT blocks|bitmap|table) at (\d+)(?:-(\d+))?", out):
    unusable.append((int(first), int(last or first)))
unusable.sort()

data_runs = []  # used data blocks, as (first, count)
next_block = max(first_block, 1)
for first, last in unusable:
    if first > next_block:
        data_runs.append((next_block, first - next_block))
    next_block = max(next_block, last + 1)
if next_block < block_count:
    data_runs.append((next_block, block_count - next_block))

rng = random.Random(seed)
cluster_blocks = (4 << 20) // block_size
long_runs = [run for run in data_runs if run[1] >= cluster_blocks]
if sum(count // cluster_blocks for _, count in long_runs) < clusters:
    sys.exit(f"the used data blocks hold fewer than {clusters} separate {cluster_blocks}-block windows")
writes = []
while len(writes) < clusters:
    first, count = rng.choices(long_runs, weights=[count for _, count in long_runs])[0]
    start = first + rng.randrange(count - cluster_blocks + 1)
    if all(start + cluster_blocks <= other or other + cluster_blocks <= start for other, _ in writes):
        writes.append((start, cluster_blocks))

taken = {block for start, count in writes for block in range(start, start + count)}
total_data = sum(count for _, count in data_runs)
picked = set()
while len(picked) < scattered:
    index = rng.randrange(total_data)
    for first, count in data_runs:
        if index < count:
            block = first + index
            break
        index -= count
    if block not in taken:
        picked.add(block)
writes.extend((block, 1) for block in sorted(picked))

print(f"# block_size {block_size}", file=sys.stderr)
for start, count in sorted(writes):
    print(start, count)
