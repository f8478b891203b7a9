using System.Buffers.Binary;
using System.Text;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Walks a directory's $I30 B+tree in order: $INDEX_ROOT in the record, INDX blocks (with fixups) in
/// $INDEX_ALLOCATION. Each block is visited at most once and the depth is capped, so hostile sub-node pointers end in
/// an error instead of a loop.
/// </summary>
internal sealed class NtfsIndexReader
{
    private const int MaxDepth = 32;
    private const ushort EntryHasSubNode = 0x1;
    private const ushort EntryIsLast = 0x2;
    private const int FileNameKeyNameOffset = 66;

    private readonly NtfsVolume volume;
    private readonly NtfsFile directory;
    private readonly HashSet<long> visited = [];
    private NtfsClusterMap? allocation;
    private long allocationSize;
    private int blockSize;

    private NtfsIndexReader(NtfsVolume volume, NtfsFile directory)
    {
        this.volume = volume;
        this.directory = directory;
    }

    /// <summary>All entries of the directory's $I30 index, in collation order.</summary>
    public static IEnumerable<NtfsIndexEntry> Read(NtfsVolume volume, NtfsFile directory) => new NtfsIndexReader(volume, directory).Walk();

    private IEnumerable<NtfsIndexEntry> Walk()
    {
        var root = directory.Find(NtfsAttribute.IndexRoot, "$I30").FirstOrDefault(a => !a.NonResident)
            ?? throw new CorruptImageException($"NTFS: directory record {directory.Number} has no $I30 index root.");
        var value = root.Value;
        if (value.Length < 32)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} has a truncated index root.");
        }

        blockSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(8));
        if (blockSize is < 512 or > 65536 || (blockSize & (blockSize - 1)) != 0)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} has index block size {blockSize}.");
        }

        var extents = directory.Find(NtfsAttribute.IndexAllocation, "$I30").Where(a => a.NonResident).ToList();
        if (extents.Count > 0)
        {
            allocation = NtfsClusterMap.Build(extents, volume.Source, volume.Boot, $"directory record {directory.Number} $INDEX_ALLOCATION");
            allocationSize = Math.Min(extents.First(e => e.StartVcn == 0).DataSize, allocation.MappedClusters * volume.Boot.ClusterSize);
        }

        return WalkNode(value, 16, 0);
    }

    private IEnumerable<NtfsIndexEntry> WalkNode(byte[] node, int headerOffset, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} has an index deeper than {MaxDepth} levels.");
        }

        foreach (var (entry, subNode) in ParseNode(node, headerOffset))
        {
            if (subNode is { } vcn)
            {
                foreach (var child in WalkNode(ReadBlock(vcn), 0x18, depth + 1))
                {
                    yield return child;
                }
            }

            if (entry is { } value)
            {
                yield return value;
            }
        }
    }

    private List<(NtfsIndexEntry? Entry, long? SubNode)> ParseNode(byte[] node, int headerOffset)
    {
        var span = node.AsSpan();
        if (headerOffset + 16 > span.Length)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} has a truncated index node.");
        }

        var entriesOffset = BinaryPrimitives.ReadUInt32LittleEndian(span[headerOffset..]);
        var totalSize = BinaryPrimitives.ReadUInt32LittleEndian(span[(headerOffset + 4)..]);
        var end = headerOffset + (long)totalSize;
        var position = headerOffset + (long)entriesOffset;
        if (end > span.Length || position < headerOffset + 16 || position > end)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} has an index node with bad offsets.");
        }

        var result = new List<(NtfsIndexEntry?, long?)>();
        while (true)
        {
            if (position + 16 > end)
            {
                throw new CorruptImageException($"NTFS: directory record {directory.Number} has an index node without a last entry.");
            }

            var at = (int)position;
            var record = BinaryPrimitives.ReadUInt64LittleEndian(span[at..]) & 0xFFFF_FFFF_FFFF;
            int entryLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 8)..]);
            int keyLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 10)..]);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 12)..]);
            var hasSubNode = (flags & EntryHasSubNode) != 0;
            if (entryLength < 16 || entryLength % 8 != 0 || position + entryLength > end || 16 + keyLength > entryLength
                || (hasSubNode && entryLength < 24 + keyLength))
            {
                throw new CorruptImageException($"NTFS: directory record {directory.Number} has an index entry of length {entryLength}.");
            }

            long? subNode = hasSubNode ? BinaryPrimitives.ReadInt64LittleEndian(span[(at + entryLength - 8)..]) : null;
            NtfsIndexEntry? entry = null;
            if ((flags & EntryIsLast) == 0)
            {
                var key = span.Slice(at + 16, keyLength);
                if (keyLength < FileNameKeyNameOffset || FileNameKeyNameOffset + (key[64] * 2) > keyLength)
                {
                    throw new CorruptImageException($"NTFS: directory record {directory.Number} has an index key that is not a file name.");
                }

                entry = new NtfsIndexEntry(record, Encoding.Unicode.GetString(key.Slice(FileNameKeyNameOffset, key[64] * 2)), key[65]);
            }

            result.Add((entry, subNode));
            if ((flags & EntryIsLast) != 0)
            {
                return result;
            }

            position += entryLength;
        }
    }

    private byte[] ReadBlock(long vcn)
    {
        if (allocation is null)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} points at an index block but has no $INDEX_ALLOCATION.");
        }

        var unit = blockSize >= volume.Boot.ClusterSize ? volume.Boot.ClusterSize : 512;
        if (vcn < 0 || vcn > allocationSize / unit)
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} index block VCN {vcn} is out of range.");
        }

        var offset = vcn * unit;
        if (offset % blockSize != 0 || offset > allocationSize - blockSize || !visited.Add(offset))
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} index block VCN {vcn} is misaligned, out of range or visited twice.");
        }

        var block = new byte[blockSize];
        allocation.ReadAt(offset, block);
        if (!block.AsSpan(0, 4).SequenceEqual("INDX"u8))
        {
            throw new CorruptImageException($"NTFS: directory record {directory.Number} index block VCN {vcn} has no 'INDX' signature.");
        }

        NtfsFixup.Apply(block, $"directory record {directory.Number} index block {vcn}");
        return block;
    }
}
