namespace ImageBackup.Application.Captures;

/// <summary>An agent's report of one attempt, checked by the API and carried to the server's orchestration as an event.</summary>
/// <param name="CaptureId">The attempt.</param>
/// <param name="Generation">The inspected, whole generation when the capture succeeded.</param>
/// <param name="Reason">Why the capture failed, when it did.</param>
/// <param name="ReportedAt">When the API accepted the report.</param>
/// <param name="DurationSeconds">How long the capture took, as the agent measured it (optional).</param>
public sealed record CaptureReport(string CaptureId, GenerationInspection? Generation, string? Reason, DateTimeOffset ReportedAt, double? DurationSeconds = null)
{
    /// <summary>The orchestration event of a successful capture.</summary>
    public const string CompletedEvent = "CaptureCompleted";

    /// <summary>The orchestration event of a failed capture.</summary>
    public const string FailedEvent = "CaptureFailed";
}
