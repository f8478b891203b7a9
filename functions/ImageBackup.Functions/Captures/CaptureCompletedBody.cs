namespace ImageBackup.Functions.Captures;

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/completed</c>.</summary>
public sealed record CaptureCompletedBody(string? GenerationId, double? DurationSeconds);
