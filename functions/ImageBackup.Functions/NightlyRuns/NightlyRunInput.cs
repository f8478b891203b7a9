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
