namespace ImageBackup.FileRestore.FileSystems;

/// <summary>
/// A file system read straight from its on-disk structures (no mount, no root), so the agent can list and restore
/// single files from a generation. Implementations: ext2/3/4, XFS v4/v5, NTFS.
/// </summary>
public interface IReadOnlyFileSystem
{
    /// <summary>File-system type as shown to users: "ext2", "ext3", "ext4", "xfs", "ntfs".</summary>
    string Kind { get; }

    /// <summary>Volume label, or null when none is set.</summary>
    string? Label { get; }

    /// <summary>Conditions worth reporting in a listing without refusing to read (e.g. a dirty journal or log).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>The root directory.</summary>
    FileEntry Root { get; }

    /// <summary>Entries of <paramref name="directory"/> without "." and ".."; throws <see cref="CorruptImageException"/> on bad metadata.</summary>
    IEnumerable<FileEntry> List(FileEntry directory);

    /// <summary>Content of a regular file as a read-only seekable stream; holes, sparse and unwritten extents read as zeros.</summary>
    Stream OpenRead(FileEntry file);

    /// <summary>Target text of a symbolic link, exactly as stored (never resolved).</summary>
    string ReadLinkTarget(FileEntry link);
}
