using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>The volume bytes together with the validated superblock, so readers translate XFS addresses in one place.</summary>
internal sealed record XfsVolume(IRandomAccessSource Source, XfsSuperblock Superblock);
