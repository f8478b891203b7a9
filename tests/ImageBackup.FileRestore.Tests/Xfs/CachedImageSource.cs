using System.Collections.Concurrent;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>
/// An image file read through an in-memory page cache, so thousands of fuzz cases re-reading the same metadata do not
/// each pay a system call per record; only pages actually touched are held.
/// </summary>
internal sealed class CachedImageSource(ImageFileSource image) : IRandomAccessSource
{
    private const int PageSize = 64 * 1024;
    private readonly ConcurrentDictionary<long, byte[]> pages = new();

    public long Length => image.Length;

    public void ReadAt(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            throw new CorruptImageException($"Read of {destination.Length} bytes at {offset} is outside the {Length}-byte image.");
        }

        while (!destination.IsEmpty)
        {
            var page = offset / PageSize;
            var within = (int)(offset - (page * PageSize));
            var bytes = pages.GetOrAdd(page, Load);
            var chunk = Math.Min(destination.Length, bytes.Length - within);
            bytes.AsSpan(within, chunk).CopyTo(destination);
            destination = destination[chunk..];
            offset += chunk;
        }
    }

    private byte[] Load(long page)
    {
        var bytes = new byte[(int)Math.Min(PageSize, Length - (page * PageSize))];
        image.ReadAt(page * PageSize, bytes);
        return bytes;
    }
}
