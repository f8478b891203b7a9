namespace ImageBackup.Agent.Daemon;

/// <summary>The daemon cannot start work: no key and no enrollment token, a refused token, or a key the service rejects.</summary>
public sealed class AgentSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentSetupException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    /// <summary>Creates the exception.</summary>
    public AgentSetupException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AgentSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AgentSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code for this failure.</summary>
    public int ExitCode { get; } = ExitCodes.Usage;
}
