using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Contracts;

/// <summary>
/// The last day by which the first backup must have started: the order's receipt date in Tokyo plus one calendar
/// month (specification 3.1 "within one month"), the same day-of-month, clamped to the month's last day
/// (received 2027-01-15 → 2027-02-15; 2027-01-31 → 2027-02-28; 2028-01-31 → 2028-02-29).
/// </summary>
public static class ActivationDeadline
{
    /// <summary>The deadline date (inclusive) for an order received at <paramref name="receivedAt"/>.</summary>
    public static DateOnly For(DateTimeOffset receivedAt) =>
        MonthPeriod.SameDayMonthsLater(TokyoCalendar.DateOf(receivedAt), 1);
}
