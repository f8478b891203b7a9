namespace ImageBackup.Application.Configuration;

/// <summary>Settings under the <c>ImageBackup</c> section, so every setting the app reads has one typed home.</summary>
public sealed class ImageBackupOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "ImageBackup";

    /// <summary>The first operations key (<c>ImageBackup__OpsKey</c>); further ops keys are stored hashed.</summary>
    public string? OpsKey { get; set; }

    /// <summary>The durable task hub name (<c>ImageBackup__TaskHub</c>).</summary>
    public string TaskHub { get; set; } = "ImageBackupHub";

    /// <summary>Connection string of the storage account at the remote (Hokkaido) site.</summary>
    public string? RemoteSiteStorage { get; set; }

    /// <summary>Connection string of the Service Bus namespace for agent commands; empty uses Storage queues.</summary>
    public string? ServiceBus { get; set; }

    /// <summary>How old an unreferenced chunk must be before garbage collection deletes it (hours, at least 7; default 24).</summary>
    public double GarbageGraceHours { get; set; } = 24;

    /// <summary>Connection string of the storage account that holds generations; empty uses <c>AzureWebJobsStorage</c>.</summary>
    public string? BackupStorage { get; set; }

    /// <summary>Letters put before every table name, so deployments (or isolated tests) can share a storage account.</summary>
    public string? TablePrefix { get; set; }
}
