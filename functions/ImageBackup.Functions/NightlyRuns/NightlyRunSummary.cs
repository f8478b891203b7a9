namespace ImageBackup.Functions.NightlyRuns;

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
