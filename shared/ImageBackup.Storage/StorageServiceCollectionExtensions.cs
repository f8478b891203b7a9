using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ImageBackup.Application.Captures;
using ImageBackup.Application.Generations;
using ImageBackup.Application.Maintenance;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Storage.Blobs;
using ImageBackup.Application.Agents;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Customers;
using ImageBackup.Application.Security;
using ImageBackup.Storage.Queues;
using ImageBackup.Storage.ServiceBus;
using ImageBackup.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace ImageBackup.Storage;

/// <summary>Registers the Azure Storage adapters behind the application ports in one call.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The Service Bus queue of agent commands (session-enabled, duplicate detection on).</summary>
    public const string AgentCommandQueue = "agent-commands";

    /// <summary>
    /// Adds the adapters for the storage account in <paramref name="connectionString"/>; agent commands go through Service Bus
    /// when <paramref name="serviceBusConnectionString"/> is set, else through Storage queues.
    /// </summary>
    /// <remarks>Generations live in <paramref name="backupConnectionString"/> (default: the same account).</remarks>
    public static IServiceCollection AddImageBackupStorage(this IServiceCollection services, string connectionString, string? serviceBusConnectionString = null, string? backupConnectionString = null, string? tablePrefix = null)
    {
        services.AddSingleton<IBackupStorage>(new BlobBackupStorage(new BlobServiceClient(string.IsNullOrWhiteSpace(backupConnectionString) ? connectionString : backupConnectionString)));
        services.AddSingleton<IGenerationStore, TableGenerationStore>();
        services.AddSingleton<INightlyOutcomeStore, TableNightlyOutcomeStore>();
        services.AddSingleton<IMaintenanceWindowStore, TableMaintenanceWindowStore>();
        if (string.IsNullOrWhiteSpace(serviceBusConnectionString))
        {
            services.AddSingleton(new QueueServiceClient(connectionString));
            services.AddSingleton<IAgentCommandChannel, StorageQueueAgentCommandChannel>();
        }
        else
        {
            services.AddSingleton(new ServiceBusClient(serviceBusConnectionString));
            services.AddSingleton<IAgentCommandChannel>(sp => new ServiceBusAgentCommandChannel(
                sp.GetRequiredService<ServiceBusClient>(), AgentCommandQueue, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<IEnrollmentStore, TableEnrollmentStore>();
        services.AddSingleton(new TableServiceClient(connectionString));
        services.AddSingleton(sp => new TableProvisioner(sp.GetRequiredService<TableServiceClient>(), tablePrefix ?? ""));
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<ICustomerStore, TableCustomerStore>();
        services.AddSingleton<IContractStore, TableContractStore>();
        services.AddSingleton<IOrderIdempotencyStore, TableOrderIdempotencyStore>();
        services.AddSingleton<IOpsAlertStore, TableOpsAlertStore>();
        return services;
    }
}
