namespace ImageBackup.Imaging.Format;

/// <summary>How the payload of a chunk blob is encoded, so incompressible chunks can be stored as they are.</summary>
public enum CompressionKind : byte
{
    /// <summary>The payload is the chunk content itself (zstd did not shrink it).</summary>
    None = 0,

    /// <summary>The payload is one zstd frame.</summary>
    Zstd = 1,
}
