using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Domain.Contracts;

/// <summary>One customer's backup contract for one server: the state every order, cancellation and invoice rule reads.</summary>
/// <param name="Id">Contract id.</param>
/// <param name="CustomerId">The customer who ordered it.</param>
/// <param name="Status">Stored status; use <see cref="StatusAt"/> to see whether the end date has passed.</param>
/// <param name="PlanCodes">Canonical plan codes, in order-form order; fixed for the life of the contract.</param>
/// <param name="Server">The server backed up; fixed for the life of the contract.</param>
/// <param name="ReceivedAt">When the order was received.</param>
/// <param name="BillingStart">Tokyo date of the first successful backup, or <c>null</c> before activation.</param>
/// <param name="EndMonth">The month at whose last day the contract ends, once a cancellation is accepted.</param>
/// <param name="CancellationRequestedAt">When the accepted cancellation arrived.</param>
public sealed record Contract(
    string Id,
    string CustomerId,
    ContractStatus Status,
    IReadOnlyList<string> PlanCodes,
    ServerTarget Server,
    DateTimeOffset ReceivedAt,
    DateOnly? BillingStart = null,
    CalendarMonth? EndMonth = null,
    DateTimeOffset? CancellationRequestedAt = null)
{
    /// <summary>Last day (inclusive) by which backups must have started.</summary>
    public DateOnly ActivationDeadline => Contracts.ActivationDeadline.For(ReceivedAt);

    /// <summary>Last day (inclusive) of the three-month minimum term, once billing has started.</summary>
    public DateOnly? MinimumTermEnd => BillingStart is { } start ? MinimumTerm.EndFor(start) : null;

    /// <summary>The end date (last day of <see cref="EndMonth"/>), once a cancellation is accepted.</summary>
    public DateOnly? EndDate => EndMonth?.LastDay;

    /// <summary>23:59:59 Tokyo time on <see cref="EndDate"/>.</summary>
    public DateTimeOffset? EndsAt => EndDate is { } end ? TokyoCalendar.EndOf(end) : null;

    /// <summary>A new contract in <see cref="ContractStatus.PendingActivation"/> from a validated order.</summary>
    public static Contract Open(string id, string customerId, ValidatedOrder order, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(id, customerId, ContractStatus.PendingActivation, [.. order.Plans.Select(p => p.Code)], order.Server, receivedAt);
    }

    /// <summary>The status at <paramref name="now"/>: <see cref="ContractStatus.Ended"/> once the Tokyo date is past the end date.</summary>
    public ContractStatus StatusAt(DateTimeOffset now) =>
        EndDate is { } end && TokyoCalendar.DateOf(now) > end ? ContractStatus.Ended : Status;

    /// <summary>Whether the first backup is still missing after the activation deadline (an operations alert, not a state).</summary>
    public bool IsActivationOverdue(DateTimeOffset now) =>
        BillingStart is null && TokyoCalendar.DateOf(now) > ActivationDeadline;

    /// <summary>
    /// Records the first successful backup: billing starts on its Tokyo date. Only a pending contract can be activated;
    /// a contract whose cancellation is scheduled before activation is never activated (withdraw the cancellation first).
    /// </summary>
    public Contract Activate(DateTimeOffset firstBackupSucceededAt) => Status == ContractStatus.PendingActivation
        ? this with { Status = ContractStatus.Active, BillingStart = TokyoCalendar.DateOf(firstBackupSucceededAt) }
        : throw new InvalidOperationException($"Contract {Id} is {ContractStatusNames.WireName(Status)}; only a pending-activation contract can be activated.");

    /// <summary>Records a cancellation that <see cref="CancellationPolicy"/> accepted.</summary>
    public Contract ScheduleCancellation(CancellationQuote quote, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return Status is ContractStatus.PendingActivation or ContractStatus.Active
            ? this with { Status = ContractStatus.CancellationScheduled, EndMonth = quote.EndMonth, CancellationRequestedAt = requestedAt }
            : throw new InvalidOperationException($"Contract {Id} is {ContractStatusNames.WireName(Status)}; it cannot be cancelled.");
    }

    /// <summary>Undoes a scheduled cancellation that <see cref="CancellationPolicy.EvaluateWithdrawal"/> allowed.</summary>
    public Contract WithdrawCancellation() => Status == ContractStatus.CancellationScheduled
        ? this with
        {
            Status = BillingStart is null ? ContractStatus.PendingActivation : ContractStatus.Active,
            EndMonth = null,
            CancellationRequestedAt = null,
        }
        : throw new InvalidOperationException($"Contract {Id} has no scheduled cancellation.");

    /// <summary>The contract with its stored status set to <see cref="ContractStatus.Ended"/> when the end date has passed.</summary>
    public Contract EndIfDue(DateTimeOffset now) =>
        StatusAt(now) == ContractStatus.Ended && Status != ContractStatus.Ended ? this with { Status = ContractStatus.Ended } : this;
}
