using System.Globalization;

namespace ImageBackup.LocalHost.Configuration;

/// <summary>Reads <c>ImageBackup:Clock:Now</c> (local host only; the Functions app in Azure never reads it).</summary>
public static class ClockOverride
{
    /// <summary>The setting name.</summary>
    public const string Setting = "ImageBackup:Clock:Now";

    /// <summary>The app's clock: the real one, or one shifted to start at the configured instant.</summary>
    public static TimeProvider Create(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || !HasOffset(text))
        {
            throw new InvalidOperationException($"{Setting} must be an ISO 8601 instant with an offset, e.g. 2027-04-30T23:59:00+09:00; got '{text}'.");
        }

        return new ShiftedTimeProvider(start, TimeProvider.System);
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal);
}
