using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;

namespace ImageBackup.Imaging.Capture;

/// <summary>Settings of one capture, so the CLI, the service and the bench drive the same pipeline.</summary>
public sealed record CaptureOptions
{
    /// <summary>Where the image comes from; written into the manifest.</summary>
    public required SourceMetadata Source { get; init; }

    /// <summary>Fixed chunk size in bytes.</summary>
    public int ChunkSize { get; init; } = ImageFormat.DefaultChunkSize;

    /// <summary>zstd level for new chunks.</summary>
    public int CompressionLevel { get; init; } = ImageFormat.DefaultCompressionLevel;

    /// <summary>Number of hash/compress/upload workers; memory is about 3 × chunk size × this.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Upper bound on bytes per second sent to the store, or null for no limit.</summary>
    public long? BandwidthLimit { get; init; }

    /// <summary>Allocation map of the source; bytes outside its ranges are captured as zeros. Needs a seekable source.</summary>
    public IUsedRangeSource? UsedRanges { get; init; }

    /// <summary>
    /// Local directory for the change cache (the block index of the last capture of this source into this store), or
    /// null for none. With it, a block whose fingerprint did not change costs no SHA-256, no existence check and no
    /// compression (docs/image-format.md §7).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Generations the caller vouches are committed and kept in the store (the service lists them in a capture command),
    /// so the change cache of one of them is trusted even when the store cannot be read (a create/write-only SAS).
    /// </summary>
    public IReadOnlyCollection<string> KnownGenerations { get; init; } = [];

    /// <summary>Receives progress after every chunk read.</summary>
    public IProgress<CaptureProgress>? Progress { get; init; }
}
