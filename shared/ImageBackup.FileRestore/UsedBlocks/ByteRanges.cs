using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.UsedBlocks;

/// <summary>Set operations on byte ranges (sort and merge, complement, difference), so free and used maps of volumes combine into one disk map.</summary>
internal static class ByteRanges
{
    /// <summary>Sorts <paramref name="ranges"/> and merges overlapping or touching ones; empty ranges are dropped.</summary>
    public static List<ByteRange> Normalize(List<ByteRange> ranges)
    {
        ranges.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var merged = new List<ByteRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (range.Length <= 0)
            {
                continue;
            }
            if (merged.Count > 0 && range.Offset <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.End, range.End) - last.Offset };
                continue;
            }
            merged.Add(range);
        }
        return merged;
    }

    /// <summary>The parts of <c>[0, length)</c> that sorted, merged <paramref name="ranges"/> do not cover.</summary>
    public static List<ByteRange> Complement(IReadOnlyList<ByteRange> ranges, long length)
    {
        var gaps = new List<ByteRange>(ranges.Count + 1);
        long next = 0;
        foreach (var range in ranges)
        {
            var start = Math.Min(range.Offset, length);
            if (start > next)
            {
                gaps.Add(new ByteRange(next, start - next));
            }
            next = Math.Max(next, Math.Min(range.End, length));
        }
        if (next < length)
        {
            gaps.Add(new ByteRange(next, length - next));
        }
        return gaps;
    }

    /// <summary>The parts of sorted, merged <paramref name="ranges"/> not covered by sorted, merged <paramref name="removed"/>.</summary>
    public static List<ByteRange> Subtract(IReadOnlyList<ByteRange> ranges, IReadOnlyList<ByteRange> removed)
    {
        var result = new List<ByteRange>(ranges.Count);
        var cut = 0;
        foreach (var range in ranges)
        {
            var start = range.Offset;
            while (cut < removed.Count && removed[cut].End <= start)
            {
                cut++;
            }
            for (var index = cut; index < removed.Count && removed[index].Offset < range.End; index++)
            {
                if (removed[index].Offset > start)
                {
                    result.Add(new ByteRange(start, removed[index].Offset - start));
                }
                start = Math.Max(start, removed[index].End);
            }
            if (start < range.End)
            {
                result.Add(new ByteRange(start, range.End - start));
            }
        }
        return result;
    }

    /// <summary>Total bytes of <paramref name="ranges"/>.</summary>
    public static long Sum(IEnumerable<ByteRange> ranges) => ranges.Sum(r => r.Length);
}
