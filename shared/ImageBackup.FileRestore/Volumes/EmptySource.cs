using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>A zero-length source for volumes that are listed but refused, so a refused volume never reads bytes.</summary>
internal sealed class EmptySource : IRandomAccessSource
{
    /// <summary>The shared instance.</summary>
    public static EmptySource Instance { get; } = new();

    /// <inheritdoc />
    public long Length => 0;

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination) => SourceBounds.Check(offset, destination.Length, 0);
}
