namespace ImageBackup.Functions.Captures;

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/failed</c>.</summary>
public sealed record CaptureFailedBody(string? Reason, int? ExitCode);
