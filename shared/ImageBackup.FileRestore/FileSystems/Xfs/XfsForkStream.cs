namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// Read-only, seekable view of a data fork through its extent map: holes and unwritten extents read as zeros, and
/// only the blocks a read touches are fetched.
/// </summary>
internal sealed class XfsForkStream(XfsVolume volume, IXfsExtentMap map, long length) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }

        var total = (int)Math.Min(buffer.Length, length - position);
        ReadLogical(position, buffer[..total]);
        position += total;
        return total;
    }

    /// <summary>Fills <paramref name="destination"/> from logical byte <paramref name="logicalOffset"/> of the fork (not limited by the file size).</summary>
    public void ReadLogical(long logicalOffset, Span<byte> destination)
    {
        var sb = volume.Superblock;
        var blockLog = sb.BlockLog;
        while (!destination.IsEmpty)
        {
            var block = (ulong)logicalOffset >> blockLog;
            int chunk;
            if (!map.TryFind(block, out var extent))
            {
                destination.Clear();
                return;
            }

            if (extent.StartOffset > block)
            {
                var holeEnd = ToBytes(extent.StartOffset, blockLog);
                chunk = (int)Math.Min(destination.Length, holeEnd - logicalOffset);
                destination[..chunk].Clear();
            }
            else
            {
                var extentEnd = ToBytes(extent.EndOffset, blockLog);
                chunk = (int)Math.Min(destination.Length, extentEnd - logicalOffset);
                if (extent.Unwritten)
                {
                    destination[..chunk].Clear();
                }
                else
                {
                    var within = logicalOffset - (long)(extent.StartOffset << blockLog);
                    volume.Source.ReadAt(sb.FsBlockToOffset(extent.StartBlock, extent.BlockCount) + within, destination[..chunk]);
                }
            }

            destination = destination[chunk..];
            logicalOffset += chunk;
        }
    }

    private static long ToBytes(ulong blocks, int blockLog) =>
        blocks >= 1UL << (62 - blockLog) ? long.MaxValue / 2 : (long)(blocks << blockLog);

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
