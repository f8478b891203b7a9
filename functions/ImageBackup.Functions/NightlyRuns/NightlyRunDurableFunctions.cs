using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>The Azure Functions entry points of the nightly orchestrations and their activities; each hands over to its class.</summary>
public static class NightlyRunDurableFunctions
{
    /// <summary>Orchestrator entry point.</summary>
    [Function(nameof(NightlyRunOrchestrator))]
    public static Task<NightlyRunSummary> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new NightlyRunOrchestrator().RunAsync(context, context.GetInput<NightlyRunInput>()!);

    /// <summary>Orchestrator entry point.</summary>
    [Function(nameof(ServerCaptureOrchestrator))]
    public static Task<ServerRunOutcome> RunServerCaptureAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ServerCaptureOrchestrator().RunAsync(context, context.GetInput<ServerCaptureInput>()!);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(DrillServerActivity))]
    public static Task<ServerRunOutcome> RunDrillServerAsync([ActivityTrigger] DrillServerInput input, string instanceId, FunctionContext executionContext) =>
        Activity<DrillServerActivity>(executionContext).RunAsync(new FunctionActivityContext(nameof(DrillServerActivity), instanceId), input);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(ListNightlyServersActivity))]
    public static Task<NightlyServerPage> ListServersAsync([ActivityTrigger] ListNightlyServersInput input, string instanceId, FunctionContext executionContext) =>
        Activity<ListNightlyServersActivity>(executionContext).RunAsync(new FunctionActivityContext(nameof(ListNightlyServersActivity), instanceId), input);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(SendCaptureCommandActivity))]
    public static Task<CommandSent> SendCommandAsync([ActivityTrigger] SendCaptureCommandInput input, string instanceId, FunctionContext executionContext) =>
        Activity<SendCaptureCommandActivity>(executionContext).RunAsync(new FunctionActivityContext(nameof(SendCaptureCommandActivity), instanceId), input);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(CommitGenerationActivity))]
    public static Task<CommitResult> CommitAsync([ActivityTrigger] CommitGenerationInput input, string instanceId, FunctionContext executionContext) =>
        Activity<CommitGenerationActivity>(executionContext).RunAsync(new FunctionActivityContext(nameof(CommitGenerationActivity), instanceId), input);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(RecordServerOutcomeActivity))]
    public static Task<ServerRunOutcome> RecordOutcomeAsync([ActivityTrigger] RecordServerOutcomeInput input, string instanceId, FunctionContext executionContext) =>
        Activity<RecordServerOutcomeActivity>(executionContext).RunAsync(new FunctionActivityContext(nameof(RecordServerOutcomeActivity), instanceId), input);

    private static T Activity<T>(FunctionContext executionContext) =>
        ActivatorUtilities.GetServiceOrCreateInstance<T>(executionContext.InstanceServices);
}
