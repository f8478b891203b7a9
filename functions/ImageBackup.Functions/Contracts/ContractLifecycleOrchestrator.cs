using ImageBackup.Application.Contracts;
using ImageBackup.Functions.Platform;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.Contracts;

/// <summary>State carried across the generations of a contract's lifecycle orchestration.</summary>
public sealed record ContractLifecycleState(string ContractId, bool AlertRaised);

/// <summary>Input of the contract timer activities.</summary>
public sealed record ContractTimerInput(string ContractId, string? Kind, bool AlertRaised);

/// <summary>
/// One durable timer per contract: raises the ops alert when a contract is still pending at its activation deadline,
/// and stores <c>ended</c> when the end date has passed. A change of the contract cancels the timer and plans again.
/// </summary>
public sealed class ContractLifecycleOrchestrator : TaskOrchestrator<ContractLifecycleState, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskOrchestrationContext context, ContractLifecycleState input)
    {
        var plan = await context.CallActivityAsync<ContractTimerPlan>(nameof(PlanContractTimerActivity), new ContractTimerInput(input.ContractId, null, input.AlertRaised));
        if (plan.Done)
        {
            return "ended";
        }

        using var cancelTimer = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<object?>(ContractLifecycleSignals.ChangedEvent, cancelTimer.Token);
        var clockMoved = context.WaitForExternalEvent<object?>(AppClockEvents.ChangedEvent, cancelTimer.Token);
        var waits = new List<Task> { changed, clockMoved };
        Task? timer = null;
        if (plan.Delay is { } delay)
        {
            timer = context.CreateTimer(context.CurrentUtcDateTime + delay, cancelTimer.Token);
            waits.Add(timer);
        }

        var winner = await Task.WhenAny(waits);
        cancelTimer.Cancel();
        var alertRaised = input.AlertRaised;
        if (winner == timer)
        {
            var acted = await context.CallActivityAsync<bool>(nameof(FireContractTimerActivity), new ContractTimerInput(input.ContractId, plan.Kind, input.AlertRaised));
            alertRaised |= acted && plan.Kind == ContractTimerPlan.ActivationDeadlineKind;
        }

        context.ContinueAsNew(new ContractLifecycleState(input.ContractId, alertRaised));
        return "continued";
    }
}
