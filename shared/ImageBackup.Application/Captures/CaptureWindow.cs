using ImageBackup.Domain.Calendar;

namespace ImageBackup.Application.Captures;

/// <summary>The backup window of a night, 00:00–06:00 JST of its date, so commands, SAS tokens and timers expire together.</summary>
public static class CaptureWindow
{
    /// <summary>Length of the window.</summary>
    public static TimeSpan Length { get; } = TimeSpan.FromHours(6);

    /// <summary>When the window of <paramref name="night"/> opens.</summary>
    public static DateTimeOffset OpensAt(DateOnly night) => TokyoCalendar.StartOf(night);

    /// <summary>When the window of <paramref name="night"/> closes: nothing of that night is accepted after it.</summary>
    public static DateTimeOffset ClosesAt(DateOnly night) => OpensAt(night) + Length;
}
