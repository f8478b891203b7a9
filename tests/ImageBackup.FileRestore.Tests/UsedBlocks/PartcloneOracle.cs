using System.Globalization;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>The used ranges partclone reports for a file-system image (<c>partclone.extfs|xfs|ntfs -D</c>, a ddrescue domain log), the independent oracle of used-blocks capture.</summary>
internal static class PartcloneOracle
{
    /// <summary>Used ranges of <paramref name="image"/> (offsets in the image) by <c>partclone.<paramref name="flavour"/></c>.</summary>
    public static List<ByteRange> UsedRanges(string flavour, string image)
    {
        using var scratch = new TempDirectory("partclone-");
        var domain = scratch.Combine("used.domain");
        Tools.RunSuccessfully($"partclone.{flavour}", "-D", "-s", image, "-o", domain, "-L", scratch.Combine("partclone.log"));
        var ranges = new List<ByteRange>();
        foreach (var line in File.ReadLines(domain))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && fields[2] == "+" && !line.StartsWith('#'))
            {
                ranges.Add(new ByteRange(Hex(fields[0]), Hex(fields[1])));
            }
        }
        return ranges;
    }

    private static long Hex(string text) => long.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
