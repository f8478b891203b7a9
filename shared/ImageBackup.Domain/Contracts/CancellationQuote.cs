using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Contracts;

/// <summary>What an accepted cancellation means for the customer: when it ends and what ending early costs.</summary>
/// <param name="EndMonth">The requested end month.</param>
/// <param name="EndDate">Last day of the end month: the contract's last day.</param>
/// <param name="EndsAt">23:59:59 Tokyo time on <paramref name="EndDate"/>.</param>
/// <param name="RequestDeadline">Last day on which this cancellation (or its withdrawal) may arrive.</param>
/// <param name="RequestDeadlineAt">23:59:59 Tokyo time on <paramref name="RequestDeadline"/>.</param>
/// <param name="MinimumTermEnd">Last day of the minimum term, or <c>null</c> when billing never started.</param>
/// <param name="CutsMinimumTermShort">Whether the end date is before <paramref name="MinimumTermEnd"/>.</param>
/// <param name="EarlyTerminationDays">Days from the day after the end date to the end of the minimum term, inclusive.</param>
/// <param name="EarlyTerminationFee">Sum of <paramref name="EarlyTerminationLines"/>, tax excluded.</param>
/// <param name="EarlyTerminationLines">The per-plan, per-month lines the final invoice will show.</param>
public sealed record CancellationQuote(
    CalendarMonth EndMonth,
    DateOnly EndDate,
    DateTimeOffset EndsAt,
    DateOnly RequestDeadline,
    DateTimeOffset RequestDeadlineAt,
    DateOnly? MinimumTermEnd,
    bool CutsMinimumTermShort,
    int EarlyTerminationDays,
    long EarlyTerminationFee,
    IReadOnlyList<InvoiceLine> EarlyTerminationLines);
