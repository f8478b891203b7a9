using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.UsedBlocks;

/// <summary>
/// Collects the free ranges of one volume in ascending order with a bounded count: past the cap the shortest free runs are
/// dropped (counted as used, which is always safe), so a hostile, checkerboard allocation map cannot exhaust memory.
/// </summary>
internal sealed class FreeRangeCollector
{
    /// <summary>Most free ranges kept per volume (16 bytes each).</summary>
    public const int MaxRanges = 1 << 18;

    private List<ByteRange> ranges = [];
    private long minimumLength = 1;

    /// <summary>Adds the free range <c>[offset, offset + length)</c>; ranges must arrive sorted and not overlapping.</summary>
    public void Add(long offset, long length)
    {
        if (length <= 0)
        {
            return;
        }
        if (ranges.Count > 0)
        {
            var last = ranges[^1];
            if (offset < last.End)
            {
                throw new CorruptImageException($"free space map lists byte {offset} again or out of order (after {last.End})");
            }
            if (offset == last.End)
            {
                ranges[^1] = last with { Length = last.Length + length };
                return;
            }
        }
        if (length < minimumLength)
        {
            return;
        }
        ranges.Add(new ByteRange(offset, length));
        while (ranges.Count >= MaxRanges)
        {
            minimumLength *= 2;
            ranges = ranges.Where(r => r.Length >= minimumLength).ToList();
        }
    }

    /// <summary>The free ranges collected, sorted and merged.</summary>
    public List<ByteRange> Ranges => ranges;
}
