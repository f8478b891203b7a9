using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>One data-fork mapping record: logical file blocks to file-system blocks, unwritten ones reading as zeros.</summary>
internal readonly record struct XfsExtent(ulong StartOffset, ulong StartBlock, ulong BlockCount, bool Unwritten)
{
    /// <summary>First logical block after the extent.</summary>
    public ulong EndOffset => StartOffset + BlockCount;

    /// <summary>Decodes a packed 128-bit bmbt record and checks it against the file-system geometry.</summary>
    public static XfsExtent Decode(ReadOnlySpan<byte> record, XfsSuperblock superblock)
    {
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(record);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(record[8..]);
        var extent = new XfsExtent(
            (l0 & 0x7FFF_FFFF_FFFF_FFFFUL) >> 9,
            ((l0 & 0x1FF) << 43) | (l1 >> 21),
            l1 & 0x1F_FFFF,
            (l0 >> 63) != 0);
        if (extent.BlockCount == 0)
        {
            throw new CorruptImageException("XFS: extent with zero length.");
        }

        superblock.FsBlockToOffset(extent.StartBlock, extent.BlockCount);
        return extent;
    }
}
