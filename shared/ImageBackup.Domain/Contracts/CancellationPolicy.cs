using System.Globalization;
using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Contracts;

/// <summary>
/// Specification 3.2: a cancellation must arrive by the last day (Tokyo) of the month before the end month, and the
/// contract ends on the last day of the end month; ending before the minimum term costs the remaining days.
/// A never-activated contract follows the same month-end rule and costs nothing. See docs/contracts.md.
/// </summary>
public static class CancellationPolicy
{
    /// <summary>The last day a cancellation ending in <paramref name="endMonth"/> may arrive: the last day of the month before.</summary>
    public static DateOnly RequestDeadline(CalendarMonth endMonth) => endMonth.Previous.LastDay;

    /// <summary>The earliest end month a cancellation arriving at <paramref name="now"/> can ask for: the month after the current Tokyo month.</summary>
    public static CalendarMonth EarliestEndMonth(DateTimeOffset now) => TokyoCalendar.MonthOf(now).Next;

    /// <summary>Decides a cancellation request whose end month is still text (<c>yyyy-MM</c>) from the client.</summary>
    public static CancellationDecision Evaluate(Contract contract, string? endMonth, DateTimeOffset now) =>
        CalendarMonth.TryParse(endMonth, out var month)
            ? Evaluate(contract, month, now)
            : CancellationDecision.Reject(CancellationRules.MalformedMonth, $"'{endMonth}' is not a month in the form yyyy-MM, e.g. 2027-05.");

    /// <summary>Decides a cancellation request for <paramref name="endMonth"/> arriving at <paramref name="now"/>.</summary>
    public static CancellationDecision Evaluate(Contract contract, CalendarMonth endMonth, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var status = contract.StatusAt(now);
        if (status == ContractStatus.Ended)
        {
            return CancellationDecision.Reject(CancellationRules.ContractEnded, $"Contract {contract.Id} has ended.");
        }

        if (status == ContractStatus.CancellationScheduled)
        {
            return CancellationDecision.Reject(CancellationRules.AlreadyCancelled,
                $"Contract {contract.Id} is already cancelled to end on {contract.EndDate:yyyy-MM-dd}; withdraw that cancellation first.");
        }

        var today = TokyoCalendar.DateOf(now);
        var deadline = RequestDeadline(endMonth);
        if (endMonth < CalendarMonth.Of(today))
        {
            return CancellationDecision.Reject(CancellationRules.EndMonthInPast, $"The end month {endMonth} is in the past.");
        }

        if (today > deadline)
        {
            return CancellationDecision.Reject(CancellationRules.DeadlinePassed, string.Create(CultureInfo.InvariantCulture,
                $"A cancellation ending in {endMonth} had to arrive by {deadline:yyyy-MM-dd} 23:59:59 JST; the earliest end month now is {EarliestEndMonth(now)}."));
        }

        return CancellationDecision.Accept(Quote(contract, endMonth));
    }

    /// <summary>Decides whether a scheduled cancellation may be withdrawn at <paramref name="now"/>: until its own request deadline.</summary>
    public static WithdrawalDecision EvaluateWithdrawal(Contract contract, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.StatusAt(now) != ContractStatus.CancellationScheduled || contract.EndMonth is not { } endMonth)
        {
            return new(null, new PolicyRejection(CancellationRules.NotCancelled, $"Contract {contract.Id} has no cancellation to withdraw."));
        }

        var deadline = RequestDeadline(endMonth);
        return TokyoCalendar.DateOf(now) <= deadline
            ? new(deadline, null)
            : new(deadline, new PolicyRejection(CancellationRules.DeadlinePassed,
                $"The cancellation could be withdrawn until {deadline:yyyy-MM-dd} 23:59:59 JST."));
    }

    private static CancellationQuote Quote(Contract contract, CalendarMonth endMonth)
    {
        var endDate = endMonth.LastDay;
        var deadline = RequestDeadline(endMonth);
        var terms = BillingTerms.Of(contract) is { } t ? t with { EndDate = endDate } : null;
        var lines = terms is null ? [] : EarlyTerminationCharge.Lines(terms, endDate);
        var remaining = terms is null ? null : MinimumTerm.RemainingAfter(terms.BillingStart, endDate);
        return new CancellationQuote(
            endMonth, endDate, TokyoCalendar.EndOf(endDate), deadline, TokyoCalendar.EndOf(deadline),
            terms?.MinimumTermEnd, remaining is not null, remaining?.Days ?? 0, lines.Sum(l => l.Amount), lines);
    }
}
