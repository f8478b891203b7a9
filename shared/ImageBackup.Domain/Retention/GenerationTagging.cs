using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Retention;

/// <summary>The one tagging rule for nightly captures, so the capture side and retention agree on which night is weekly or monthly.</summary>
/// <remarks>
/// A night is named by the JST date D on which its backup window (00:00–06:00 JST) lies: "the night of Sunday to
/// Monday" is the window 00:00–06:00 JST of Monday D, "the night of the 1st" is the window of the 1st itself.
/// </remarks>
public static class GenerationTagging
{
    /// <summary>The night a capture belongs to: the Tokyo date on which it started.</summary>
    public static DateOnly NightOf(DateTimeOffset captureStartedAt) => TokyoCalendar.DateOf(captureStartedAt);

    /// <summary>The tags of the capture of night <paramref name="night"/>: always daily, weekly on Mondays, monthly on the 1st.</summary>
    public static GenerationTags For(DateOnly night)
    {
        var tags = GenerationTags.Daily;
        if (night.DayOfWeek == DayOfWeek.Monday)
        {
            tags |= GenerationTags.Weekly;
        }

        if (night.Day == 1)
        {
            tags |= GenerationTags.Monthly;
        }

        return tags;
    }
}
