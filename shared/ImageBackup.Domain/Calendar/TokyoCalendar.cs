namespace ImageBackup.Domain.Calendar;

/// <summary>The one place that turns instants into Japanese calendar dates, because every contract and billing rule is stated in Asia/Tokyo time.</summary>
public static class TokyoCalendar
{
    /// <summary>The Asia/Tokyo time zone (UTC+9, no daylight saving).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The instant as seen on a clock in Tokyo.</summary>
    public static DateTimeOffset ToTokyo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Tokyo calendar date on which the instant falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToTokyo(instant).DateTime);

    /// <summary>The Tokyo calendar month in which the instant falls.</summary>
    public static CalendarMonth MonthOf(DateTimeOffset instant) => CalendarMonth.Of(DateOf(instant));

    /// <summary>00:00:00 in Tokyo on the date, as an instant with the +09:00 offset.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>23:59:59 in Tokyo on the date: the instant contracts quote as "the end of that day".</summary>
    public static DateTimeOffset EndOf(DateOnly date) => At(date, new TimeOnly(23, 59, 59));

    private static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
