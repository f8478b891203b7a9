namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Answer of <c>GET /api/ops/nightly-runs/{date}</c>: the run's state, progress and, when done, its summary.</summary>
public sealed record NightlyRunStatusResponse(
    string Id,
    string Date,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    NightlyRunProgress? Progress,
    NightlyRunSummary? Summary,
    string? Failure);
