namespace ImageBackup.FileRestore.Reading;

/// <summary>
/// A source whose bytes live in another source (a partition in its disk, an LV on its PVs), so a used-blocks capture
/// can map a volume's free ranges back to offsets of the disk being captured.
/// </summary>
public interface IMappedSource
{
    /// <summary>
    /// Calls <paramref name="onPiece"/> with (inner source, offset there, length) for every piece of
    /// <c>[offset, offset + length)</c>, in no particular order; throws <see cref="CorruptImageException"/> outside the source.
    /// </summary>
    void MapToInner(long offset, long length, Action<IRandomAccessSource, long, long> onPiece);
}
