namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of one drill server's activity.</summary>
public sealed record DrillServerInput(string Date, string Server, int WorkMilliseconds);
