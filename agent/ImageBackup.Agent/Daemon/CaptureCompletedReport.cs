namespace ImageBackup.Agent.Daemon;

/// <summary>
/// Body of <c>POST /api/agent/captures/{captureId}/completed</c>: the committed generation (the service reads sizes and
/// times from its manifest) and the capture's wall time as the agent measured it.
/// </summary>
public sealed record CaptureCompletedReport(string GenerationId, double? DurationSeconds);
