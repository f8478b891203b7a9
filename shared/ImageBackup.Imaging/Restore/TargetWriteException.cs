namespace ImageBackup.Imaging.Restore;

/// <summary>Raised when the restore target cannot be written (full disk, I/O error), so the CLI reports the offset and its own exit code.</summary>
public sealed class TargetWriteException(string target, long offset, Exception inner)
    : Exception($"cannot write {target} at image offset {offset}: {inner.Message}", inner)
{
    /// <summary>Image offset of the failed write.</summary>
    public long Offset { get; } = offset;

    /// <summary>True when the cause is a full disk (ENOSPC).</summary>
    public bool DiskFull => InnerException is IOException { HResult: 28 } || InnerException!.Message.Contains("No space left", StringComparison.Ordinal);
}
