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

    /// <summary>
    /// Whether an outcome <paramref name="next"/> may replace the stored <paramref name="stored"/> (null: none yet). A decided
    /// night is never reopened (a late duplicate of a send must not mark it running again) and a success is never undone.
    /// </summary>
    public static bool MayReplace(string? stored, string next) => stored switch
    {
        null or Running => true,
        Succeeded => next == Succeeded,
        _ => next != Running,
    };
}
