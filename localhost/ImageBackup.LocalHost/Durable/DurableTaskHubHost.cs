using DurableTask.AzureStorage;
using DurableTask.Core;
using ImageBackup.LocalHost.Functions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace ImageBackup.LocalHost.Durable;

/// <summary>Runs the Functions app's orchestrators and activities on DTFx's <see cref="TaskHubWorker"/> with the Azure Storage backend.</summary>
public sealed class DurableTaskHubHost(
    AzureStorageOrchestrationService service,
    FunctionCatalog catalog,
    ServedFunctions served,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    ILogger<DurableTaskHubHost> logger) : IHostedService, IDisposable
{
    private TaskHubWorker? worker;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(loggerFactory: loggerFactory);
        worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        foreach (var function in catalog.OfKind(FunctionKind.Orchestration))
        {
            var type = DurableClassLocator.Find<ITaskOrchestrator>(function);
            worker.AddTaskOrchestrations(new ShimOrchestrationCreator(function.Name, type, services, shims));
            served.Add(function.Name, FunctionKind.Orchestration);
        }

        foreach (var function in catalog.OfKind(FunctionKind.Activity))
        {
            var type = DurableClassLocator.Find<ITaskActivity>(function);
            worker.AddTaskActivities(new ShimActivityCreator(function.Name, type, services, shims));
            served.Add(function.Name, FunctionKind.Activity);
        }

        await worker.StartAsync();
        logger.LogInformation("Task hub worker started with {Orchestrations} orchestrators", catalog.OfKind(FunctionKind.Orchestration).Count());
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not null)
        {
            await worker.StopAsync(isForced: true);
        }
    }

    /// <inheritdoc />
    public void Dispose() => worker?.Dispose();
}
