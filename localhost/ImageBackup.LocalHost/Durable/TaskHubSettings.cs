using DurableTask.AzureStorage;

namespace ImageBackup.LocalHost.Durable;

/// <summary>The Azure Storage backend settings the local host uses: host.json's values, with fast polling for local work.</summary>
public static class TaskHubSettings
{
    /// <summary>Builds the settings for the task hub <paramref name="taskHub"/> in the given storage account.</summary>
    public static AzureStorageOrchestrationServiceSettings Create(string connectionString, string taskHub, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = taskHub,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        // Idle polling backs off to 30 s by default; locally that makes every test wait.
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        // Messages taken by a host that dies stay invisible this long before another host sees them again;
        // DTFx renews them while work is alive, so a short value only shortens recovery after a crash.
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
        PartitionCount = 4,
        // A night runs one sub-orchestration per server: let many wait on their events at once, and keep
        // their histories in memory between events instead of reloading them (host.json does the same).
        MaxConcurrentTaskActivityWorkItems = 50,
        MaxConcurrentTaskOrchestrationWorkItems = 100,
        ExtendedSessionsEnabled = true,
        ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
        LoggerFactory = loggerFactory,
    };
}
