using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Contracts;

/// <summary>
/// The three-month minimum term counted from the billing start date (specification 3.1), written once so that
/// cancellation quotes and invoices agree. The term includes the billing start day and ends on the day before the
/// same day-of-month three months later; when that month has no such day, on its last day
/// (2027-02-15 → 2027-05-14; 2028-02-29 → 2028-05-28; 2027-01-31 → 2027-04-30; 2027-02-01 → 2027-04-30).
/// </summary>
public static class MinimumTerm
{
    /// <summary>Length of the minimum term in months.</summary>
    public const int Months = 3;

    /// <summary>The last day (inclusive) of the minimum term.</summary>
    public static DateOnly EndFor(DateOnly billingStart) => MonthPeriod.LastDayOfPeriod(billingStart, Months);

    /// <summary>
    /// The days still owed when the contract ends on <paramref name="endDate"/>: from the day after the end date to the
    /// end of the minimum term, both inclusive; <c>null</c> when the end date is on or after the end of the term.
    /// </summary>
    public static DateSpan? RemainingAfter(DateOnly billingStart, DateOnly endDate) =>
        DateSpan.Between(endDate.AddDays(1), EndFor(billingStart));
}
