using Microsoft.Win32.SafeHandles;

namespace ImageBackup.FileRestore.Reading;

/// <summary>Random access to a raw image file with positional reads, so tests, tools and local images use the same readers as generations.</summary>
public sealed class FileSource : IRandomAccessSource, IDisposable
{
    private readonly SafeFileHandle handle;

    /// <summary>Opens <paramref name="path"/> read-only.</summary>
    public FileSource(string path)
    {
        handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Length = RandomAccess.GetLength(handle);
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read <= 0)
            {
                throw new CorruptImageException($"image file ends early at offset {offset}");
            }
            destination = destination[read..];
            offset += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => handle.Dispose();
}
