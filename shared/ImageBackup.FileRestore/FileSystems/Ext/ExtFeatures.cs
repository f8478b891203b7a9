namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>Superblock feature and inode flag bits the reader acts on (from the kernel's ext4.h), named so checks read as what they mean.</summary>
internal static class ExtFeatures
{
    public const uint CompatHasJournal = 0x4;

    public const uint IncompatCompression = 0x1;
    public const uint IncompatFileType = 0x2;
    public const uint IncompatRecover = 0x4;
    public const uint IncompatJournalDevice = 0x8;
    public const uint IncompatMetaBg = 0x10;
    public const uint IncompatExtents = 0x40;
    public const uint Incompat64Bit = 0x80;
    public const uint IncompatMmp = 0x100;
    public const uint IncompatFlexBg = 0x200;
    public const uint IncompatEaInode = 0x400;
    public const uint IncompatDirData = 0x1000;
    public const uint IncompatCsumSeed = 0x2000;
    public const uint IncompatLargeDir = 0x4000;
    public const uint IncompatInlineData = 0x8000;
    public const uint IncompatEncrypt = 0x10000;
    public const uint IncompatCasefold = 0x20000;

    /// <summary>Incompatible features this reader understands (everything else is refused by name or as unknown).</summary>
    public const uint IncompatSupported = IncompatFileType | IncompatRecover | IncompatMetaBg | IncompatExtents | Incompat64Bit
        | IncompatMmp | IncompatFlexBg | IncompatEaInode | IncompatCsumSeed | IncompatLargeDir;

    public const uint RoCompatSparseSuper = 0x1;
    public const uint RoCompatHugeFile = 0x8;
    public const uint RoCompatGdtCsum = 0x10;
    public const uint RoCompatDirNlink = 0x20;
    public const uint RoCompatExtraIsize = 0x40;
    public const uint RoCompatBigalloc = 0x200;
    public const uint RoCompatMetadataCsum = 0x400;

    public const uint InodeFlagEncrypt = 0x800;
    public const uint InodeFlagHugeFile = 0x40000;
    public const uint InodeFlagExtents = 0x80000;
    public const uint InodeFlagInlineData = 0x10000000;
}
