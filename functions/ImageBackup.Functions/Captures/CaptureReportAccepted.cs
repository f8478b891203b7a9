namespace ImageBackup.Functions.Captures;

/// <summary>The answer to an accepted report.</summary>
public sealed record CaptureReportAccepted(string CaptureId, string Outcome, string? GenerationId);
