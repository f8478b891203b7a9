namespace ImageBackup.Imaging.Restore;

/// <summary>Settings of one restore, so the CLI and the service drive the same code.</summary>
public sealed record RestoreOptions
{
    /// <summary>Number of chunks fetched, verified and written at once; memory is about 3 × chunk size × this.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives the number of image bytes restored so far.</summary>
    public IProgress<long>? Progress { get; init; }
}
