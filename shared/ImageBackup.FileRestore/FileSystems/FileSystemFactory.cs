using ImageBackup.FileRestore.FileSystems.Ext;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.FileSystems;

/// <summary>The one place a file-system reader is chosen for a volume, so the CLI and tests open ext, XFS and NTFS the same way.</summary>
public static class FileSystemFactory
{
    /// <summary>Opens the file system of <paramref name="volume"/>; throws <see cref="UnsupportedLayoutException"/> for refused volumes.</summary>
    public static IReadOnlyFileSystem Open(Volume volume)
    {
        if (volume.Refusal is not null)
        {
            throw new UnsupportedLayoutException($"{volume.Name}: {volume.Refusal}");
        }
        return Open(volume.FileSystem ?? "", volume.Source);
    }

    /// <summary>Opens a file system of type <paramref name="type"/> ("ext2", "ext3", "ext4", "xfs", "ntfs") at the start of <paramref name="source"/>.</summary>
    public static IReadOnlyFileSystem Open(string type, IRandomAccessSource source) => type switch
    {
        "ext2" or "ext3" or "ext4" => ExtFileSystem.Open(source),
        "xfs" => Xfs.XfsFileSystem.Open(source),
        "ntfs" => Ntfs.NtfsFileSystem.Open(source),
        _ => throw new UnsupportedLayoutException($"file system '{type}' is not read by file restore"),
    };
}
