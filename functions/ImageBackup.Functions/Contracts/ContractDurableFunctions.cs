using ImageBackup.Application.Contracts;
using ImageBackup.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ImageBackup.Functions.Contracts;

/// <summary>The Azure Functions entry points of the contract lifecycle; each hands over to its class.</summary>
public static class ContractDurableFunctions
{
    /// <summary>Orchestrator entry point.</summary>
    [Function(nameof(ContractLifecycleOrchestrator))]
    public static Task<string> RunLifecycleAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ContractLifecycleOrchestrator().RunAsync(context, context.GetInput<ContractLifecycleState>()!);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(PlanContractTimerActivity))]
    public static Task<ContractTimerPlan> PlanTimerAsync([ActivityTrigger] ContractTimerInput input, string instanceId, FunctionContext executionContext) =>
        ActivatorUtilities.GetServiceOrCreateInstance<PlanContractTimerActivity>(executionContext.InstanceServices)
            .RunAsync(new FunctionActivityContext(nameof(PlanContractTimerActivity), instanceId), input);

    /// <summary>Activity entry point.</summary>
    [Function(nameof(FireContractTimerActivity))]
    public static Task<bool> FireTimerAsync([ActivityTrigger] ContractTimerInput input, string instanceId, FunctionContext executionContext) =>
        ActivatorUtilities.GetServiceOrCreateInstance<FireContractTimerActivity>(executionContext.InstanceServices)
            .RunAsync(new FunctionActivityContext(nameof(FireContractTimerActivity), instanceId), input);
}
