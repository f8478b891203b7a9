using System.Buffers;
using System.Threading.Channels;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// One capture worker: skips zero blocks, hashes, asks the store whether the chunk exists and only then compresses and
/// uploads, so incrementals spend no CPU on unchanged chunks.
/// </summary>
internal sealed class ChunkWorker(
    IChunkStore store,
    ArrayPool<byte> pool,
    int compressionLevel,
    BandwidthThrottle? throttle,
    RecentChunkClaims claimed,
    CaptureCounters counters)
{
    /// <summary>Processes blocks until the channel completes, returning every buffer to the pool.</summary>
    public async Task RunAsync(ChannelReader<CaptureBlock> input, CancellationToken cancellationToken)
    {
        using var encoder = new ChunkEncoder(compressionLevel);
        await foreach (var block in input.ReadAllAsync(cancellationToken))
        {
            try
            {
                await ProcessAsync(block, encoder, cancellationToken);
            }
            finally
            {
                pool.Return(block.Buffer!);
                block.Buffer = null;
            }
        }
    }

    /// <summary>Reads and processes blocks with positional reads until the source is exhausted, returning every buffer to the pool.</summary>
    public async Task RunAsync(PositionalBlockReader input, CancellationToken cancellationToken)
    {
        using var encoder = new ChunkEncoder(compressionLevel);
        while (!cancellationToken.IsCancellationRequested && input.TryReadNext(pool) is { } block)
        {
            if (block.Buffer is null)
            {
                continue;
            }
            try
            {
                await ProcessAsync(block, encoder, cancellationToken);
            }
            finally
            {
                pool.Return(block.Buffer!);
                block.Buffer = null;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProcessAsync(CaptureBlock block, ChunkEncoder encoder, CancellationToken cancellationToken)
    {
        var id = HashUnlessZero(block);
        block.ChunkId = id;
        if (id is null || !claimed.TryClaim(id) || await store.ExistsAsync(id, cancellationToken))
        {
            return;
        }
        var blob = pool.Rent(ChunkEncoder.MaxBlobLength(block.Length));
        try
        {
            var length = encoder.Encode(block.Buffer.AsSpan(0, block.Length), blob);
            if (throttle is not null)
            {
                await throttle.WaitAsync(length, cancellationToken);
            }
            if (await store.PutIfAbsentAsync(id, blob.AsMemory(0, length), cancellationToken))
            {
                counters.AddNewChunk(length);
            }
        }
        finally
        {
            pool.Return(blob);
        }
    }

    private static string? HashUnlessZero(CaptureBlock block)
    {
        var content = block.Buffer.AsSpan(0, block.Length);
        return content.IndexOfAnyExcept((byte)0) < 0 ? null : ChunkHash.Compute(content);
    }
}
