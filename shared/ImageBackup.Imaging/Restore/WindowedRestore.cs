using System.Collections.Concurrent;
using System.Threading.Channels;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.IO;
using ImageBackup.Imaging.Manifests;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.Restore;

/// <summary>
/// The restore data path: workers take extents in image order, fetch and verify each chunk straight into its place in
/// a window buffer; one writer writes each completed window with a single positional write (O_DIRECT for the aligned
/// part when the file system allows it, so the CPU goes to decompressing and hashing rather than copying into the page
/// cache). Zero extents are holes in a file target and written zeros on a device. Memory: a few windows, independent
/// of the image size.
/// </summary>
internal sealed class WindowedRestore : IDisposable
{
    /// <summary>Target bytes per write when the chunk size is smaller.</summary>
    public const int PreferredWindowBytes = 4 * 1024 * 1024;

    private readonly ImageManifest manifest;
    private readonly SafeFileHandle target;
    private readonly string targetName;
    private readonly bool writeZeros;
    private readonly RestoreOptions options;
    private readonly int windowBytes;
    private readonly SemaphoreSlim freeBuffers;
    private readonly ConcurrentBag<AlignedBuffer> idle = [];
    private readonly List<AlignedBuffer> all = [];
    private readonly SemaphoreSlim cursorGate = new(1, 1);
    private readonly Channel<WriteJob> writes = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private SafeFileHandle? direct;
    private int nextExtent;
    private RestoreWindow? open;
    private long restored;

    public WindowedRestore(ImageManifest manifest, SafeFileHandle target, string targetPath, bool writeZeros, RestoreOptions options)
    {
        this.manifest = manifest;
        this.target = target;
        targetName = targetPath;
        this.writeZeros = writeZeros;
        this.options = options;
        windowBytes = Math.Max(1, PreferredWindowBytes / manifest.ChunkSize) * manifest.ChunkSize;
        var chunksInFlight = (long)options.Parallelism * manifest.ChunkSize;
        var count = 2 + (int)((chunksInFlight + windowBytes - 1) / windowBytes);
        freeBuffers = new SemaphoreSlim(count, count);
        direct = DirectFile.TryOpenForWrite(targetPath);
    }

    /// <summary>Restores every extent; throws <see cref="DamagedChunkException"/> (with offset) or <see cref="TargetWriteException"/>.</summary>
    public async Task RunAsync(VerifiedChunkReader reader, CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = Guard(() => WriteAllAsync(failure.Token), failure);
        var workers = Enumerable.Range(0, options.Parallelism)
            .Select(_ => Guard(() => DecodeAllAsync(reader, failure.Token), failure))
            .ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (Exception)
        {
            // Reported below with the writer's outcome, preferring a real failure over the cancellations it caused.
        }
        finally
        {
            writes.Writer.TryComplete();
        }
        var tasks = workers.Append(writer).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException)
        {
            if (tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault() is { } real)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(real);
            }
            throw;
        }
    }

    private static async Task Guard(Func<Task> work, CancellationTokenSource failure)
    {
        try
        {
            await Task.Run(work);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failure.CancelAsync();
            throw;
        }
    }

    private async Task DecodeAllAsync(VerifiedChunkReader reader, CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } job)
        {
            var (window, extent, position) = job;
            try
            {
                await reader.ReadIntoAsync(extent.ChunkId!, window.Buffer.Memory.Slice(position, (int)extent.Length), cancellationToken);
            }
            catch (DamagedChunkException e)
            {
                throw e.At(manifest.GenerationId, extent.Offset);
            }
            if (window.CompleteOne())
            {
                await writes.Writer.WriteAsync(new WriteJob(window, null), cancellationToken);
            }
        }
    }

    /// <summary>Hands out the next data extent with its window; closes windows as the cursor passes them.</summary>
    private async Task<(RestoreWindow Window, ChunkExtent Extent, int Position)?> NextAsync(CancellationToken cancellationToken)
    {
        await cursorGate.WaitAsync(cancellationToken);
        try
        {
            while (nextExtent < manifest.Extents.Count)
            {
                var extent = manifest.Extents[nextExtent];
                if (extent.ChunkId is null)
                {
                    nextExtent++;
                    await CloseOpenWindowAsync(cancellationToken);
                    if (writeZeros)
                    {
                        await writes.Writer.WriteAsync(new WriteJob(null, extent), cancellationToken);
                    }
                    else
                    {
                        Report(extent.Length);
                    }
                    continue;
                }
                if (open is null || !open.CanAppend(extent.Offset, extent.Length))
                {
                    await CloseOpenWindowAsync(cancellationToken);
                    open = new RestoreWindow(extent.Offset, await RentAsync(cancellationToken));
                }
                nextExtent++;
                return (open, extent, open.Append((int)extent.Length));
            }
            await CloseOpenWindowAsync(cancellationToken);
            return null;
        }
        finally
        {
            cursorGate.Release();
        }
    }

    private async Task CloseOpenWindowAsync(CancellationToken cancellationToken)
    {
        if (open is not null && open.Close())
        {
            await writes.Writer.WriteAsync(new WriteJob(open, null), cancellationToken);
        }
        open = null;
    }

    private async Task<AlignedBuffer> RentAsync(CancellationToken cancellationToken)
    {
        await freeBuffers.WaitAsync(cancellationToken);
        if (idle.TryTake(out var buffer))
        {
            return buffer;
        }
        buffer = new AlignedBuffer(windowBytes);
        lock (all)
        {
            all.Add(buffer);
        }
        return buffer;
    }

    private async Task WriteAllAsync(CancellationToken cancellationToken)
    {
        AlignedBuffer? zeros = null;
        await foreach (var job in writes.Reader.ReadAllAsync(cancellationToken))
        {
            if (job.Window is { } window)
            {
                Write(window.Buffer.GetSpan()[..window.Length], window.Offset);
                idle.Add(window.Buffer);
                freeBuffers.Release();
                Report(window.Length);
                continue;
            }
            var extent = job.Zeros!;
            zeros ??= ZeroBuffer();
            for (long done = 0; done < extent.Length; done += zeros.Length)
            {
                var length = (int)Math.Min(zeros.Length, extent.Length - done);
                Write(zeros.GetSpan()[..length], extent.Offset + done);
            }
            Report(extent.Length);
        }
    }

    private AlignedBuffer ZeroBuffer()
    {
        var zeros = new AlignedBuffer(windowBytes);
        zeros.GetSpan().Clear();
        lock (all)
        {
            all.Add(zeros);
        }
        return zeros;
    }

    private void Write(ReadOnlySpan<byte> data, long offset)
    {
        try
        {
            if (!DirectFile.Write(target, direct, data, offset))
            {
                direct?.Dispose();
                direct = null;
            }
        }
        catch (IOException e)
        {
            throw new TargetWriteException(targetName, offset, e);
        }
    }

    private void Report(long bytes) => options.Progress?.Report(Interlocked.Add(ref restored, bytes));

    /// <inheritdoc />
    public void Dispose()
    {
        direct?.Dispose();
        foreach (var buffer in all)
        {
            ((IDisposable)buffer).Dispose();
        }
        freeBuffers.Dispose();
        cursorGate.Dispose();
    }

    private sealed record WriteJob(RestoreWindow? Window, ChunkExtent? Zeros);
}
