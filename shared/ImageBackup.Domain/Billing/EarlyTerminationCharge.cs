using System.Globalization;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Domain.Billing;

/// <summary>
/// What ending before the minimum term costs: the remaining days, per plan and per calendar month they fall in,
/// at <c>monthlyFee × days ÷ daysInThatMonth</c> rounded down per line (the same lines the final invoice shows).
/// </summary>
public static class EarlyTerminationCharge
{
    /// <summary>The lines, plan by plan and month by month; empty when the end date is on or after the end of the minimum term.</summary>
    public static IReadOnlyList<InvoiceLine> Lines(BillingTerms terms, DateOnly endDate)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var remaining = MinimumTerm.RemainingAfter(terms.BillingStart, endDate);
        if (remaining is null)
        {
            return [];
        }

        var pieces = remaining.SplitByMonth();
        return [.. terms.Plans.SelectMany(plan => pieces.Select(piece =>
        {
            var daysInMonth = CalendarMonth.Of(piece.First).DaysInMonth;
            var description = string.Create(CultureInfo.InvariantCulture,
                $"{plan.Code} early termination {piece} ({piece.Days}/{daysInMonth} days)");
            return new InvoiceLine(InvoiceLineKind.EarlyTermination, description, plan.Code, piece.Days, piece,
                PerDayFee.For(plan.MonthlyFee, piece.Days, daysInMonth));
        }))];
    }
}
