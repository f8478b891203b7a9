using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>A real image with a few bytes changed in memory, so fuzz cases mutate fixtures without copying them.</summary>
internal sealed class MutatedSource(IRandomAccessSource image, IReadOnlyDictionary<long, byte> changes) : IRandomAccessSource
{
    public long Length => image.Length;

    public void ReadAt(long offset, Span<byte> destination)
    {
        image.ReadAt(offset, destination);
        foreach (var (position, value) in changes)
        {
            if (position >= offset && position < offset + destination.Length)
            {
                destination[(int)(position - offset)] = value;
            }
        }
    }
}
