using System.Buffers.Binary;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// The free blocks of an XFS volume from each allocation group's by-block-number free-space B+tree (bnobt, rooted in the
/// AGF), so a capture skips them; everything else (AG headers, the log, inodes, B+trees, files) counts as used.
/// The walk descends the leftmost path (levels must drop by one) and follows the leaf chain with records strictly
/// ascending inside the AG, so a hostile tree ends in <see cref="CorruptImageException"/> after at most one read per AG block.
/// </summary>
internal static class XfsFreeSpace
{
    private const uint AgfMagic = 0x58414746; // "XAGF"
    private const uint BnoMagicV4 = 0x41425442; // "ABTB"
    private const uint BnoMagicV5 = 0x41423342; // "AB3B"
    private const uint NullBlock = 0xFFFFFFFF;
    private const int MaxLevels = 9;
    private const int AgHeaderSectors = 4; // superblock, AGF, AGI, AGFL

    /// <summary>The free ranges of the volume (offsets in the volume), sorted, minus AG headers and the internal log.</summary>
    public static List<ByteRange> Collect(XfsVolume volume)
    {
        var sb = volume.Superblock;
        var free = new FreeRangeCollector();
        for (var ag = 0u; ag < sb.AgCount; ag++)
        {
            CollectAg(volume, ag, free);
        }
        var forced = new List<ByteRange>();
        var headerBytes = (long)AgHeaderSectors * sb.SectorSize;
        for (var ag = 0u; ag < sb.AgCount; ag++)
        {
            forced.Add(new ByteRange((long)ag * sb.AgBlocks * sb.BlockSize, headerBytes));
        }
        if (sb.LogStart != 0)
        {
            forced.Add(new ByteRange(sb.FsBlockToOffset(sb.LogStart, sb.LogBlocks), (long)sb.LogBlocks * sb.BlockSize));
        }
        return ByteRanges.Subtract(free.Ranges, ByteRanges.Normalize(forced));
    }

    private static void CollectAg(XfsVolume volume, uint ag, FreeRangeCollector free)
    {
        var sb = volume.Superblock;
        var agLength = ag == sb.AgCount - 1 ? (uint)(sb.DataBlocks - ((ulong)ag * sb.AgBlocks)) : sb.AgBlocks;
        var agStart = (long)ag * sb.AgBlocks * sb.BlockSize;
        Span<byte> agf = stackalloc byte[64];
        volume.Source.ReadAt(agStart + sb.SectorSize, agf);
        if (BinaryPrimitives.ReadUInt32BigEndian(agf) != AgfMagic || BinaryPrimitives.ReadUInt32BigEndian(agf[8..]) != ag)
        {
            throw new CorruptImageException($"XFS: AG {ag} has no valid AGF header.");
        }
        if (BinaryPrimitives.ReadUInt32BigEndian(agf[12..]) != agLength)
        {
            throw new CorruptImageException($"XFS: AG {ag}'s AGF says {BinaryPrimitives.ReadUInt32BigEndian(agf[12..])} blocks, the superblock {agLength}.");
        }
        var root = BinaryPrimitives.ReadUInt32BigEndian(agf[16..]);
        var levels = (int)BinaryPrimitives.ReadUInt32BigEndian(agf[28..]);
        if (levels is < 1 or > MaxLevels)
        {
            throw new CorruptImageException($"XFS: AG {ag}'s free-space B+tree has {levels} levels.");
        }

        var headerSize = sb.HasCrc ? 56 : 16;
        var magic = sb.HasCrc ? BnoMagicV5 : BnoMagicV4;
        var block = new byte[sb.BlockSize];
        var nodeRecords = (block.Length - headerSize) / 12;
        var leafRecords = (block.Length - headerSize) / 8;
        var current = root;
        for (var level = levels - 1; level >= 0; level--)
        {
            ReadBlock(volume, ag, agLength, current, block);
            var count = CheckHeader(block, magic, level, level == 0 ? leafRecords : nodeRecords, ag, current);
            if (level > 0)
            {
                if (count == 0)
                {
                    throw new CorruptImageException($"XFS: AG {ag} free-space B+tree node {current} is empty.");
                }
                current = BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(headerSize + (nodeRecords * 8)));
            }
        }

        long previousEnd = 0;
        var agByteStart = agStart;
        for (var leaves = 1L; ; leaves++)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(6));
            for (var index = 0; index < count; index++)
            {
                var record = block.AsSpan(headerSize + (index * 8));
                var start = BinaryPrimitives.ReadUInt32BigEndian(record);
                var length = BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
                if (length == 0 || start < previousEnd || (ulong)start + length > agLength)
                {
                    throw new CorruptImageException($"XFS: AG {ag} free extent {start}+{length} is empty, out of order or past the AG.");
                }
                free.Add(agByteStart + ((long)start * sb.BlockSize), (long)length * sb.BlockSize);
                previousEnd = (long)start + length;
            }
            var right = BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(12));
            if (right == NullBlock)
            {
                return;
            }
            if (leaves >= agLength || count == 0)
            {
                throw new CorruptImageException($"XFS: AG {ag} free-space B+tree leaf chain does not end.");
            }
            ReadBlock(volume, ag, agLength, right, block);
            CheckHeader(block, magic, 0, leafRecords, ag, right);
        }
    }

    private static void ReadBlock(XfsVolume volume, uint ag, uint agLength, uint agBlock, byte[] block)
    {
        var sb = volume.Superblock;
        if (agBlock == 0 || agBlock >= agLength)
        {
            throw new CorruptImageException($"XFS: AG {ag} free-space B+tree points at block {agBlock}, outside the AG.");
        }
        volume.Source.ReadAt(sb.FsBlockToOffset(((ulong)ag << sb.AgBlockLog) | agBlock), block);
    }

    private static int CheckHeader(byte[] block, uint magic, int level, int maxRecords, uint ag, uint agBlock)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(6));
        if (BinaryPrimitives.ReadUInt32BigEndian(block) != magic || BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(4)) != level || count > maxRecords)
        {
            throw new CorruptImageException($"XFS: AG {ag} block {agBlock} is not a level-{level} free-space B+tree block.");
        }
        return count;
    }
}
