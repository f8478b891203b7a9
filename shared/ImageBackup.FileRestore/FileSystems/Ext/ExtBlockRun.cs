namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>A run of logical blocks of a file: where it starts on disk, or a hole (Physical &lt; 0) that reads as zeros.</summary>
internal readonly record struct ExtBlockRun(long Physical, long Count)
{
    /// <summary>True when the run reads as zeros (hole or uninitialized extent).</summary>
    public bool IsHole => Physical < 0;
}
