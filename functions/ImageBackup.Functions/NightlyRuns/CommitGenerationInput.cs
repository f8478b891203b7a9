using ImageBackup.Application.Captures;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Input of the activity that commits a reported generation.</summary>
public sealed record CommitGenerationInput(string Date, string ContractId, CaptureReport Report, int Attempts);
