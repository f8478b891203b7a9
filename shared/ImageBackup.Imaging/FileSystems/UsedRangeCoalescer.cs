using ImageBackup.Imaging.Capture;

namespace ImageBackup.Imaging.FileSystems;

/// <summary>Collects used ranges handed over in ascending order and merges touching or overlapping ones, so readers emit one range per contiguous used area.</summary>
internal sealed class UsedRangeCoalescer
{
    private readonly List<ByteRange> _ranges = [];

    /// <summary>Adds [offset, offset + length); ranges must arrive sorted by offset.</summary>
    public void Add(long offset, long length)
    {
        if (length <= 0)
        {
            return;
        }

        if (_ranges.Count == 0)
        {
            _ranges.Add(new ByteRange(offset, length));
            return;
        }

        var last = _ranges[^1];
        if (offset < last.Offset)
        {
            throw new InvalidOperationException($"Used ranges must arrive in ascending order: {offset} after {last.Offset}.");
        }

        var end = offset + length;
        if (offset <= last.End)
        {
            _ranges[^1] = last with { Length = Math.Max(last.End, end) - last.Offset };
            return;
        }

        _ranges.Add(new ByteRange(offset, length));
    }

    /// <summary>Returns every merged range added so far.</summary>
    public IReadOnlyList<ByteRange> ToList() => _ranges.ToArray();
}
