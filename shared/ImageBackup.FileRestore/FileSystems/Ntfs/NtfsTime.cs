namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>Converts NTFS FILETIME values (100 ns since 1601 UTC), clamping hostile values instead of throwing.</summary>
internal static class NtfsTime
{
    private static readonly long MaxFileTime = DateTime.MaxValue.ToFileTimeUtc();

    public static DateTimeOffset FromFileTime(long value) =>
        new(DateTime.FromFileTimeUtc(Math.Clamp(value, 0, MaxFileTime)), TimeSpan.Zero);
}
