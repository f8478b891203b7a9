namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>The ext2/3/4 superblock feature bits that change where metadata lives or whether block bitmaps can be trusted.</summary>
internal static class ExtFeatures
{
    public const uint CompatSparseSuper2 = 0x200;

    public const uint IncompatCompression = 0x1;
    public const uint IncompatFileType = 0x2;
    public const uint IncompatNeedsRecovery = 0x4;
    public const uint IncompatJournalDevice = 0x8;
    public const uint IncompatMetaBlockGroups = 0x10;
    public const uint IncompatExtents = 0x40;
    public const uint Incompat64Bit = 0x80;
    public const uint IncompatMultiMountProtection = 0x100;
    public const uint IncompatFlexibleBlockGroups = 0x200;
    public const uint IncompatExtendedAttributeInodes = 0x400;
    public const uint IncompatDirectoryData = 0x1000;
    public const uint IncompatChecksumSeed = 0x2000;
    public const uint IncompatLargeDirectories = 0x4000;
    public const uint IncompatInlineData = 0x8000;
    public const uint IncompatEncryption = 0x10000;
    public const uint IncompatCaseFolding = 0x20000;

    /// <summary>Every incompatible feature whose on-disk effect on block allocation this reader knows.</summary>
    public const uint IncompatUnderstood =
        IncompatFileType | IncompatNeedsRecovery | IncompatJournalDevice | IncompatMetaBlockGroups | IncompatExtents
        | Incompat64Bit | IncompatMultiMountProtection | IncompatFlexibleBlockGroups | IncompatExtendedAttributeInodes
        | IncompatDirectoryData | IncompatChecksumSeed | IncompatLargeDirectories | IncompatInlineData
        | IncompatEncryption | IncompatCaseFolding;

    public const uint RoCompatSparseSuper = 0x1;
    public const uint RoCompatGroupDescriptorChecksum = 0x10;
    public const uint RoCompatBigAlloc = 0x200;
    public const uint RoCompatMetadataChecksum = 0x400;
}
