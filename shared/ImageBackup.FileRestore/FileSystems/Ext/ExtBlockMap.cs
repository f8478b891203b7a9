using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>
/// Maps a logical block of an inode to its disk blocks through the extent tree or the (double/triple) indirect blocks.
/// Every lookup walks down a tree of bounded depth, so bad pointers cannot loop; every block number is range-checked.
/// </summary>
internal sealed class ExtBlockMap(ExtFileSystem fileSystem, ExtInode inode)
{
    private const int MaxExtentDepth = 5;
    private const int MaxIndirectRun = 2048;
    private readonly int blockSize = fileSystem.Superblock.BlockSize;

    /// <summary>The run that contains logical block <paramref name="logical"/> (at least one block long).</summary>
    public ExtBlockRun Lookup(long logical) =>
        (inode.Flags & ExtFeatures.InodeFlagExtents) != 0 ? LookupExtent(logical) : LookupIndirect(logical);

    private ExtBlockRun LookupExtent(long logical)
    {
        if (logical > uint.MaxValue)
        {
            return new ExtBlockRun(-1, long.MaxValue / 2);
        }
        byte[] node = inode.BlockArea;
        var expectedDepth = -1;
        long limit = 1L << 32;
        for (var level = 0; ; level++)
        {
            var span = node.AsSpan();
            var magic = BinaryPrimitives.ReadUInt16LittleEndian(span);
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
            var max = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
            var depth = BinaryPrimitives.ReadUInt16LittleEndian(span[6..]);
            if (magic != 0xF30A)
            {
                throw new CorruptImageException($"ext inode {inode.Number}: bad extent header magic 0x{magic:x4}");
            }
            if (entries > max || 12 + (max * 12) > span.Length || depth > MaxExtentDepth || (expectedDepth >= 0 && depth != expectedDepth) || level > MaxExtentDepth)
            {
                throw new CorruptImageException($"ext inode {inode.Number}: extent node with {entries}/{max} entries at depth {depth} is inconsistent");
            }
            var found = -1;
            for (var i = 0; i < entries; i++)
            {
                var first = BinaryPrimitives.ReadUInt32LittleEndian(span[(12 + (i * 12))..]);
                if (first > logical)
                {
                    limit = Math.Min(limit, first);
                    break;
                }
                found = i;
            }
            if (found < 0)
            {
                return new ExtBlockRun(-1, Math.Max(1, limit - logical));
            }
            var entry = span.Slice(12 + (found * 12), 12);
            var start = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            if (depth == 0)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]);
                var uninitialized = length > 32768;
                if (uninitialized)
                {
                    length -= 32768;
                }
                var physical = ((long)BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                if (logical >= start + length)
                {
                    return new ExtBlockRun(-1, Math.Max(1, limit - logical));
                }
                fileSystem.CheckBlockRange(physical, length, inode.Number);
                var remaining = start + length - logical;
                return uninitialized ? new ExtBlockRun(-1, remaining) : new ExtBlockRun(physical + (logical - start), remaining);
            }
            var child = ((long)BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            fileSystem.CheckBlockRange(child, 1, inode.Number);
            node = fileSystem.ReadMetadataBlock(child);
            expectedDepth = depth - 1;
        }
    }

    private ExtBlockRun LookupIndirect(long logical)
    {
        var first = MapIndirect(logical, out var holeSpan);
        if (first == 0)
        {
            return new ExtBlockRun(-1, Math.Max(1, holeSpan));
        }
        long count = 1;
        while (count < MaxIndirectRun && MapIndirect(logical + count, out _) == first + count)
        {
            count++;
        }
        return new ExtBlockRun(first, count);
    }

    /// <summary>Physical block of <paramref name="logical"/>, or 0 for a hole spanning <paramref name="holeSpan"/> blocks from it.</summary>
    private long MapIndirect(long logical, out long holeSpan)
    {
        long perBlock = blockSize / 4;
        holeSpan = 1;
        if (logical < 12)
        {
            return Pointer(inode.BlockArea, (int)logical);
        }
        logical -= 12;
        for (var level = 1; level <= 3; level++)
        {
            long span = 1;
            for (var i = 0; i < level; i++)
            {
                span *= perBlock;
            }
            if (logical < span)
            {
                var block = Pointer(inode.BlockArea, 11 + level);
                var covered = span;
                for (var depth = level; depth > 0; depth--)
                {
                    if (block == 0)
                    {
                        holeSpan = covered - (logical % covered);
                        return 0;
                    }
                    covered /= perBlock;
                    var index = (int)(logical / covered % perBlock);
                    block = Pointer(fileSystem.ReadMetadataBlock(block), index);
                }
                if (block == 0)
                {
                    holeSpan = 1;
                }
                return block;
            }
            logical -= span;
        }
        holeSpan = long.MaxValue / 4;
        return 0;
    }

    private long Pointer(byte[] block, int index)
    {
        long pointer = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(index * 4));
        if (pointer != 0)
        {
            fileSystem.CheckBlockRange(pointer, 1, inode.Number);
        }
        return pointer;
    }
}
