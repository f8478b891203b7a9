using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Ext;
using ImageBackup.FileRestore.FileSystems.Ntfs;
using ImageBackup.FileRestore.FileSystems.Xfs;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.UsedBlocks;

/// <summary>
/// The one place a volume's allocation map is chosen (ext block bitmaps, XFS bnobt, NTFS $Bitmap), so a capture knows
/// which bytes of a volume no file system structure uses. The file system is first opened with the file-restore reader:
/// a warning (dirty journal or log, unclean or unfinished file system) means its map cannot be trusted.
/// </summary>
internal static class VolumeFreeSpace
{
    /// <summary>Whether <paramref name="volume"/> holds a file system whose free space is read.</summary>
    public static bool IsUnderstood(Volume volume) =>
        volume.Refusal is null && volume.FileSystem is "ext2" or "ext3" or "ext4" or "xfs" or "ntfs";

    /// <summary>
    /// The free ranges of <paramref name="volume"/> (offsets in the volume), sorted; throws <see cref="CorruptImageException"/>,
    /// <see cref="UnsupportedLayoutException"/> or <see cref="InvalidDataException"/> with the reason it cannot be trusted.
    /// </summary>
    public static List<ByteRange> Read(Volume volume)
    {
        var fileSystem = FileSystemFactory.Open(volume);
        if (fileSystem.Warnings.Count > 0)
        {
            throw new UnsupportedLayoutException($"its allocation map may be stale ({string.Join(" ", fileSystem.Warnings)})");
        }
        switch (volume.FileSystem)
        {
            case "xfs":
                return XfsFreeSpace.Collect(new XfsVolume(volume.Source, XfsSuperblock.Read(volume.Source)));
            case "ntfs":
                return NtfsFreeSpace.Collect(NtfsVolume.Open(volume.Source));
            default:
                var free = new FreeRangeCollector();
                ExtFreeSpace.Collect(volume.Source, free);
                return free.Ranges;
        }
    }
}
