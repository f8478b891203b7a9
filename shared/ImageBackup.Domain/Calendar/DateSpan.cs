using System.Globalization;

namespace ImageBackup.Domain.Calendar;

/// <summary>An inclusive range of calendar dates, because fees are charged for whole days and split by calendar month.</summary>
/// <param name="First">The first day in the range.</param>
/// <param name="Last">The last day in the range, inclusive; never before <paramref name="First"/>.</param>
public sealed record DateSpan(DateOnly First, DateOnly Last)
{
    /// <summary>How many days the range covers, counting both ends.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>The range, or <c>null</c> when <paramref name="last"/> is before <paramref name="first"/>.</summary>
    public static DateSpan? Between(DateOnly first, DateOnly last) => last < first ? null : new DateSpan(first, last);

    /// <summary>The part of this range inside <paramref name="other"/>, or <c>null</c> when they do not meet.</summary>
    public DateSpan? Intersect(DateSpan other) =>
        Between(First > other.First ? First : other.First, Last < other.Last ? Last : other.Last);

    /// <summary>The range cut at month boundaries, one piece per calendar month, in date order.</summary>
    public IReadOnlyList<DateSpan> SplitByMonth()
    {
        var pieces = new List<DateSpan>();
        for (var month = CalendarMonth.Of(First); month.FirstDay <= Last; month = month.Next)
        {
            pieces.Add(Intersect(month.Days)!);
        }

        return pieces;
    }

    /// <summary>The <c>yyyy-MM-dd..yyyy-MM-dd</c> form used in invoice descriptions.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}");
}
