using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Billing;

/// <summary>The only contract facts billing reads, so invoices can be computed (and documented) without a whole contract.</summary>
/// <param name="Plans">The plans charged, in contract order.</param>
/// <param name="BillingStart">Tokyo date of the first successful backup.</param>
/// <param name="EndDate">The contract's last day, or <c>null</c> while no cancellation is scheduled.</param>
public sealed record BillingTerms(IReadOnlyList<BackupPlan> Plans, DateOnly BillingStart, DateOnly? EndDate)
{
    /// <summary>Last day of the three-month minimum term.</summary>
    public DateOnly MinimumTermEnd => MinimumTerm.EndFor(BillingStart);

    /// <summary>The terms of a contract, or <c>null</c> when billing has not started (nothing is ever billed then).</summary>
    public static BillingTerms? Of(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.BillingStart is { } start
            ? new([.. contract.PlanCodes.Select(PlanCatalog.Get)], start, contract.EndDate)
            : null;
    }
}
