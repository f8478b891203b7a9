using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>Random access to an LVM2 logical volume, mapping each byte to its PV through linear or striped segments.</summary>
internal sealed class LogicalVolumeSource(IReadOnlyList<LvmSegment> segments, long length) : IRandomAccessSource, IPrefetchHint, IMappedSource
{
    /// <inheritdoc />
    public long Length { get; } = length;

    /// <inheritdoc />
    public void Prefetch(long offset, long length)
    {
        if (offset < 0 || length <= 0 || offset >= Length)
        {
            return;
        }
        var end = Math.Min(Length, offset + length);
        for (var pieces = 0; offset < end && pieces < 64; pieces++)
        {
            var (pv, pvOffset, count) = Map(offset, end - offset);
            (pv as IPrefetchHint)?.Prefetch(pvOffset, count);
            offset += count;
        }
    }

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        while (!destination.IsEmpty)
        {
            var (pv, pvOffset, count) = Map(offset, destination.Length);
            pv.ReadAt(pvOffset, destination[..(int)count]);
            destination = destination[(int)count..];
            offset += count;
        }
    }

    /// <inheritdoc />
    /// <remarks>Whole rows of a striped segment become one piece per stripe, so mapping a large range stays cheap.</remarks>
    public void MapToInner(long offset, long length, Action<IRandomAccessSource, long, long> onPiece)
    {
        if (offset < 0 || length < 0 || offset > Length || Length - offset < length)
        {
            throw new CorruptImageException($"range of {length} bytes at offset {offset} is outside the {Length}-byte logical volume");
        }
        var end = offset + length;
        while (offset < end)
        {
            var segment = Find(offset);
            var within = offset - segment.Start;
            var segmentEnd = Math.Min(end, segment.Start + segment.Length);
            var rowBytes = segment.Areas.Count == 1 ? segment.Length : segment.StripeSize * segment.Areas.Count;
            if (segment.Areas.Count > 1 && within % rowBytes == 0 && segmentEnd - offset >= rowBytes)
            {
                var rows = (segmentEnd - offset) / rowBytes;
                var row = within / rowBytes;
                foreach (var (pv, areaOffset) in segment.Areas)
                {
                    onPiece(pv, areaOffset + (row * segment.StripeSize), rows * segment.StripeSize);
                }
                offset += rows * rowBytes;
                continue;
            }
            var (inner, innerOffset, count) = Map(offset, segmentEnd - offset);
            onPiece(inner, innerOffset, count);
            offset += count;
        }
    }

    /// <summary>Where the LV byte <paramref name="offset"/> lives, and how many bytes (at most <paramref name="wanted"/>) follow it there.</summary>
    private (IRandomAccessSource Pv, long Offset, long Count) Map(long offset, long wanted)
    {
        var segment = Find(offset);
        var within = offset - segment.Start;
        if (segment.Areas.Count == 1)
        {
            var area = segment.Areas[0];
            return (area.Pv, area.Offset + within, Math.Min(wanted, segment.Length - within));
        }
        var unit = within / segment.StripeSize;
        var inUnit = within % segment.StripeSize;
        var stripe = (int)(unit % segment.Areas.Count);
        var row = unit / segment.Areas.Count;
        var striped = segment.Areas[stripe];
        return (striped.Pv, striped.Offset + (row * segment.StripeSize) + inUnit, Math.Min(Math.Min(wanted, segment.StripeSize - inUnit), segment.Length - within));
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
