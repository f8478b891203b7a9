#!/usr/bin/env python3
"""Turns bench/out/results.tsv into the markdown table and target ratios of bench/README.md.
Usage: report.py <results.tsv> <image bytes>"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
image_bytes = int(sys.argv[2])
cell = {(r["tool"], r["step"]): r for r in rows}
tools = ["restic", "borg", "ours", "ours-used"]
MB = 1_000_000


def value(tool, step, field):
    row = cell.get((tool, step))
    if not row or row[field] in ("", "-"):
        return None
    return float(row[field])


def fmt(number, unit=""):
    return "n/a" if number is None else f"{number:,.1f}{unit}"


print("| step | " + " | ".join(tools) + " |")
print("|---|" + "---|" * len(tools))
for step in ["full", "incr", "restore"]:
    print(f"| {step}: wall time (s) | " + " | ".join(fmt(value(t, step, "seconds")) for t in tools) + " |")
    print(f"| {step}: peak RSS (MB) | " + " | ".join(
        fmt(None if value(t, step, "max_rss_kb") is None else value(t, step, "max_rss_kb") * 1024 / MB) for t in tools) + " |")
    if step != "restore":
        print(f"| {step}: stored after (MB) | " + " | ".join(
            fmt(None if value(t, step, "stored_bytes") is None else value(t, step, "stored_bytes") / MB) for t in tools) + " |")
    else:
        print("| restore: check | " + " | ".join((cell.get((t, step)) or {}).get("check", "n/a") for t in tools) + " |")


def added(tool):
    full, incr = value(tool, "full", "stored_bytes"), value(tool, "incr", "stored_bytes")
    return None if full is None or incr is None else incr - full


print("| incr: bytes added (MB) | " + " | ".join(fmt(None if added(t) is None else added(t) / MB) for t in tools) + " |")
print()


def ratio(ours, peer):
    return None if ours is None or peer in (None, 0) else ours / peer


targets = [
    ("full capture time vs restic", ratio(value("ours", "full", "seconds"), value("restic", "full", "seconds")), 0.3),
    ("full capture time vs borg", ratio(value("ours", "full", "seconds"), value("borg", "full", "seconds")), 0.6),
    ("incremental time vs restic", ratio(value("ours", "incr", "seconds"), value("restic", "incr", "seconds")), 0.3),
    ("bytes added by incremental vs restic", ratio(added("ours"), added("restic")), 0.5),
    ("restore time vs restic", ratio(value("ours", "restore", "seconds"), value("restic", "restore", "seconds")), 0.7),
    ("--used-blocks-only full stored bytes vs restic", ratio(value("ours-used", "full", "stored_bytes"), value("restic", "full", "stored_bytes")), 0.6),
    ("--used-blocks-only full time vs restic", ratio(value("ours-used", "full", "seconds"), value("restic", "full", "seconds")), 0.3),
    ("--used-blocks-only full time vs borg", ratio(value("ours-used", "full", "seconds"), value("borg", "full", "seconds")), 0.6),
]
print("| target | ratio | limit | met |")
print("|---|---|---|---|")
for name, got, limit in targets:
    met = "n/a" if got is None else ("yes" if got <= limit else "**no**")
    print(f"| {name} | {'n/a' if got is None else f'{got:.2f}'} | ≤ {limit} | {met} |")
rss = [value(t, s, "max_rss_kb") for t in ("ours", "ours-used") for s in ("full", "incr", "restore", "upload")]
rss = [r * 1024 / MB for r in rss if r is not None]
print(f"| agent peak RSS, every step (MB) | {fmt(max(rss) if rss else None)} | ≤ 256 | "
      f"{'n/a' if not rss else ('yes' if max(rss) <= 256 else '**no**')} |")
print()

uploads = [r for r in rows if r["step"] == "upload"]
if uploads:
    print("| upload to Azurite | wall time (s) | throughput of the image (MB/s) | peak RSS (MB) | bytes in container (MB) | requests / blobs |")
    print("|---|---|---|---|---|---|")
    for r in uploads:
        seconds = float(r["seconds"])
        print(f"| {r['tool']} | {seconds:.1f} | {image_bytes / MB / seconds:,.1f} | {int(r['max_rss_kb']) * 1024 / MB:,.1f} | "
              f"{int(r['stored_bytes']) / MB:,.1f} | {r['check']} |")
