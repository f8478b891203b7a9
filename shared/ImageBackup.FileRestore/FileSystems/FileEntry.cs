namespace ImageBackup.FileRestore.FileSystems;

/// <summary>One entry of a directory listing, with the node id its file system needs to open it again.</summary>
/// <param name="Name">Name inside its directory (Win32 name on NTFS); empty for the root.</param>
/// <param name="Kind">File, directory, symlink or other.</param>
/// <param name="Size">Logical size in bytes (0 for directories when the file system does not say).</param>
/// <param name="ModifiedAt">Last modification time.</param>
/// <param name="UnixMode">Permission bits (e.g. 0644) on Unix file systems; null on NTFS.</param>
/// <param name="NodeId">Inode number, or MFT record number on NTFS.</param>
public sealed record FileEntry(string Name, FileEntryKind Kind, long Size, DateTimeOffset ModifiedAt, int? UnixMode, ulong NodeId);
