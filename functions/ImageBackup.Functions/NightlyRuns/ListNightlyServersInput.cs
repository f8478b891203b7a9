namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the activity that lists a page of the night's servers.</summary>
public sealed record ListNightlyServersInput(string Date, string? Continuation, int PageSize);
