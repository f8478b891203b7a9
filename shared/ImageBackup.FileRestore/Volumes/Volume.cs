using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>One volume of a disk image (partition, logical volume or the bare disk) with what a probe found on it, so users can pick it by name.</summary>
/// <param name="Name">Name used in paths: <c>p1</c>, <c>p5</c>, <c>vg_root/lv_root</c> or <c>disk</c>.</param>
/// <param name="Kind">Partition, logical volume or disk.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="FileSystem">"ext2"…"ext4", "xfs", "ntfs", "refs", "LVM2_member", "swap", "vfat"…, or null when nothing was recognised.</param>
/// <param name="Label">Label from the file-system superblock, or the GPT partition name, or null.</param>
/// <param name="Description">Partition type or LV layout, e.g. "MBR type 0x83" or "striped, 2 stripes".</param>
/// <param name="Refusal">Why the volume cannot be opened for file restore (null when it can be tried).</param>
/// <param name="Source">The bytes of the volume.</param>
public sealed record Volume(
    string Name,
    VolumeKind Kind,
    long Size,
    string? FileSystem,
    string? Label,
    string Description,
    string? Refusal,
    IRandomAccessSource Source);
