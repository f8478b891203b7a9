using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>The validated ext2/3/4 superblock: geometry, features and label, checked once so later reads can trust the bounds.</summary>
internal sealed record ExtSuperblock(
    int BlockSize,
    long BlocksCount,
    uint FirstDataBlock,
    uint BlocksPerGroup,
    uint InodesPerGroup,
    uint InodesCount,
    int InodeSize,
    int DescriptorSize,
    uint FirstMetaBg,
    uint Compat,
    uint Incompat,
    uint RoCompat,
    ushort State,
    string? Label)
{
    /// <summary>Offset of the primary superblock from the start of the volume.</summary>
    public const int Offset = 1024;

    /// <summary>Number of block groups.</summary>
    public long GroupCount => (BlocksCount - FirstDataBlock + BlocksPerGroup - 1) / BlocksPerGroup;

    /// <summary>"ext2", "ext3" or "ext4", the way blkid names them.</summary>
    public string Kind =>
        (Incompat & (ExtFeatures.IncompatExtents | ExtFeatures.Incompat64Bit | ExtFeatures.IncompatFlexBg)) != 0
        || (RoCompat & (ExtFeatures.RoCompatHugeFile | ExtFeatures.RoCompatGdtCsum | ExtFeatures.RoCompatDirNlink
            | ExtFeatures.RoCompatExtraIsize | ExtFeatures.RoCompatMetadataCsum)) != 0
            ? "ext4"
            : (Compat & ExtFeatures.CompatHasJournal) != 0 ? "ext3" : "ext2";

    /// <summary>True when the 0xEF53 magic is where ext puts it.</summary>
    public static bool HasMagic(IRandomAccessSource source)
    {
        if (source.Length < Offset + 1024)
        {
            return false;
        }
        Span<byte> magic = stackalloc byte[2];
        source.ReadAt(Offset + 0x38, magic);
        return BinaryPrimitives.ReadUInt16LittleEndian(magic) == 0xEF53;
    }

    /// <summary>Reads and validates the superblock; refuses features this reader does not handle.</summary>
    public static ExtSuperblock Read(IRandomAccessSource source)
    {
        if (!HasMagic(source))
        {
            throw new CorruptImageException("no ext superblock (magic 0xEF53 missing at offset 1080)");
        }
        var raw = new byte[1024];
        source.ReadAt(Offset, raw);
        uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(at));
        ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(at));

        var logBlockSize = U32(0x18);
        if (logBlockSize > 6)
        {
            throw new CorruptImageException($"ext superblock: block size 2^(10+{logBlockSize}) is out of range");
        }
        var blockSize = 1024 << (int)logBlockSize;
        var incompat = U32(0x60);
        var roCompat = U32(0x64);
        var compat = U32(0x5C);
        RefuseUnsupported(incompat, roCompat);

        var is64 = (incompat & ExtFeatures.Incompat64Bit) != 0;
        var blocksCount = (long)U32(0x04) | (is64 ? (long)U32(0x150) << 32 : 0);
        var firstDataBlock = U32(0x14);
        var blocksPerGroup = U32(0x20);
        var inodesPerGroup = U32(0x28);
        var inodesCount = U32(0x00);
        var revision = U32(0x4C);
        int inodeSize = revision == 0 ? 128 : U16(0x58);
        var descriptorSize = is64 ? U16(0xFE) : 32;

        if (blocksPerGroup == 0 || blocksPerGroup > 8L * blockSize)
        {
            throw new CorruptImageException($"ext superblock: {blocksPerGroup} blocks per group is out of range");
        }
        if (inodesPerGroup == 0 || inodesPerGroup > 8L * blockSize)
        {
            throw new CorruptImageException($"ext superblock: {inodesPerGroup} inodes per group is out of range");
        }
        if (blocksCount <= firstDataBlock || firstDataBlock > 1 || blocksCount > (1L << 48))
        {
            throw new CorruptImageException($"ext superblock: {blocksCount} blocks (first data block {firstDataBlock}) is out of range");
        }
        if (blocksCount > source.Length / blockSize)
        {
            throw new CorruptImageException($"ext file system of {blocksCount * blockSize} bytes does not fit its {source.Length}-byte volume");
        }
        if (inodeSize < 128 || inodeSize > blockSize || (inodeSize & (inodeSize - 1)) != 0)
        {
            throw new CorruptImageException($"ext superblock: inode size {inodeSize} is out of range");
        }
        if (descriptorSize < 32 || descriptorSize > 1024 || (descriptorSize & (descriptorSize - 1)) != 0)
        {
            throw new CorruptImageException($"ext superblock: group descriptor size {descriptorSize} is out of range");
        }
        var groups = (blocksCount - firstDataBlock + blocksPerGroup - 1) / blocksPerGroup;
        if (inodesCount == 0 || inodesCount > groups * inodesPerGroup)
        {
            throw new CorruptImageException($"ext superblock: {inodesCount} inodes do not fit {groups} groups of {inodesPerGroup}");
        }
        var labelBytes = raw.AsSpan(0x78, 16);
        var end = labelBytes.IndexOf((byte)0);
        var label = Encoding.UTF8.GetString(end < 0 ? labelBytes : labelBytes[..end]);
        return new ExtSuperblock(blockSize, blocksCount, firstDataBlock, blocksPerGroup, inodesPerGroup, inodesCount,
            inodeSize, descriptorSize, U32(0x104), compat, incompat, roCompat, U16(0x3A), label.Length == 0 ? null : label);
    }

    private static void RefuseUnsupported(uint incompat, uint roCompat)
    {
        var named = new (uint Bit, string Name)[]
        {
            (ExtFeatures.IncompatInlineData, "inline_data"),
            (ExtFeatures.IncompatEncrypt, "encrypt"),
            (ExtFeatures.IncompatCasefold, "casefold"),
            (ExtFeatures.IncompatCompression, "compression"),
            (ExtFeatures.IncompatJournalDevice, "journal_dev (an external journal device, not a file system)"),
            (ExtFeatures.IncompatDirData, "dirdata"),
        };
        foreach (var (bit, name) in named)
        {
            if ((incompat & bit) != 0)
            {
                throw new UnsupportedLayoutException($"ext file system uses the '{name}' feature, which file restore does not read; restore the whole generation instead");
            }
        }
        if ((roCompat & ExtFeatures.RoCompatBigalloc) != 0)
        {
            throw new UnsupportedLayoutException("ext file system uses the 'bigalloc' feature, which file restore does not read; restore the whole generation instead");
        }
        var unknown = incompat & ~ExtFeatures.IncompatSupported;
        if (unknown != 0)
        {
            throw new UnsupportedLayoutException($"ext file system uses unknown incompatible features 0x{unknown:x}");
        }
    }
}
