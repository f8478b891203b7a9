namespace ImageBackup.Agent.Daemon;

/// <summary>How the service answered a capture report; every answer ends the retries (202 accepted, 404/409/422 refused for good).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">The problem's detail when refused, for the log.</param>
public sealed record ReportAnswer(int Status, string? Detail)
{
    /// <summary>Whether the service took the report (202).</summary>
    public bool Accepted => Status == 202;
}
