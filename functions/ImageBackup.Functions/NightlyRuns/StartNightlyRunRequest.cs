namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Body of <c>POST /api/ops/nightly-runs</c>: the night and, until captures are wired to contracts, the servers to run.</summary>
/// <param name="Date">The JST date of the night, <c>yyyy-MM-dd</c>.</param>
/// <param name="Servers">Server names for the placeholder fan-out.</param>
/// <param name="WorkMilliseconds">Simulated work per server (0 to 60000 ms).</param>
/// <param name="MaxInFlight">Most captures outstanding at once (1 to 1000, default 200).</param>
public sealed record StartNightlyRunRequest(string? Date, IReadOnlyList<string?>? Servers, int? WorkMilliseconds, int? MaxInFlight);
