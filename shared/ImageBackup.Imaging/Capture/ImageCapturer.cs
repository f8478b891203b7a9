using System.Buffers;
using System.Threading.Channels;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// Captures a source image into a chunk store as one generation: read → hash/compress/upload on parallel workers
/// (files and devices: each worker reads its own blocks with positional reads; pipes: one reader and a channel) →
/// manifest last (conditional create), so a generation is whole or absent and memory is bounded by chunk size × parallelism.
/// </summary>
public sealed class ImageCapturer(IChunkStore store)
{
    /// <summary>Reads <paramref name="source"/> to its end and returns the committed manifest.</summary>
    public async Task<ImageManifest> CaptureAsync(Stream source, CaptureOptions options, CancellationToken cancellationToken = default)
    {
        CheckOptions(source, options);
        var usedRanges = ReadAllocationMap(source, options);
        var totalBytes = SourceLength.Of(source);
        var pool = ArrayPool<byte>.Create(options.ChunkSize, options.Parallelism * 2 + 2);
        var counters = new CaptureCounters();
        var throttle = options.BandwidthLimit is { } limit ? new BandwidthThrottle(limit) : null;
        var claimed = new RecentChunkClaims(capacity: 65536);
        using var cache = await ChangeCache.OpenAsync(store, options, cancellationToken);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnRead(long bytesRead) => options.Progress?.Report(new CaptureProgress(bytesRead, totalBytes, counters.NewBytesStored));
        ChunkWorker NewWorker() => new(store, pool, options.ChunkSize, options.CompressionLevel, throttle, claimed, counters, cache);

        var imageSize = source is FileStream file && totalBytes is { } length
            ? await ReadPositionallyAsync(file, length, usedRanges, options, NewWorker, OnRead, failure)
            : await ReadSequentiallyAsync(source, usedRanges, options, pool, NewWorker, OnRead, failure);
        cache.Next.Finish((imageSize + options.ChunkSize - 1) / options.ChunkSize);

        var jsonPath = Path.Combine(Path.GetTempPath(), $"imagebackup-manifest-{Guid.NewGuid():N}.json");
        try
        {
            await using var json = new FileStream(jsonPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            var manifest = ManifestBuilder.Build(GenerationId.New(options.Source.CapturedAt), options, cache.Next, imageSize, counters, json);
            json.Position = 0;
            if (!await store.PutManifestIfAbsentAsync(manifest.GenerationId, json, cancellationToken))
            {
                throw new IOException($"generation {manifest.GenerationId} already exists in {store.Description}");
            }
            cache.Commit(manifest.GenerationId);
            return manifest;
        }
        finally
        {
            File.Delete(jsonPath);
        }
    }

    private static async Task<long> ReadPositionallyAsync(
        FileStream file, long length, IReadOnlyList<ByteRange>? usedRanges, CaptureOptions options,
        Func<ChunkWorker> newWorker, Action<long> onRead, CancellationTokenSource failure)
    {
        var reader = new PositionalBlockReader(file.SafeFileHandle, length, options.ChunkSize, usedRanges, onRead);
        var tasks = new List<Task>();
        for (var i = 0; i < options.Parallelism; i++)
        {
            var worker = newWorker();
            tasks.Add(RunAsync(() => worker.RunAsync(reader, failure.Token), failure));
        }
        await WhenAllOrFirstFailure(tasks);
        return length;
    }

    private static async Task<long> ReadSequentiallyAsync(
        Stream source, IReadOnlyList<ByteRange>? usedRanges, CaptureOptions options, ArrayPool<byte> pool,
        Func<ChunkWorker> newWorker, Action<long> onRead, CancellationTokenSource failure)
    {
        var channel = Channel.CreateBounded<CaptureBlock>(new BoundedChannelOptions(options.Parallelism) { SingleWriter = true });
        var reader = new SourceBlockReader(source, options.ChunkSize, pool, usedRanges);
        var tasks = new List<Task>
        {
            RunAsync(async () =>
            {
                await reader.ReadAllAsync(channel.Writer, onRead, failure.Token);
                channel.Writer.Complete();
            }, failure),
        };
        for (var i = 0; i < options.Parallelism; i++)
        {
            var worker = newWorker();
            tasks.Add(RunAsync(() => worker.RunAsync(channel.Reader, failure.Token), failure));
        }
        await WhenAllOrFirstFailure(tasks);
        return reader.Length;
    }

    private static void CheckOptions(Stream source, CaptureOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, ImageFormat.MinChunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ChunkSize, ImageFormat.MaxChunkSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        if (options.UsedRanges is not null && !source.CanSeek)
        {
            throw new ArgumentException("capturing used blocks only needs a seekable source (not a pipe)", nameof(source));
        }
    }

    private static IReadOnlyList<ByteRange>? ReadAllocationMap(Stream source, CaptureOptions options)
    {
        if (options.UsedRanges is null)
        {
            return null;
        }
        try
        {
            var ranges = options.UsedRanges.GetUsedRanges(source);
            source.Seek(0, SeekOrigin.Begin);
            return ranges;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new AllocationMapException($"cannot read which blocks of the source are used: {e.Message}", e);
        }
    }

    private static async Task RunAsync(Func<Task> work, CancellationTokenSource failure)
    {
        try
        {
            await Task.Run(work);
        }
        catch
        {
            await failure.CancelAsync();
            throw;
        }
    }

    private static async Task WhenAllOrFirstFailure(List<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException)
        {
            var real = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault();
            if (real is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(real);
            }
            throw;
        }
    }
}
