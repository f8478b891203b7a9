using System.Globalization;

namespace ImageBackup.Application.NightlyRuns;

/// <summary>Names a night's orchestration after its JST date, so one night can only ever have one run.</summary>
public static class NightlyRunNames
{
    /// <summary>The wire and instance-id format of a night's date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The fixed instance id of the run for <paramref name="night"/>, e.g. <c>nightly-2026-12-01</c>.</summary>
    public static string InstanceId(DateOnly night) => "nightly-" + night.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a night written by <see cref="Format"/> (messages the service wrote itself; user input goes through <see cref="TryParseDate"/>).</summary>
    public static DateOnly Parse(string date) => DateOnly.ParseExact(date, DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes a night as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly night) => night.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a strict <c>yyyy-MM-dd</c> date.</summary>
    public static bool TryParseDate(string? text, out DateOnly night) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out night);
}
