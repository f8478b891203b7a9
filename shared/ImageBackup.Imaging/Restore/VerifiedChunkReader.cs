using System.Buffers;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Restore;

/// <summary>Fetches a chunk and hands out its content only after it re-hashes to its id, so restore and verify never see unverified bytes.</summary>
public sealed class VerifiedChunkReader(IChunkStore store, int chunkSize) : IDisposable
{
    private readonly ArrayPool<byte> pool = ArrayPool<byte>.Shared;
    private readonly DecoderPool decoders = new();

    /// <summary>
    /// Reads chunk <paramref name="chunkId"/> into a pooled buffer and calls <paramref name="consume"/> with the verified content.
    /// Throws <see cref="DamagedChunkException"/> when the chunk is missing or damaged.
    /// </summary>
    public async Task ReadAsync(string chunkId, long expectedLength, Func<ReadOnlyMemory<byte>, ValueTask> consume, CancellationToken cancellationToken)
    {
        var blob = pool.Rent(ChunkEncoder.MaxBlobLength(chunkSize));
        var content = pool.Rent(chunkSize);
        var decoder = decoders.Take();
        try
        {
            var blobLength = await store.GetAsync(chunkId, blob, cancellationToken);
            var length = decoder.DecodeVerified(chunkId, blob.AsSpan(0, blobLength), content.AsSpan(0, chunkSize));
            if (length != expectedLength)
            {
                throw new DamagedChunkException(chunkId, $"chunk holds {length} bytes, the manifest expects {expectedLength}");
            }
            await consume(content.AsMemory(0, length));
        }
        finally
        {
            decoders.Return(decoder);
            pool.Return(content);
            pool.Return(blob);
        }
    }

    /// <summary>
    /// Reads chunk <paramref name="chunkId"/> and decodes it straight into <paramref name="destination"/>, whose length is
    /// the length the manifest expects; the bytes there are only meaningful when this returns (no extra copy for restore).
    /// Throws <see cref="DamagedChunkException"/> when the chunk is missing, damaged or of another length.
    /// </summary>
    public async Task ReadIntoAsync(string chunkId, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var blob = pool.Rent(ChunkEncoder.MaxBlobLength(chunkSize));
        var decoder = decoders.Take();
        try
        {
            var blobLength = await store.GetAsync(chunkId, blob, cancellationToken);
            var header = ChunkHeader.TryRead(blob.AsSpan(0, blobLength), out var problem)
                ?? throw new DamagedChunkException(chunkId, problem!);
            if (header.UncompressedLength != destination.Length)
            {
                throw new DamagedChunkException(chunkId, $"chunk holds {header.UncompressedLength} bytes, the manifest expects {destination.Length}");
            }
            decoder.DecodeVerified(chunkId, blob.AsSpan(0, blobLength), destination.Span);
        }
        finally
        {
            decoders.Return(decoder);
            pool.Return(blob);
        }
    }

    /// <inheritdoc />
    public void Dispose() => decoders.Dispose();
}
