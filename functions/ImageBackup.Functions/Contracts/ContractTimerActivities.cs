using ImageBackup.Application.Contracts;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.Contracts;

/// <summary>Plans a contract's next timer on the app's clock (an activity, because orchestrators must not read clocks or storage).</summary>
public sealed class PlanContractTimerActivity(ContractTimers timers) : TaskActivity<ContractTimerInput, ContractTimerPlan>
{
    /// <inheritdoc />
    public override Task<ContractTimerPlan> RunAsync(TaskActivityContext context, ContractTimerInput input) =>
        timers.PlanAsync(input.ContractId, input.AlertRaised, CancellationToken.None);
}

/// <summary>Does what a contract's woken timer is for: end the contract or raise the activation alert.</summary>
public sealed class FireContractTimerActivity(ContractTimers timers) : TaskActivity<ContractTimerInput, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, ContractTimerInput input) =>
        timers.FireAsync(input.ContractId, input.Kind!, CancellationToken.None);
}
