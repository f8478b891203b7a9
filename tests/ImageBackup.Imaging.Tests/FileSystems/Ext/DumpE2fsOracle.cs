using System.Globalization;
using System.Text.RegularExpressions;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

/// <summary>The used byte ranges of an ext image as e2fsprogs sees them: the complement of dumpe2fs's per-group "Free blocks" lists.</summary>
internal static partial class DumpE2fsOracle
{
    /// <summary>Used ranges of the image at <paramref name="imagePath"/>, counting the boot area and superblock as used.</summary>
    public static IReadOnlyList<ByteRange> UsedRanges(string imagePath)
    {
        var output = E2fsTools.RunSuccessfully("dumpe2fs", imagePath);
        var blockSize = HeaderNumber(output, "Block size");
        var blockCount = HeaderNumber(output, "Block count");
        var firstBlock = HeaderNumber(output, "First block");

        var free = new List<(long First, long Last)>();
        foreach (Match line in GroupFreeBlocksLine().Matches(output))
        {
            foreach (var item in line.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bounds = item.Split('-');
                free.Add((long.Parse(bounds[0], CultureInfo.InvariantCulture), long.Parse(bounds[^1], CultureInfo.InvariantCulture)));
            }
        }

        Assert.IsNotEmpty(free, "dumpe2fs printed no per-group free block lists; the oracle cannot be trusted.");
        free.Sort();

        var used = new List<ByteRange>();
        var next = firstBlock;
        foreach (var (first, last) in free)
        {
            if (first > next)
            {
                used.Add(new ByteRange(next * blockSize, (first - next) * blockSize));
            }

            next = Math.Max(next, last + 1);
        }

        if (next < blockCount)
        {
            used.Add(new ByteRange(next * blockSize, (blockCount - next) * blockSize));
        }

        return WithBootAreaUsed(used, Math.Max(2048, firstBlock * blockSize));
    }

    private static List<ByteRange> WithBootAreaUsed(List<ByteRange> used, long bootBytes)
    {
        var merged = new List<ByteRange> { new(0, bootBytes) };
        foreach (var range in used)
        {
            var last = merged[^1];
            if (range.Offset <= last.End)
            {
                merged[^1] = last with { Length = Math.Max(last.End, range.End) - last.Offset };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static long HeaderNumber(string output, string name)
    {
        var match = Regex.Match(output, $@"^{Regex.Escape(name)}:\s+(\d+)\s*$", RegexOptions.Multiline);
        Assert.IsTrue(match.Success, $"dumpe2fs printed no '{name}'.");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[ \t]+Free blocks: ?(.*)$", RegexOptions.Multiline)]
    private static partial Regex GroupFreeBlocksLine();
}
