using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// Reads the names of an XFS directory in every format: short-form (in the inode), and block, leaf and node
/// directories, whose entries all live in the data blocks below the 32 GiB leaf offset; leaf, node and free-index
/// blocks are skipped because they only index those entries.
/// </summary>
internal static class XfsDirectoryReader
{
    private const long LeafOffset = 1L << 35;
    private const ulong ReadAheadDirBlocks = 16;
    private const uint BlockMagicV4 = 0x58443242; // "XD2B"
    private const uint DataMagicV4 = 0x58443244; // "XD2D"
    private const uint BlockMagicV5 = 0x58444233; // "XDB3"
    private const uint DataMagicV5 = 0x58444433; // "XDD3"

    /// <summary>Entries of <paramref name="directory"/> as (name, inode number), without "." and "..".</summary>
    public static IEnumerable<(string Name, ulong Inode)> Read(XfsVolume volume, XfsInode directory) => directory.Format switch
    {
        XfsInode.FormatLocal => ReadShortForm(volume.Superblock, directory),
        XfsInode.FormatExtents or XfsInode.FormatBtree => ReadBlocks(volume, directory),
        _ => throw new CorruptImageException($"XFS: directory inode {directory.Number} has data fork format {directory.Format}."),
    };

    private static List<(string, ulong)> ReadShortForm(XfsSuperblock sb, XfsInode directory)
    {
        var fork = directory.DataFork.AsSpan();
        if (directory.Size > fork.Length || directory.Size < 6)
        {
            throw new CorruptImageException($"XFS: short-form directory inode {directory.Number} has size {directory.Size}.");
        }

        fork = fork[..(int)directory.Size];
        int count = fork[0];
        var inodeSize = fork[1] != 0 ? 8 : 4;
        var position = 2 + inodeSize;
        var entries = new List<(string, ulong)>(count);
        for (var i = 0; i < count; i++)
        {
            if (position + 3 > fork.Length)
            {
                throw new CorruptImageException($"XFS: short-form directory inode {directory.Number} is truncated.");
            }

            int nameLength = fork[position];
            var inodePosition = position + 3 + nameLength + (sb.HasFtype ? 1 : 0);
            if (nameLength == 0 || inodePosition + inodeSize > fork.Length)
            {
                throw new CorruptImageException($"XFS: short-form directory inode {directory.Number} has a bad entry.");
            }

            var name = Encoding.UTF8.GetString(fork.Slice(position + 3, nameLength));
            var inode = inodeSize == 8
                ? BinaryPrimitives.ReadUInt64BigEndian(fork[inodePosition..])
                : BinaryPrimitives.ReadUInt32BigEndian(fork[inodePosition..]);
            entries.Add((name, inode));
            position = inodePosition + inodeSize;
        }

        return entries;
    }

    private static IEnumerable<(string, ulong)> ReadBlocks(XfsVolume volume, XfsInode directory)
    {
        var sb = volume.Superblock;
        IXfsExtentMap map = directory.Format == XfsInode.FormatExtents
            ? XfsExtentList.FromInode(directory, sb)
            : XfsBmbtReader.FromInode(volume, directory);
        var stream = new XfsForkStream(volume, map, directory.Size);
        var dirBlockSize = sb.DirBlockSize;
        var blocksPerDirBlock = 1UL << sb.DirBlockLog;
        var end = Math.Min(LeafOffset, directory.Size) >> sb.BlockLog;
        var buffer = new byte[dirBlockSize];
        var block = 0UL;
        for (var ahead = 0UL; ahead < ReadAheadDirBlocks; ahead++)
        {
            PrefetchDirBlock(volume, map, ahead * blocksPerDirBlock, (ulong)end);
        }

        while (block < (ulong)end && map.TryFind(block, out var extent))
        {
            PrefetchDirBlock(volume, map, block + (ReadAheadDirBlocks * blocksPerDirBlock), (ulong)end);
            if (extent.StartOffset > block)
            {
                // Skip the hole, but never backwards: an extent starting inside a directory block is read with it.
                var aligned = extent.StartOffset & ~(blocksPerDirBlock - 1);
                if (aligned > block)
                {
                    block = aligned;
                    continue;
                }
            }

            stream.ReadLogical((long)(block << sb.BlockLog), buffer);
            foreach (var entry in ParseDataBlock(buffer, sb, directory.Number, block))
            {
                yield return entry;
            }

            block += blocksPerDirBlock;
        }
    }

    /// <summary>Starts fetching the directory block at logical block <paramref name="block"/> (directory blocks are scattered among the files created with them); a bad mapping is left for the read to report.</summary>
    private static void PrefetchDirBlock(XfsVolume volume, IXfsExtentMap map, ulong block, ulong end)
    {
        if (volume.Source is not IPrefetchHint hint || block >= end)
        {
            return;
        }

        try
        {
            if (map.TryFind(block, out var extent) && extent.StartOffset <= block && !extent.Unwritten)
            {
                var sb = volume.Superblock;
                var blocks = Math.Min(1UL << sb.DirBlockLog, extent.EndOffset - block);
                hint.Prefetch(sb.FsBlockToOffset(extent.StartBlock + (block - extent.StartOffset), blocks), (long)blocks << sb.BlockLog);
            }
        }
        catch (CorruptImageException)
        {
        }
    }

    private static List<(string, ulong)> ParseDataBlock(byte[] buffer, XfsSuperblock sb, ulong directory, ulong block)
    {
        var data = buffer.AsSpan();
        var magic = BinaryPrimitives.ReadUInt32BigEndian(data);
        var header = sb.HasCrc ? 64 : 16;
        var end = data.Length;
        if (magic == (sb.HasCrc ? BlockMagicV5 : BlockMagicV4))
        {
            var leafCount = BinaryPrimitives.ReadUInt32BigEndian(data[(end - 8)..]);
            if (leafCount > (uint)(end - header - 8) / 8)
            {
                throw new CorruptImageException($"XFS: directory inode {directory} block {block} has {leafCount} leaf entries.");
            }

            end -= 8 + ((int)leafCount * 8);
        }
        else if (magic != (sb.HasCrc ? DataMagicV5 : DataMagicV4))
        {
            throw new CorruptImageException($"XFS: directory inode {directory} block {block} has a bad magic number 0x{magic:x8}.");
        }

        if (sb.HasCrc && BinaryPrimitives.ReadUInt64BigEndian(data[40..]) != directory)
        {
            throw new CorruptImageException($"XFS: directory block {block} does not belong to inode {directory}.");
        }

        var entries = new List<(string, ulong)>();
        var position = header;
        while (position < end)
        {
            if (position + 8 > end)
            {
                throw new CorruptImageException($"XFS: directory inode {directory} block {block} has a truncated entry.");
            }

            int length;
            if (BinaryPrimitives.ReadUInt16BigEndian(data[position..]) == 0xFFFF)
            {
                length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            }
            else
            {
                if (position + 9 > end)
                {
                    throw new CorruptImageException($"XFS: directory inode {directory} block {block} has a truncated entry.");
                }

                int nameLength = data[position + 8];
                length = (8 + 1 + nameLength + (sb.HasFtype ? 1 : 0) + 2 + 7) & ~7;
                if (nameLength == 0 || position + length > end)
                {
                    throw new CorruptImageException($"XFS: directory inode {directory} block {block} has a bad entry.");
                }

                var nameBytes = data.Slice(position + 9, nameLength);
                if (!nameBytes.SequenceEqual("."u8) && !nameBytes.SequenceEqual(".."u8))
                {
                    entries.Add((Encoding.UTF8.GetString(nameBytes), BinaryPrimitives.ReadUInt64BigEndian(data[position..])));
                }
            }

            if (length < 8 || length % 8 != 0 || position + length > end)
            {
                throw new CorruptImageException($"XFS: directory inode {directory} block {block} has an entry of length {length}.");
            }

            position += length;
        }

        return entries;
    }
}
