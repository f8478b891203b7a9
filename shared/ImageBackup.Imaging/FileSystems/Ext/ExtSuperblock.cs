using System.Buffers.Binary;

namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>The validated ext2/3/4 superblock geometry needed to find every block group's allocation bitmap.</summary>
internal sealed class ExtSuperblock
{
    /// <summary>Byte offset of the primary superblock from the start of the file system.</summary>
    public const int Offset = 1024;

    /// <summary>Bytes of the superblock structure.</summary>
    public const int Size = 1024;

    private const ushort Magic = 0xEF53;
    private const int MaxLogBlockSize = 6; // 64 KiB, the largest block size ext4 allows.
    private const int OldRevisionInodeSize = 128;
    private const int Descriptor32Size = 32;
    private const int Descriptor64MinSize = 64;

    private ExtSuperblock()
    {
    }

    public int BlockSize { get; private init; }
    public ulong BlocksCount { get; private init; }
    public uint FirstDataBlock { get; private init; }
    public uint BlocksPerGroup { get; private init; }
    public uint GroupCount { get; private init; }
    public int DescriptorSize { get; private init; }
    public uint DescriptorsPerBlock => (uint)(BlockSize / DescriptorSize);
    public uint DescriptorBlockCount => (uint)((GroupCount + DescriptorsPerBlock - 1) / DescriptorsPerBlock);
    public uint ReservedDescriptorBlocks { get; private init; }
    public uint FirstMetaBlockGroup { get; private init; }
    public uint InodeTableBlocksPerGroup { get; private init; }
    public uint IncompatFeatures { get; private init; }
    public uint RoCompatFeatures { get; private init; }
    public uint CompatFeatures { get; private init; }
    public uint BackupGroup1 { get; private init; }
    public uint BackupGroup2 { get; private init; }

    public bool HasMetaBlockGroups => (IncompatFeatures & ExtFeatures.IncompatMetaBlockGroups) != 0;
    public bool HasSparseSuper => (RoCompatFeatures & ExtFeatures.RoCompatSparseSuper) != 0;
    public bool HasSparseSuper2 => (CompatFeatures & ExtFeatures.CompatSparseSuper2) != 0;
    public bool Is64Bit => (IncompatFeatures & ExtFeatures.Incompat64Bit) != 0;

    /// <summary>True when group descriptors carry checksums, the only case in which BLOCK_UNINIT is honoured (as the kernel and e2fsprogs do).</summary>
    public bool HasGroupDescriptorChecksums =>
        (RoCompatFeatures & (ExtFeatures.RoCompatGroupDescriptorChecksum | ExtFeatures.RoCompatMetadataChecksum)) != 0;

    /// <summary>Bytes the file system occupies.</summary>
    public long FileSystemBytes => checked((long)BlocksCount * BlockSize);

    /// <summary>First block of <paramref name="group"/>.</summary>
    public ulong GroupFirstBlock(uint group) => FirstDataBlock + (ulong)group * BlocksPerGroup;

    /// <summary>Number of blocks in <paramref name="group"/> (the last group may be short).</summary>
    public uint GroupBlockCount(uint group) =>
        (uint)Math.Min(BlocksPerGroup, BlocksCount - GroupFirstBlock(group));

    /// <summary>Parses and validates the superblock of a file system of at most <paramref name="deviceBytes"/> bytes.</summary>
    public static ExtSuperblock Parse(ReadOnlySpan<byte> raw, long deviceBytes)
    {
        if (BinaryPrimitives.ReadUInt16LittleEndian(raw[0x38..]) != Magic)
        {
            throw new InvalidDataException("Not an ext2/3/4 file system: the superblock magic 0xEF53 is missing at byte 1080.");
        }

        var revision = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x4C..]);
        var dynamic = revision >= 1;
        var compat = dynamic ? BinaryPrimitives.ReadUInt32LittleEndian(raw[0x5C..]) : 0;
        var incompat = dynamic ? BinaryPrimitives.ReadUInt32LittleEndian(raw[0x60..]) : 0;
        var roCompat = dynamic ? BinaryPrimitives.ReadUInt32LittleEndian(raw[0x64..]) : 0;
        RefuseUnsupportedFeatures(incompat, roCompat);

        var logBlockSize = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x18..]);
        if (logBlockSize > MaxLogBlockSize)
        {
            throw new InvalidDataException($"Corrupt ext superblock: block size 2^(10+{logBlockSize}) is beyond the 64 KiB ext4 allows.");
        }

        var blockSize = 1024 << (int)logBlockSize;
        var is64Bit = (incompat & ExtFeatures.Incompat64Bit) != 0;
        var blocksCount = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x04..]);
        if (is64Bit)
        {
            blocksCount |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x150..]) << 32;
        }

        var firstDataBlock = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x14..]);
        var blocksPerGroup = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x20..]);
        var inodesPerGroup = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x28..]);
        var inodeSize = dynamic ? BinaryPrimitives.ReadUInt16LittleEndian(raw[0x58..]) : OldRevisionInodeSize;
        var descriptorSize = ReadDescriptorSize(raw, is64Bit, blockSize);

        var bitsPerBitmap = (uint)blockSize * 8;
        if (blocksPerGroup == 0 || blocksPerGroup > bitsPerBitmap)
        {
            throw new InvalidDataException($"Corrupt ext superblock: {blocksPerGroup} blocks per group (must be 1..{bitsPerBitmap}).");
        }

        if (firstDataBlock != (blockSize == 1024 ? 1u : 0u))
        {
            throw new InvalidDataException($"Corrupt ext superblock: first data block {firstDataBlock} for block size {blockSize}.");
        }

        if (blocksCount <= firstDataBlock || blocksCount > (ulong)(deviceBytes / blockSize))
        {
            throw new InvalidDataException(
                $"Corrupt or truncated ext file system: it claims {blocksCount} blocks of {blockSize} bytes, the device holds {deviceBytes} bytes.");
        }

        if (inodesPerGroup == 0 || inodesPerGroup > bitsPerBitmap
            || inodeSize < OldRevisionInodeSize || inodeSize > blockSize || !IsPowerOfTwo(inodeSize))
        {
            throw new InvalidDataException($"Corrupt ext superblock: {inodesPerGroup} inodes per group of {inodeSize} bytes.");
        }

        var groupCount = (blocksCount - firstDataBlock + blocksPerGroup - 1) / blocksPerGroup;
        if (groupCount > uint.MaxValue || groupCount * (ulong)descriptorSize > (ulong)deviceBytes)
        {
            throw new InvalidDataException(
                $"Corrupt ext superblock: {groupCount} group descriptors of {descriptorSize} bytes cannot fit in a device of {deviceBytes} bytes.");
        }

        var inodeTableBlocks = (uint)(((ulong)inodesPerGroup * (ulong)inodeSize + (ulong)blockSize - 1) / (ulong)blockSize);
        if (inodeTableBlocks > blocksPerGroup || inodeTableBlocks >= blocksCount)
        {
            throw new InvalidDataException($"Corrupt ext superblock: an inode table of {inodeTableBlocks} blocks does not fit a group of {blocksPerGroup}.");
        }

        var superblock = new ExtSuperblock
        {
            BlockSize = blockSize,
            BlocksCount = blocksCount,
            FirstDataBlock = firstDataBlock,
            BlocksPerGroup = blocksPerGroup,
            GroupCount = (uint)groupCount,
            DescriptorSize = descriptorSize,
            ReservedDescriptorBlocks = dynamic ? BinaryPrimitives.ReadUInt16LittleEndian(raw[0xCE..]) : 0u,
            FirstMetaBlockGroup = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x104..]),
            InodeTableBlocksPerGroup = inodeTableBlocks,
            IncompatFeatures = incompat,
            RoCompatFeatures = roCompat,
            CompatFeatures = compat,
            BackupGroup1 = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x24C..]),
            BackupGroup2 = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x250..]),
        };
        superblock.ValidateDescriptorTable();
        return superblock;
    }

    private void ValidateDescriptorTable()
    {
        if (HasMetaBlockGroups)
        {
            if (FirstMetaBlockGroup > DescriptorBlockCount)
            {
                throw new InvalidDataException(
                    $"Corrupt ext superblock: first meta block group {FirstMetaBlockGroup} beyond the {DescriptorBlockCount} descriptor blocks.");
            }

            return;
        }

        var tableEnd = (ulong)FirstDataBlock + 1 + DescriptorBlockCount;
        if (tableEnd > BlocksCount)
        {
            throw new InvalidDataException(
                $"Corrupt ext superblock: the {DescriptorBlockCount} group descriptor blocks run past the {BlocksCount} blocks of the file system.");
        }
    }

    private static int ReadDescriptorSize(ReadOnlySpan<byte> raw, bool is64Bit, int blockSize)
    {
        if (!is64Bit)
        {
            return Descriptor32Size;
        }

        int size = BinaryPrimitives.ReadUInt16LittleEndian(raw[0xFE..]);
        if (size < Descriptor64MinSize || size > 1024 || size > blockSize || !IsPowerOfTwo(size))
        {
            throw new InvalidDataException($"Corrupt ext superblock: 64bit group descriptor size {size}.");
        }

        return size;
    }

    private static void RefuseUnsupportedFeatures(uint incompat, uint roCompat)
    {
        if ((incompat & ExtFeatures.IncompatJournalDevice) != 0)
        {
            throw new InvalidDataException("This ext device is an external journal, not a file system: it has no block bitmaps.");
        }

        if ((incompat & ExtFeatures.IncompatNeedsRecovery) != 0)
        {
            throw new InvalidDataException(
                "This ext file system needs journal recovery (needs_recovery is set: not cleanly unmounted, or a live snapshot); "
                + "its block bitmaps do not yet show blocks allocated by committed transactions, so its used blocks cannot be read safely. "
                + "Replay the journal first (e2fsck -E journal_only) or capture the whole device.");
        }

        if ((roCompat & ExtFeatures.RoCompatBigAlloc) != 0)
        {
            throw new InvalidDataException("This ext file system uses bigalloc (cluster bitmaps), which the used-range reader does not support.");
        }

        var unknown = incompat & ~ExtFeatures.IncompatUnderstood;
        if (unknown != 0)
        {
            throw new InvalidDataException($"This ext file system has incompatible features 0x{unknown:X} that the used-range reader does not understand.");
        }
    }

    private static bool IsPowerOfTwo(int value) => value > 0 && (value & (value - 1)) == 0;
}
