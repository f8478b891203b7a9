using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Threading.Channels;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.IO;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// One capture worker: skips zero blocks; a block whose XXH128 fingerprint equals the previous capture's at the same
/// position reuses that chunk id (no SHA-256, no existence check, no compression); any other block is hashed with
/// SHA-256, checked against the store and only then compressed and uploaded, so incrementals spend CPU and requests
/// on changed blocks only.
/// </summary>
internal sealed class ChunkWorker(
    IChunkStore store,
    ArrayPool<byte> pool,
    int maxChunkSize,
    int compressionLevel,
    BandwidthThrottle? throttle,
    RecentChunkClaims claimed,
    CaptureCounters counters,
    ChangeCache cache)
{
    /// <summary>Processes blocks until the channel completes, returning every buffer to the pool.</summary>
    public async Task RunAsync(ChannelReader<CaptureBlock> input, CancellationToken cancellationToken)
    {
        using var encoder = new ChunkEncoder(compressionLevel);
        using var blob = new AlignedBuffer(ChunkEncoder.MaxBlobLength(maxChunkSize));
        await foreach (var block in input.ReadAllAsync(cancellationToken))
        {
            try
            {
                await ProcessAsync(block, encoder, blob, cancellationToken);
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
        using var blob = new AlignedBuffer(ChunkEncoder.MaxBlobLength(maxChunkSize));
        while (!cancellationToken.IsCancellationRequested && input.TryReadNext(pool) is { } block)
        {
            if (block.Buffer is null)
            {
                continue;
            }
            try
            {
                await ProcessAsync(block, encoder, blob, cancellationToken);
            }
            finally
            {
                pool.Return(block.Buffer!);
                block.Buffer = null;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProcessAsync(CaptureBlock block, ChunkEncoder encoder, AlignedBuffer blob, CancellationToken cancellationToken)
    {
        var id = IdentifyChanged(block);
        if (id is null || !claimed.TryClaim(id) || await store.ExistsAsync(id, cancellationToken))
        {
            return;
        }
        var length = encoder.Encode(block.Buffer.AsSpan(0, block.Length), blob.GetSpan());
        if (throttle is not null)
        {
            await throttle.WaitAsync(length, cancellationToken);
        }
        if (await store.PutIfAbsentAsync(id, blob.Memory[..length], cancellationToken))
        {
            counters.AddNewChunk(length);
        }
    }

    /// <summary>Records the block in the new index; returns the chunk id when the block may be new to the store, null when it is zeros or unchanged.</summary>
    private string? IdentifyChanged(CaptureBlock block)
    {
        var content = block.Buffer.AsSpan(0, block.Length);
        if (content.IndexOfAnyExcept((byte)0) < 0)
        {
            return null;
        }
        Span<byte> fingerprint = stackalloc byte[BlockIndexFile.FingerprintSize];
        XxHash128.Hash(content, fingerprint, unchecked((long)cache.Next.Seed));
        Span<byte> previous = stackalloc byte[BlockIndexFile.RecordSize];
        if (cache.Previous is { } last && last.TryRead(block.Index, previous)
            && previous[..BlockIndexFile.FingerprintSize].SequenceEqual(fingerprint)
            && previous[BlockIndexFile.FingerprintSize..].IndexOfAnyExcept((byte)0) >= 0)
        {
            cache.Next.Write(block.Index, fingerprint, previous[BlockIndexFile.FingerprintSize..]);
            counters.AddUnchanged();
            return null;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        cache.Next.Write(block.Index, fingerprint, hash);
        return Convert.ToHexStringLower(hash);
    }
}
