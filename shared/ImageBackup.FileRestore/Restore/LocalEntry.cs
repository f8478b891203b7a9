namespace ImageBackup.FileRestore.Restore;

/// <summary>Looks at a local path without following a symbolic link in its last component, so the restorer never mistakes a link for what it points to.</summary>
internal static class LocalEntry
{
    /// <summary>What is at <paramref name="path"/>.</summary>
    public static LocalEntryKind Inspect(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return LocalEntryKind.Link;
        }
        if (Directory.Exists(path))
        {
            return LocalEntryKind.Directory;
        }
        return File.Exists(path) ? LocalEntryKind.File : LocalEntryKind.None;
    }
}
