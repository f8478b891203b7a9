namespace ImageBackup.Application.NightlyRuns;

/// <summary>Totals of a night from its per-server outcomes, so operations see the night at a glance.</summary>
/// <param name="Servers">Servers with an outcome.</param>
/// <param name="Succeeded">Servers with a committed generation.</param>
/// <param name="Failed">Servers whose agent reported failures only.</param>
/// <param name="Missed">Servers that never reported.</param>
/// <param name="Skipped">Servers under maintenance.</param>
/// <param name="Running">Servers still waited for.</param>
/// <param name="ImageBytes">Sum of the captured images' sizes.</param>
/// <param name="NewBytes">Bytes added to storage this night.</param>
/// <param name="LongestDurationSeconds">The slowest successful capture.</param>
public sealed record NightlyOutcomeTotals(int Servers, int Succeeded, int Failed, int Missed, int Skipped, int Running, long ImageBytes, long NewBytes, double LongestDurationSeconds)
{
    /// <summary>Sums up <paramref name="outcomes"/>.</summary>
    public static NightlyOutcomeTotals Of(IReadOnlyCollection<ServerOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => o.Status == ServerOutcomeStatus.Succeeded),
        outcomes.Count(o => o.Status == ServerOutcomeStatus.Failed),
        outcomes.Count(o => o.Status == ServerOutcomeStatus.Missed),
        outcomes.Count(o => o.Status == ServerOutcomeStatus.Skipped),
        outcomes.Count(o => o.Status == ServerOutcomeStatus.Running),
        outcomes.Sum(o => o.ImageSize),
        outcomes.Sum(o => o.NewBytes),
        outcomes.Count == 0 ? 0 : outcomes.Max(o => o.DurationSeconds));
}
