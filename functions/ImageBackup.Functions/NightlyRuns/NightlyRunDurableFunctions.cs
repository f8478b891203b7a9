using ImageBackup.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>The Azure Functions entry points of the nightly orchestration and its activity; each hands over to its class.</summary>
public static class NightlyRunDurableFunctions
{
    /// <summary>Orchestrator entry point.</summary>
    [Function(nameof(NightlyRunOrchestrator))]
    public static Task<NightlyRunSummary> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new NightlyRunOrchestrator().RunAsync(context, context.GetInput<NightlyRunInput>()!);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(ServerCaptureActivity))]
    public static Task<ServerRunOutcome> RunServerCaptureAsync(
        [ActivityTrigger] ServerCaptureInput input, string instanceId, FunctionContext executionContext) =>
        ActivatorUtilities.GetServiceOrCreateInstance<ServerCaptureActivity>(executionContext.InstanceServices)
            .RunAsync(new FunctionActivityContext(nameof(ServerCaptureActivity), instanceId), input);
}
