using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// Lets every worker read its own next block of a seekable file or device with positional reads, so there is no
/// single reader thread to wait for and each block is hashed while it is still in the CPU cache.
/// </summary>
internal sealed class PositionalBlockReader
{
    private readonly SafeFileHandle handle;
    private readonly long length;
    private readonly int chunkSize;
    private readonly IReadOnlyList<ByteRange>? usedRanges;
    private readonly Action<long> onRead;
    private long next = -1;
    private long bytesRead;

    public PositionalBlockReader(SafeFileHandle handle, long length, int chunkSize, IReadOnlyList<ByteRange>? usedRanges, Action<long> onRead)
    {
        this.handle = handle;
        this.length = length;
        this.chunkSize = chunkSize;
        this.usedRanges = usedRanges;
        this.onRead = onRead;
        BlockCount = (length + chunkSize - 1) / chunkSize;
    }

    /// <summary>Number of blocks of the source.</summary>
    public long BlockCount { get; }

    /// <summary>Reads the next unclaimed block into a pooled buffer (null buffer for an unused block), or returns null at the end.</summary>
    public CaptureBlock? TryReadNext(ArrayPool<byte> pool)
    {
        var index = Interlocked.Increment(ref next);
        if (index >= BlockCount)
        {
            return null;
        }
        var offset = index * chunkSize;
        var size = (int)Math.Min(chunkSize, length - offset);
        var block = usedRanges is null ? ReadWhole(index, offset, size, pool) : ReadUsedParts(index, offset, size, pool);
        onRead(Interlocked.Add(ref bytesRead, size));
        return block;
    }

    private CaptureBlock ReadWhole(long index, long offset, int size, ArrayPool<byte> pool)
    {
        var buffer = pool.Rent(size);
        ReadExactly(buffer.AsSpan(0, size), offset);
        return new CaptureBlock(index, size, buffer);
    }

    private CaptureBlock ReadUsedParts(long index, long offset, int size, ArrayPool<byte> pool)
    {
        var end = offset + size;
        var first = FirstRangeEndingAfter(offset);
        if (first >= usedRanges!.Count || usedRanges[first].Offset >= end)
        {
            return new CaptureBlock(index, size, null);
        }
        var buffer = pool.Rent(size);
        buffer.AsSpan(0, size).Clear();
        for (var i = first; i < usedRanges.Count && usedRanges[i].Offset < end; i++)
        {
            var from = Math.Max(usedRanges[i].Offset, offset);
            var to = Math.Min(usedRanges[i].End, end);
            ReadExactly(buffer.AsSpan((int)(from - offset), (int)(to - from)), from);
        }
        return new CaptureBlock(index, size, buffer);
    }

    private int FirstRangeEndingAfter(long offset)
    {
        int low = 0, high = usedRanges!.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (usedRanges[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private void ReadExactly(Span<byte> destination, long offset)
    {
        try
        {
            while (!destination.IsEmpty)
            {
                var read = RandomAccess.Read(handle, destination, offset);
                if (read == 0)
                {
                    throw new EndOfStreamException("the source ended before its reported length");
                }
                destination = destination[read..];
                offset += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException(offset, e);
        }
    }
}
