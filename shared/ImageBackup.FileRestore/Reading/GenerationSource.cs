using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.FileRestore.Reading;

/// <summary>
/// Random access to the image of a generation straight from its chunk store: fetches (and verifies) only the chunks a
/// read touches, keeps a bounded LRU cache of decoded chunks, reads ahead for sequential readers and answers zero runs
/// without any fetch, so restoring one file costs about that file's chunks.
/// </summary>
public sealed class GenerationSource : IRandomAccessSource, IPrefetchHint, IDisposable
{
    /// <summary>Reads smaller than this (metadata: inodes, directory blocks) never trigger read-ahead.</summary>
    private const int ReadAheadThreshold = 64 << 10;
    private readonly IReadOnlyList<ChunkExtent> extents;
    private readonly VerifiedChunkReader reader;
    private readonly SemaphoreSlim fetchSlots;
    private readonly CancellationToken cancellationToken;
    private readonly int cacheCapacity;
    private readonly int readAhead;
    private readonly object gate = new();
    private readonly Dictionary<int, LinkedListNode<(int Index, byte[] Data)>> cached = [];
    private readonly LinkedList<(int Index, byte[] Data)> recency = new();
    private readonly Dictionary<int, Task<byte[]>> inFlight = [];
    private long bytesFetched;
    private int chunksFetched;
    private long sequentialOffset = -1;
    private bool disposed;

    /// <summary>Reads the generation described by <paramref name="manifest"/> from <paramref name="store"/>.</summary>
    public GenerationSource(IChunkStore store, ImageManifest manifest, GenerationSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationSourceOptions();
        Manifest = manifest;
        extents = manifest.Extents;
        reader = new VerifiedChunkReader(store, manifest.ChunkSize);
        fetchSlots = new SemaphoreSlim(Math.Max(1, options.ParallelFetches));
        cacheCapacity = (int)Math.Max(2, Math.Min(options.CacheChunks, options.MaxCacheBytes / Math.Max(1, manifest.ChunkSize)));
        readAhead = Math.Max(0, options.ReadAheadChunks);
        this.cancellationToken = cancellationToken;
        Length = manifest.ImageSize;
    }

    /// <summary>The manifest of the generation being read.</summary>
    public ImageManifest Manifest { get; }

    /// <inheritdoc />
    public long Length { get; }

    /// <summary>Decoded bytes of the chunks fetched from the store so far (each fetch counts, cache hits do not).</summary>
    public long BytesFetched => Interlocked.Read(ref bytesFetched);

    /// <summary>Chunks fetched from the store so far.</summary>
    public int ChunksFetched => Volatile.Read(ref chunksFetched);

    /// <summary>Loads the manifest of <paramref name="generationId"/> and opens a source over it.</summary>
    public static async Task<GenerationSource> OpenAsync(IChunkStore store, string generationId, GenerationSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var manifest = await ManifestReader.ReadAsync(store, generationId, cancellationToken);
        return new GenerationSource(store, manifest, options, cancellationToken);
    }

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (destination.IsEmpty)
        {
            return;
        }
        var first = FindExtent(offset);
        var last = FindExtent(offset + destination.Length - 1);
        var sequential = Interlocked.Exchange(ref sequentialOffset, offset + destination.Length) == offset;
        var window = Math.Max(1, readAhead);
        var startedUpTo = first - 1;
        for (var index = first; index <= last; index++)
        {
            // Keep up to `window` fetches of this read running ahead of the chunk being copied.
            for (; startedUpTo < Math.Min(last, index + window); startedUpTo++)
            {
                if (!extents[startedUpTo + 1].IsZero)
                {
                    _ = Start(startedUpTo + 1);
                }
            }
            var extent = extents[index];
            var from = Math.Max(offset, extent.Offset);
            var to = Math.Min(offset + destination.Length, extent.Offset + extent.Length);
            var target = destination.Slice((int)(from - offset), (int)(to - from));
            if (extent.IsZero)
            {
                target.Clear();
                continue;
            }
            var data = Start(index).GetAwaiter().GetResult();
            data.AsSpan((int)(from - extent.Offset), target.Length).CopyTo(target);
        }
        if (destination.Length >= ReadAheadThreshold && (sequential || last > first))
        {
            PrefetchAfter(last);
        }
    }

    /// <inheritdoc />
    public void Prefetch(long offset, long length)
    {
        if (disposed || offset < 0 || length <= 0 || offset >= Length)
        {
            return;
        }
        var last = FindExtent(Math.Min(Length, offset + length) - 1);
        for (var index = FindExtent(offset); index <= last; index++)
        {
            lock (gate)
            {
                // Prefetches never take more than half the cache, so they cannot evict each other before use.
                if (disposed || inFlight.Count >= cacheCapacity / 2)
                {
                    return;
                }
            }
            if (!extents[index].IsZero)
            {
                _ = Start(index);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Task[] pending;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            pending = [.. inFlight.Values];
        }
        try
        {
            Task.WaitAll(pending);
        }
        catch (AggregateException)
        {
            // Read-ahead failures nobody asked for are not errors.
        }
        reader.Dispose();
        fetchSlots.Dispose();
    }

    private void PrefetchAfter(int index)
    {
        var started = 0;
        for (var next = index + 1; next < extents.Count && started < readAhead; next++)
        {
            if (!extents[next].IsZero)
            {
                _ = Start(next);
                started++;
            }
        }
    }

    private Task<byte[]> Start(int index)
    {
        lock (gate)
        {
            if (cached.TryGetValue(index, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return Task.FromResult(node.Value.Data);
            }
            if (inFlight.TryGetValue(index, out var running))
            {
                return running;
            }
            ObjectDisposedException.ThrowIf(disposed, this);
            var task = Task.Run(() => FetchAsync(index));
            inFlight[index] = task;
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return task;
        }
    }

    private async Task<byte[]> FetchAsync(int index)
    {
        var extent = extents[index];
        try
        {
            await fetchSlots.WaitAsync(cancellationToken);
            byte[] data;
            try
            {
                data = new byte[extent.Length];
                await reader.ReadAsync(extent.ChunkId!, extent.Length, content =>
                {
                    content.Span.CopyTo(data);
                    return ValueTask.CompletedTask;
                }, cancellationToken);
            }
            finally
            {
                fetchSlots.Release();
            }
            Interlocked.Add(ref bytesFetched, extent.Length);
            Interlocked.Increment(ref chunksFetched);
            lock (gate)
            {
                inFlight.Remove(index);
                cached[index] = recency.AddFirst((index, data));
                while (cached.Count > cacheCapacity)
                {
                    var oldest = recency.Last!;
                    recency.RemoveLast();
                    cached.Remove(oldest.Value.Index);
                }
            }
            return data;
        }
        catch
        {
            lock (gate)
            {
                inFlight.Remove(index);
            }
            throw;
        }
    }

    private int FindExtent(long offset)
    {
        int low = 0, high = extents.Count - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (extents[middle].Offset <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }
}
