namespace ImageBackup.Agent.Daemon;

/// <summary>Body of <c>POST /api/agent/captures/{captureId}/failed</c>: why, and the exit code the CLI would have returned.</summary>
public sealed record CaptureFailedReport(string Reason, int ExitCode);
