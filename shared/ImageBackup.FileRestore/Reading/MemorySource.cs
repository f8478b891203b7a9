namespace ImageBackup.FileRestore.Reading;

/// <summary>Random access to an image held in memory (small images, fuzzing of mutated copies) through the same readers as files and generations.</summary>
public sealed class MemorySource(byte[] bytes) : IRandomAccessSource
{
    /// <inheritdoc />
    public long Length => bytes.LongLength;

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        bytes.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }
}
