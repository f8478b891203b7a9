using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>Containment and size checks on sorted used-range lists.</summary>
internal static class UsedRangeAssert
{
    /// <summary>The first part of <paramref name="needed"/> that <paramref name="covering"/> (sorted, merged) leaves out, or null.</summary>
    public static ByteRange? FirstUncovered(IEnumerable<ByteRange> needed, IReadOnlyList<ByteRange> covering)
    {
        foreach (var range in needed)
        {
            var index = LastStartingAtOrBefore(covering, range.Offset);
            if (index < 0 || covering[index].End < range.End)
            {
                return range;
            }
        }
        return null;
    }

    /// <summary>Bytes of sorted, merged <paramref name="ranges"/> that fall inside <paramref name="window"/>.</summary>
    public static long BytesWithin(IReadOnlyList<ByteRange> ranges, ByteRange window) =>
        ranges.Sum(r => Math.Max(0, Math.Min(r.End, window.End) - Math.Max(r.Offset, window.Offset)));

    private static int LastStartingAtOrBefore(IReadOnlyList<ByteRange> ranges, long offset)
    {
        int low = 0, high = ranges.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (ranges[middle].Offset <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}
