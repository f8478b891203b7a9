using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>Read-only seekable content of an ext inode: mapped runs are read from the volume in one call each, holes and uninitialized extents are zeros.</summary>
internal sealed class ExtFileStream(ExtFileSystem fileSystem, ExtInode inode) : Stream, IHoleAwareStream
{
    private readonly ExtBlockMap map = new(fileSystem, inode);
    private readonly int blockSize = fileSystem.Superblock.BlockSize;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inode.Size;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Starts fetching logical block <paramref name="logical"/> when the volume can prefetch (directory read-ahead); a bad mapping is left for the read to report.</summary>
    public void PrefetchBlock(long logical)
    {
        if (fileSystem.Source is not IPrefetchHint hint || logical < 0 || logical * blockSize >= inode.Size)
        {
            return;
        }
        try
        {
            var run = map.Lookup(logical);
            if (!run.IsHole)
            {
                hint.Prefetch(run.Physical * blockSize, blockSize);
            }
        }
        catch (CorruptImageException)
        {
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (position >= inode.Size || buffer.IsEmpty)
        {
            return 0;
        }
        var wanted = (int)Math.Min(buffer.Length, inode.Size - position);
        var logical = position / blockSize;
        var within = position % blockSize;
        var run = map.Lookup(logical);
        var available = run.Count >= int.MaxValue ? int.MaxValue : (run.Count * blockSize) - within;
        var count = (int)Math.Min(wanted, available);
        var target = buffer[..count];
        if (run.IsHole)
        {
            target.Clear();
        }
        else
        {
            fileSystem.Source.ReadAt((run.Physical * blockSize) + within, target);
        }
        position += count;
        return count;
    }

    public long NextDataOffset(long position)
    {
        const int MaxLookups = 4096;
        for (var lookups = 0; lookups < MaxLookups && position < inode.Size; lookups++)
        {
            var logical = position / blockSize;
            var run = map.Lookup(logical);
            if (!run.IsHole)
            {
                return position;
            }
            var next = (logical + Math.Min(run.Count, (long.MaxValue / blockSize) - logical - 1)) * blockSize;
            position = Math.Max(position, next);
        }
        return Math.Min(position, inode.Size);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => inode.Size + offset,
        };
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
