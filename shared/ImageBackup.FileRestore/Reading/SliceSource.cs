namespace ImageBackup.FileRestore.Reading;

/// <summary>A window of another source (a partition of a disk, a volume inside a PV), so readers address it from zero and cannot read past it.</summary>
public sealed class SliceSource : IRandomAccessSource, IPrefetchHint, IMappedSource
{
    private readonly IRandomAccessSource inner;
    private readonly long start;

    /// <summary>Creates the window <c>[start, start + length)</c> of <paramref name="inner"/>; throws <see cref="CorruptImageException"/> when it does not fit.</summary>
    public SliceSource(IRandomAccessSource inner, long start, long length)
    {
        if (start < 0 || length < 0 || start > inner.Length || inner.Length - start < length)
        {
            throw new CorruptImageException($"range of {length} bytes at offset {start} lies outside the {inner.Length}-byte source");
        }
        this.inner = inner;
        this.start = start;
        Length = length;
    }

    /// <summary>Offset of the window in the inner source.</summary>
    public long Start => start;

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public void Prefetch(long offset, long length)
    {
        if (inner is IPrefetchHint hint && offset >= 0 && offset < Length && length > 0)
        {
            hint.Prefetch(start + offset, Math.Min(length, Length - offset));
        }
    }

    /// <inheritdoc />
    public void MapToInner(long offset, long length, Action<IRandomAccessSource, long, long> onPiece)
    {
        if (offset < 0 || length < 0 || offset > Length || Length - offset < length)
        {
            throw new CorruptImageException($"range of {length} bytes at offset {offset} is outside the {Length}-byte source");
        }
        if (length > 0)
        {
            onPiece(inner, start + offset, length);
        }
    }

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        inner.ReadAt(start + offset, destination);
    }
}
