using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Passes reads through and remembers which byte ranges were read, so the fuzz test mutates the bytes readers actually parse.</summary>
internal sealed class RecordingSource(IRandomAccessSource inner) : IRandomAccessSource
{
    public List<(long Offset, int Length)> Reads { get; } = [];

    public long Length => inner.Length;

    public void ReadAt(long offset, Span<byte> destination)
    {
        if (!destination.IsEmpty)
        {
            Reads.Add((offset, destination.Length));
        }
        inner.ReadAt(offset, destination);
    }
}
