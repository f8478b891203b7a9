using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImageBackup.NightlySimulation;

// Usage: see bench/README.md, "Nightly simulation". Needs a running local host (bench/nightly-sim.sh starts one).
SimulationOptions options;
try
{
    options = SimulationOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("usage: --date yyyy-MM-dd [--api URL] [--ops-key K] [--servers N] [--work-dir D] [--pending-percent P] [--min-mib 1] [--max-mib 4] "
        + "[--data-percent 35] [--parallelism 1] [--max-in-flight M] [--poll-wait 30] [--reuse] [--timeout-minutes 60] [--storage CS] [--task-hub H] "
        + "[--kill-host-in-flight N --host-pid-file F]");
    return 2;
}

if (options.HistoryOnly)
{
    await PrintHistoryAsync(options);
    return 0;
}

Directory.CreateDirectory(options.WorkDirectory);
using var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(30) };
using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
var api = new ServiceApi(http, options.Api);
var fleetFile = Path.Combine(options.WorkDirectory, "fleet.json");
var clock = Stopwatch.StartNew();
Fleet fleet;
if (options.Reuse)
{
    fleet = JsonSerializer.Deserialize(File.ReadAllBytes(fleetFile), SimulationJsonContext.Default.Fleet)!;
    foreach (var server in fleet.Servers)
    {
        DiskImages.Churn(server.Image, seed: HashCode.Combine(server.Index, options.Night));
    }
    Console.Error.WriteLine($"sim: reusing {fleet.Servers.Count} servers of {fleetFile}; images churned");
}
else
{
    fleet = await new FleetBuilder(api, options).CreateAsync();
    File.WriteAllBytes(fleetFile, JsonSerializer.SerializeToUtf8Bytes(fleet, SimulationJsonContext.Default.Fleet));
    Console.Error.WriteLine($"sim: {fleet.Servers.Count} orders ({fleet.Servers.Count(s => s.Active)} activated) and images in {clock.Elapsed.TotalSeconds:0} s");
}

var setup = clock.Elapsed;
await using (var agents = new AgentFleet(http, options, fleet))
{
    await agents.StartAsync(options.EnrollWave);
    await agents.WaitUntilEnrolledAsync(TimeSpan.FromMinutes(15));
    var enrolled = clock.Elapsed - setup;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;

    var (started, wall, status) = await new NightRunner(api, options).RunAsync();

    process.Refresh();
    var counts = StatusReport.CountStatuses(status);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"night {options.Night:yyyy-MM-dd}: {fleet.Servers.Count} servers ({fleet.Servers.Count(s => !s.Active)} pending-activation)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup (orders, images): {setup.TotalSeconds:0} s; agents started and enrolled: {enrolled.TotalSeconds:0} s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"night wall time (start request to finished run): {wall.TotalSeconds:0.0} s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulation process CPU during the night: {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0} s; peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB"));
    Console.WriteLine("statuses: " + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
    Console.WriteLine($"agents that ended with an error: {agents.Faulted}");
    var reports = agents.Reports.ToList();
    if (reports.Count > 0)
    {
        var durations = reports.Where(r => r.CaptureSeconds is not null).Select(r => r.CaptureSeconds!.Value).Order().ToList();
        Console.WriteLine("agent reports: " + string.Join(", ", reports.GroupBy(r => (r.Completed ? "completed" : "failed") + " → " + r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent reports answered between {(reports.Min(r => r.At) - started).TotalSeconds:0} s and {(reports.Max(r => r.At) - started).TotalSeconds:0} s after the start request"));
        if (durations.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"capture wall time per agent: median {durations[durations.Count / 2]:0.0} s, p95 {durations[(int)(durations.Count * 0.95)]:0.0} s, max {durations[^1]:0.0} s"));
        }
    }
    Console.WriteLine("ops API answer (long lists cut):");
    Console.WriteLine(StatusReport.Abridged(status));

    var audit = await GenerationAudit.RunAsync(api, fleet, options.Night, options.Storage ?? "");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"generations of the night per server (listed for the customer and manifests stored): exactly one {audit.ExactlyOne} of {audit.Checked}, none {audit.Lost}, more than one {audit.Duplicated}"));
    foreach (var example in audit.Examples)
    {
        Console.WriteLine("  " + example);
    }
}

await PrintHistoryAsync(options);
return 0;

static async Task PrintHistoryAsync(SimulationOptions options)
{
    if (string.IsNullOrEmpty(options.Storage) || string.IsNullOrEmpty(options.TaskHub))
    {
        return;
    }
    var (instances, largeCount, largeBytes) = await HistoryMeter.MeasureAsync(options.Storage, options.TaskHub);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history table {options.TaskHub}History: {instances.Count} instances, {instances.Sum(i => i.Rows)} rows, {instances.Sum(i => i.Bytes) / 1024.0:0} KiB; large-message blobs: {largeCount} ({largeBytes / 1024.0:0} KiB)"));
    foreach (var instance in instances.Take(5))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {instance.InstanceId}: {instance.Rows} rows, {instance.Bytes / 1024.0:0.0} KiB"));
    }
    var nightly = instances.Where(i => i.InstanceId.StartsWith("nightly-", StringComparison.Ordinal)).ToList();
    foreach (var instance in nightly)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (nightly) {instance.InstanceId}: {instance.Rows} rows, {instance.Bytes / 1024.0:0.0} KiB"));
    }
    var captures = instances.Where(i => i.InstanceId.StartsWith("capture-", StringComparison.Ordinal)).ToList();
    if (captures.Count > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per-server capture instances: {captures.Count}, largest {captures.Max(c => c.Bytes) / 1024.0:0.0} KiB, median {captures[captures.Count / 2].Bytes / 1024.0:0.0} KiB"));
    }
}
