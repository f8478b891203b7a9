namespace ImageBackup.FileRestore.Reading;

/// <summary>
/// Random access to a disk, or to a volume inside it, so partition tables, LVM and file-system readers fetch exactly the
/// bytes they need whether those come from a generation in a chunk store, an image file or a slice of either.
/// </summary>
public interface IRandomAccessSource
{
    /// <summary>Length of the source in bytes.</summary>
    long Length { get; }

    /// <summary>
    /// Fills <paramref name="destination"/> with the bytes at <paramref name="offset"/>; throws
    /// <see cref="CorruptImageException"/> when the range reaches beyond <see cref="Length"/>.
    /// </summary>
    void ReadAt(long offset, Span<byte> destination);
}
