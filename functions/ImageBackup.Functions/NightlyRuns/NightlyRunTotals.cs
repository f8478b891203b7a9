using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Counts of a night's outcomes.</summary>
public sealed record NightlyRunTotals(int Total, int Succeeded, int Failed, int Missed, int Skipped)
{
    /// <summary>No outcome yet.</summary>
    public static NightlyRunTotals Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>These counts plus <paramref name="outcomes"/> and <paramref name="skipped"/> more skipped servers.</summary>
    public NightlyRunTotals Add(IReadOnlyCollection<ServerRunOutcome> outcomes, int skipped) => new(
        Total + outcomes.Count + skipped,
        Succeeded + outcomes.Count(o => o.Status == ServerOutcomeStatus.Succeeded),
        Failed + outcomes.Count(o => o.Status == ServerOutcomeStatus.Failed),
        Missed + outcomes.Count(o => o.Status == ServerOutcomeStatus.Missed),
        Skipped + skipped + outcomes.Count(o => o.Status == ServerOutcomeStatus.Skipped));
}
