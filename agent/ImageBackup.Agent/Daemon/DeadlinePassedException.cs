namespace ImageBackup.Agent.Daemon;

/// <summary>The night's deadline came before the manifest was committed, so no generation was (or may be) committed.</summary>
public sealed class DeadlinePassedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeadlinePassedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeadlinePassedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeadlinePassedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
