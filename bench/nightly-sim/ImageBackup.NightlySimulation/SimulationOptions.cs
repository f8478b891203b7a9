using System.Globalization;

namespace ImageBackup.NightlySimulation;

/// <summary>Command line of the simulation, so bench/nightly-sim.sh and a developer at a shell drive the same run.</summary>
internal sealed record SimulationOptions
{
    public required Uri Api { get; init; }

    public required string OpsKey { get; init; }

    public int Servers { get; init; } = 200;

    public required DateOnly Night { get; init; }

    public required string WorkDirectory { get; init; }

    /// <summary>Percent of contracts left pending-activation (their first capture activates them).</summary>
    public int PendingPercent { get; init; } = 10;

    public int MinMiB { get; init; } = 1;

    public int MaxMiB { get; init; } = 4;

    /// <summary>Percent of each image's 256 KiB blocks that hold random data (the rest are zeros, written sparse).</summary>
    public int DataPercent { get; init; } = 35;

    /// <summary>Capture workers per agent.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Passed to POST /api/ops/nightly-runs as maxInFlight when set.</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Long-poll wait of each agent.</summary>
    public TimeSpan PollWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reuse the fleet of an earlier run in the work directory (same contracts and agents), churning every image first.</summary>
    public bool Reuse { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Agents started (and enrolled) at once.</summary>
    public int EnrollWave { get; init; } = 100;

    /// <summary>Only measure the history of the task hub (e.g. of a night still running), no fleet, no night.</summary>
    public bool HistoryOnly { get; init; }

    /// <summary>Storage connection string and task hub, for measuring the orchestration history; null skips it.</summary>
    public string? Storage { get; init; }

    public string? TaskHub { get; init; }

    /// <summary>Kill the local host (SIGKILL) once this many captures are in flight, half of them with their command out; nightly-sim.sh restarts it.</summary>
    public int? KillHostInFlight { get; init; }

    /// <summary>File holding the local host's process id (written by nightly-sim.sh).</summary>
    public string? HostPidFile { get; init; }

    public static SimulationOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i]] = args[++i];
            }
            else
            {
                flags.Add(args[i]);
            }
        }
        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new SimulationOptions
        {
            Api = new Uri(Get("--api", "http://127.0.0.1:7071")),
            OpsKey = Get("--ops-key", Environment.GetEnvironmentVariable("ImageBackup__OpsKey") ?? "local-ops-key-change-me"),
            Servers = Int("--servers", 200),
            Night = DateOnly.ParseExact(Get("--date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            WorkDirectory = Path.GetFullPath(Get("--work-dir", Path.Combine(Path.GetTempPath(), "nightly-sim"))),
            PendingPercent = Int("--pending-percent", 10),
            MinMiB = Int("--min-mib", 1),
            MaxMiB = Int("--max-mib", 4),
            DataPercent = Int("--data-percent", 35),
            Parallelism = Int("--parallelism", 1),
            MaxInFlight = values.ContainsKey("--max-in-flight") ? Int("--max-in-flight", 0) : null,
            PollWait = TimeSpan.FromSeconds(Int("--poll-wait", 30)),
            Reuse = flags.Contains("--reuse"),
            KillHostInFlight = values.ContainsKey("--kill-host-in-flight") ? Int("--kill-host-in-flight", 0) : null,
            HostPidFile = values.GetValueOrDefault("--host-pid-file"),
            HistoryOnly = flags.Contains("--history-only"),
            EnrollWave = Int("--enroll-wave", 100),
            Timeout = TimeSpan.FromMinutes(Int("--timeout-minutes", 60)),
            Storage = Get("--storage", Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? ""),
            TaskHub = Get("--task-hub", Environment.GetEnvironmentVariable("ImageBackup__TaskHub") ?? ""),
        };
    }
}
