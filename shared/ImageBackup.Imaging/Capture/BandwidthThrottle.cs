using System.Diagnostics;

namespace ImageBackup.Imaging.Capture;

/// <summary>Spaces out uploads so the average rate stays under a limit, so a capture does not saturate a customer's uplink.</summary>
internal sealed class BandwidthThrottle(long bytesPerSecond)
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private double nextFreeSeconds;

    /// <summary>Waits until <paramref name="bytes"/> may be sent.</summary>
    public Task WaitAsync(int bytes, CancellationToken cancellationToken)
    {
        double startSeconds;
        var now = clock.Elapsed.TotalSeconds;
        lock (gate)
        {
            startSeconds = Math.Max(now, nextFreeSeconds);
            nextFreeSeconds = startSeconds + (double)bytes / bytesPerSecond;
        }
        var wait = startSeconds - now;
        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
    }
}
