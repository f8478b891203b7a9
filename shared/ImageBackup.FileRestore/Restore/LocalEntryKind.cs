namespace ImageBackup.FileRestore.Restore;

/// <summary>What already sits at a local path, seen without following links.</summary>
internal enum LocalEntryKind
{
    None,
    Directory,
    File,
    Link,
}
