namespace ImageBackup.FileRestore.FileSystems;

/// <summary>
/// Optional ability of a file system to find one name in a directory while reading only that entry's node, so path
/// resolution through large directories does not read every inode (readers without it are searched via List).
/// </summary>
public interface IDirectoryLookup
{
    /// <summary>The entry called exactly <paramref name="name"/> in <paramref name="directory"/>, or null.</summary>
    FileEntry? Find(FileEntry directory, string name);
}
