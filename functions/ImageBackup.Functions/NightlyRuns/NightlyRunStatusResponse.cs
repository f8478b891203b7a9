using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Answer of <c>GET /api/ops/nightly-runs/{date}</c>: the run's state, progress, its summary when done, and per-server outcomes.</summary>
public sealed record NightlyRunStatusResponse(
    string Id,
    string Date,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    NightlyRunProgress? Progress,
    NightlyRunSummary? Summary,
    string? Failure,
    NightlyOutcomeTotals Totals,
    IReadOnlyList<ServerOutcome> Servers);
