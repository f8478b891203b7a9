namespace ImageBackup.Imaging.Format;

/// <summary>Constants of the on-store image format, so every reader and writer agrees on one version (see docs/image-format.md).</summary>
public static class ImageFormat
{
    /// <summary>Version written into manifests and chunk headers; readers refuse newer versions.</summary>
    public const int Version = 1;

    /// <summary>Default fixed chunk size: 256 KiB, chosen by measurement of nightly churn (docs/image-format.md).</summary>
    public const int DefaultChunkSize = 256 * 1024;

    /// <summary>Smallest chunk size accepted, so a manifest cannot explode into millions of tiny extents.</summary>
    public const int MinChunkSize = 64 * 1024;

    /// <summary>Largest chunk size accepted, so memory stays bounded by chunk size × parallelism.</summary>
    public const int MaxChunkSize = 16 * 1024 * 1024;

    /// <summary>Default zstd level, chosen by measurement (docs/image-format.md).</summary>
    public const int DefaultCompressionLevel = 1;
}
