namespace ImageBackup.FileRestore.FileSystems;

/// <summary>What a directory entry is, so listings and restores treat files, directories and links differently.</summary>
public enum FileEntryKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (never followed by restores).</summary>
    Symlink,

    /// <summary>A device node, FIFO, socket or other special file (listed, not restored).</summary>
    Other,
}
