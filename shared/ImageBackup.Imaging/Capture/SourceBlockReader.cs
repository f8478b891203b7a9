using System.Buffers;
using System.Threading.Channels;

namespace ImageBackup.Imaging.Capture;

/// <summary>Cuts the source into fixed-size blocks in pooled buffers, reading only used ranges when an allocation map is given.</summary>
internal sealed class SourceBlockReader(Stream source, int chunkSize, ArrayPool<byte> pool, IReadOnlyList<ByteRange>? usedRanges)
{
    private long offset;
    private int nextRange;

    /// <summary>Bytes read (the image size once <see cref="ReadAllAsync"/> finished).</summary>
    public long Length => offset;

    /// <summary>Reads the whole source, sending blocks with content to <paramref name="output"/>.</summary>
    public async Task ReadAllAsync(ChannelWriter<CaptureBlock> output, Action<long> onRead, CancellationToken cancellationToken)
    {
        long? length = usedRanges is null ? null : SourceLength.Of(source) ?? 0;
        while (length is null || offset < length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = length is null ? ReadNextBlock() : ReadNextUsedBlock((int)Math.Min(chunkSize, length.Value - offset));
            if (block is null)
            {
                break;
            }
            offset += block.Length;
            onRead(offset);
            if (block.Buffer is not null)
            {
                await output.WriteAsync(block, cancellationToken);
            }
            if (length is null && block.Length < chunkSize)
            {
                break;
            }
        }
    }

    private CaptureBlock? ReadNextBlock()
    {
        var buffer = pool.Rent(chunkSize);
        var read = ReadAtLeast(buffer.AsSpan(0, chunkSize));
        if (read == 0)
        {
            pool.Return(buffer);
            return null;
        }
        return new CaptureBlock(offset / chunkSize, read, buffer);
    }

    private CaptureBlock ReadNextUsedBlock(int length)
    {
        var end = offset + length;
        while (nextRange < usedRanges!.Count && usedRanges[nextRange].End <= offset)
        {
            nextRange++;
        }
        if (nextRange >= usedRanges.Count || usedRanges[nextRange].Offset >= end)
        {
            return new CaptureBlock(offset / chunkSize, length, null);
        }
        var buffer = pool.Rent(length);
        buffer.AsSpan(0, length).Clear();
        for (var i = nextRange; i < usedRanges.Count && usedRanges[i].Offset < end; i++)
        {
            var from = Math.Max(usedRanges[i].Offset, offset);
            var to = Math.Min(usedRanges[i].End, end);
            source.Seek(from, SeekOrigin.Begin);
            ReadAtLeast(buffer.AsSpan((int)(from - offset), (int)(to - from)));
        }
        return new CaptureBlock(offset / chunkSize, length, buffer);
    }

    private int ReadAtLeast(Span<byte> destination)
    {
        try
        {
            return source.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            throw new SourceReadException(offset, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceReadException(offset, e);
        }
    }
}
