namespace ImageBackup.Domain.Plans;

/// <summary>How often a plan takes a generation, which decides which nightly captures it keeps.</summary>
public enum ScheduleKind
{
    /// <summary>Every night's capture.</summary>
    Daily,

    /// <summary>The capture of the night of Sunday to Monday.</summary>
    Weekly,

    /// <summary>The capture of the night of the 1st of a month.</summary>
    Monthly,

    /// <summary>The newest capture, replicated to the remote (Hokkaido) site.</summary>
    Remote,
}
