using System.Diagnostics;
using System.Globalization;

namespace ImageBackup.NightlySimulation;

/// <summary>Kills the local host the way a crash would (SIGKILL, no shutdown), for the host-crash fault of the simulation.</summary>
internal static class HostKiller
{
    /// <summary>Kills the process whose id is in <paramref name="pidFile"/> and says so on standard error.</summary>
    public static void Kill(string? pidFile, int inFlight, int commandsOut, TimeSpan at)
    {
        if (pidFile is null || !File.Exists(pidFile))
        {
            throw new InvalidOperationException("--kill-host-in-flight needs --host-pid-file naming the local host's pid file");
        }
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        using var host = Process.GetProcessById(pid);
        host.Kill(entireProcessTree: false);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sim: {at.TotalSeconds,6:0} s killed the local host (pid {pid}, SIGKILL) with {inFlight} captures in flight, {commandsOut} of them with their command out"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host killed (SIGKILL) {at.TotalSeconds:0} s into the night with {inFlight} captures in flight, {commandsOut} of them with their command out; restarted by nightly-sim.sh"));
    }
}
