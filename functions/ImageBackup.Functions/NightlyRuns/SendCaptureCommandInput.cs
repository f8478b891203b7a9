namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the activity that sends a capture command.</summary>
/// <param name="Date">The night.</param>
/// <param name="ContractId">The server's contract.</param>
/// <param name="Attempt">1 for the night's first attempt.</param>
/// <param name="Execution">A value fixed for this execution of the server's orchestration (replay-safe), so a re-created execution sends its command again while the night is undecided.</param>
public sealed record SendCaptureCommandInput(string Date, string ContractId, int Attempt, string Execution = "");
