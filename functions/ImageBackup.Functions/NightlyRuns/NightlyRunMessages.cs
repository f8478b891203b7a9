namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the nightly orchestration: the night and the servers to capture.</summary>
/// <param name="Date">The JST date of the night, <c>yyyy-MM-dd</c>.</param>
/// <param name="Servers">The servers of the night.</param>
/// <param name="WorkMilliseconds">Simulated work per server for the placeholder capture.</param>
/// <param name="MaxInFlight">Most captures outstanding at once.</param>
public sealed record NightlyRunInput(string Date, IReadOnlyList<string> Servers, int WorkMilliseconds, int MaxInFlight);

/// <summary>Input of one server's capture activity.</summary>
public sealed record ServerCaptureInput(string Date, string Server, int WorkMilliseconds);

/// <summary>What happened to one server in a night.</summary>
/// <param name="Server">The server.</param>
/// <param name="Status">succeeded, failed, missed or skipped.</param>
/// <param name="Detail">Why, when not succeeded.</param>
public sealed record ServerRunOutcome(string Server, string Status, string? Detail);

/// <summary>The output of a night: totals and one outcome per server.</summary>
public sealed record NightlyRunSummary(string Date, int Total, int Succeeded, int Failed, int Missed, int Skipped, IReadOnlyList<ServerRunOutcome> Servers)
{
    /// <summary>Sums up the outcomes of a night.</summary>
    public static NightlyRunSummary Of(string date, IReadOnlyList<ServerRunOutcome> outcomes) => new(
        date,
        outcomes.Count,
        outcomes.Count(o => o.Status == "succeeded"),
        outcomes.Count(o => o.Status == "failed"),
        outcomes.Count(o => o.Status == "missed"),
        outcomes.Count(o => o.Status == "skipped"),
        outcomes);
}

/// <summary>Progress of a running night, kept in the orchestration's custom status.</summary>
public sealed record NightlyRunProgress(int Total, int Completed);
