using ImageBackup.Imaging.Format.Zstd;

namespace ImageBackup.Imaging.Format;

/// <summary>Turns a chunk blob back into content and re-hashes it, so nothing unverified is ever returned; one instance per worker.</summary>
public sealed class ChunkDecoder : IDisposable
{
    private readonly IZstdCodec codec;

    /// <summary>Creates a decoder with the fastest zstd available.</summary>
    public ChunkDecoder()
        : this(ZstdCodecs.Create(ImageFormat.DefaultCompressionLevel))
    {
    }

    /// <summary>Creates a decoder using <paramref name="codec"/>, which it owns.</summary>
    public ChunkDecoder(IZstdCodec codec) => this.codec = codec;

    /// <summary>
    /// Decodes <paramref name="blob"/> into <paramref name="destination"/>, checks that the content hashes to
    /// <paramref name="chunkId"/> and returns the content length. Throws <see cref="DamagedChunkException"/> otherwise.
    /// </summary>
    public int DecodeVerified(string chunkId, ReadOnlySpan<byte> blob, Span<byte> destination)
    {
        var header = ChunkHeader.TryRead(blob, out var problem)
            ?? throw new DamagedChunkException(chunkId, problem!);
        if (header.UncompressedLength > destination.Length)
        {
            throw new DamagedChunkException(chunkId, "chunk is larger than the chunk size of the manifest");
        }
        var payload = blob[ChunkHeader.Size..];
        var target = destination[..header.UncompressedLength];
        if (header.Compression == CompressionKind.None)
        {
            if (payload.Length != header.UncompressedLength)
            {
                throw new DamagedChunkException(chunkId, "raw payload length differs from the header");
            }
            payload.CopyTo(target);
        }
        else
        {
            Decompress(chunkId, payload, target);
        }
        if (ChunkHash.Compute(target) != chunkId)
        {
            throw new DamagedChunkException(chunkId, "content does not match its SHA-256 (corrupt chunk)");
        }
        return header.UncompressedLength;
    }

    private void Decompress(string chunkId, ReadOnlySpan<byte> payload, Span<byte> target)
    {
        int written;
        try
        {
            written = codec.Decompress(payload, target);
        }
        catch (InvalidDataException e)
        {
            throw new DamagedChunkException(chunkId, "zstd payload cannot be decompressed: " + e.Message);
        }
        if (written != target.Length)
        {
            throw new DamagedChunkException(chunkId, "decompressed length differs from the header");
        }
    }

    /// <inheritdoc />
    public void Dispose() => codec.Dispose();
}
