namespace ImageBackup.Imaging.Restore;

/// <summary>Settings of one restore, so the CLI and the service drive the same code.</summary>
public sealed record RestoreOptions
{
    /// <summary>Number of chunks fetched, verified and written at once; memory is about 3 × chunk size × this.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether a file target is fsynced before it is renamed into place. Off by default, like restic and borg: the
    /// page cache writes it back; a device target is always flushed.
    /// </summary>
    public bool FlushFileToDisk { get; init; }

    /// <summary>Receives the number of image bytes restored so far.</summary>
    public IProgress<long>? Progress { get; init; }
}
