namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Progress of a running night, kept in the orchestration's custom status.</summary>
/// <param name="Total">Servers known so far (pages listed so far).</param>
/// <param name="Completed">Servers with an outcome.</param>
/// <param name="InFlight">Captures started and not finished yet.</param>
public sealed record NightlyRunProgress(int Total, int Completed, int InFlight = 0);
