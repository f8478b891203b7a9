namespace ImageBackup.Agent.Daemon;

/// <summary>Settings of one <see cref="AgentDaemon"/>, so the CLI, the tests and the simulation (thousands in one process) drive the same code.</summary>
public sealed record AgentDaemonOptions
{
    /// <summary>The default state directory.</summary>
    public const string DefaultStateDirectory = "/var/lib/imagebackup-agent";

    /// <summary>The service's base URL, e.g. https://backup.example.net (a trailing /api is accepted).</summary>
    public required Uri Api { get; init; }

    /// <summary>Where the key and the current command are kept.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>The device or image file captured each night.</summary>
    public required string Source { get; init; }

    /// <summary>The order's one-time token; needed only until the first enrollment succeeded.</summary>
    public string? EnrollmentToken { get; init; }

    /// <summary>Capture only blocks the disk's file systems use (partitions, LVM2, ext2/3/4, XFS, NTFS; the rest whole).</summary>
    public bool UsedBlocksOnly { get; init; }

    /// <summary>Capture workers; null for the CLI default of a blob store (4 × CPUs, at least 8).</summary>
    public int? Parallelism { get; init; }

    /// <summary>Upper bound on upload bytes per second, or null.</summary>
    public long? BandwidthLimit { get; init; }

    /// <summary>How long one command poll waits on the service (0–60 s).</summary>
    public TimeSpan PollWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Handle one command (a resumed one, or the next to arrive), then return.</summary>
    public bool Once { get; init; }

    /// <summary>Host name recorded in the manifest.</summary>
    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>Operating system recorded in the manifest.</summary>
    public string OperatingSystem { get; init; } = System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    /// <summary>Back-off for transient HTTP failures.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Keep the capture change cache in the state directory's <c>cache</c> folder (it is trusted only while its generation is in the store).</summary>
    public bool UseChangeCache { get; init; } = true;

    /// <summary>Called after each report was answered (for simulations and tests that count outcomes); null for none.</summary>
    public Action<PendingCommand, ReportAnswer>? Reported { get; init; }

    /// <summary>The clock deadlines are checked against.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
