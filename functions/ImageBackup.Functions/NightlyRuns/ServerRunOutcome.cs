namespace ImageBackup.Functions.NightlyRuns;

/// <summary>What happened to one server in a night.</summary>
/// <param name="Server">The server (contract id, or drill name).</param>
/// <param name="Status">succeeded, failed, missed or skipped.</param>
/// <param name="Detail">Why, when not succeeded.</param>
public sealed record ServerRunOutcome(string Server, string Status, string? Detail);
