using System.Globalization;
using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>The night's date as written in messages.</summary>
internal static class NightText
{
    /// <summary>Parses <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly Parse(string date) => DateOnly.ParseExact(date, NightlyRunNames.DateFormat, CultureInfo.InvariantCulture);
}
