namespace ImageBackup.Agent.Daemon;

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/completed</c>: the committed generation (the service reads sizes from its manifest).</summary>
public sealed record CaptureCompletedReport(string GenerationId);
