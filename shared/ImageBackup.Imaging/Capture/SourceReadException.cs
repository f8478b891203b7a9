namespace ImageBackup.Imaging.Capture;

/// <summary>Raised when the source device or file fails mid-read, so the CLI reports the offset and its own exit code.</summary>
public sealed class SourceReadException(long offset, Exception inner)
    : Exception($"cannot read the source at offset {offset}: {inner.Message}", inner)
{
    /// <summary>Offset of the failed read.</summary>
    public long Offset { get; } = offset;
}
