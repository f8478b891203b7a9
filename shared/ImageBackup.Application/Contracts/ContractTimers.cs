using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.Contracts;

/// <summary>The rules behind each contract's durable timer: when it must next wake, and what it does then.</summary>
public sealed class ContractTimers(ContractService contracts, IOpsAlertStore alerts, TimeProvider clock)
{
    /// <summary>Plans the next timer of contract <paramref name="id"/>; <paramref name="alertRaised"/> says the deadline alert is done.</summary>
    public async Task<ContractTimerPlan> PlanAsync(string id, bool alertRaised, CancellationToken cancellationToken)
    {
        var contract = await contracts.FindForTimersAsync(id, cancellationToken);
        if (contract is null || contract.Status == ContractStatus.Ended)
        {
            return new ContractTimerPlan(true, null, null);
        }

        var now = clock.GetUtcNow();
        if (contract.EndsAt is { } endsAt)
        {
            return new ContractTimerPlan(false, ContractTimerPlan.EndKind, Until(endsAt.AddSeconds(1), now));
        }

        if (contract.Status == ContractStatus.PendingActivation && !alertRaised)
        {
            var deadlinePassed = TokyoCalendar.EndOf(contract.ActivationDeadline).AddSeconds(1);
            return new ContractTimerPlan(false, ContractTimerPlan.ActivationDeadlineKind, Until(deadlinePassed, now));
        }

        return new ContractTimerPlan(false, null, null);
    }

    /// <summary>Does what a woken timer is for; returns whether it acted (the app clock may say it is not yet time).</summary>
    public async Task<bool> FireAsync(string id, string kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (kind == ContractTimerPlan.EndKind)
        {
            var contract = await contracts.EndIfDueAsync(id, cancellationToken);
            return contract?.Status == ContractStatus.Ended;
        }

        var pending = await contracts.FindForTimersAsync(id, cancellationToken);
        if (pending is null || !pending.IsActivationOverdue(now))
        {
            return false;
        }

        await alerts.RaiseOnceAsync(
            new OpsAlert(id, ContractTimerPlan.ActivationDeadlineKind,
                $"Contract {id} ({pending.Server.HostName}) has no successful backup by its activation deadline {pending.ActivationDeadline:yyyy-MM-dd}; backups must start within one month of the order.",
                now),
            cancellationToken);
        return true;
    }

    private static TimeSpan Until(DateTimeOffset target, DateTimeOffset now) => target > now ? target - now : TimeSpan.Zero;
}
