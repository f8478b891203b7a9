using System.Globalization;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Domain.Billing;

/// <summary>Computes the invoice of one month (see docs/billing.md), so every invoice follows the same written rules.</summary>
public static class InvoiceCalculator
{
    /// <summary>The invoice of <paramref name="month"/>, or <c>null</c> before the billing-start month, after the end month, or before activation.</summary>
    public static Invoice? Calculate(Contract contract, CalendarMonth month) =>
        BillingTerms.Of(contract) is { } terms ? Calculate(terms, month) : null;

    /// <summary>The invoice of <paramref name="month"/>, or <c>null</c> when the month is outside the billed span.</summary>
    public static Invoice? Calculate(BillingTerms terms, CalendarMonth month)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var inService = new DateSpan(terms.BillingStart, terms.EndDate ?? DateOnly.MaxValue).Intersect(month.Days);
        if (inService is null)
        {
            return null;
        }

        var lines = new List<InvoiceLine>();
        if (month.Contains(terms.BillingStart))
        {
            lines.AddRange(terms.Plans.Select(p => new InvoiceLine(
                InvoiceLineKind.InitialFee, $"{p.Code} initial fee", p.Code, null, null, p.InitialFee)));
        }

        lines.AddRange(terms.Plans.Select(p => MonthlyLine(p.Code, p.MonthlyFee, inService, month.DaysInMonth)));
        var isFinal = terms.EndDate is { } end && month.Contains(end);
        if (isFinal)
        {
            lines.AddRange(EarlyTerminationCharge.Lines(terms, terms.EndDate!.Value));
        }

        return Invoice.From(month, lines, isFinal);
    }

    /// <summary>
    /// The months invoiced so far at <paramref name="now"/>: from the billing-start month to the current Tokyo month
    /// (inclusive, as its fee is already owed), never past the end month.
    /// </summary>
    public static IReadOnlyList<CalendarMonth> BilledMonths(BillingTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var last = TokyoCalendar.MonthOf(now);
        if (terms.EndDate is { } end && CalendarMonth.Of(end) < last)
        {
            last = CalendarMonth.Of(end);
        }

        var months = new List<CalendarMonth>();
        for (var m = CalendarMonth.Of(terms.BillingStart); m <= last; m = m.Next)
        {
            months.Add(m);
        }

        return months;
    }

    /// <summary>The months invoiced so far for a contract; empty before activation.</summary>
    public static IReadOnlyList<CalendarMonth> BilledMonths(Contract contract, DateTimeOffset now) =>
        BillingTerms.Of(contract) is { } terms ? BilledMonths(terms, now) : [];

    private static InvoiceLine MonthlyLine(string code, long monthlyFee, DateSpan days, int daysInMonth)
    {
        var full = days.Days == daysInMonth;
        var description = full
            ? $"{code} monthly fee {days}"
            : string.Create(CultureInfo.InvariantCulture, $"{code} monthly fee {days} ({days.Days}/{daysInMonth} days)");
        return new InvoiceLine(InvoiceLineKind.MonthlyFee, description, code, days.Days, days,
            PerDayFee.For(monthlyFee, days.Days, daysInMonth));
    }
}
