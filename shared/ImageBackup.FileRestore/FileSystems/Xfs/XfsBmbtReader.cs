using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// A B+tree-format data fork (bmbt): the root lives in the inode, nodes and leaves in blocks. Lookups descend from the
/// root with strictly decreasing levels (no cycles possible, depth capped), so memory stays at one leaf per reader.
/// </summary>
internal sealed class XfsBmbtReader : IXfsExtentMap
{
    private const int MaxLevels = 9;
    private const uint MagicV4 = 0x424d4150; // "BMAP"
    private const uint MagicV5 = 0x424d4133; // "BMA3"
    private const ulong NullBlock = ulong.MaxValue;

    private readonly XfsVolume volume;
    private readonly XfsInode inode;
    private readonly int rootLevel;
    private readonly ulong[] rootKeys;
    private readonly ulong[] rootPointers;
    private XfsExtent[] cachedLeaf = [];

    private XfsBmbtReader(XfsVolume volume, XfsInode inode, int rootLevel, ulong[] rootKeys, ulong[] rootPointers)
    {
        this.volume = volume;
        this.inode = inode;
        this.rootLevel = rootLevel;
        this.rootKeys = rootKeys;
        this.rootPointers = rootPointers;
    }

    /// <summary>Parses the B+tree root held in the inode's data fork.</summary>
    public static XfsBmbtReader FromInode(XfsVolume volume, XfsInode inode)
    {
        var fork = inode.DataFork.AsSpan();
        var level = BinaryPrimitives.ReadUInt16BigEndian(fork);
        var count = BinaryPrimitives.ReadUInt16BigEndian(fork[2..]);
        var maxRecords = (fork.Length - 4) / 16;
        if (level is 0 or > MaxLevels || count == 0 || count > maxRecords)
        {
            throw new CorruptImageException($"XFS: inode {inode.Number} has a B+tree root with level {level} and {count} records.");
        }

        var keys = new ulong[count];
        var pointers = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt64BigEndian(fork[(4 + (i * 8))..]);
            pointers[i] = BinaryPrimitives.ReadUInt64BigEndian(fork[(4 + (maxRecords * 8) + (i * 8))..]);
        }

        return new XfsBmbtReader(volume, inode, level, keys, pointers);
    }

    public bool TryFind(ulong logicalBlock, out XfsExtent extent)
    {
        if (cachedLeaf.Length > 0 && cachedLeaf[0].StartOffset <= logicalBlock && logicalBlock < cachedLeaf[^1].EndOffset)
        {
            return XfsExtentList.Find(cachedLeaf, logicalBlock, out extent);
        }

        var pointer = rootPointers[ChooseChild(rootKeys, logicalBlock)];
        var level = rootLevel;
        while (true)
        {
            level--;
            var block = ReadBlock(pointer, level, out var count, out var header, out var rightSibling);
            if (level > 0)
            {
                var maxRecords = (block.Length - header) / 16;
                var keys = new ulong[count];
                for (var i = 0; i < count; i++)
                {
                    keys[i] = BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(header + (i * 8)));
                }

                pointer = BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(header + (maxRecords * 8) + (ChooseChild(keys, logicalBlock) * 8)));
                continue;
            }

            cachedLeaf = DecodeLeaf(block, header, count);
            if (XfsExtentList.Find(cachedLeaf, logicalBlock, out extent))
            {
                return true;
            }

            if (rightSibling == NullBlock)
            {
                return false;
            }

            var next = ReadBlock(rightSibling, 0, out count, out header, out _);
            var nextLeaf = DecodeLeaf(next, header, count);
            if (nextLeaf[0].StartOffset < cachedLeaf[^1].EndOffset)
            {
                throw new CorruptImageException($"XFS: inode {inode.Number} has B+tree leaves out of order.");
            }

            cachedLeaf = nextLeaf;
            return XfsExtentList.Find(cachedLeaf, logicalBlock, out extent);
        }
    }

    private static int ChooseChild(ulong[] keys, ulong logicalBlock)
    {
        var index = 0;
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= logicalBlock)
            {
                index = i;
            }
        }

        return index;
    }

    private XfsExtent[] DecodeLeaf(byte[] block, int header, int count)
    {
        var extents = new XfsExtent[count];
        for (var i = 0; i < count; i++)
        {
            extents[i] = XfsExtent.Decode(block.AsSpan(header + (i * 16), 16), volume.Superblock);
        }

        XfsExtentList.CheckSorted(extents, inode.Number);
        return extents;
    }

    private byte[] ReadBlock(ulong fsBlock, int expectedLevel, out int count, out int header, out ulong rightSibling)
    {
        var sb = volume.Superblock;
        var block = new byte[sb.BlockSize];
        volume.Source.ReadAt(sb.FsBlockToOffset(fsBlock), block);
        var magic = BinaryPrimitives.ReadUInt32BigEndian(block);
        header = sb.HasCrc ? 72 : 24;
        if (magic != (sb.HasCrc ? MagicV5 : MagicV4))
        {
            throw new CorruptImageException($"XFS: inode {inode.Number} B+tree block {fsBlock} has a bad magic number.");
        }

        var level = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(4));
        count = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(6));
        rightSibling = BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(16));
        if (level != expectedLevel || count == 0 || count > (block.Length - header) / 16)
        {
            throw new CorruptImageException($"XFS: inode {inode.Number} B+tree block {fsBlock} has level {level} (expected {expectedLevel}) and {count} records.");
        }

        if (sb.HasCrc && BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(56)) != inode.Number)
        {
            throw new CorruptImageException($"XFS: B+tree block {fsBlock} does not belong to inode {inode.Number}.");
        }

        return block;
    }
}
