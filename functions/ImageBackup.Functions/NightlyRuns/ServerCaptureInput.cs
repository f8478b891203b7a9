namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of one server's capture orchestration.</summary>
public sealed record ServerCaptureInput(string Date, string ContractId);
