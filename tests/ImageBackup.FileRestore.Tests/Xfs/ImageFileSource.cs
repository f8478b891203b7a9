using ImageBackup.FileRestore.Reading;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>An image file as a random-access source, private to these tests so they do not depend on the shared reader under construction.</summary>
internal sealed class ImageFileSource : IRandomAccessSource, IDisposable
{
    private readonly SafeFileHandle handle;

    public ImageFileSource(string path)
    {
        handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Length = RandomAccess.GetLength(handle);
    }

    public long Length { get; }

    public void ReadAt(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            throw new CorruptImageException($"Read of {destination.Length} bytes at {offset} is outside the {Length}-byte image.");
        }

        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read == 0)
            {
                throw new CorruptImageException($"Unexpected end of image at {offset}.");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    public void Dispose() => handle.Dispose();
}
