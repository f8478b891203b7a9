using System.Collections.Concurrent;
using ImageBackup.Imaging.Format;

namespace ImageBackup.Imaging.Restore;

/// <summary>Reuses zstd decoders across parallel chunk reads, because a decoder is not thread-safe but costly to create per chunk.</summary>
internal sealed class DecoderPool : IDisposable
{
    private readonly ConcurrentBag<ChunkDecoder> idle = [];

    /// <summary>Takes an idle decoder or creates one.</summary>
    public ChunkDecoder Take() => idle.TryTake(out var decoder) ? decoder : new ChunkDecoder();

    /// <summary>Gives a decoder back for reuse.</summary>
    public void Return(ChunkDecoder decoder) => idle.Add(decoder);

    /// <inheritdoc />
    public void Dispose()
    {
        while (idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }
    }
}
