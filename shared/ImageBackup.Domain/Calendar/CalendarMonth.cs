using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace ImageBackup.Domain.Calendar;

/// <summary>A calendar month such as <c>2027-05</c>, because invoices and cancellations are asked for by month, not by date.</summary>
/// <param name="Year">The year, 1 to 9998.</param>
/// <param name="Month">The month, 1 to 12.</param>
[JsonConverter(typeof(CalendarMonthJsonConverter))]
public readonly record struct CalendarMonth(int Year, int Month) : IComparable<CalendarMonth>
{
    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The last day of the month (28, 29, 30 or 31).</summary>
    public DateOnly LastDay => new(Year, Month, DaysInMonth);

    /// <summary>How many days the month has.</summary>
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    /// <summary>All days of the month as one range.</summary>
    public DateSpan Days => new(FirstDay, LastDay);

    /// <summary>The month after this one.</summary>
    public CalendarMonth Next => Of(FirstDay.AddMonths(1));

    /// <summary>The month before this one.</summary>
    public CalendarMonth Previous => Of(FirstDay.AddMonths(-1));

    /// <summary>The month in which the date falls.</summary>
    public static CalendarMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Reads the strict <c>yyyy-MM</c> form (four-digit year, two-digit month, nothing else).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CalendarMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year is < 1 or > 9998 || m is < 1 or > 12)
        {
            return false;
        }

        month = new CalendarMonth(year, m);
        return true;
    }

    /// <summary>Reads <c>yyyy-MM</c>, or throws <see cref="FormatException"/>.</summary>
    public static CalendarMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    /// <inheritdoc />
    public int CompareTo(CalendarMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>Whether the date falls in this month.</summary>
    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>The <c>yyyy-MM</c> form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) >= 0;
}
