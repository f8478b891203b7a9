using ImageBackup.Application.Captures;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the nightly orchestration, carried across its continue-as-new generations (one per page of servers).</summary>
/// <param name="Date">The JST date of the night, <c>yyyy-MM-dd</c>.</param>
/// <param name="Servers">Synthetic servers of a drill night; empty for a real night (servers come from the contracts).</param>
/// <param name="WorkMilliseconds">Simulated work per drill server.</param>
/// <param name="MaxInFlight">Most captures outstanding at once.</param>
/// <param name="Continuation">Where the next page of contracts starts; <c>null</c> on the first page.</param>
/// <param name="Totals">Outcomes counted on earlier pages.</param>
/// <param name="PageSize">Contracts per page (and per fan-out batch), at most 1,000.</param>
public sealed record NightlyRunInput(
    string Date,
    IReadOnlyList<string> Servers,
    int WorkMilliseconds,
    int MaxInFlight,
    string? Continuation = null,
    NightlyRunTotals? Totals = null,
    int PageSize = 1_000);

/// <summary>Counts of a night's outcomes.</summary>
public sealed record NightlyRunTotals(int Total, int Succeeded, int Failed, int Missed, int Skipped)
{
    /// <summary>No outcome yet.</summary>
    public static NightlyRunTotals Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>These counts plus <paramref name="outcomes"/> and <paramref name="skipped"/> more skipped servers.</summary>
    public NightlyRunTotals Add(IReadOnlyCollection<ServerRunOutcome> outcomes, int skipped) => new(
        Total + outcomes.Count + skipped,
        Succeeded + outcomes.Count(o => o.Status == "succeeded"),
        Failed + outcomes.Count(o => o.Status == "failed"),
        Missed + outcomes.Count(o => o.Status == "missed"),
        Skipped + skipped + outcomes.Count(o => o.Status == "skipped"));
}

/// <summary>Input of one drill server's activity.</summary>
public sealed record DrillServerInput(string Date, string Server, int WorkMilliseconds);

/// <summary>What happened to one server in a night.</summary>
/// <param name="Server">The server (contract id, or drill name).</param>
/// <param name="Status">succeeded, failed, missed or skipped.</param>
/// <param name="Detail">Why, when not succeeded.</param>
public sealed record ServerRunOutcome(string Server, string Status, string? Detail);

/// <summary>The output of a night: totals, and for a drill night one outcome per server (real nights keep theirs in a table).</summary>
public sealed record NightlyRunSummary(string Date, int Total, int Succeeded, int Failed, int Missed, int Skipped, IReadOnlyList<ServerRunOutcome> Servers)
{
    /// <summary>Sums up the outcomes of a drill night.</summary>
    public static NightlyRunSummary Of(string date, IReadOnlyList<ServerRunOutcome> outcomes)
    {
        var totals = NightlyRunTotals.Empty.Add(outcomes, 0);
        return new(date, totals.Total, totals.Succeeded, totals.Failed, totals.Missed, totals.Skipped, outcomes);
    }

    /// <summary>The summary of a real night from its totals.</summary>
    public static NightlyRunSummary Of(string date, NightlyRunTotals totals) =>
        new(date, totals.Total, totals.Succeeded, totals.Failed, totals.Missed, totals.Skipped, []);
}

/// <summary>Progress of a running night, kept in the orchestration's custom status.</summary>
/// <param name="Total">Servers known so far (pages listed so far).</param>
/// <param name="Completed">Servers with an outcome.</param>
/// <param name="InFlight">Captures started and not finished yet.</param>
public sealed record NightlyRunProgress(int Total, int Completed, int InFlight = 0);

/// <summary>Input of the activity that lists a page of the night's servers.</summary>
public sealed record ListNightlyServersInput(string Date, string? Continuation, int PageSize);

/// <summary>Input of one server's capture orchestration.</summary>
public sealed record ServerCaptureInput(string Date, string ContractId);

/// <summary>Input of the activity that sends a capture command.</summary>
/// <param name="Date">The night.</param>
/// <param name="ContractId">The server's contract.</param>
/// <param name="Attempt">1 for the night's first attempt.</param>
/// <param name="Execution">A value fixed for this execution of the server's orchestration (replay-safe), so a re-created execution sends its command again.</param>
public sealed record SendCaptureCommandInput(string Date, string ContractId, int Attempt, string Execution = "");

/// <summary>Input of the activity that commits a reported generation.</summary>
public sealed record CommitGenerationInput(string Date, string ContractId, CaptureReport Report, int Attempts);

/// <summary>Input of the activity that records a server's outcome.</summary>
public sealed record RecordServerOutcomeInput(string Date, string ContractId, string Status, string? Reason, int Attempts);
