using Azure.Data.Tables;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Customers;
using ImageBackup.Application.Security;
using ImageBackup.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace ImageBackup.Storage;

/// <summary>Registers the Azure Storage adapters behind the application ports in one call.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the Tables adapters for the storage account in <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddImageBackupStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(new TableServiceClient(connectionString));
        services.AddSingleton<TableProvisioner>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<ICustomerStore, TableCustomerStore>();
        services.AddSingleton<IContractStore, TableContractStore>();
        services.AddSingleton<IOrderIdempotencyStore, TableOrderIdempotencyStore>();
        services.AddSingleton<IOpsAlertStore, TableOpsAlertStore>();
        return services;
    }
}
