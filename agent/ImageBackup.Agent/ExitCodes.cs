namespace ImageBackup.Agent;

/// <summary>Process exit codes of imagebackup-agent, so schedulers and the service can react to each failure (documented in agent/README.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug); the message says what happened.</summary>
    public const int InternalError = 1;

    /// <summary>Bad command line: unknown option, missing value, malformed size.</summary>
    public const int Usage = 2;

    /// <summary>The capture source is missing or cannot be read.</summary>
    public const int SourceUnreadable = 3;

    /// <summary>The store cannot be reached (network, DNS, missing directory or container).</summary>
    public const int StoreUnreachable = 4;

    /// <summary>The store refused the credentials (HTTP 403: wrong or expired SAS, missing permission).</summary>
    public const int StoreAccessDenied = 5;

    /// <summary>The generation id is malformed or has no manifest in the store.</summary>
    public const int GenerationNotFound = 6;

    /// <summary>A chunk or manifest is missing or corrupt; nothing unverified was written.</summary>
    public const int CorruptData = 7;

    /// <summary>The restore target cannot be written (disk full, I/O error, permission).</summary>
    public const int TargetUnwritable = 8;

    /// <summary>Interrupted by Ctrl+C or SIGTERM; a capture leaves no generation, a file restore leaves no target.</summary>
    public const int Interrupted = 130;
}
