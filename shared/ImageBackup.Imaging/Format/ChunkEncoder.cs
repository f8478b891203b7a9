using ZstdSharp;

namespace ImageBackup.Imaging.Format;

/// <summary>Turns chunk content into a chunk blob (header + zstd or raw payload); one instance per worker because zstd contexts are not thread-safe.</summary>
public sealed class ChunkEncoder : IDisposable
{
    private readonly Compressor compressor;

    /// <summary>Creates an encoder compressing at <paramref name="level"/>.</summary>
    public ChunkEncoder(int level) => compressor = new Compressor(level);

    /// <summary>Size a destination buffer needs to hold the blob of a chunk of <paramref name="contentLength"/> bytes.</summary>
    public static int MaxBlobLength(int contentLength) => ChunkHeader.Size + Compressor.GetCompressBound(contentLength);

    /// <summary>Encodes <paramref name="content"/> into <paramref name="destination"/> and returns the blob length.</summary>
    public int Encode(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        var payload = destination[ChunkHeader.Size..];
        var compressed = compressor.Wrap(content, payload);
        var kind = CompressionKind.Zstd;
        if (compressed >= content.Length)
        {
            content.CopyTo(payload);
            compressed = content.Length;
            kind = CompressionKind.None;
        }
        new ChunkHeader(kind, content.Length, compressed).WriteTo(destination);
        return ChunkHeader.Size + compressed;
    }

    /// <inheritdoc />
    public void Dispose() => compressor.Dispose();
}
