namespace ImageBackup.NightlySimulation;

/// <summary>One report an agent made and the service answered: when, what, and how long the capture took.</summary>
internal sealed record AgentReport(DateTime At, string CaptureId, bool Completed, int Status, double? CaptureSeconds);
