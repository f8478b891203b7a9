namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Read-only, seekable view of a non-resident data attribute: sparse runs and bytes past the initialized size read as
/// zeros, and LZNT1-compressed attributes are decompressed one compression unit at a time (one unit cached).
/// </summary>
internal sealed class NtfsDataStream : Stream
{
    private readonly NtfsClusterMap map;
    private readonly long length;
    private readonly long initialized;
    private readonly int clusterSize;
    private readonly int unitClusters;
    private byte[]? unit;
    private byte[]? compressed;
    private long cachedUnit = -1;
    private long position;

    /// <summary>A stream of <paramref name="length"/> bytes over <paramref name="map"/>; <paramref name="unitClusters"/> is 0 unless compressed.</summary>
    /// <param name="map">The attribute's clusters.</param>
    /// <param name="length">Data size.</param>
    /// <param name="initialized">Initialized size; later bytes read as zeros.</param>
    /// <param name="clusterSize">Cluster size in bytes.</param>
    /// <param name="unitClusters">Clusters per compression unit, or 0 for an uncompressed attribute.</param>
    public NtfsDataStream(NtfsClusterMap map, long length, long initialized, int clusterSize, int unitClusters)
    {
        this.map = map;
        this.length = length;
        this.initialized = Math.Min(initialized, length);
        this.clusterSize = clusterSize;
        this.unitClusters = unitClusters;
    }

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
        var destination = buffer[..total];
        var valid = (int)Math.Clamp(initialized - position, 0, total);
        destination[valid..].Clear();
        if (valid > 0)
        {
            if (unitClusters == 0)
            {
                map.ReadAt(position, destination[..valid]);
            }
            else
            {
                ReadCompressed(position, destination[..valid]);
            }
        }

        position += total;
        return total;
    }

    private void ReadCompressed(long offset, Span<byte> destination)
    {
        var unitBytes = (long)unitClusters * clusterSize;
        while (!destination.IsEmpty)
        {
            var index = offset / unitBytes;
            var within = (int)(offset - (index * unitBytes));
            var chunk = (int)Math.Min(destination.Length, unitBytes - within);
            LoadUnit(index);
            unit.AsSpan(within, chunk).CopyTo(destination);
            destination = destination[chunk..];
            offset += chunk;
        }
    }

    private void LoadUnit(long index)
    {
        if (cachedUnit == index && unit is not null)
        {
            return;
        }

        var unitBytes = unitClusters * clusterSize;
        unit ??= new byte[unitBytes];
        var firstVcn = index * unitClusters;
        var allocated = 0;
        while (allocated < unitClusters)
        {
            var run = map.FindRun(firstVcn + allocated);
            if (run < 0 || map.Runs[run].IsSparse)
            {
                break;
            }

            allocated += (int)Math.Min(unitClusters - allocated, map.Runs[run].EndVcn - (firstVcn + allocated));
        }

        if (allocated == 0)
        {
            Array.Clear(unit);
        }
        else if (allocated == unitClusters)
        {
            map.ReadAt(firstVcn * clusterSize, unit);
        }
        else
        {
            compressed ??= new byte[unitBytes];
            var input = compressed.AsSpan(0, allocated * clusterSize);
            map.ReadAt(firstVcn * clusterSize, input);
            Array.Clear(unit);
            Lznt1Decompressor.Decompress(input, unit);
        }

        cachedUnit = index;
    }

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
