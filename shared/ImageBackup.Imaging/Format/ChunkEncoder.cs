using ImageBackup.Imaging.Format.Zstd;
using ZstdSharp;

namespace ImageBackup.Imaging.Format;

/// <summary>Turns chunk content into a chunk blob (header + zstd or raw payload); one instance per worker because zstd contexts are not thread-safe.</summary>
public sealed class ChunkEncoder : IDisposable
{
    private readonly IZstdCodec codec;

    /// <summary>Creates an encoder compressing at <paramref name="level"/> with the fastest zstd available.</summary>
    public ChunkEncoder(int level)
        : this(ZstdCodecs.Create(level))
    {
    }

    /// <summary>Creates an encoder using <paramref name="codec"/>, which it owns.</summary>
    public ChunkEncoder(IZstdCodec codec) => this.codec = codec;

    /// <summary>Size a destination buffer needs to hold the blob of a chunk of <paramref name="contentLength"/> bytes.</summary>
    public static int MaxBlobLength(int contentLength) => ChunkHeader.Size + Compressor.GetCompressBound(contentLength);

    /// <summary>Encodes <paramref name="content"/> into <paramref name="destination"/> and returns the blob length.</summary>
    public int Encode(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        var payload = destination[ChunkHeader.Size..];
        var compressed = codec.Compress(content, payload);
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
    public void Dispose() => codec.Dispose();
}
