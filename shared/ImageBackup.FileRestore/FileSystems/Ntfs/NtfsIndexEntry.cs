namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>One $I30 index entry: the MFT record it names and the $FILE_NAME key's name and namespace.</summary>
internal readonly record struct NtfsIndexEntry(ulong Record, string Name, byte Namespace)
{
    public const byte NamespaceDos = 2;
}
