using System.Reflection;
using ImageBackup.Agent.Console;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// Carries out one capture command with the same pipeline as <c>imagebackup-agent capture</c>: the source into the
/// night's SAS store, cancelled at the deadline and never committing a manifest after it; the change cache (the block
/// index of the last capture) lives in the state directory.
/// </summary>
internal sealed class CaptureRunner(AgentDaemonOptions options, string? cacheDirectory, ILogger logger)
{
    private static readonly string ToolVersion =
        "imagebackup-agent " + (typeof(CaptureRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(30);

    /// <summary>Captures and returns the outcome; throws <see cref="OperationCanceledException"/> only when <paramref name="stop"/> fired (the daemon is stopping).</summary>
    public async Task<CaptureOutcome> RunAsync(CapturePayload payload, CancellationToken stop)
    {
        var time = options.Time;
        var left = payload.Deadline - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return CaptureOutcome.Failed($"deadline passed: the deadline {payload.Deadline:O} passed before the capture started", ExitCodes.Interrupted);
        }

        // Timers reach at most ~49 days; a deadline further away (a clock far off) is still enforced at the manifest.
        using var deadline = left < MaxTimer ? new CancellationTokenSource(left, time) : new CancellationTokenSource();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        var started = time.GetTimestamp();
        try
        {
            var sourcePath = Path.GetFullPath(options.Source);
            await using var input = SourceOpener.Open(sourcePath);
            var store = new DeadlineGuardedStore(ChunkStoreFactory.Open(payload.Store, createIfMissing: true), payload.Deadline, time);
            var captureOptions = new CaptureOptions
            {
                Source = new SourceMetadata(options.HostName, options.OperatingSystem, sourcePath, time.GetUtcNow(), ToolVersion, options.UsedBlocksOnly),
                Parallelism = Math.Max(1, options.Parallelism ?? Math.Max(8, 4 * Environment.ProcessorCount)),
                BandwidthLimit = options.BandwidthLimit,
                UsedRanges = options.UsedBlocksOnly ? new DiskUsedRangeReader(note => logger.LogInformation("Used blocks: {Note}", note)) : null,
                CacheDirectory = cacheDirectory,
                KnownGenerations = payload.KeptGenerations ?? [],
            };
            logger.LogInformation("Capturing {Source} into {Store} for {CaptureId} (deadline {Deadline:O})",
                sourcePath, LogSafe.StoreUrl(payload.Store), payload.CaptureId, payload.Deadline);
            var manifest = await new ImageCapturer(store).CaptureAsync(input, captureOptions, cancellation.Token);
            var totals = manifest.Totals;
            logger.LogInformation("Committed generation {GenerationId} for {CaptureId} in {Seconds:0.0} s: {Bytes} bytes read, {NewChunks} new chunks ({NewBytes} bytes stored)",
                manifest.GenerationId, payload.CaptureId, time.GetElapsedTime(started).TotalSeconds, totals.BytesRead, totals.NewChunks, totals.NewBytesStored);
            return CaptureOutcome.Completed(manifest.GenerationId, Math.Round(time.GetElapsedTime(started).TotalSeconds, 3));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return CaptureOutcome.Failed($"deadline passed: the capture was stopped at the deadline {payload.Deadline:O}; no generation was committed", ExitCodes.Interrupted);
        }
        catch (Exception e)
        {
            var outcome = CaptureFailures.Describe(e);
            return outcome with { Reason = LogSafe.Text(outcome.Reason, 1000) };
        }
    }
}
