namespace ImageBackup.FileRestore.Volumes;

/// <summary>Where a volume was found, so listings say whether a name is a partition, an LVM logical volume or the whole disk.</summary>
public enum VolumeKind
{
    /// <summary>The disk holds a file system without a partition table.</summary>
    Disk,

    /// <summary>An MBR (primary or logical) or GPT partition.</summary>
    Partition,

    /// <summary>An LVM2 logical volume.</summary>
    LogicalVolume,
}
