namespace ImageBackup.Imaging.Format.Zstd;

/// <summary>One zstd compression and decompression context (not thread-safe), so the format can use native libzstd where present and the managed port elsewhere.</summary>
public interface IZstdCodec : IDisposable
{
    /// <summary>Name of the implementation, for logs and measurements.</summary>
    string Name { get; }

    /// <summary>Compresses <paramref name="source"/> into one zstd frame in <paramref name="destination"/>; returns its length.</summary>
    int Compress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decompresses one zstd frame; returns the content length. Throws <see cref="InvalidDataException"/> on a damaged frame.</summary>
    int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
