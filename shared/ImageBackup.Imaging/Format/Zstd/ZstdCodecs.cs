namespace ImageBackup.Imaging.Format.Zstd;

/// <summary>
/// Picks the zstd implementation: native libzstd when installed (2× faster), else the managed port. Both write and
/// read standard zstd frames, so blobs are interchangeable. IMAGEBACKUP_ZSTD=managed forces the managed port.
/// </summary>
public static class ZstdCodecs
{
    /// <summary>True when <see cref="Create"/> returns the native codec.</summary>
    public static bool UsesNative =>
        NativeZstdCodec.IsAvailable
        && !string.Equals(Environment.GetEnvironmentVariable("IMAGEBACKUP_ZSTD"), "managed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a codec compressing at <paramref name="level"/>.</summary>
    public static IZstdCodec Create(int level) => UsesNative ? new NativeZstdCodec(level) : new ManagedZstdCodec(level);
}
