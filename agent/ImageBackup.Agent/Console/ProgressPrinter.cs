using System.Diagnostics;
using System.Globalization;

namespace ImageBackup.Agent.Console;

/// <summary>
/// Shows progress on stderr: a redrawn bar with bytes, throughput and ETA on a terminal, plain timestamped lines
/// every few seconds when stderr is redirected (logs), so stdout stays clean for the generation id.
/// </summary>
internal sealed class ProgressPrinter(string verb, long? totalBytes)
{
    private long? totalBytes = totalBytes;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool interactive = !System.Console.IsErrorRedirected;
    private TimeSpan lastPrint = TimeSpan.FromDays(-1);

    /// <summary>Records that <paramref name="bytesDone"/> bytes (of <paramref name="total"/>, when known) are done; prints when enough time has passed.</summary>
    public void Report(long bytesDone, long? total = null)
    {
        lock (gate)
        {
            totalBytes = total ?? totalBytes;
            var now = clock.Elapsed;
            var interval = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
            if (now - lastPrint < interval)
            {
                return;
            }
            lastPrint = now;
            Print(bytesDone, now, final: false);
        }
    }

    /// <summary>Prints the final line.</summary>
    public void Finish(long bytesDone)
    {
        lock (gate)
        {
            Print(bytesDone, clock.Elapsed, final: true);
        }
    }

    private void Print(long bytesDone, TimeSpan elapsed, bool final)
    {
        var rate = bytesDone / Math.Max(elapsed.TotalSeconds, 0.001);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{verb} {Bytes(bytesDone)}{(totalBytes is { } t ? " / " + Bytes(t) : "")}  {Bytes((long)rate)}/s  {Eta(bytesDone, rate)}");
        if (interactive)
        {
            System.Console.Error.Write($"\r{Bar(bytesDone)}{line}\u001b[K{(final ? "\n" : "")}");
        }
        else
        {
            System.Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss}Z {line}");
        }
    }

    private string Bar(long bytesDone)
    {
        if (totalBytes is not { } total || total <= 0)
        {
            return "";
        }
        var filled = (int)Math.Clamp(bytesDone * 30 / total, 0, 30);
        return "[" + new string('#', filled) + new string('.', 30 - filled) + "] ";
    }

    private string Eta(long bytesDone, double rate) =>
        totalBytes is { } total && rate > 0 && total > bytesDone
            ? "ETA " + TimeSpan.FromSeconds((total - bytesDone) / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)
            : "";

    /// <summary>Formats a byte count with binary units.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
