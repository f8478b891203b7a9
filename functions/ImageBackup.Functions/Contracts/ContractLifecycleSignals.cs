using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.Contracts;

/// <summary>Starts and wakes the durable timer orchestration of a contract, so deadlines follow every change.</summary>
public static class ContractLifecycleSignals
{
    /// <summary>The event that tells a contract's orchestration to plan its timer again.</summary>
    public const string ChangedEvent = "ContractChanged";

    /// <summary>The fixed instance id of a contract's lifecycle orchestration.</summary>
    public static string InstanceId(string contractId) => "contract-" + contractId;

    /// <summary>Starts the lifecycle of a new contract (a second start of a running one is harmless).</summary>
    public static async Task StartAsync(DurableTaskClient client, string contractId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ContractLifecycleOrchestrator), new ContractLifecycleState(contractId, false),
                new StartOrchestrationOptions(InstanceId(contractId)), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Already running: an idempotent replay of the order.
        }
    }

    /// <summary>Tells the lifecycle that the contract changed (activation, cancellation, withdrawal).</summary>
    public static Task ChangedAsync(DurableTaskClient client, string contractId, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(InstanceId(contractId), ChangedEvent, null, cancellationToken);
}
