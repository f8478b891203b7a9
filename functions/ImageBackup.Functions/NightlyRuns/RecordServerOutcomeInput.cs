namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the activity that records a server's outcome.</summary>
public sealed record RecordServerOutcomeInput(string Date, string ContractId, string Status, string? Reason, int Attempts);
