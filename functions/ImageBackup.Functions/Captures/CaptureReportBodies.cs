namespace ImageBackup.Functions.Captures;

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/completed</c>.</summary>
public sealed record CaptureCompletedBody(string? GenerationId, double? DurationSeconds);

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/failed</c>.</summary>
public sealed record CaptureFailedBody(string? Reason, int? ExitCode);

/// <summary>The answer to an accepted report.</summary>
public sealed record CaptureReportAccepted(string CaptureId, string Outcome, string? GenerationId);
