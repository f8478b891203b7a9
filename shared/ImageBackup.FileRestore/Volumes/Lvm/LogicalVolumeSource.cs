using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>Random access to an LVM2 logical volume, mapping each byte to its PV through linear or striped segments.</summary>
internal sealed class LogicalVolumeSource(IReadOnlyList<LvmSegment> segments, long length) : IRandomAccessSource
{
    /// <inheritdoc />
    public long Length { get; } = length;

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        while (!destination.IsEmpty)
        {
            var segment = Find(offset);
            var within = offset - segment.Start;
            int count;
            if (segment.Areas.Count == 1)
            {
                count = (int)Math.Min(destination.Length, segment.Length - within);
                var area = segment.Areas[0];
                area.Pv.ReadAt(area.Offset + within, destination[..count]);
            }
            else
            {
                var unit = within / segment.StripeSize;
                var inUnit = within % segment.StripeSize;
                var stripe = (int)(unit % segment.Areas.Count);
                var row = unit / segment.Areas.Count;
                count = (int)Math.Min(Math.Min(destination.Length, segment.StripeSize - inUnit), segment.Length - within);
                var area = segment.Areas[stripe];
                area.Pv.ReadAt(area.Offset + (row * segment.StripeSize) + inUnit, destination[..count]);
            }
            destination = destination[count..];
            offset += count;
        }
    }

    private LvmSegment Find(long offset)
    {
        int low = 0, high = segments.Count - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (segments[middle].Start <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return segments[low];
    }
}
