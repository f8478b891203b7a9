namespace ImageBackup.Domain.Calendar;

/// <summary>
/// Periods counted in months the way the Japanese Civil Code counts them (art. 143), so that
/// "one month after receipt" and "three months from billing start" have exactly one meaning.
/// </summary>
public static class MonthPeriod
{
    /// <summary>
    /// The day a period of <paramref name="months"/> months that ends on the same day-of-month as
    /// <paramref name="date"/> falls on; when that month is too short, its last day
    /// (31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year).
    /// </summary>
    public static DateOnly SameDayMonthsLater(DateOnly date, int months) => date.AddMonths(months);

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months whose first day is <paramref name="firstDay"/>:
    /// the day before the corresponding day-of-month; when that month has no corresponding day, its last day.
    /// 2027-02-15 + 3 months ends 2027-05-14; 2027-01-31 + 3 months ends 2027-04-30 (April has no 31st).
    /// </summary>
    public static DateOnly LastDayOfPeriod(DateOnly firstDay, int months)
    {
        var corresponding = firstDay.AddMonths(months);
        return corresponding.Day == firstDay.Day ? corresponding.AddDays(-1) : corresponding;
    }
}
