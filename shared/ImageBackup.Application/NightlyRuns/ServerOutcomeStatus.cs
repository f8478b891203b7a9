namespace ImageBackup.Application.NightlyRuns;

/// <summary>The outcomes a server can have in a night, as written on the wire.</summary>
public static class ServerOutcomeStatus
{
    /// <summary>A whole generation was committed.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The agent reported a failure and no retry succeeded before the window closed.</summary>
    public const string Failed = "failed";

    /// <summary>The agent did not report before the window closed.</summary>
    public const string Missed = "missed";

    /// <summary>Not attempted (maintenance window).</summary>
    public const string Skipped = "skipped";

    /// <summary>The command was sent; no report yet.</summary>
    public const string Running = "running";
}
