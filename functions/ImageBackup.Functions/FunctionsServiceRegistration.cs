using ImageBackup.Application.Agents;
using ImageBackup.Application.Captures;
using ImageBackup.Application.Generations;
using ImageBackup.Application.Maintenance;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Application.Configuration;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Customers;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using ImageBackup.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageBackup.Functions;

/// <summary>The one service registration of the app, called by the Functions <c>Program</c> and by the local host alike.</summary>
public static class FunctionsServiceRegistration
{
    /// <summary>Registers options, application services and storage adapters.</summary>
    public static IServiceCollection AddImageBackupFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImageBackupOptions>().Bind(configuration.GetSection(ImageBackupOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        var storage = configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("The setting AzureWebJobsStorage (storage connection string) is missing.");
        services.AddImageBackupStorage(storage, configuration[$"{ImageBackupOptions.Section}:ServiceBus"], configuration[$"{ImageBackupOptions.Section}:BackupStorage"],
            configuration[$"{ImageBackupOptions.Section}:TablePrefix"]);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<RequestAuthentication>();
        services.AddSingleton<CustomerRegistry>();
        services.AddSingleton<ContractService>();
        services.AddSingleton<ContractTimers>();
        services.AddSingleton<AgentEnrollment>();
        services.AddSingleton<CaptureService>();
        services.AddSingleton<NightlyServerSelection>();
        services.AddSingleton<BackupCatalog>();
        services.AddSingleton<MaintenanceWindowService>();
        return services;
    }
}
